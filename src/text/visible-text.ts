/**
 * Characters that act on a terminal instead of showing: C0 and C1 controls
 * (but line feed and tab), DEL, and the bidirectional overrides and isolates
 * that reorder what follows on screen ("Trojan Source").
 */
const actingCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file as it may be shown on a terminal: each character that
 * would move the cursor, clear the screen, set the window title or reorder
 * the line becomes one visible U+FFFD, so columns and carets stay aligned.
 */
export function visibleText(text: string): string {
  return text.replace(actingCharacters, "\ufffd");
}

/** Line feed and the Unicode line and paragraph separators: they end a line on a terminal or in a CI log. */
const lineBreaks = /[\n\u2028\u2029]/g;

/**
 * Text that must stay on one line (a file name, a title, a message): as
 * visibleText, and each line break is one U+FFFD too. A line break in a file
 * name or a title would otherwise start a line of its own, which could pass
 * for one of Briefsmith's ("✓ …") or be read by GitHub Actions as a workflow
 * command ("::error …" at the start of a line).
 */
export function visibleLine(text: string): string {
  return visibleText(text).replace(lineBreaks, "\ufffd");
}
