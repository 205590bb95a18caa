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
  if (magic === "zip" && (claimed === "docx" || claimed === undefined)) return "docx";
  if (claimed === "pdf" || claimed === "docx") {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is not a ${claimed.toUpperCase()} file: its first bytes are not those of one`, {
      hint: "the file may be damaged or truncated, or named with the wrong extension",
    });
  }
  if (magic === "zip") {
    throw new BriefsmithError("INGEST_UNSUPPORTED_FORMAT", `${fileName} is a zip archive, not a ${claimed}`, { hint: supported });
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

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
