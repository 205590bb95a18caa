import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";
import { makePdf } from "./pdf-fixture.js";
import { knownText } from "./pdf-text.js";

const header = "Briefsmith test report — draft for discussion";
const expected = knownText.map((block) => block.text.replace(/\u00AD/g, ""));

describe("ingesting a PDF", () => {
  it("recovers every paragraph of a known text in order, words intact, without header or footer", async () => {
    const fixture = await makePdf(knownText, {
      header,
      title: "Partners of Convenience",
      author: "Jane Roe",
      created: new Date("2016-02-04T12:00:00Z"),
    });
    // The fixture has what the test is about: three pages, both kinds of line-end hyphen, paragraphs across pages.
    const lines = fixture.pages.flat();
    expect(fixture.pages.length).toBeGreaterThanOrEqual(3);
    expect(lines).toContain("investment that rarely arrives at all. The greatest transfor-");
    expect(lines.some((line, i) => line.endsWith(" Sino-") && lines[i + 1]!.startsWith("Russian "))).toBe(true);
    expect(expected.some((paragraph) => paragraph.startsWith(fixture.pages[1]![0]!))).toBe(false);

    const document = await ingestDocument(fixture.bytes, { fileName: "report.pdf" });

    expect(document.paragraphs).toEqual(expected);
    expect(document.format).toBe("pdf");
    expect(document.metadata).toEqual({ title: "Partners of Convenience", author: "Jane Roe", date: "2016-02-04" });
    expect(document.warnings).toEqual([]);
  });

  it("reads a Node Buffer, as readFile gives, and leaves the caller's bytes as they were", async () => {
    const buffer = Buffer.from((await makePdf(knownText, { header })).bytes);
    const copy = Buffer.from(buffer);
    const document = await ingestDocument(buffer, { fileName: "report.pdf" });
    expect(document.paragraphs).toEqual(expected);
    expect(buffer.equals(copy)).toBe(true);
  });

  it("refuses a PDF without a text layer, as a scan is, with a hint to OCR it", async () => {
    const scan = await PDFDocument.create();
    scan.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
    const error = await ingestDocument(await scan.save(), { fileName: "scan.pdf" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefsmithError);
    expect(error).toMatchObject({ code: "INGEST_NO_TEXT", message: expect.stringContaining("OCR") });
  });

  it("names the pages without text in a warning when others have text", async () => {
    const { bytes } = await makePdf(knownText, { header });
    const document = await PDFDocument.load(bytes);
    document.insertPage(1);
    const ingested = await ingestDocument(await document.save(), { fileName: "mixed.pdf" });
    expect(ingested.paragraphs).toEqual(expected);
    expect(ingested.warnings).toEqual([expect.stringContaining("page 2 without a text layer")]);
  });

  it("refuses a damaged PDF with a typed error", async () => {
    const damaged = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage");
    await expect(ingestDocument(damaged, { fileName: "broken.pdf" })).rejects.toMatchObject({ code: "INGEST_UNREADABLE" });
  });
});
