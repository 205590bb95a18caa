import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from "pdf-lib";
import { BriefsmithError } from "../../src/errors/briefsmith-error.js";
import type { DocumentPrinter, PrintedDocument, PrintOptions } from "../../src/print/printer.js";

/**
 * A printer that starts no browser: each "PDF" is a few bytes naming a hash
 * of the HTML and the date, so the same document gives the same bytes. It
 * records what it printed, and can be told to fail on documents that contain
 * a given text. Given a page count for each document, it prints a real PDF
 * of that many blank pages whose outline lists the document's h2 headings,
 * the first on page 1 and each next one a page further on (as far as the
 * last page): what `brief build` reads a long handout's contents from.
 */
export class FakePrinter implements DocumentPrinter {
  readonly printed: string[] = [];
  closed = false;
  readonly #failures = new Map<string, BriefsmithError>();
  readonly #warnings = new Map<string, string>();
  readonly #name: string;
  readonly #pages: ((html: string) => number) | undefined;

  constructor(name = "fake printer 1", options: { pages?: (html: string) => number } = {}) {
    this.#name = name;
    this.#pages = options.pages;
  }

  /** Fail every document whose HTML contains `text`, with this error. */
  failOn(text: string, error: BriefsmithError): void {
    this.#failures.set(text, error);
  }

  /** Warn of every document whose HTML contains `text`, as the real printer warns of a document it shrank. */
  warnOn(text: string, warning: string): void {
    this.#warnings.set(text, warning);
  }

  get launches(): number {
    return 0;
  }

  async printDocument(html: string, options: PrintOptions = {}): Promise<PrintedDocument> {
    if (this.closed) throw new BriefsmithError("PRINT_CANCELLED", "the printer is closed");
    for (const [text, error] of this.#failures) if (html.includes(text)) throw error;
    this.printed.push(html);
    const warnings = [...this.#warnings].flatMap(([text, warning]) => (html.includes(text) ? [warning] : []));
    if (this.#pages !== undefined) return { pdf: await outlinedPdf(html, this.#pages(html)), pages: this.#pages(html), warnings };
    const hash = createHash("sha256").update(html).digest("hex");
    return { pdf: Buffer.from(`%PDF-1.7\n% ${hash} ${options.date ?? ""}\n<< /Type /Page >>\n%%EOF\n`, "latin1"), pages: 1, warnings };
  }

  async fingerprint(): Promise<string> {
    return this.#name;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A PDF of `count` blank pages with an outline of the document's h2 headings, one a page. */
async function outlinedPdf(html: string, count: number): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const pages = Array.from({ length: count }, () => document.addPage([612, 792]));
  const headings = [...html.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => decodeHTML(m[1]!.replace(/<[^>]*>/g, "")).trim());
  const { context } = document;
  const outline = context.nextRef();
  const items: PDFRef[] = headings.map(() => context.nextRef());
  headings.forEach((title, i) => {
    const page = pages[Math.min(i, count - 1)]!;
    context.assign(
      items[i]!,
      context.obj({
        Title: PDFHexString.fromText(title),
        Parent: outline,
        Dest: [page.ref, PDFName.of("XYZ"), null, null, null],
        ...(i > 0 ? { Prev: items[i - 1]! } : {}),
        ...(i < items.length - 1 ? { Next: items[i + 1]! } : {}),
      }),
    );
  });
  if (items.length > 0) {
    context.assign(outline, context.obj({ Type: "Outlines", First: items[0]!, Last: items.at(-1)!, Count: items.length }));
    document.catalog.set(PDFName.of("Outlines"), outline);
  }
  return document.save({ useObjectStreams: false });
}
