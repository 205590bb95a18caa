/**
 * Characters that change no word a reader sees: a soft hyphen (U+00AD), a zero-width space (U+200B), a word joiner
 * (U+2060) and a zero-width no-break space (U+FEFF). Left in a corpus text, they are invisible in `brief show`; in a
 * text or a quote, they make the words around them fail to match.
 */
const invisible = /[\u00AD\u200B\u2060\uFEFF]/g;

/** The text without its invisible characters: on import, and where quotes are compared. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(invisible, "");
}
