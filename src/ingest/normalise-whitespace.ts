import { withoutInvisibleCharacters } from "../text/invisible.js";

/**
 * One paragraph as one line: runs of whitespace (line breaks, tabs, no-break
 * spaces) become a single space, and invisible characters go. Nothing else is
 * touched: quotes, dashes and spelling stay as the source has them, because
 * claims quote them verbatim.
 */
export function normaliseWhitespace(text: string): string {
  return withoutInvisibleCharacters(text).replace(/\s+/g, " ").trim();
}
