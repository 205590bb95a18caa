/** "1 claim", "3 claims": English counts for messages. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
