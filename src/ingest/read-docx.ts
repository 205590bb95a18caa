import JSZip from "jszip";
import { DOMParser, parseHTML } from "linkedom";
import mammoth from "mammoth";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { formatBytes } from "../load/read-file.js";
import { unpackedSize, zipProblem } from "../load/zip-entry.js";
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
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} could not be read as a Word document: ${zipProblem(error)}`, {
      hint: "the file may be damaged, or cut short; open it in Word and save it again",
      cause: error,
    });
  }
  await refuseMarkupPastLimits(zip, fileName);
  try {
    ({ value: html, messages } = await mammoth.convertToHtml(
      { buffer },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    ));
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
    warnings: messages.flatMap((m) => {
      const said = textWarning(m.message);
      return said === undefined ? [] : [`${fileName}: ${said}`];
    }),
  };
}

/**
 * What mammoth says of a file, as it bears on the text taken from it, in the author's words; undefined for what does
 * not. Styles it does not map or that the file leaves undefined only make a paragraph a plain one, and pictures are
 * dropped unread anyway; an element it does not read is text the source text lacks.
 */
function textWarning(message: string): string | undefined {
  if (/^Unrecognised \w+ style|style with ID .* was referenced but not defined|^Image of type/i.test(message)) return undefined;
  const element = /^An unrecognised element was ignored: (\S+)/.exec(message)?.[1];
  if (element === "w:altChunk") return "a part embedded from another file (an altChunk) is left out: its text is not in the source text";
  if (element !== undefined) return `an element Briefsmith does not read (${element}) is left out: check the source text against the document`;
  return message;
}

/**
 * What a Word file may unpack to before it is converted. A document's markup takes some times the room of its text,
 * and mammoth's conversion many times that again: a file of under a megabyte that unpacked to 300 MB of paragraphs
 * ran Node out of memory. The limits are far past any report's (a 500-page one is a few megabytes of markup).
 * Pictures are not counted: they are never unpacked.
 */
const markupLimits = { partBytes: 48 * 1024 * 1024, totalBytes: 96 * 1024 * 1024 } as const;

/** FILE_TOO_LARGE for a package whose XML parts unpack past the limits; each part is counted in chunks, none held. */
async function refuseMarkupPastLimits(zip: JSZip, fileName: string): Promise<void> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(?:xml|rels)$/i.test(entry.name)) continue;
    const limit = Math.min(markupLimits.partBytes, markupLimits.totalBytes - total);
    const unpacked = await unpackedSize(entry, limit).catch((error: unknown) => {
      throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} could not be read as a Word document: its part ${entry.name} is damaged (${zipProblem(error)})`, {
        hint: "open it in Word and save it again",
        cause: error,
      });
    });
    if (unpacked === "too large") {
      throw new BriefsmithError(
        "FILE_TOO_LARGE",
        `${fileName} unpacks to more than ${formatBytes(limit === markupLimits.partBytes ? limit : markupLimits.totalBytes)} of Word markup${limit === markupLimits.partBytes ? ` in ${entry.name}` : ""}: more than a document to quote could hold`,
        { hint: "save the part of it you quote as a document of its own, or its text as a .txt file, and add that" },
      );
    }
    total += unpacked;
  }
}

async function readCoreProperties(zip: JSZip): Promise<DocumentMetadata> {
  const xml = await zip.file("docProps/core.xml")?.async("string");
  if (xml === undefined) return {};
  const core = new DOMParser().parseFromString(xml, "text/xml");
  const field = (name: string) => core.getElementsByTagName(name)[0]?.textContent?.trim() || undefined;
  return { title: field("dc:title"), author: field("dc:creator"), date: toPartialDate(field("dcterms:created")) };
}
