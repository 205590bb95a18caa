import { extname } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { DocumentFormat } from "./ingested-document.js";

const formatOfExtension: Readonly<Record<string, DocumentFormat>> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

/** Formats people try that have a simple way into a supported one. */
const hintOfExtension: Readonly<Record<string, string>> = {
  ".doc": "save it as .docx (Word: File > Save As) and add that",
  ".rtf": "save it as .docx or .txt and add that",
  ".odt": "save it as .docx (LibreOffice: File > Save As) and add that",
  ".pages": "export it as .docx or PDF and add that",
  ".epub": "convert it to HTML or text and add that",
};

const supported = "supported formats: .txt, .md, .html, .pdf, .docx";

/**
 * The format of a document: the magic bytes decide for binary formats (a
 * PDF saved as "report.txt" is still a PDF), the extension for text formats,
 * which have no magic bytes. A file whose extension promises a binary format
 * it does not have is unreadable rather than silently read as text.
 */
export function detectFormat(bytes: Uint8Array, fileName: string, declared?: DocumentFormat): DocumentFormat {
  const extension = extname(fileName).toLowerCase();
  const claimed = declared ?? formatOfExtension[extension];
  const magic = formatOfMagic(bytes, claimed === "pdf" || claimed === undefined);
  if (magic === "ole") {
    throw new BriefsmithError("INGEST_UNSUPPORTED_FORMAT", `${fileName} is an old binary Office file (.doc, .xls, .ppt)`, {
      hint: `save it as .docx and add that; ${supported}`,
    });
  }
  if (magic === "pdf") return "pdf";
  if (magic === "zip") {
    // Word, OpenDocument, EPUB and Pages files are all zip packages: the package says which (a LibreOffice .odt was
    // read as a damaged Word file, and the hint to save it as .docx never reached its author).
    const other = otherPackage(bytes);
    if (other !== undefined) {
      throw new BriefsmithError("INGEST_UNSUPPORTED_FORMAT", `${fileName} is ${other.what}, not a Word document`, { hint: `${other.hint}; ${supported}` });
    }
    // A whole zip archive without Word's main part is some other zip named .docx (a review); a truncated one, whose
    // directory is missing, goes to the Word reader, which says it is damaged.
    if (claimed === "docx" && isWholeZip(bytes) && !isWordPackage(bytes)) {
      throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is a zip archive, not a Word document: it holds no word/document.xml`, {
        hint: "it may be another kind of file named .docx: open it in Word and save it as a Word document (.docx)",
      });
    }
    if (claimed === "docx" || (claimed === undefined && hintOfExtension[extension] === undefined && isWordPackage(bytes))) return "docx";
  }
  if (claimed === "pdf" || claimed === "docx") {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is not a ${claimed.toUpperCase()} file: its first bytes are not those of one`, {
      hint: "the file may be damaged or truncated, or named with the wrong extension",
    });
  }
  if (magic === "zip") {
    throw new BriefsmithError("INGEST_UNSUPPORTED_FORMAT", `${fileName} is a zip archive${claimed === undefined ? ", not a Word document" : `, not a ${claimed} file`}`, {
      hint: hintOfExtension[extension] ?? `unpack it and add the documents in it; ${supported}`,
    });
  }
  if (claimed !== undefined) return claimed;
  if (looksLikeHtml(bytes)) return "html";
  throw new BriefsmithError(
    "INGEST_UNSUPPORTED_FORMAT",
    extension === "" ? `${fileName} has no extension to tell its format` : `${fileName}: "${extension}" files are not supported`,
    { hint: hintOfExtension[extension] ?? supported },
  );
}

type Magic = "pdf" | "zip" | "ole" | undefined;

/**
 * PDF readers accept "%PDF-" anywhere in the first kilobyte, after junk some
 * generators put first; a text file that merely mentions it near its start is
 * only taken for a PDF when nothing says it is text.
 */
function formatOfMagic(bytes: Uint8Array, pdfAnywhereInFirstKilobyte: boolean): Magic {
  const head = latin1(bytes.subarray(0, 1024));
  if (pdfAnywhereInFirstKilobyte ? head.includes("%PDF-") : head.startsWith("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  return undefined;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  return /^(?:\uFEFF|\s)*<(?:!doctype\s+html|html)[\s>]/i.test(latin1(bytes.subarray(0, 512)));
}

/** What an OpenDocument or EPUB package is, from the `mimetype` file these formats store first and uncompressed. */
const packageOfMimetype: readonly { readonly prefix: string; readonly what: string; readonly hint: string }[] = [
  { prefix: "application/vnd.oasis.opendocument.text", what: "an OpenDocument text (.odt)", hint: hintOfExtension[".odt"]! },
  { prefix: "application/vnd.oasis.opendocument", what: "an OpenDocument file", hint: "save it as .docx or PDF and add that" },
  { prefix: "application/epub+zip", what: "an EPUB book", hint: hintOfExtension[".epub"]! },
];

function otherPackage(bytes: Uint8Array): { what: string; hint: string } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 30) return undefined;
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (method !== 0 || latin1(bytes.subarray(30, 30 + nameLength)) !== "mimetype") return undefined;
  const start = 30 + nameLength + extraLength;
  const mimetype = latin1(bytes.subarray(start, start + Math.min(size, 100))).trim();
  return packageOfMimetype.find((p) => mimetype.startsWith(p.prefix));
}

/** A Word package names its main part, word/document.xml (document2.xml from some tools), in its entries' headers (never compressed). */
function isWordPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document", 0, "latin1");
}

/** A zip archive with its central directory's end record, in its last 64 KB: not cut short. */
function isWholeZip(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("PK\x05\x06", Math.max(0, bytes.byteLength - 65_557), "latin1");
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
