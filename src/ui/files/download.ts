// Saving the rule or the events as a file, entirely in the page.

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL can go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A file name from the rule's title: `rundll32_internet_connection.yml`, or `rule.yml`. */
export function ruleFileName(ruleText: string): string {
  const title = /^title:[ \t]*['"]?(.+?)['"]?[ \t]*$/m.exec(ruleText)?.[1] ?? ''
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80)
  return `${slug || 'rule'}.yml`
}

/** NDJSON when every non-empty line parses on its own would be guesswork: keep `.json`. */
export const eventsFileName = (): string => 'events.json'

/** The name to save under: the file the user opened, else one made from the content. */
export const saveName = (kind: 'rule' | 'events', opened: string | undefined, text: string) =>
  opened ?? (kind === 'rule' ? ruleFileName(text) : eventsFileName())
