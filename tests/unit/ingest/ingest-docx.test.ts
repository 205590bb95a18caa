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

// A hostile run: a Word file of 870 KB that unpacks to 306 MB of paragraphs ran Node out of memory (a V8 crash,
// exit 134, 4.6 GB); one of 1.1 MB holding one giant run took 2.3 GB before failing.
describe("a Word file that unpacks to far more than a document could hold", () => {
  it("is refused from its unpacked size, before it is converted", async () => {
    const zip = await JSZip.loadAsync(await makeDocx());
    const paragraph = "<w:p><w:r><w:t>Trade grew every year since 2014 and is still growing.</w:t></w:r></w:p>";
    // 60 MiB of markup, which deflate packs into well under a megabyte.
    const body = paragraph.repeat(Math.ceil((60 * 1024 * 1024) / paragraph.length));
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<w:body>/, `<w:body>${body}`);
    zip.file("word/document.xml", xml);
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const used = process.memoryUsage().heapUsed;
    await expect(ingestDocument(bomb, { fileName: "bomb.docx" })).rejects.toMatchObject({
      code: "FILE_TOO_LARGE",
      message: "bomb.docx unpacks to more than 48.0 MiB of Word markup in word/document.xml: more than a document to quote could hold",
    });
    // Nothing near the unpacked size was held.
    expect(process.memoryUsage().heapUsed - used).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);
});

// A hostile run: a damaged file was told of in jszip's words with its web page ("Can't find end of central directory
// : is this a zip file ? If it is, see https://…"), and mammoth's notes on styles and pictures, which change nothing
// in the text, were passed on with the one that did ("An unrecognised element was ignored: w:altChunk").
describe("what a Word file's reader says of it", () => {
  it("names a file cut short as such, in plain words", async () => {
    const whole = await makeDocx();
    await expect(ingestDocument(whole.subarray(0, whole.length >> 1), { fileName: "cut.docx" })).rejects.toMatchObject({
      code: "INGEST_UNREADABLE",
      message: "cut.docx could not be read as a Word document: it is not a zip file, or only part of one",
    });
  });

  it("warns of text left out, and of nothing that leaves the text as it is", async () => {
    const zip = await JSZip.loadAsync(await makeDocx());
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(
      /<w:body>/,
      '<w:body><w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr><w:r><w:t>Styled by a style the file lacks.</w:t></w:r></w:p><w:altChunk r:id="rIdChunk"/>',
    );
    zip.file("word/document.xml", xml);
    const document = await ingestDocument(await zip.generateAsync({ type: "uint8array" }), { fileName: "chunk.docx" });
    expect(document.paragraphs[0]).toBe("Styled by a style the file lacks.");
    expect(document.warnings).toEqual(["chunk.docx: a part embedded from another file (an altChunk) is left out: its text is not in the source text"]);
  });
});
