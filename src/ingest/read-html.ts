import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { decodeText } from "./decode-text.js";
import { collectBlockTexts, noteLink } from "./html-blocks.js";
import { readHtmlMetadata } from "./html-metadata.js";
import { normaliseWhitespace } from "./normalise-whitespace.js";
import type { ReadResult } from "./ingested-document.js";

/**
 * A web page saved as HTML: the article's own text, found by Readability (the
 * algorithm of Firefox's Reader View), without navigation, headers, footers,
 * cookie banners or scripts. linkedom only parses: it runs no script and
 * loads nothing (no images, styles or frames), so ingesting a page never
 * touches the network.
 *
 * The article's headline (its h1) is its first paragraph, as in the other
 * formats; a newsletter sign-up box is dropped before Readability looks; the
 * notes the text points to come last, as a Word file's do.
 *
 * Limitations: on pages that are not articles (a list of links, a form)
 * Readability may keep little or pick the wrong part.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ReadResult {
  const { text, warnings } = decodeText(bytes, fileName, declaredCharset(bytes));
  const { document } = parseHTML(framed(text));
  // Readability rewrites the document it is given: it gets a copy, and the metadata is read from the original.
  const copy = document.cloneNode(true) as Document;
  // A newsletter sign-up box, an ad or a cookie banner inside the article's container reads to Readability as part of it.
  for (const box of asidesNamed(copy, signUpName)) box.remove();
  for (const ad of asidesNamed(copy, adName)) ad.remove();
  for (const banner of asidesNamed(copy, cookieName).filter(isCookieBanner)) banner.remove();
  const article = new Readability(copy, { serializer: (node) => node }).parse();
  // The byline ("By Jane Roe") is the author, which the metadata gives, not a paragraph of the source's text.
  const byline = article?.byline?.trim();
  const paragraphs = (article?.content ? collectBlockTexts(article.content) : []).filter((paragraph, index) => !(index < 3 && byline && paragraph.trim() === byline));
  // Readability keeps the headline out of the text (it is the title): put back as a PDF, Word or Markdown
  // document has it, its first paragraph, so paragraph numbers run alike whatever the format.
  const headline = article?.title?.trim();
  if (headline && paragraphs.length > 0 && paragraphs[0] !== headline && document.querySelector("h1")?.textContent?.trim() === headline) paragraphs.unshift(headline);
  if (!paragraphs.some((paragraph) => paragraph.trim() !== "")) throw noText(document, fileName);
  if (article?.content) paragraphs.push(...notesLeftOut(article.content, document, paragraphs));
  return {
    paragraphs,
    metadata: readHtmlMetadata(document, article ?? {}),
    warnings,
  };
}

/** An id that names a note: "fn1", "footnote-2", "fn:3", "endnote4", "note-5". */
const notePattern = /^(?:fn|footnote|endnote|note)(?:$|[-_:]?\d)/i;

/**
 * The notes the article's text points to ("regulator[1]") that Readability left out, as they stood outside the
 * article (a footnotes section after it): their text, in the order first pointed to, for the end of the text, as a
 * Word file's and a Markdown file's notes are. A note's link back to its marker goes with it.
 */
function notesLeftOut(content: Node, document: Document, kept: readonly string[]): string[] {
  const ids = [...(content as Element).querySelectorAll(`sup ${noteLink}`)].map((link) => {
    const fragment = link.getAttribute("href")!.slice(1);
    try {
      return decodeURIComponent(fragment);
    } catch {
      return fragment; // "#fn%" is no escape: the id as written
    }
  });
  const keptText = kept.map(normaliseWhitespace);
  const notes: string[] = [];
  for (const id of new Set(ids)) {
    const note = id === "" ? null : document.getElementById(id);
    // Only a note: a list item, or an element named or marked as one; a superscript linking to a section is no note.
    if (note === null || !(note.localName === "li" || notePattern.test(id) || /doc-(?:foot|end)note/.test(note.getAttribute("role") ?? ""))) continue;
    const copy = note.cloneNode(true) as Element;
    for (const back of copy.querySelectorAll(noteLink)) if (!/[\p{L}\p{N}]/u.test(back.textContent ?? "") || /\bback\b|return/i.test(back.textContent ?? "")) back.remove();
    const text = normaliseWhitespace(collectBlockTexts(copy).join(" "));
    if (text !== "" && !keptText.some((paragraph) => paragraph.includes(text)) && !notes.includes(text)) notes.push(text);
  }
  return notes;
}

/**
 * The page as a whole document, <html> and <body> included. A browser supplies them when a page leaves them out
 * (a fragment saved by hand, a page without <body>); linkedom does not: it took such a page's first element for the
 * whole document, and found no text in it, or (for an empty page) no document at all.
 */
function framed(html: string): string {
  const hasHtml = /<html[\s>]/i.test(html);
  if (hasHtml && /<body[\s>]/i.test(html)) return html;
  let rest = html.replace(/^\s*<!doctype[^>]*>/i, "");
  const htmlTag = /<html(?:\s[^>]*)?>/i.exec(rest)?.[0] ?? "<html>";
  rest = rest.replace(/<html(?:\s[^>]*)?>/i, "").replace(/<\/html\s*>/i, "");
  const head = /<head[\s>][\s\S]*?<\/head\s*>/i.exec(rest)?.[0] ?? "";
  rest = rest.replace(head, "");
  return `<!doctype html>${htmlTag}${head}${/<body[\s>]/i.test(rest) ? rest : `<body>${rest}</body>`}</html>`;
}

/** INGEST_NO_TEXT, with the reason a page holds no text that is true of it. */
function noText(document: Document, fileName: string): BriefsmithError {
  const body = document.body?.cloneNode(true) as HTMLElement | undefined;
  for (const hidden of body?.querySelectorAll("script, style, noscript, template") ?? []) hidden.remove();
  const hasText = (body?.textContent ?? "").trim() !== "";
  const hint = document.querySelector("script") !== null && !hasText
    ? "the page builds its text with scripts, which are not run: save the page as the browser shows it (or copy its text into a .txt file)"
    : hasText
      ? "its text could not be told from the page around it: copy the article's text into a .txt file and add that"
      : "the page has no text: check that this is the page saved as the browser shows it";
  return new BriefsmithError("INGEST_NO_TEXT", `no text found in ${fileName}`, { hint });
}

/** A class or id that names a sign-up box: "newsletter", "newsletter-signup", "subscribe-box"; not "subscriber-only". */
const signUpName = /(?:^|[-_])(?:newsletter|subscribe|signup|sign-up)(?:$|[-_])/i;

/** A class or id that may name a cookie banner: "cookie", "cookie-banner", "consent", "gdpr"; not "cookbook". */
const cookieName = /(?:^|[-_])(?:cookies?|consent|gdpr)(?:$|[-_])/i;

/**
 * A box so named that is a banner: not a heading, short, and speaking of cookies. A page about privacy law anchors
 * its headings "consent" and "cookies", and may class a paragraph "gdpr" (a review).
 */
function isCookieBanner(element: Element): boolean {
  const text = element.textContent ?? "";
  return !/^H[1-6]$/i.test(element.tagName) && text.length < 400 && /\bcookies?\b/i.test(text);
}

/** A class or id that names an ad: "ad", "inline-ad", "advertisement", "sponsored"; not "header" or "adventure". */
const adName = /(?:^|[-_])(?:ads?|advert|advertisement|sponsored|sponsor)(?:$|[-_])/i;

/**
 * The boxes of a page named by `pattern` (a sign-up box, an ad), and small. Never the page's frame (html, body,
 * main, article), nor an element holding a fifth of the page's text or more: a page whose body is
 * "newsletter-issue" is the article.
 */
function asidesNamed(document: Document, pattern: RegExp): Element[] {
  const whole = document.body?.textContent?.length ?? 0;
  return [...document.querySelectorAll("[class], [id]")].filter((element) => {
    if (["HTML", "BODY", "MAIN", "ARTICLE"].includes(element.tagName.toUpperCase())) return false;
    const names = [...(element.getAttribute("class") ?? "").split(/\s+/), element.getAttribute("id") ?? ""];
    return names.some((name) => pattern.test(name)) && (element.textContent?.length ?? 0) < 0.2 * whole;
  });
}

/** The charset a page names in its first kilobyte (<meta charset="…"> or the http-equiv form), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
