/**
 * Hover text mixes our words with the user's rule and event text. The user's text is
 * untrusted: it must never become HTML, a link or a command, so it is shown as escaped
 * Markdown or inside code spans, and every hover is built with `isTrusted: false`.
 */

/** Escape Markdown and HTML metacharacters so `text` renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>&"']/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ')
}

/** Render `text` as an inline code span whose fence is longer than any backtick run inside. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, '⏎')
  const runs = flat.match(/`+/g) ?? []
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 0)
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** Shorten long user values so a hover stays readable. */
export function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** A Monaco IMarkdownString that may not run commands or HTML. */
export function untrusted(value: string): { value: string; isTrusted: false; supportHtml: false } {
  return { value, isTrusted: false, supportHtml: false }
}
