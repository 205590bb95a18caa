import { createHash } from "node:crypto";
import { BriefsmithError } from "../../src/errors/briefsmith-error.js";
import type { DocumentPrinter, PrintedDocument, PrintOptions } from "../../src/print/printer.js";

/**
 * A printer that starts no browser: each "PDF" is a few bytes naming a hash
 * of the HTML and the date, so the same document gives the same bytes. It
 * records what it printed, and can be told to fail on documents that contain
 * a given text.
 */
export class FakePrinter implements DocumentPrinter {
  readonly printed: string[] = [];
  closed = false;
  readonly #failures = new Map<string, BriefsmithError>();
  readonly #name: string;

  constructor(name = "fake printer 1") {
    this.#name = name;
  }

  /** Fail every document whose HTML contains `text`, with this error. */
  failOn(text: string, error: BriefsmithError): void {
    this.#failures.set(text, error);
  }

  get launches(): number {
    return 0;
  }

  async printDocument(html: string, options: PrintOptions = {}): Promise<PrintedDocument> {
    if (this.closed) throw new BriefsmithError("PRINT_CANCELLED", "the printer is closed");
    for (const [text, error] of this.#failures) if (html.includes(text)) throw error;
    this.printed.push(html);
    const hash = createHash("sha256").update(html).digest("hex");
    return { pdf: Buffer.from(`%PDF-1.7\n% ${hash} ${options.date ?? ""}\n<< /Type /Page >>\n%%EOF\n`, "latin1"), pages: 1, warnings: [] };
  }

  async fingerprint(): Promise<string> {
    return this.#name;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
