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
 * The one guess that would be worth making, Windows-1252, is not possible on
 * Node 20, whose TextDecoder reads that label as Latin-1; the same flaw is
 * why a page declaring it gets a warning when C1 control characters appear
 * where Windows puts its curly quotes and dashes.
 */
export function decodeText(bytes: Uint8Array, fileName: string, declared?: string): DecodedText {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new BriefsmithError("INGEST_UNREADABLE", `${fileName} is not a text file: it contains NUL bytes`, {
      hint: "if it is UTF-16 text, save it as UTF-8; if it is a document, give it its right extension (.pdf, .docx)",
    });
  }
  const labels = declared === undefined ? ["utf-8"] : [declared, "utf-8"];
  for (const label of labels) {
    const text = tryDecode(bytes, label);
    if (text === undefined) continue;
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
