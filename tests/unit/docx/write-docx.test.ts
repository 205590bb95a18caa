import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lexicon } from "../../../src/balance/lexicon.js";
import { measureBalance } from "../../../src/balance/measure.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief, type RenderedBrief } from "../../../src/build/render-brief.js";
import { renderDocx } from "../../../src/docx/render-docx.js";
import { selectBrief } from "../../../src/select/select.js";
import type { Corpus } from "../../../src/validate/corpus.js";
import { expectEverySourceNumberCited } from "../../helpers/citations.js";
import { miniProject } from "../../helpers/cli.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

/**
 * The Word writer, without a browser or Word: each document is opened with
 * jszip and its parts read as Word reads them (document.xml, styles.xml,
 * endnotes.xml, the header and footer, core.xml): the styles used, the
 * tables, the fields, the notes, the properties, the portion marks, and the
 * same bytes twice.
 */
let corpus: Corpus;
let lexicon: Lexicon;
const rendered = new Map<string, RenderedBrief>();
beforeAll(async () => {
  corpus = await loadCorpus(join(miniProject, "sources/transit"));
  lexicon = await builtInLexicon();
  for (const id of ["tram-memo", "tram-handout", "tram-one-pager"]) {
    const file = `briefs/${id}.yaml`;
    rendered.set(id, await renderBrief(readFileSync(join(miniProject, file), "utf8"), corpus, { file, date: "2024-04-02" }));
  }
});

interface Parts {
  readonly bytes: Uint8Array;
  readonly document: string;
  readonly styles: string;
  readonly endnotes: string;
  readonly header: string;
  readonly footer: string;
  readonly core: string;
  readonly settings: string;
  readonly rels: string;
  readonly zip: JSZip;
}

async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return {
    bytes,
    zip,
    document: await part("word/document.xml"),
    styles: await part("word/styles.xml"),
    endnotes: await part("word/endnotes.xml"),
    header: await part("word/header1.xml"),
    footer: await part("word/footer1.xml"),
    core: await part("docProps/core.xml"),
    settings: await part("word/settings.xml"),
    rels: await part("word/_rels/document.xml.rels"),
  };
}

async function docxOf(id: string): Promise<Parts> {
  const brief = rendered.get(id)!;
  return partsOf(await renderDocx(brief.model, brief.balance));
}

/** A document from the in-code fixture extract, with the brief's fields. */
async function docxFromFields(fields: Record<string, unknown>): Promise<Parts> {
  const model = selectBrief(makeBrief({ themes: ["t1"], ...fields }), makeExtract(), { buildDate: "2026-01-15" });
  return partsOf(await renderDocx(model, measureBalance(model, { lexicon, policy: "warn" })));
}

const unescape = (xml: string) => xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

interface WordParagraph {
  readonly style: string | undefined;
  readonly text: string;
  readonly xml: string;
}

/** The paragraphs of a part, in order, with their style and text (w:p do not nest). */
function paragraphs(xml: string): WordParagraph[] {
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1],
    text: unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
    xml: p,
  }));
}

/** The tables of a part: their properties and rows. */
function tables(xml: string): { properties: string; rows: string[] }[] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((t) => ({ properties: /<w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(t)?.[0] ?? "", rows: t.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [] }));
}

// An author's test: a date note written as a stub ran into the quality note after it, in Word as in the PDF.
describe("the Word document's sources", () => {
  it("end a date note as a sentence, before the quality note", async () => {
    const { document } = await docxFromFields({ template: "memo" });
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts.some((t) => t.includes("Undated. Q."))).toBe(true);
    expect(texts.some((t) => t.includes("Undated Q."))).toBe(false);
  });
});

describe("the Word document of a memo", () => {
  it("uses Word's own styles, defined in the document, for the title, headings, lists and notes", async () => {
    const { document, styles } = await docxOf("tram-memo");
    for (const id of ["Normal", "Title", "Heading1", "Heading2", "Heading3", "Quote", "ListParagraph", "EndnoteText", "EndnoteReference", "Hyperlink", "Claim", "Thesis"]) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toMatch(/<w:style w:type="table" w:styleId="BriefTable">/);
    expect(styles).toContain('w:ascii="Liberation Serif"');
    const used = new Set(paragraphs(document).map((p) => p.style));
    for (const id of ["Title", "Heading1", "Heading2", "Claim", "Thesis", "Question"]) expect(used).toContain(id);
    // docx's own blue headings are gone: every style the document uses is defined once.
    for (const id of used) if (id !== undefined) expect(styles.split(`w:styleId="${id}"`).length - 1, id).toBe(1);
  });

  // A reader's test: "Key assumptions" and its lead sat alone at the foot of a page, the assumptions overleaf.
  it("keeps a heading's lead with what it introduces", async () => {
    const { styles } = await docxOf("tram-memo");
    const lead = /<w:style w:type="paragraph" w:styleId="Lead">[\s\S]*?<\/w:style>/.exec(styles)?.[0];
    expect(lead).toContain("<w:keepNext/>");
  });

  it("sets the header block as a borderless table, with a rule under it, and the subject as the Title", async () => {
    const { document } = await docxOf("tram-memo");
    const [header] = tables(document);
    expect(header!.properties).not.toContain("<w:tblStyle");
    for (const side of ["top", "left", "right", "insideH", "insideV"]) expect(header!.properties).toMatch(new RegExp(`<w:${side} w:val="none"`));
    expect(header!.properties).toMatch(/<w:bottom w:val="single"/);
    const cells = header!.rows.map((row) => paragraphs(row).map((p) => p.text));
    expect(cells).toEqual([
      ["MEMORANDUM FOR:", "The Mayor"],
      ["FROM:", "Policy Unit"],
      ["DATE:", "2 April 2024"],
      ["SUBJECT:", "Should Riverside extend the tram?"],
    ]);
    expect(paragraphs(header!.rows[3]!)[1]!.style).toBe("Title");
  });

  it("puts the marking in the page header and footer, and Page X of Y as PAGE and NUMPAGES fields", async () => {
    const { header, footer } = await docxOf("tram-memo");
    const marking = rendered.get("tram-memo")!.model.marking;
    expect(paragraphs(header)[0]!.text).toBe(marking);
    expect(paragraphs(header)[1]!.text).toContain("2 April 2024");
    expect(footer).toContain(marking);
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(paragraphs(footer)[0]!.text).toMatch(/Page .* of /);
  });

  it("carries each quote in a real endnote, with exactly the text of the PDF's notes, numbered 1, 2, 3 in order", async () => {
    const { document, endnotes, settings } = await docxOf("tram-memo");
    const { html, model } = rendered.get("tram-memo")!;
    const pdfNotes = [...parseHTML(html).document.querySelectorAll(".note-list li")].map((li) => (li.textContent ?? "").replace(/\u00a0/g, " "));
    expect(pdfNotes.length).toBe(model.notes.length);
    expect(pdfNotes.length).toBeGreaterThan(0);
    const wordNotes = paragraphs(endnotes).filter((p) => p.style === "EndnoteText").map((p) => p.text.trim().replace(/\u00a0/g, " "));
    expect(wordNotes).toEqual(pdfNotes);
    // Referenced in the text in the order they are numbered, so Word numbers them as the PDF does.
    const references = [...document.matchAll(/<w:endnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(references).toEqual(model.notes.map((n) => n.number));
    expect(settings).toContain('<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>');
    expect(document).toContain('<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>');
    // The separator lines above the notes carry no note number.
    expect(endnotes).not.toMatch(/<w:endnoteRef\/><\/w:r><w:r><w:(continuationS|s)eparator\/>/);
  });

  it("says who wrote it and when in its properties, with the marking as a custom property", async () => {
    const { core, zip } = await docxOf("tram-memo");
    expect(core).toContain("<dc:title>Should Riverside extend the tram?</dc:title>");
    expect(core).toContain("<dc:creator>Policy Unit</dc:creator>");
    expect(core).toMatch(/<dc:subject>[^<]+<\/dc:subject>/);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-04-02T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-04-02T00:00:00Z</dcterms:modified>');
    expect(await zip.file("docProps/custom.xml")!.async("string")).toContain("<vt:lpwstr>UNCLASSIFIED</vt:lpwstr>");
  });

  it("prints Approve, Disapprove and Discuss with lines to sign on, when it recommends", async () => {
    const { document } = await docxFromFields({ recommendation: "That the Office act." });
    const decision = paragraphs(document).find((p) => p.style === "DecisionLines")!;
    // A space between each word and its line (a reader's test found "Approve___").
    expect(decision.text).toBe("Approve Disapprove Discuss ");
    expect(decision.xml.match(/<w:tab w:val="left" w:pos="\d+" w:leader="underscore"\/>/g)).toHaveLength(3);
  });
});

describe("the Word document of a handout", () => {
  it("says under its evidence matrix which views it leaves out are not rated, as the PDF does", async () => {
    const { document } = await docxFromFields({ template: "handout", viewpoints: ["yes"] });
    expect(paragraphs(document).map((p) => p.text)).toContain("“No”, not set out here, is not rated against these facts.");
  });

  it("says whom it is for in its byline, as the one-pager does", async () => {
    const { document } = await docxFromFields({ template: "handout", to: "Mid-career diplomats", from: "Training Unit" });
    expect(paragraphs(document).find((p) => p.style === "Byline")?.text).toBe("For Mid-career diplomats · Training Unit · 15 January 2026");
  });

  // A two-line handout title printed its second line over its first in LibreOffice: a line spacing without its rule
  // is read there as exact, 12 points for 20-point type. Word reads it as "auto"; every spacing now says so.
  it("says the rule of every line spacing it sets, in its styles and its paragraphs", async () => {
    for (const id of ["tram-handout", "tram-memo", "tram-one-pager"]) {
      const { styles, document } = await docxOf(id);
      const spacings = [...`${styles}${document}`.matchAll(/<w:spacing [^>]*w:line="[^>]*>/g)].map((m) => m[0]);
      expect(spacings.length).toBeGreaterThan(0);
      expect(spacings.filter((s) => !s.includes("w:lineRule="))).toEqual([]);
    }
  });

  it("sets the comparison and the evidence matrix as tables in the table style, header rows repeated, rows kept whole", async () => {
    const { document } = await docxOf("tram-handout");
    const styled = tables(document).filter((t) => t.properties.includes('<w:tblStyle w:val="BriefTable"/>'));
    expect(styled.length).toBeGreaterThanOrEqual(2);
    for (const table of styled) {
      // The style draws the rules: no direct borders to override it.
      expect(table.properties).not.toContain("<w:tblBorders>");
      expect(table.rows[0]).toContain("<w:tblHeader/>");
      expect(table.rows[0]).toContain("<w:cantSplit/>");
    }
    const comparison = styled[0]!;
    // Labels, then theses, repeat on each page; the row of claims may run over a page.
    expect(comparison.rows[1]).toContain("<w:tblHeader/>");
    expect(comparison.rows[2]).not.toContain("<w:cantSplit/>");
    const { model } = rendered.get("tram-handout")!;
    const theme = model.themes[0]!;
    expect(paragraphs(comparison.rows[0]!).map((p) => p.text)).toEqual(theme.viewpoints.map((v) => v.label));
    const matrix = styled.find((t) => paragraphs(t.rows[0]!)[0]!.text === "Fact")!;
    expect(paragraphs(matrix.rows[0]!).map((p) => p.text)).toEqual(["Fact", ...theme.viewpoints.map((v) => v.label), "Diagnostic?"]);
    expect(matrix.rows.slice(1).every((row) => row.includes("<w:cantSplit/>"))).toBe(true);
  });

  it("cites inline, as the PDF does, with no endnotes, and quotes after a claim where the brief asks", async () => {
    const { document, endnotes } = await docxOf("tram-handout");
    expect(document).not.toContain("<w:endnoteReference");
    expect(paragraphs(endnotes).filter((p) => p.style === "EndnoteText")).toEqual([]);
    expect(paragraphs(document).some((p) => /\[1\], para\.\u00a0\d+\)/.test(p.text))).toBe(true);
    expect(paragraphs(document).some((p) => p.text.includes("In the source’s words"))).toBe(false);
    // The key to the labels comes in the overview, before the first claim, as in the PDF; once.
    const texts = paragraphs(document).map((p) => p.text);
    const key = texts.filter((t) => t.includes("The label before a claim says"));
    expect(key).toHaveLength(1);
    expect(texts.indexOf(key[0]!)).toBeLessThan(texts.findIndex((t) => t.startsWith("Judgment") || t.startsWith("Reporting")));
    const file = "briefs/tram-handout.yaml";
    const quoting = await renderBrief(`${readFileSync(join(miniProject, file), "utf8")}show_quotes: true\n`, corpus, { file, date: "2024-04-02" });
    // A quote that starts in lower case is led into, as in the PDF.
    const quoted = await partsOf(await renderDocx(quoting.model, quoting.balance));
    expect(paragraphs(quoted.document).some((p) => p.text.includes("estates. In the source’s words, “finally connect the northern estates"))).toBe(true);
  });
});

describe("Markdown in Word", () => {
  const summary = [
    "We **must** read *this* and ~~that~~, with `code &amp;` and &amp; an entity.",
    "",
    "A [safe link](https://example.org/a?b=1) and a [script link](javascript:alert(1)) and <script>alert(1)</script> typed.",
    "",
    "- one",
    "- two",
    "  1. nested first",
    "",
    "3. three",
    "4. four",
  ].join("\n");

  it("becomes Word runs: bold, italics, struck, code, links kept only to the web or mail, raw HTML as text", async () => {
    const { document, rels } = await docxFromFields({ summary });
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts).toContain("We must read this and that, with code &amp; and & an entity.");
    expect(document).toMatch(/<w:b\/>[\s\S]*?<w:t xml:space="preserve">must<\/w:t>/);
    expect(document).toMatch(/<w:i\/>[\s\S]*?<w:t xml:space="preserve">this<\/w:t>/);
    expect(document).toMatch(/<w:strike\/>[\s\S]*?<w:t xml:space="preserve">that<\/w:t>/);
    expect(texts).toContain("A safe link and a script link and <script>alert(1)</script> typed.");
    expect(rels).toContain('Target="https://example.org/a?b=1" TargetMode="External"');
    expect(rels).not.toContain("javascript");
    expect(document).toMatch(/<w:hyperlink w:history="1" r:id="rIdLink1">/);
    expect(document).not.toContain("<script");
  });

  it("lists become Word lists: bullets, numbers from where the list starts, nested one level in", async () => {
    const { document, zip } = await docxFromFields({ summary, sections: ["bluf", "themes"] });
    const items = paragraphs(document).filter((p) => p.xml.includes("<w:numPr>"));
    const level = (p: WordParagraph) => Number(/<w:ilvl w:val="(\d)"\/>/.exec(p.xml)![1]);
    expect(items.map((p) => [p.text, level(p)])).toEqual([
      ["one", 0],
      ["two", 0],
      ["nested first", 1],
      ["three", 0],
      ["four", 0],
    ]);
    const numbering = await zip.file("word/numbering.xml")!.async("string");
    expect(numbering).toContain('<w:start w:val="3"/>');
  });
});

describe("portion marks in Word", () => {
  const fields = {
    template: "handout",
    themes: ["t1", "t2"],
    marking: "SECRET//NOFORN",
    portion_marks: true,
    summary: "An opening.\n\n- an item",
    questions: ["Which?"],
    glossary: "all",
    classification_block: { classified_by: "A. Clerk", derived_from: "Guide 7", declassify_on: "20450101" },
  };

  it("head every paragraph, heading, list item and table cell, and each note; not the form's labels or the classification block", async () => {
    const { document, endnotes } = await docxFromFields(fields);
    const exempt = new Set(["DocumentKind", "Byline", "MemoLabel", "MemoValue", "DecisionLines", "ClassificationBlock"]);
    const body = paragraphs(document).filter((p) => p.text !== "");
    expect(body.length).toBeGreaterThan(20);
    for (const p of body) {
      if (exempt.has(p.style ?? "")) expect(p.text).not.toContain("(S//NF)");
      else expect(p.text, p.text).toMatch(/^\(S\/\/NF\) (?!\(S)/);
    }
    // Every table cell: its first paragraph.
    const cells = document.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      const first = paragraphs(cell)[0];
      if (first !== undefined && first.text !== "") expect(first.text).toMatch(/^\(S\/\/NF\) /);
    }
    expect(document).toContain('<w:rStyle w:val="PortionMark"/>');
    expect(paragraphs(document).filter((p) => p.style === "ClassificationBlock").map((p) => p.text)).toEqual([
      "Classified By: A. Clerk",
      "Derived From: Guide 7",
      "Declassify On: 20450101",
    ]);
    expect(endnotes).not.toContain("(S//NF)"); // a handout quotes inline: no notes to mark
    const memo = await docxFromFields({ ...fields, template: "memo", sections: undefined, themes: ["t1"] });
    for (const note of paragraphs(memo.endnotes).filter((p) => p.style === "EndnoteText")) expect(note.text.trim()).toMatch(/^\(S\/\/NF\) /);
  });

  it("are absent without portion_marks", async () => {
    const { document } = await docxFromFields({ ...fields, portion_marks: false });
    expect(document).not.toContain("(S//NF)");
    expect(document).not.toContain("PortionMark\"/>");
  });
});

describe("reproducible bytes", () => {
  it("the same model gives the same bytes, hyperlinks and all; zip entries carry the document's date", async () => {
    const fields = { summary: "See [the plan](https://example.org/plan) and [the map](mailto:a@example.org)." };
    const first = await docxFromFields(fields);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: a timestamp would differ
    const second = await docxFromFields(fields);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(first.rels).toContain('Id="rIdLink2"');
    for (const entry of Object.values(first.zip.files)) expect(entry.date.toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it.each(["tram-memo", "tram-handout", "tram-one-pager"])("%s: every source number it shows is cited", async (id) => {
    const parts = await docxOf(id);
    expectEverySourceNumberCited([...paragraphs(parts.document), ...paragraphs(parts.endnotes)].map((p) => p.text).join("\n"));
  });

  it.each(["tram-memo", "tram-handout", "tram-one-pager"])("%s: twice the same bytes", async (id) => {
    const brief = rendered.get(id)!;
    const [a, b] = [await renderDocx(brief.model, brief.balance), await renderDocx(brief.model, brief.balance)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
