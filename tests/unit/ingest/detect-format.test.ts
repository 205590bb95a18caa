import { describe, expect, it } from "vitest";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";

const encode = (text: string) => new TextEncoder().encode(text);

async function errorOf(bytes: Uint8Array, fileName: string): Promise<BriefsmithError> {
  const error: unknown = await ingestDocument(bytes, { fileName }).catch((e: unknown) => e);
  if (!(error instanceof BriefsmithError)) throw new Error(`expected a BriefsmithError, got ${String(error)}`);
  return error;
}

describe("format detection and typed errors", () => {
  it("refuses an unsupported extension, with a hint for the formats people try", async () => {
    expect(await errorOf(encode("{\\rtf1 hello}"), "memo.rtf")).toMatchObject({
      code: "INGEST_UNSUPPORTED_FORMAT",
      hint: expect.stringContaining(".docx"),
    });
    expect(await errorOf(encode("a,b\n1,2"), "table.csv")).toMatchObject({ code: "INGEST_UNSUPPORTED_FORMAT" });
    expect(await errorOf(encode("plain words"), "README")).toMatchObject({ code: "INGEST_UNSUPPORTED_FORMAT" });
  });

  it("refuses an old binary Word file by its magic bytes, whatever its name", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await errorOf(ole, "memo.docx")).toMatchObject({ code: "INGEST_UNSUPPORTED_FORMAT", hint: expect.stringContaining(".docx") });
  });

  it("refuses a file whose extension promises a binary format it does not have", async () => {
    expect(await errorOf(encode("just text"), "report.pdf")).toMatchObject({ code: "INGEST_UNREADABLE" });
    expect(await errorOf(encode("just text"), "report.docx")).toMatchObject({ code: "INGEST_UNREADABLE" });
  });

  it("refuses a truncated Word file", async () => {
    const truncated = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(await errorOf(truncated, "memo.docx")).toMatchObject({ code: "INGEST_UNREADABLE" });
  });

  it("refuses binary bytes named as text", async () => {
    expect(await errorOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "image.txt")).toMatchObject({ code: "INGEST_UNREADABLE" });
  });

  it("refuses a document without text", async () => {
    expect(await errorOf(encode(" \n\n\t\n"), "empty.txt")).toMatchObject({ code: "INGEST_NO_TEXT" });
    expect(await errorOf(encode("<!doctype html><html><body><script>render()</script></body></html>"), "app.html")).toMatchObject({
      code: "INGEST_NO_TEXT",
      hint: expect.stringContaining("scripts"),
    });
  });

  it("takes a declared format over the extension for text formats", async () => {
    const document = await ingestDocument(encode("# Heading\n\nText."), { fileName: "notes.txt", format: "md" });
    expect(document).toMatchObject({ format: "md", paragraphs: ["Heading", "Text."] });
  });
});

/** A zip package whose first entry is stored uncompressed, as OpenDocument and EPUB files start. */
function zipPackage(firstName: string, firstContent: string, more = ""): Uint8Array {
  const name = encode(firstName);
  const content = encode(firstContent);
  const header = new Uint8Array(30);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint32(18, content.length, true);
  view.setUint32(22, content.length, true);
  view.setUint16(26, name.length, true);
  return Uint8Array.from([...header, ...name, ...content, ...encode(more)]);
}

// A staffer's test: a LibreOffice .odt was "could not be read as a Word document … another kind of zip file named
// .docx", and the ready hint to save it as .docx never reached her; a renamed .zip was said to be "named .docx".
describe("zip packages that are not Word documents", () => {
  it("says an OpenDocument text is one, and how to make it a Word document, whatever its name", async () => {
    const odt = zipPackage("mimetype", "application/vnd.oasis.opendocument.text", "content.xml");
    for (const name of ["cyclists.odt", "cyclists.docx", "cyclists"]) {
      expect(await errorOf(odt, name)).toMatchObject({
        code: "INGEST_UNSUPPORTED_FORMAT",
        message: `${name} is an OpenDocument text (.odt), not a Word document`,
        hint: expect.stringMatching(/^save it as \.docx \(LibreOffice: File > Save As\)/),
      });
    }
    expect(await errorOf(zipPackage("mimetype", "application/epub+zip"), "book.epub")).toMatchObject({ message: "book.epub is an EPUB book, not a Word document" });
  });

  it("says a zip archive that is no Word document is a zip archive, not a damaged Word file", async () => {
    const archive = zipPackage("notes/minutes.txt", "Minutes of the meeting.");
    expect(await errorOf(archive, "renamed.zip")).toMatchObject({
      code: "INGEST_UNSUPPORTED_FORMAT",
      message: "renamed.zip is a zip archive, not a Word document",
      hint: expect.stringContaining("unpack it"),
    });
  });

  // A review: a whole zip archive of other things, named .docx, was still handed to the Word reader.
  it("says a whole zip archive named .docx without Word's main part is not a Word document", async () => {
    const archive = zipPackage("notes/minutes.txt", "Minutes of the meeting.", "PK\x05\x06" + "\0".repeat(18));
    expect(await errorOf(archive, "minutes.docx")).toMatchObject({
      code: "INGEST_UNREADABLE",
      message: "minutes.docx is a zip archive, not a Word document: it holds no word/document.xml",
    });
  });

  it("still reads a Word package without the .docx extension as Word", async () => {
    const word = zipPackage("[Content_Types].xml", "<Types/>", "word/document.xml");
    // Not a whole Word file: what matters is that it is read as one, and found damaged as one.
    expect(await errorOf(word, "memo")).toMatchObject({ code: "INGEST_UNREADABLE", message: expect.stringContaining("Word") });
  });
});
