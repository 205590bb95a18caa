import { checkTextArgument, invalidArgument } from "../errors/argument.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { detectFormat } from "./detect-format.js";
import type { DocumentFormat, DocumentMetadata, IngestedDocument, ReadResult } from "./ingested-document.js";
import { normaliseWhitespace } from "./normalise-whitespace.js";

export type { DocumentFormat, DocumentMetadata, IngestedDocument } from "./ingested-document.js";

export interface IngestOptions {
  /** The file's name, for its extension and for messages; nothing is read from disk. */
  readonly fileName: string;
  /** The format, when the caller knows better than the extension; the magic bytes of PDF and DOCX still decide. */
  readonly format?: DocumentFormat;
  /** Where the document was obtained; taken over any address the document names for itself. */
  readonly url?: string;
}

type Reader = (bytes: Uint8Array, fileName: string) => ReadResult | Promise<ReadResult>;

/**
 * Each format's reader, loaded when a document of that format comes: pdf.js,
 * mammoth and the HTML parser are large, and the rest of the CLI never needs them.
 */
const loadReader: Readonly<Record<DocumentFormat, () => Promise<Reader>>> = {
  txt: async () => (await import("./read-text.js")).readText,
  md: async () => (await import("./read-markdown.js")).readMarkdown,
  html: async () => (await import("./read-html.js")).readHtml,
  pdf: async () => (await import("./read-pdf.js")).readPdf,
  docx: async () => (await import("./read-docx.js")).readDocx,
};

/**
 * A document (PDF, Word, web page, Markdown or plain text) as the paragraphs
 * of a corpus text, with what it says about itself. Reads only the bytes it
 * is given: nothing is fetched, no script runs.
 *
 * Throws a BriefsmithError: INGEST_UNSUPPORTED_FORMAT for a format it does
 * not read, INGEST_UNREADABLE for a damaged file, INGEST_NO_TEXT when no
 * text is found (a scanned PDF, an empty file).
 */
export async function ingestDocument(bytes: Uint8Array, options: IngestOptions): Promise<IngestedDocument> {
  if (!(bytes instanceof Uint8Array)) throw invalidArgument("ingestDocument's document", bytes, "its bytes (a Uint8Array or a Buffer)");
  if (typeof options !== "object" || options === null) throw invalidArgument("ingestDocument's options", options, "an object with the file's name, { fileName }");
  checkTextArgument("ingestDocument's fileName", options.fileName);
  if (options.fileName === undefined) throw invalidArgument("ingestDocument's fileName", undefined, "the file's name, for its extension and for messages");
  const format = detectFormat(bytes, options.fileName, options.format);
  const read = await loadReader[format]();
  const result = await read(bytes, options.fileName);
  const paragraphs = result.paragraphs.map(normaliseWhitespace).filter((paragraph) => paragraph !== "");
  if (paragraphs.length === 0) {
    throw new BriefsmithError("INGEST_NO_TEXT", `no text found in ${options.fileName}`, { hint: "check that the file has the text you expect" });
  }
  return {
    paragraphs,
    metadata: compactMetadata({ ...result.metadata, ...(options.url === undefined ? {} : { url: options.url }) }),
    format,
    warnings: result.warnings,
  };
}

/**
 * Metadata with single-spaced values, without control characters and without empty ones. A title or an author is
 * a line of text: an escape sequence or a bell in one would be written into the extract (where YAML refuses it,
 * stopping the whole corpus) and printed into documents and terminals.
 */
function compactMetadata(metadata: DocumentMetadata): DocumentMetadata {
  const entries = Object.entries(metadata).map(([key, value]) => [key, normaliseWhitespace(String(value ?? "")).replace(/[\p{Cc}]/gu, "")] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== ""));
}
