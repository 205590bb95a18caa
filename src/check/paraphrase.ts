/** Our own text may share short phrases with a source; this many consecutive words is copying. */
export const copiedRunLimit = 12;

/** Words as compared for copying: lower case, letters and digits only, typographic apostrophes folded. */
function comparableWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\]\([^)]*\)/g, " ")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter((word) => word !== "");
}

export interface CopiedRun {
  /** How many consecutive words of the text appear, in order, in the source. */
  readonly length: number;
  readonly words: string;
}

/** A source's words, indexed by where each occurs: built once per source, however many texts are compared with it. */
export interface SourceWords {
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

/** Index a source text for longestCopiedRun (its paragraphs run on, as one stream of words). */
export function indexSourceWords(text: string): SourceWords {
  const positions = new Map<string, number[]>();
  comparableWords(text).forEach((word, index) => {
    const list = positions.get(word);
    if (list === undefined) positions.set(word, [index]);
    else list.push(index);
  });
  return { positions };
}

/**
 * The longest run of consecutive words of `text` that also appears, word for
 * word, in the source: the longest common run of two word sequences, found by
 * extending, for each word of the text, the runs that ended on the word before
 * (time in proportion to how often the text's words occur in the source).
 */
export function longestCopiedRun(text: string, source: SourceWords): CopiedRun {
  const words = comparableWords(text);
  let bestLength = 0;
  let bestEnd = -1;
  // Run lengths ending at each source position, for the previous word of the text.
  let previous = new Map<number, number>();
  words.forEach((word, index) => {
    const current = new Map<number, number>();
    for (const position of source.positions.get(word) ?? []) {
      const length = (previous.get(position - 1) ?? 0) + 1;
      current.set(position, length);
      if (length > bestLength) {
        bestLength = length;
        bestEnd = index;
      }
    }
    previous = current;
  });
  return { length: bestLength, words: words.slice(bestEnd - bestLength + 1, bestEnd + 1).join(" ") };
}
