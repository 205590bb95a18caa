import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";

async function makeDocx(): Promise<Uint8Array> {
  const document = new Document({
    title: "Partners of Convenience",
    creator: "Jane Roe",
    footnotes: { 1: { children: [new Paragraph("Figures from the customs service.")] } },
    sections: [
      {
        children: [
          new Paragraph({ text: "Partners of Convenience", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Energy and money", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("Trade grew "),
              new TextRun({ text: "every year", bold: true }),
              new TextRun(" since 2014"),
              new FootnoteReferenceRun(1),
              new TextRun("."),
              new TextRun({ text: "A new line in the same paragraph.", break: 1 }),
            ],
          }),
          new Paragraph({ text: "Three indicators to watch:" }),
          new Paragraph({ text: "joint projects in Central Asia", bullet: { level: 0 } }),
          new Paragraph({ text: "lending by Chinese banks", bullet: { level: 0 } }),
          new Paragraph({ text: "to sanctioned firms", bullet: { level: 1 } }),
          new Paragraph({ text: "" }),
          new Paragraph({ text: "None of these is certain." }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe("ingesting a Word document", () => {
  it("gives headings, paragraphs and list items in order, notes last, and the core properties", async () => {
    const document = await ingestDocument(await makeDocx(), { fileName: "partners.docx" });
    expect(document.paragraphs).toEqual([
      "Partners of Convenience",
      "Energy and money",
      "Trade grew every year since 2014[1]. A new line in the same paragraph.",
      "Three indicators to watch:",
      "joint projects in Central Asia",
      "lending by Chinese banks",
      "to sanctioned firms",
      "None of these is certain.",
      "Figures from the customs service.",
    ]);
    expect(document.metadata).toEqual({ title: "Partners of Convenience", author: "Jane Roe", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(document).toMatchObject({ format: "docx", warnings: [] });
  });

  it("refuses a zip file that is not a Word document", async () => {
    const zip = new JSZip().file("hello.txt", "not a Word document");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(ingestDocument(bytes, { fileName: "fake.docx" })).rejects.toMatchObject({ code: "INGEST_UNREADABLE" });
  });
});
