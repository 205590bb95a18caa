/** Words in a piece of our own text (Markdown markup and link targets are not words). */
export function countWords(text: string): number {
  return text
    .replace(/\]\([^)]*\)/g, " ") // a link's target is not words a reader reads
    .replace(/[*_`#>[\]()]/g, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
