/** Our own text may share short phrases with a source; this many consecutive words is copying. */
export const copiedRunLimit = 12;

/** Words as compared for copying: lower case, letters and digits only, typographic apostrophes folded. */
export function comparableWords(text: string): string[] {
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

/**
 * The longest run of consecutive words of `text` that also appears, word for
 * word, in `sourceWords` (given joined with single spaces and padded with a
 * space at each end, so runs match whole words only).
 */
export function longestCopiedRun(text: string, paddedSource: string): CopiedRun {
  const words = comparableWords(text);
  let best: CopiedRun = { length: 0, words: "" };
  for (let start = 0; start < words.length; start++) {
    // Only runs longer than the best so far matter: start the search there.
    let length = best.length + 1;
    while (start + length <= words.length && paddedSource.includes(` ${words.slice(start, start + length).join(" ")} `)) {
      best = { length, words: words.slice(start, start + length).join(" ") };
      length++;
    }
  }
  return best;
}

/** A source text prepared for longestCopiedRun. */
export function paddedSourceWords(text: string): string {
  return ` ${comparableWords(text).join(" ")} `;
}
