import { BriefsmithError } from "../errors/briefsmith-error.js";

export interface DecodedText {
  readonly text: string;
  readonly warnings: readonly string[];
}

/**
 * The text of a text-based file (txt, md, html), without its BOM. UTF-8 is
 * expected; `declared` is a charset the file names itself (an HTML
 * <meta charset>), tried first.
 *
 * Text in another encoding is refused rather than guessed at: a wrong guess
 * changes quotes and accented letters, and claims quote the text verbatim.
 * A page that declares Windows-1252 (or Latin-1 or ASCII, which browsers read
 * as Windows-1252, as the Encoding standard says) is read as Windows-1252:
 * Node 20's TextDecoder reads those labels as Latin-1, which puts C1 control
 * characters where Windows has its curly quotes and dashes, so those are
 * mapped to what Windows-1252 has there. A page that declares one of these
 * but whose bytes are UTF-8, with letters beyond ASCII (a page re-saved as
 * UTF-8 with its old <meta>), is read as UTF-8, with a warning: text in a
 * single-byte encoding is almost never valid UTF-8 as well, and read as
 * declared it would come in as "the ministerâ€™s plan".
 */
export function decodeText(bytes: Uint8Array, fileName: string, declared?: string): DecodedText {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is not a text file: it contains NUL bytes`, {
      hint: "if it is UTF-16 text, save it as UTF-8; if it is a document, give it its right extension (.pdf, .docx)",
    });
  }
  if (declared !== undefined && windows1252Labels.has(declared.toLowerCase()) && bytes.some((byte) => byte >= 0x80)) {
    const utf8 = tryDecode(bytes, "utf-8");
    if (utf8 !== undefined) {
      return { text: utf8, warnings: [`${fileName} says it is ${declared}, but it is UTF-8 text: it is read as UTF-8; check its quotes and accented letters`] };
    }
  }
  const labels = declared === undefined ? ["utf-8"] : [declared, "utf-8"];
  for (const label of labels) {
    const decoded = tryDecode(bytes, label);
    if (decoded === undefined) continue;
    const text = windows1252Labels.has(label.toLowerCase()) ? decoded.replace(/[\u0080-\u009F]/g, (c) => windows1252[c.charCodeAt(0) - 0x80] ?? c) : decoded;
    const warnings = /[\u0080-\u009F]/.test(text)
      ? [`${fileName} has control characters where Windows-1252 has quotes and dashes: check them, or save the file as UTF-8`]
      : [];
    return { text, warnings };
  }
  throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is not UTF-8 text`, {
    hint: "open it in a text editor and save it with the UTF-8 encoding",
  });
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    // fatal: a wrong encoding must fail, not fill the text with U+FFFD. The BOM is skipped by default.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // an unknown label, or bytes that are not in that encoding: try the next
  }
}

/** The labels browsers read as Windows-1252 (the Encoding standard), those a page is likely to declare. */
const windows1252Labels = new Set(["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii"]);

/** What Windows-1252 has at 0x80 to 0x9F (undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D, left as they are). */
const windows1252 = [
  "€", undefined, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", undefined, "Ž", undefined,
  undefined, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", undefined, "ž", "Ÿ",
];
