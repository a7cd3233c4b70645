/**
 * Numbers and counted nouns as the page writes them everywhere: one grouping ("10,000"), and
 * "1 event" but "2 events".
 */
export const count = (n: number): string => n.toLocaleString('en-US')

export const plural = (n: number, noun: string, nouns = `${noun}s`): string =>
  `${count(n)} ${n === 1 ? noun : nouns}`
