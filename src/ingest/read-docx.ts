import JSZip from "jszip";
import { DOMParser, parseHTML } from "linkedom";
import mammoth from "mammoth";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { collectBlockTexts } from "./html-blocks.js";
import type { DocumentMetadata, ReadResult } from "./ingested-document.js";
import { toPartialDate } from "./partial-date.js";

/**
 * A Word document, converted to HTML by mammoth and read back by block, so
 * that headings, paragraphs, list items and table cells each become a
 * paragraph. HTML rather than mammoth's raw text: the raw text loses manual
 * line breaks ("end.Next") and footnotes, which the HTML keeps (the notes come
 * last, as in a printed document). Images are dropped unread and linked
 * external files are never opened.
 *
 * The metadata (title, author, creation date) live in docProps/core.xml,
 * which mammoth does not read; jszip, which mammoth itself uses, opens it.
 * The creation date is when the file was first made, which is often, but
 * not always, close to when the text was published.
 *
 * Limitations: the Word document's page headers and footers and its
 * comments are not part of the text (mammoth skips them), and a table reads
 * cell by cell.
 */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  let messages: readonly { message: string }[];
  let zip: JSZip;
  try {
    ({ value: html, messages } = await mammoth.convertToHtml(
      { buffer },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    ));
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} could not be read as a Word document: ${(error as Error).message}`, {
      hint: "the file may be damaged, or another kind of zip file named .docx; open it in Word and save it again",
      cause: error,
    });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // The "↑" links from a note back to its reference are navigation, not text.
  for (const backLink of document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) backLink.remove();
  return {
    paragraphs: collectBlockTexts(document.body),
    metadata: await readCoreProperties(zip),
    // A style mammoth does not map only means the paragraph becomes a plain <p>: no news for a text.
    warnings: messages.filter((m) => !/^Unrecognised \w+ style/.test(m.message)).map((m) => `${fileName}: ${m.message}`),
  };
}

async function readCoreProperties(zip: JSZip): Promise<DocumentMetadata> {
  const xml = await zip.file("docProps/core.xml")?.async("string");
  if (xml === undefined) return {};
  const core = new DOMParser().parseFromString(xml, "text/xml");
  const field = (name: string) => core.getElementsByTagName(name)[0]?.textContent?.trim() || undefined;
  return { title: field("dc:title"), author: field("dc:creator"), date: toPartialDate(field("dcterms:created")) };
}
