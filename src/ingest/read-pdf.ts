import { getDocumentProxy } from "unpdf";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { DocumentMetadata, ReadResult } from "./ingested-document.js";
import { joinIntoParagraphs } from "./pdf-paragraphs.js";
import { groupIntoLines, type PdfLine, type PdfTextItem } from "./pdf-lines.js";
import { dropRunningLines } from "./pdf-running-lines.js";
import { toPartialDate } from "./partial-date.js";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * A PDF's text layer, read with pdf.js (through unpdf, its build for
 * servers: no worker, no canvas) and put back into paragraphs: lines by
 * baseline, running headers, footers and page numbers dropped, paragraphs
 * found by spacing and indentation, hyphenated words joined.
 *
 * pdf.js is told not to compile fonts to code (isEvalSupported: false,
 * which closes the door of CVE-2024-4367 to a hostile file) and not to log;
 * given the bytes, it reads nothing else.
 *
 * A PDF without a text layer (a scan) is refused, since an empty text is no
 * source; pages without one in an otherwise readable PDF are named in a
 * warning.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const pdf = await openPdf(bytes, fileName);
  try {
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      pages.push(groupIntoLines(await readTextItems(pdf, number, fileName)));
    }
    const empty = pages.flatMap((lines, index) => (lines.length === 0 ? [index + 1] : []));
    if (empty.length === pages.length) {
      throw new BriefsmithError("INGEST_NO_TEXT", `${fileName} has no text layer: a scanned PDF needs OCR first`, {
        hint: "run it through OCR (for example ocrmypdf) and add the result",
      });
    }
    const warnings =
      empty.length === 0
        ? []
        : [`${fileName}: page${empty.length === 1 ? "" : "s"} ${empty.join(", ")} without a text layer, so their text is missing (if scanned, OCR the PDF first)`];
    const { info, metadata } = await pdf.getMetadata();
    return { paragraphs: joinIntoParagraphs(dropRunningLines(pages)), metadata: readPdfMetadata(info, metadata), warnings };
  } finally {
    await pdf.destroy();
  }
}

async function openPdf(bytes: Uint8Array, fileName: string): Promise<PdfDocument> {
  try {
    // A plain Uint8Array copy: pdf.js takes ownership of the buffer it is given and refuses a Node Buffer
    // (whose slice() would share memory anyway), and the caller's bytes are the caller's.
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    const locked = error instanceof Error && error.name === "PasswordException";
    throw new BriefsmithError(
      "INGEST_UNREADABLE",
      locked ? `${fileName} is password-protected` : `${fileName} could not be read as a PDF: ${(error as Error).message}`,
      { hint: locked ? "save an unprotected copy and add that" : "the file may be damaged or truncated; open it in a PDF reader and save it again", cause: error },
    );
  }
}

async function readTextItems(pdf: PdfDocument, number: number, fileName: string): Promise<PdfTextItem[]> {
  try {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    // The other kind of item marks the start and end of tagged content, which holds no text.
    return content.items.flatMap((item) => ("str" in item ? [item] : []));
  } catch (error) {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName}: page ${number} could not be read: ${(error as Error).message}`, {
      hint: "the file may be damaged; open it in a PDF reader and save it again",
      cause: error,
    });
  }
}

/** Title, author and creation date from the info dictionary, else from the XMP metadata. */
function readPdfMetadata(info: object, xmp: { get(name: string): unknown } | null): DocumentMetadata {
  const fields = info as Record<string, unknown>;
  const text = (value: unknown) => {
    const joined = Array.isArray(value) ? value.join("; ") : typeof value === "string" ? value : "";
    return joined.trim() === "" ? undefined : joined; // generators often write empty fields
  };
  return {
    title: [text(fields.Title), text(xmp?.get("dc:title"))].find((title) => title !== undefined && !isFileName(title)),
    author: text(fields.Author) ?? text(xmp?.get("dc:creator")),
    date: toPartialDate(text(fields.CreationDate) ?? text(xmp?.get("xmp:createdate"))),
  };
}

/** Word and typesetting tools often leave the file's name as its title ("Microsoft Word - draft3.docx"). */
function isFileName(title: string): boolean {
  return /^Microsoft Word - |\.(?:docx?|pdf|indd|tex|rtf|odt)$/i.test(title.trim());
}
