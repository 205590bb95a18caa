import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";
import { makePdf } from "./pdf-fixture.js";

/** Typographic quotes, apostrophes, dashes and an ellipsis: claims quote them, so they must come out as they went in. */
const quoted = "One panelist said: “Russia needs China more than China needs Russia — and both know it,” adding that it’s ‘a marriage of convenience’ – for now…";
const encode = (text: string) => new TextEncoder().encode(text);

describe("the characters of the text survive ingestion unchanged", () => {
  it.each([
    ["notes.txt", () => encode(`${quoted}\n`)],
    ["notes.md", () => encode(`# Notes\n\n${quoted}\n`)],
    ["page.html", () => encode(`<!doctype html><html><head><title>Notes</title></head><body><article><p>${quoted}</p></article></body></html>`)],
    ["memo.docx", async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(quoted)] }] })))],
    ["report.pdf", async () => (await makePdf([{ text: quoted }], { header: "Notes" })).bytes],
  ])("in %s", async (fileName, make) => {
    const document = await ingestDocument(await make(), { fileName });
    expect(document.paragraphs).toContain(quoted);
  });
});
