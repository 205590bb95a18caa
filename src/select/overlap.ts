/**
 * How much two passages say in the same words: the test for "say it once" by
 * which a fact repeats a claim when it rests on the same words of the same paragraph.
 */

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
