import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPrinter, type Printer } from "../../src/print/printer.js";
import { repoRoot, tool } from "../helpers/cli.js";

const baseCss = readFileSync(join(repoRoot, "templates/styles/base.css"), "utf8");
/** The rule under test, taken out: where the list would break without it. */
const listRules = /li:last-child:not\(:first-child\) \{[^}]*\}/;

function document(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the text before the list.</p>`).join("");
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<ul><li>First item.</li><li>Second item.</li><li>Third item.</li><li>Fourth item.</li></ul></body></html>`;
}

async function secondPageText(printer: Printer, html: string, folder: string): Promise<string> {
  const path = join(folder, "page.pdf");
  writeFileSync(path, await printer.print(html));
  const pages = Number(/Pages:\s+(\d+)/.exec(await tool("pdfinfo", [path]))?.[1]);
  return pages < 2 ? "" : (await tool("pdftotext", ["-f", "2", "-l", "2", path, "-"])).trim();
}

/** Run `check` with one printer and a way to read a document's second page; both cleaned up after. */
async function withSecondPages(check: (secondPage: (html: string) => Promise<string>) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "page-breaks-"));
  const printer = await createPrinter({ jobs: 1 });
  try {
    await check((html) => secondPageText(printer, html, folder));
  } finally {
    await printer.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The first number of filler paragraphs, from `from` up to `to`, whose document has its second page start with `text`. */
async function fillerWhereOverleafStartsWith(from: number, to: number, make: (filler: number) => string, secondPage: (html: string) => Promise<string>, text: string): Promise<number | undefined> {
  for (let filler = from; filler < to; filler++) if ((await secondPage(make(filler))).startsWith(text)) return filler;
  return undefined;
}

// A reader's test: the last indicator of a handout's question stood alone at the top of a page, above the next
// question's heading, and read as belonging to it; a letter's last key fact did the same.
describe("a list at a page break", () => {
  it("does not start the next page with its last item alone", async () => {
    expect(baseCss).toMatch(listRules);
    await withSecondPages(async (secondPage) => {
      // The length of text before the list at which, without the rule, the last item is carried over alone.
      const alone = await fillerWhereOverleafStartsWith(10, 80, (filler) => document(baseCss.replace(listRules, ""), filler), secondPage, "Fourth item.");
      expect(alone, "no length of text put the last item alone on the next page").toBeDefined();
      expect(await secondPage(document(baseCss, alone!))).toMatch(/^Third item\.\s+Fourth item\./);
    });
  }, 60_000);
});

const firstItemRule = /li:first-child:not\(:last-child\), \.glossary \.entry:first-child:not\(:last-child\) \{[^}]*\}/;

function headedListDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the section before.</p>`).join("");
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<h3>Economic ties</h3><ul><li>First fact.</li><li>Second fact.</li><li>Third fact.</li><li>Fourth fact.</li></ul></body></html>`;
}

// A reader's test: the "Economic and energy ties" key-facts heading and one fact sat at the foot of a page, the
// other facts overleaf.
describe("a list's first item at a page break", () => {
  it("does not stay alone at the page's foot under its heading", async () => {
    expect(baseCss).toMatch(firstItemRule);
    await withSecondPages(async (secondPage) => {
      const alone = await fillerWhereOverleafStartsWith(20, 90, (filler) => headedListDocument(baseCss.replace(firstItemRule, ""), filler), secondPage, "Second fact.");
      expect(alone, "no length of text left the first item alone at the foot of a page").toBeDefined();
      expect(await secondPage(headedListDocument(baseCss, alone!))).toMatch(/^Economic ties\s+First fact\.\s+Second fact\./);
    });
  }, 90_000);
});

const leadRule = /\.section-lead \{[^}]*\}/;

function sectionDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the section before.</p>`).join("");
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<section><h2>Key assumptions</h2><p class="section-lead">What the views take for granted.</p><ul><li>The only item.</li></ul></section></body></html>`;
}

// A reader's test: "Key assumptions" and its lead sat at the foot of a page, and the only assumption overleaf.
describe("a section's heading and lead at a page break", () => {
  it("go to the next page with the section's first item", async () => {
    expect(baseCss).toMatch(leadRule);
    // Without the rule's break-after, the length of text before the section at which the item alone goes overleaf.
    const withoutAvoid = baseCss.replace(leadRule, (rule) => rule.replace(/break-after: avoid; page-break-after: avoid;/, ""));
    expect(withoutAvoid).not.toBe(baseCss);
    await withSecondPages(async (secondPage) => {
      const alone = await fillerWhereOverleafStartsWith(20, 90, (filler) => sectionDocument(withoutAvoid, filler), secondPage, "The only item.");
      expect(alone, "no length of text put the item alone on the next page").toBeDefined();
      expect(await secondPage(sectionDocument(baseCss, alone!))).toMatch(/^Key assumptions\s+What the views take for granted\.\s+The only item\./);
    });
  }, 90_000);
});

/** A source with a long note on its quality, after `fillerParagraphs` of text. */
function sourceDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the notes before.</p>`).join("");
  const note = Array.from({ length: 14 }, (_, i) => `Sentence ${i + 1} of what the reader should know of this source, long enough to fill a line.`).join(" ");
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<ol class="source-list"><li>[1] The Publisher, The Title, 4 February 2016.<p class="source-quality">${note}</p></li></ol></body></html>`;
}

// A reader's review: a memo's first source, kept whole, did not fit under its notes and went overleaf, leaving the
// page a third empty. It now starts where it falls and runs on, its citation kept with the note's first lines.
describe("a source with a long note at a page break", () => {
  it("starts on the page where it falls rather than leaving the rest of that page empty", async () => {
    const wholeRule = ".source-list > li { margin-bottom: 0.5em; break-inside: avoid; }";
    await withSecondPages(async (secondPage) => {
      const pushed = await fillerWhereOverleafStartsWith(20, 80, (filler) => sourceDocument(`${baseCss}\n${wholeRule}`, filler), secondPage, "[1] The Publisher");
      expect(pushed, "no length of text pushed the whole source overleaf").toBeDefined();
      const overleaf = await secondPage(sourceDocument(baseCss, pushed!));
      // The citation and the note's first lines stay on the first page; the note runs on.
      expect(overleaf).not.toContain("The Publisher");
      expect(overleaf).toContain("Sentence 14");
    });
  }, 120_000);
});

const factRule = /\.claims > li, \.facts > li \{[^}]*\}/;

/** Key facts of two lines each under a heading, after a short list and `fillerParagraphs` of text. */
function factsDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the text before.</p>`).join("");
  const fact = (n: number) =>
    `<li class="fact">Fact ${n}: trade fell by roughly a third in the year, about the same as the fall in trade overall across the region as a whole. <span class="attribution">(Workshop)</span></li>`;
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<h3>Central Asia</h3><ul class="facts">${fact(1)}${fact(2)}</ul><h3>Economic ties</h3><ul class="facts">${[3, 4, 5, 6, 7].map(fact).join("")}</ul></body></html>`;
}

// A reader's review: a memo's page began "(GMF workshop)13", the last line of a key fact whose first line ended the
// page before: orphans and widows did not hold it under a heading kept with its first fact.
describe("a key fact at a page break", () => {
  it("is not split, its last line alone at the top of the next page", async () => {
    expect(baseCss).toMatch(factRule);
    const withoutRule = baseCss.replace(factRule, ".claims > li { break-inside: avoid; page-break-inside: avoid; }");
    await withSecondPages(async (secondPage) => {
      const startsWhole = /^(Fact \d|Economic ties|Central Asia)/;
      let split: number | undefined;
      for (let filler = 20; filler < 90 && split === undefined; filler++) {
        const overleaf = await secondPage(factsDocument(withoutRule, filler));
        if (overleaf !== "" && !startsWhole.test(overleaf)) split = filler;
      }
      expect(split, "no length of text split a fact over two pages").toBeDefined();
      expect(await secondPage(factsDocument(baseCss, split!))).toMatch(startsWhole);
    });
  }, 180_000);
});

const citationRule = /\.source-citation \{[^}]*\}/;

/** Sources whose citations run to two lines, each with a note, after `fillerParagraphs` of text. */
function citationsDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the notes before.</p>`).join("");
  const source = (n: number) =>
    `<li><span class="source-citation">[${n}] The German Marshall Fund of the United States, <cite>Synopsis: Workshop on Relations After the Crisis—A New Reality?</cite>, a workshop on relations, Washington, DC, 4 February 2016.</span><p class="source-quality">Source ${n} note: a secondhand synopsis of a workshop.</p></li>`;
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<ol class="source-list">${[1, 2, 3, 4].map(source).join("")}</ol></body></html>`;
}

// A reader's review: a source's title broke over two pages ("…After Maidan—A" at a page's foot, "New Reality?"
// overleaf), read as two entries.
describe("a source's citation at a page break", () => {
  it("is not split over two pages", async () => {
    expect(baseCss).toMatch(citationRule);
    const withoutRule = baseCss.replace(citationRule, "");
    await withSecondPages(async (secondPage) => {
      const startsWhole = /^(\[\d\]|Source \d note)/;
      let split: number | undefined;
      for (let filler = 20; filler < 90 && split === undefined; filler++) {
        const overleaf = await secondPage(citationsDocument(withoutRule, filler));
        if (overleaf !== "" && !startsWhole.test(overleaf)) split = filler;
      }
      expect(split, "no length of text split a citation over two pages").toBeDefined();
      expect(await secondPage(citationsDocument(baseCss, split!))).toMatch(startsWhole);
    });
  }, 180_000);
});

// A CI engineer's test: a 1,900-character token in a Markdown code block in a summary shrank the pages to 67%, and
// even so most of it was clipped: a code block keeps its white space, so the break-anywhere rule did not reach it.
describe("a code block with a line longer than the page", () => {
  it("wraps, so the pages are not shrunk and none of its text is lost", async () => {
    const codeRule = /pre \{ white-space: pre-wrap; \}/;
    expect(baseCss).toMatch(codeRule);
    const document = (css: string) => `<!DOCTYPE html><html><head><style>${css}</style></head><body><pre><code>${"A".repeat(1900)}</code></pre></body></html>`;
    const folder = mkdtempSync(join(tmpdir(), "code-block-"));
    const printer = await createPrinter({ jobs: 1 });
    try {
      const without = await printer.printDocument(document(baseCss.replace(codeRule, "")));
      expect(without.warnings.join(" ")).toMatch(/shrank the pages/);
      const printed = await printer.printDocument(document(baseCss));
      expect(printed.warnings).toEqual([]);
      writeFileSync(join(folder, "code.pdf"), printed.pdf);
      expect((await tool("pdftotext", [join(folder, "code.pdf"), "-"])).replace(/[^A]/g, "")).toHaveLength(1900);
    } finally {
      await printer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

// A staffer's test: her web page's address in the Sources list broke mid-word ("harbridgeret" / "ail…", "http" /
// "s://"): break-all breaks anywhere, where a long address need break only where it must, after a "/" or a "-".
describe("a source's web address at the end of a line", () => {
  it("breaks where it must, after a slash or a hyphen, not mid-word", async () => {
    const url = "https://www.harbridgeretailalliance.org.uk/news/2025/statement-on-congestion-charging-proposals";
    const document = (css: string) =>
      `<!DOCTYPE html><html><head><style>${css}</style></head><body><p style="width: 2.2in">[1] Harbridge Retail Alliance, Statement on the charge, 2025. <span class="url">${url}</span></p></body></html>`;
    const folder = mkdtempSync(join(tmpdir(), "url-"));
    const printer = await createPrinter({ jobs: 1 });
    try {
      const lines = async (css: string) => {
        writeFileSync(join(folder, "url.pdf"), await printer.print(document(css)));
        return (await tool("pdftotext", [join(folder, "url.pdf"), "-"])).split("\n").map((line) => line.trim());
      };
      expect((await lines(`${baseCss}\n.url { word-break: break-all; }`)).some((line) => line.startsWith("s://") || line.endsWith("http"))).toBe(true);
      const printed = await lines(baseCss);
      expect(printed.some((line) => line.startsWith("https://www."))).toBe(true);
      // pdftotext joins a word broken after a hyphen without it.
      expect(printed.join("").replace(/-/g, "")).toContain(url.replace(/-/g, ""));
    } finally {
      await printer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

const thesisRule = /^\.thesis \{ break-inside[^}]*\}/m;

function viewDocument(css: string, fillerParagraphs: number): string {
  const filler = Array.from({ length: fillerParagraphs }, (_, i) => `<p>Paragraph ${i + 1} of the view before.</p>`).join("");
  const thesis = "Russia seeks a range of partners in Asia and wants to be a swing power; its tilt toward China is limited and it keeps room to manoeuvre, whatever Beijing offers it.";
  return `<!DOCTYPE html><html><head><style>${css}</style></head><body>${filler}<div class="viewpoint"><h3>Balanced turn</h3><p class="thesis">${thesis}</p><ul class="claims"><li class="claim">First claim of the view.</li><li class="claim">Second claim of the view.</li></ul></div></body></html>`;
}

// A reader's test: a memo's view heading and thesis sat at the foot of a page, its claims overleaf.
describe("a view's thesis at a page break", () => {
  it("goes overleaf with its heading rather than leave its claims", async () => {
    expect(baseCss).toMatch(thesisRule);
    await withSecondPages(async (secondPage) => {
      const stranded = await fillerWhereOverleafStartsWith(20, 90, (filler) => viewDocument(baseCss.replace(thesisRule, ""), filler), secondPage, "First claim");
      expect(stranded, "no length of text left the heading and thesis at the foot of a page").toBeDefined();
      expect(await secondPage(viewDocument(baseCss, stranded!))).toMatch(/^Balanced turn\s+Russia seeks/);
    });
  }, 90_000);
});
