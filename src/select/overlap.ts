/**
 * How much two passages say in the same words: the test for "say it once". A
 * quote adds something after our paraphrase when most of its words are not
 * already there; a fact repeats a claim when it rests on the same words of
 * the same paragraph.
 */

const stopWords = new Set(
  "a an and are as at be been but by for from had has have he her his in is it its of on or our she so such than that the their them then there these they this those to was were which who will with would not no".split(" "),
);

/** Content words, crudely stemmed by truncation to five letters ("limits", "limitations" → "limit"). */
function contentStems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [])
    .map((word) => word.replace(/['’]s$/u, ""))
    .filter((word) => !stopWords.has(word))
    .map((word) => word.slice(0, 5));
}

/** The share of the quote's content words that the paraphrase already has (0 to 1). */
function sharedWording(paraphrase: string, quote: string): number {
  const quoted = contentStems(quote);
  if (quoted.length === 0) return 1;
  const ours = new Set(contentStems(paraphrase));
  return quoted.filter((stem) => ours.has(stem)).length / quoted.length;
}

/**
 * A quote adds something when its wording is the source's own: fewer than two
 * in five of its content words are already in our paraphrase. Above that, the
 * reader would read the same sentence twice.
 */
export function quoteAddsWording(paraphrase: string, quote: string): boolean {
  return sharedWording(paraphrase, quote) < 0.4;
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"‘’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Two quotes overlap: one (of four words or more) contains the other, or they share a run of eight words. */
export function quotesOverlap(a: string, b: string): boolean {
  const x = normalised(a);
  const y = normalised(b);
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.split(" ").length < 4) return false;
  if (` ${longer} `.includes(` ${shorter} `)) return true;
  const words = x.split(" ");
  for (let i = 0; i + 8 <= words.length; i++) {
    if (` ${y} `.includes(` ${words.slice(i, i + 8).join(" ")} `)) return true;
  }
  return false;
}
