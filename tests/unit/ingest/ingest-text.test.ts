import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";

const encode = (text: string) => new TextEncoder().encode(text);
const ingestText = (text: string) => ingestDocument(encode(text), { fileName: "notes.txt" });

describe("ingesting plain text", () => {
  it("makes each blank-line block a paragraph, joining its wrapped lines", async () => {
    const text = "\uFEFFThe first paragraph is wrapped\r\nover two lines.\r\n\r\n\r\nThe second\tone   too,\r\nwith  odd spacing.\r\n";
    const document = await ingestText(text);
    expect(document.paragraphs).toEqual(["The first paragraph is wrapped over two lines.", "The second one too, with odd spacing."]);
    expect(document).toMatchObject({ format: "txt", metadata: {}, warnings: [] });
  });

  it("makes each line a paragraph when there are no blank lines", async () => {
    const document = await ingestText("Title\n  First paragraph.  \nSecond paragraph.\n");
    expect(document.paragraphs).toEqual(["Title", "First paragraph.", "Second paragraph."]);
  });

  it("keeps list items apart inside a block", async () => {
    const document = await ingestText("Three points:\n- one\n- two\n\nAfter the list.");
    expect(document.paragraphs).toEqual(["Three points:", "- one", "- two", "After the list."]);
  });

  it("keeps long lines apart in a blank-line block: they are paragraphs, not wrapped lines", async () => {
    const long = (n: number) => `Paragraph ${n} ${"is long enough not to be a hard-wrapped line of text ".repeat(3)}`.trim();
    const document = await ingestText(`A title\n\n${long(1)}\n${long(2)}\n`);
    expect(document.paragraphs).toEqual(["A title", long(1), long(2)]);
  });

  it("refuses text that is not UTF-8 rather than guess its quotes and accents", async () => {
    const windows1252 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]); // Café “ok”
    await expect(ingestDocument(windows1252, { fileName: "old.txt" })).rejects.toMatchObject({
      code: "INGEST_UNREADABLE",
      hint: expect.stringContaining("UTF-8"),
    });
  });
});
