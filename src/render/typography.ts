import { smartypantsu } from "smartypants";
import { fullStop } from "../text/prose.js";
import { rememberText } from "../text/remember-text.js";

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
  const keep = (match: string) => {
    kept.push(match);
    return `\uE000${kept.length - 1}\uE001`;
  };
  // Lines that are Markdown's structure, where "--" is no dash: a table's delimiter row (| --- | :--: |),
  // a thematic break (---, ***, ___) and a heading's underline (===, ---).
  const structure = /^ {0,3}(?:\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?|\|[ \t]*:?-+:?[ \t]*\||[-*_](?:[ \t]*[-*_]){2,}|=+|-+)[ \t]*$/gm;
  const protectedText = markdown.replace(structure, keep).replace(/(`+)[^`]*?\1|\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, keep);
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

/**
 * What goes before a quote printed after our own sentence: a quote that starts in lower case ("economics are
 * viewed as a force …") is a fragment, and dropped in after a full stop it reads as a broken sentence; a lead-in
 * makes it one. A quote that starts a sentence of its own needs none.
 */
export function quoteLead(quote: string): string {
  return /^[^\p{L}\p{N}]*\p{Ll}/u.test(quote) ? "In the source’s words, " : "";
}

/**
 * What goes after the citation of a quote printed after our own sentence: a full stop, when the quote (verbatim,
 * so never edited) does not end its sentence itself. "… bringing the two closer” (GMF workshop [1], para. 15)"
 * ended the claim without one.
 */
export function quoteEnd(quote: string): string {
  return fullStop(quote);
}
