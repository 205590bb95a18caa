import pluralize from "pluralize";

/** Where Briefsmith's words differ from the pluralize package's ("corpuses"). */
const irregular: Readonly<Record<string, string>> = {
  corpus: "corpora",
};

/**
 * The plural of an English noun (or of the last word of a noun phrase): "corpus" → "corpora",
 * "glossary term" → "glossary terms". One pluraliser for messages and documents alike: the
 * pluralize package's rules and irregular nouns, with Briefsmith's own word for corpus.
 */
export function pluralNoun(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(noun);
  if (match === null) return noun;
  const own = irregular[match[2]!.toLowerCase()];
  return own === undefined ? pluralize(noun) : match[1]! + own;
}

/** "1 claim", "3 claims", "2 corpora": English counts for messages. */
export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : pluralNoun(word)}`;
}
