/** The words a document spells with a hyphen inside a line, and all its words, lower-cased. */
export interface Vocabulary {
  readonly hyphenated: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

export function collectVocabulary(lines: readonly string[]): Vocabulary {
  const hyphenated = new Set<string>();
  const words = new Set<string>();
  for (const line of lines) {
    const lower = line.toLowerCase();
    for (const [word] of lower.matchAll(/\p{L}+(?:[-\u2010]\p{L}+)+/gu)) hyphenated.add(word.replace(/\u2010/g, "-"));
    for (const [word] of lower.matchAll(/\p{L}+/gu)) words.add(word);
  }
  return { hyphenated, words };
}

/** Prefixes English always joins with a hyphen ("self-evident", "quasi-alliance"), whatever the rest of the document spells. */
const alwaysHyphenated = /^(?:self|quasi)$/i;

/** A word broken at a hyphen at the end of a line: the part before it, the hyphen, nothing after. */
const brokenWord = /(\p{L}+)[-\u2010]$/u;

/**
 * Two lines of one paragraph as one. A word hyphenated at the line end is
 * put back together ("transfor-" + "mation"), unless the hyphen is the
 * word's own: when the part after it starts with a capital ("Sino-" +
 * "Russian"), when the document spells the word with that hyphen
 * elsewhere, and not without it, and after "self-" and "quasi-", which
 * English always hyphenates. A soft hyphen always goes, and after an
 * unspaced dash or a hyphen before a digit ("1990–" + "1995") no space is
 * put in.
 *
 * Limitation: another compound that is split at its own hyphen and that the
 * document uses nowhere else ("co-" + "operative") loses its hyphen, as
 * telling it from a hyphenated word would need a dictionary.
 */
export function joinLines(left: string, right: string, vocabulary: Vocabulary): string {
  if (left.endsWith("\u00AD")) return left.slice(0, -1) + right;
  const broken = brokenWord.exec(left);
  const next = /^\p{L}+/u.exec(right)?.[0];
  if (broken !== null && next !== undefined) {
    const before = broken[1]!;
    const withHyphen = `${before}-${next}`.toLowerCase();
    const keepHyphen =
      /^\p{Lu}/u.test(next) ||
      (alwaysHyphenated.test(before) && next.length >= 4) ||
      (vocabulary.hyphenated.has(withHyphen) && !vocabulary.words.has(`${before}${next}`.toLowerCase()));
    return keepHyphen ? left + right : left.slice(0, -1) + right;
  }
  return /\S[-\u2010–—]$/.test(left) ? left + right : `${left} ${right}`;
}
