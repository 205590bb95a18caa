import { smartypantsu } from "smartypants";
import { rememberText } from "../text/memo.js";

/**
 * Typography for printed text: straight quotes become typographic ones (“ ” ‘ ’
 * and the apostrophe), "--" a dash, "..." an ellipsis. SmartyPants (the
 * original rules, as the smartypants package implements them) decides which
 * way each quote turns. Text is converted before it is escaped or rendered.
 */

/** q: quotes, d: "--" as an em dash, e: ellipses. Backticks stay as typed. */
const attributes = "qde";

/** Our own plain text (titles, labels, theses, notes): straight quotes become typographic. */
// SmartyPants leaves anything that looks like an HTML tag alone; plain text has none to protect.
export const typographic = rememberText((text) => smartypantsu(text, attributes));

/**
 * Markdown source: the same, but code spans, link targets and autolinks keep
 * their characters exactly (a URL with an apostrophe must still work).
 */
export const typographicMarkdown = rememberText((markdown) => {
  const kept: string[] = [];
  const protectedText = markdown.replace(/(`+)[^`]*?\1|\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, (match) => {
    kept.push(match);
    return `\uE000${kept.length - 1}\uE001`;
  });
  return typographic(protectedText).replace(/\uE000(\d+)\uE001/g, (_, index: string) => kept[Number(index)]!);
});

/**
 * A verbatim quote as printed, in double quotes: quotation marks inside it
 * become single ones (“China aims to become a ‘responsible’ power”), as
 * nested quotations are written. The words themselves do not change.
 */
export function quotation(quote: string): string {
  const inner = typographic(quote.trim()).replace(/“/g, "‘").replace(/”/g, "’");
  return `“${inner}”`;
}
