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
