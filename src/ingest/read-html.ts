import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeText } from "./decode-text.js";
import { collectBlockTexts } from "./html-blocks.js";
import { readHtmlMetadata } from "./html-metadata.js";
import type { ReadResult } from "./ingested-document.js";

/**
 * A web page saved as HTML: the article's own text, found by Readability (the
 * algorithm of Firefox's Reader View), without navigation, headers, footers,
 * cookie banners or scripts. linkedom only parses: it runs no script and
 * loads nothing (no images, styles or frames), so ingesting a page never
 * touches the network.
 *
 * The article's headline (its h1) is its first paragraph, as in the other
 * formats; a newsletter sign-up box is dropped before Readability looks.
 *
 * Limitations: on pages that are not articles (a list of links, a form)
 * Readability may keep little or pick the wrong part.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ReadResult {
  const { text, warnings } = decodeText(bytes, fileName, declaredCharset(bytes));
  const { document } = parseHTML(text);
  // Readability rewrites the document it is given: it gets a copy, and the metadata is read from the original.
  const copy = document.cloneNode(true) as Document;
  // A newsletter sign-up box inside the article's container reads to Readability as part of it.
  for (const box of copy.querySelectorAll(signUpBoxes)) box.remove();
  const article = new Readability(copy, { serializer: (node) => node }).parse();
  const paragraphs = article?.content ? collectBlockTexts(article.content) : [];
  // Readability keeps the headline out of the text (it is the title): put back as a PDF, Word or Markdown
  // document has it, its first paragraph, so paragraph numbers run alike whatever the format.
  const headline = article?.title?.trim();
  if (headline && paragraphs.length > 0 && paragraphs[0] !== headline && document.querySelector("h1")?.textContent?.trim() === headline) paragraphs.unshift(headline);
  return {
    paragraphs,
    metadata: readHtmlMetadata(document, article ?? {}),
    warnings,
  };
}

/** Elements that are a sign-up box by their class or id ("newsletter", "subscribe", "signup"). */
const signUpBoxes = ["newsletter", "subscribe", "signup", "sign-up"].flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`]).join(", ");

/** The charset a page names in its first kilobyte (<meta charset="…"> or the http-equiv form), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
