/** Counted nouns as the CLI writes them: "1 rule" but "2 rules", digits without grouping. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
