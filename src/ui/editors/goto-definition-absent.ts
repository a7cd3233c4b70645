/**
 * Stands in for Monaco's go-to-definition parts. No language in the page defines symbols, so
 * they had nothing to go to; the hover and the inlay hints import them, and with them came the
 * go-to commands and the peek views, about 13 kB of gzipped JavaScript. The hover's "go to
 * definition" key and an inlay hint's link (no language gives any) now do nothing, as before.
 */
export const GotoDefinitionAtPositionEditorContribution = {
  get: (): null => null,
}

export async function showGoToContextMenu(): Promise<void> {}

export async function goToDefinitionWithLocation(): Promise<void> {}
