/**
 * Numbers, counted nouns and values as the page writes them everywhere: one grouping
 * ("10,000"), "1 event" but "2 events", and an empty value as `''`.
 */
// One formatter: toLocaleString builds a new one on every call, which the results pane, with
// a count per identifier and per top value, pays for on every keystroke.
const grouping = new Intl.NumberFormat('en-US')

export const count = (n: number): string => grouping.format(n)

export const plural = (n: number, noun: string, nouns = `${noun}s`): string =>
  `${count(n)} ${n === 1 ? noun : nouns}`

/** An event value in a sentence: an empty or blank one quoted as Sigma writes it (`''`). */
export const valueInText = (value: string): string => (value.trim() ? value : `'${value}'`)
