import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { finishPdf } from "../../../src/print/pdf-file.js";

/** A one-page PDF as Chromium lays one out: the page object, then its content stream, compressed. */
function pdfWithContent(content: string): Uint8Array {
  const stream = deflateSync(Buffer.from(content, "latin1"));
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n1 0 obj\n<</Type /Page /Contents 2 0 R>>\nendobj\n2 0 obj\n<</Filter /FlateDecode\n/Length ${stream.length}>> stream\n`, "latin1"),
    stream,
    Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1"),
  ]);
}

/** Chromium's drawing of a Letter page: the device scale, a margin box (never shrunk), then the page's content under `scale`. */
function page(scale: string, extra = ""): string {
  return [
    "1 0 0 -1 0 792 cm",
    "0 0 816 48 re W n q .75 0 0 .75 0 0 cm BT /F1 9 Tf (Running header) Tj ET Q",
    `-12.5 48 816 960 re W* n q ${scale} 0 0 ${scale} -12.5 48 cm BT /F1 11 Tf (Body) Tj ET`,
    extra,
    "Q",
  ].join("\n");
}

describe("finishPdf", () => {
  it("reads a page printed at its own size as not shrunk", () => {
    const finished = finishPdf(pdfWithContent(page(".75")), new Date("2016-03-01T00:00:00Z"));
    expect(finished.pages).toBe(1);
    expect(finished.shrink).toBe(1);
  });

  it("reads the factor the browser shrank the content by from the content's clipped drawing, not the margin boxes'", () => {
    expect(finishPdf(pdfWithContent(page(".375")), new Date(0)).shrink).toBeCloseTo(0.5, 5);
  });

  it("takes the largest clip for the page's content: an image drawn smaller inside it does not count", () => {
    const withImage = page(".75", "100 100 50 50 re W n q .1 0 0 .1 100 100 cm /Im1 Do Q");
    expect(finishPdf(pdfWithContent(withImage), new Date(0)).shrink).toBe(1);
  });
});
