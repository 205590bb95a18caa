/**
 * Characters that change no word a reader sees: a soft hyphen (U+00AD), a zero-width space (U+200B), a word joiner
 * (U+2060) and a zero-width no-break space (U+FEFF). Left in a corpus text, they are invisible in `brief show` and
 * make a quote of the words around them fail.
 */
const invisible = /[\u00AD\u200B\u2060\uFEFF]/g;

/**
 * One paragraph as one line: runs of whitespace (line breaks, tabs, no-break
 * spaces) become a single space, and invisible characters go. Nothing else is
 * touched: quotes, dashes and spelling stay as the source has them, because
 * claims quote them verbatim.
 */
export function normaliseWhitespace(text: string): string {
  return text.replace(invisible, "").replace(/\s+/g, " ").trim();
}
