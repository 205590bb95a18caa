/** Nouns whose plural English does not make by a rule. */
const irregular: Readonly<Record<string, string>> = {
  corpus: "corpora",
  analysis: "analyses",
  thesis: "theses",
  criterion: "criteria",
  datum: "data",
};

/** The plural of an English noun (or of the last word of a noun phrase): "corpus" → "corpora", "glossary term" → "glossary terms". */
export function pluralNoun(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(noun);
  if (match === null) return noun;
  const lead = match[1]!;
  const lower = match[2]!.toLowerCase();
  if (irregular[lower] !== undefined) return lead + irregular[lower];
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${noun}es`;
  if (/[^aeiou]y$/.test(lower)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** "1 claim", "3 claims", "2 corpora": English counts for messages. */
export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : pluralNoun(word)}`;
}
