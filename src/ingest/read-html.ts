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
 * Limitations: Readability drops a heading that repeats the page title (the
 * title is in the metadata), and on pages that are not articles (a list of
 * links, a form) it may keep little or pick the wrong part.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ReadResult {
  const { text, warnings } = decodeText(bytes, fileName, declaredCharset(bytes));
  const { document } = parseHTML(text);
  // Readability rewrites the document it is given: it gets a copy, and the metadata is read from the original.
  const article = new Readability(document.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  return {
    paragraphs: article?.content ? collectBlockTexts(article.content) : [],
    metadata: readHtmlMetadata(document, article ?? {}),
    warnings,
  };
}

/** The charset a page names in its first kilobyte (<meta charset="…"> or the http-equiv form), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
