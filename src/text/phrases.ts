/** Our own words only: quoted passages inside a text are the source's, not ours. Blanked, so positions stay. */
export function withoutQuotedPassages(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (quoted) => " ".repeat(quoted.length));
}

/** A phrase as a regular expression's source: its characters as written, any run of white space between its words. */
export function phrasePattern(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}
