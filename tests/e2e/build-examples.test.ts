import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultSections } from "../../src/select/select.js";
import { normaliseForQuote } from "../../src/text/paragraphs.js";
import { miniProject, pdfReadingText, repoRoot, runBriefProcess, tool, type CliRun } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";
import { expectOnlyTheExamplesDateNotice } from "../helpers/example-notices.js";

/**
 * End to end: run the real `brief build` on the example briefs and on the
 * tram project (another topic), then read each PDF back with poppler
 * (pdfinfo, pdftotext) and check what a reader sees: a senior reader or a
 * trainee, not a developer.
 */
const out = mkdtempSync(join(tmpdir(), "briefsmith-e2e-"));
const miniOut = mkdtempSync(join(tmpdir(), "briefsmith-e2e-mini-"));
let build: CliRun;
let miniBuild: CliRun;
let reordered: TempProject;
let reorderedBuild: CliRun;

beforeAll(async () => {
  reordered = new TempProject();
  // A brief whose sections put the themes before the bottom line, and leave out the sources.
  reordered.write(
    "briefs/tram-reordered.yaml",
    "title: The tram, views first\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nsections: [themes, bluf, balance]\n",
  );
  // A marking longer than the banner's box.
  reordered.write(
    "briefs/tram-marked.yaml",
    "title: The tram, marked\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nmarking: UNCLASSIFIED//FOR OFFICIAL USE ONLY\nportion_marks: true\n",
  );
  [build, miniBuild, reorderedBuild] = await Promise.all([
    runBriefProcess(["build", "briefs", "--out", out]),
    runBriefProcess(["build", "briefs", "--out", miniOut, "--root", "."], { cwd: miniProject }),
    runBriefProcess(["build", "briefs/tram-reordered.yaml", "briefs/tram-marked.yaml", "--out", "out", "--root", "."], { cwd: reordered.dir }),
  ]);
}, 180_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(miniOut, { recursive: true, force: true });
  reordered.dispose();
});

async function pdfInfo(id: string): Promise<Record<string, string>> {
  const text = await tool("pdfinfo", [join(out, `${id}.pdf`)]);
  return Object.fromEntries(text.split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
}

/** The text of each page, as pdftotext reads it (pages end with a form feed). */
async function pdfPages(path: string): Promise<string[]> {
  const text = await tool("pdftotext", ["-layout", path, "-"]);
  return text.split("\f").filter((page) => page.trim() !== "");
}

/** The whole text in reading order, on one line, quotes as printed (typographic), words broken at a hyphen joined again. */
async function printedText(path: string): Promise<string> {
  return (await tool("pdftotext", [path, "-"])).replace(/-\n\s*/g, "-").replace(/\s+/g, " ");
}

const flat = (text: string) => normaliseForQuote(text.replace(/\s+/g, " "));
const decode = (text: string) => text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

const examples = [
  { id: "alliance-memo", title: "China and Russia: heading for an alliance, or a limited partnership?", marking: "UNCLASSIFIED", maxPages: 2, headings: ["MEMORANDUM FOR:", "SUBJECT:", "Bottom line up front", "Our assessment", "Recommendation", "Notes", "Sources", "Balance note"] },
  { id: "central-asia-energy-memo", title: "Central Asia and energy: is Russia accommodating China or competing with it?", marking: "UNCLASSIFIED", maxPages: 6, headings: ["MEMORANDUM FOR:", "Bottom line up front", "Key facts", "Notes", "Sources", "Balance note"] },
  { id: "seminar-handout", title: "Sino-Russian relations after Maidan: competing readings", marking: "FOR TRAINING USE ONLY", maxPages: 40, headings: ["Overview", "Contents", "analysis of competing hypotheses", "not diagnostic", "Discussion questions", "Glossary", "Sources", "Balance note"] },
  { id: "morning-one-pager", title: "Sino-Russian relations: the main questions in one page", marking: "UNCLASSIFIED", maxPages: 1, headings: ["Bottom line", "Sources", "Balance."] },
];

/** Every id an extract defines: a reader must never see one. Ids with a hyphen cannot be words of running text. */
function extractIds(corpusDir: string): string[] {
  const ids = new Set<string>();
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith(".yaml"))) {
    const data = parse(readFileSync(join(corpusDir, file), "utf8")) as Record<string, unknown>;
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key === "id" && typeof inner === "string") ids.add(inner);
          else collect(inner);
        }
      }
    };
    collect(data);
  }
  return [...ids].filter((id) => id.includes("-"));
}

/** "on 1 question", "1 claims", "Cited for 2 claims and 0 facts": a count under ten in figures before what it counts. */
const digitCount = /(?<![\d.,[])\b\d (?:[a-z]+ )?(?:questions?|claims?|facts?|sources?|views?|viewpoints?|perspectives?|words?|pages?|notes?)\b/;

/** Content words of a text, lower case: the measure of whether a quote repeats its paraphrase. */
function contentWords(text: string): string[] {
  const stop = new Set("a an and are as at be but by for from has have in is it its of on or that the their this to was were will with not".split(" "));
  return (text.toLowerCase().match(/[a-z0-9]+(?:[-'’][a-z0-9]+)*/g) ?? []).filter((w) => !stop.has(w));
}

describe("brief build on the examples", () => {
  it("exits 0 and prints one line per brief with its pages and time", () => {
    expectOnlyTheExamplesDateNotice(build.stderr);
    expect(build.code).toBe(0);
    for (const { id } of examples) expect(build.stdout).toMatch(new RegExp(`✓ ${id}\\s+\\d+ pages?\\s+\\d+ ms\\s+balanced \\(strict`));
  });

  describe.each(examples)("$id", ({ id, title, marking, maxPages, headings }) => {
    it("has its title in the metadata, is tagged, has an outline, and the expected page count", async () => {
      const info = await pdfInfo(id);
      expect(info.Title).toBe(title);
      expect(info.Tagged).toBe("yes");
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(1);
      expect(Number(info.Pages)).toBeLessThanOrEqual(maxPages);
      expect(readFileSync(join(out, `${id}.pdf`)).toString("latin1")).toMatch(/\/Outlines\s+\d+ 0 R/);
    });

    it("prints the marking at the top and bottom and 'Page X of Y' on every page", async () => {
      const pages = await pdfPages(join(out, `${id}.pdf`));
      pages.forEach((page, index) => {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        expect(lines[0]!.trim()).toBe(marking);
        expect(lines[lines.length - 1]!.trim()).toBe(marking);
        expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      });
    });

    it("shows its section headings and a verified quote with its source and paragraph", async () => {
      const text = await pdfReadingText(join(out, `${id}.pdf`));
      for (const heading of headings) expect(text).toContain(heading);
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      if (id !== "morning-one-pager") {
        // A memo quotes in its notes, the source's words as printed; a handout cites each claim by source and
        // paragraph, and says it once: no quotation after it (the brief does not ask for show_quotes).
        const quote = /<li value="1" id="note-1">[^“]*“([^”]{20,})”/.exec(html)?.[1];
        if (id === "seminar-handout") expect(html).not.toContain('<span class="quote">');
        else {
          expect(quote).toBeDefined();
          expect(text).toContain(flat(decode(quote!)).split(" ").slice(0, 8).join(" "));
        }
        expect(text).toMatch(/\[1\], para\. \d+/);
      }
    });
  });

  it("keeps each theme's heading on the page where its first viewpoint starts (regression)", async () => {
    for (const id of ["seminar-handout", "alliance-memo", "central-asia-energy-memo"]) {
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      // Reading order, page by page: in -layout text, table columns interleave.
      const pages = (await tool("pdftotext", [join(out, `${id}.pdf`), "-"])).split("\f").map((page) => flat(page.replace(/-\n\s*/g, "-")));
      const sections = html.split('<section class="theme"').slice(1).map((part) => part.slice(0, part.indexOf("</section>")));
      expect(sections.length).toBeGreaterThan(0);
      for (const section of sections) {
        const heading = flat(decode(/<h2>([^<]+)<\/h2>/.exec(section)![1]!));
        const firstView = flat(decode((/<h3>([^<]+)<\/h3>/.exec(section) ?? /<th scope="col">([^<]+)<\/th>/.exec(section))![1]!));
        // The last page that has it: a handout lists the themes first, in its contents.
        const page = pages.findLastIndex((text) => text.includes(heading));
        expect(page, `${id}: "${heading}" not found`).toBeGreaterThanOrEqual(0);
        expect(pages[page], `${id}: "${heading}" is on page ${page + 1}, its first viewpoint "${firstView}" is not`).toContain(firstView);
        // And the start of that viewpoint's thesis: a heading row alone at the foot of a page is no better.
        const thesis = flat(decode((/class="thesis">([^<]+)</.exec(section) ?? /class="thesis-row"><td>([^<]+)</.exec(section))![1]!)).split(" ").slice(0, 4).join(" ");
        expect(pages[page], `${id}: "${heading}" is on page ${page + 1}, the first thesis is not`).toContain(thesis);
      }
    }
  });

  it("never prints a comparison table's header apart from its first row of claims", async () => {
    const html = readFileSync(join(out, "seminar-handout.html"), "utf8");
    const pages = (await tool("pdftotext", [join(out, "seminar-handout.pdf"), "-"])).split("\f").map((page) => flat(page.replace(/-\n\s*/g, "-")));
    const tables = html.split('<table class="comparison').slice(1);
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const thesis = flat(decode(/class="thesis-row"><td>([^<]+)</.exec(table)![1]!)).split(" ").slice(0, 5).join(" ");
      const firstClaim = /<span class="kind[^"]*">[^<]*<\/span> ([^<(]+)/.exec(table)![1]!;
      const claimWords = flat(decode(firstClaim)).split(" ").slice(0, 4).join(" ");
      const page = pages.findIndex((text) => text.includes(thesis));
      expect(page, `thesis "${thesis}" not found`).toBeGreaterThanOrEqual(0);
      expect(pages[page], `the header with "${thesis}" is on page ${page + 1}, its first claim is not`).toContain(claimWords);
    }
  });

  it("writes HTML that loads nothing: no script, and a policy that forbids requests", () => {
    for (const { id } of examples) {
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
      expect(html).toContain("default-src 'none'");
    }
  });
});

describe("the documents read as written for their reader", () => {
  const documents = () => [
    ...examples.map(({ id }) => ({ id, pdf: join(out, `${id}.pdf`), corpus: join(repoRoot, "sources", "sino-russian") })),
    ...["tram-memo", "tram-handout", "tram-one-pager"].map((id) => ({ id, pdf: join(miniOut, `${id}.pdf`), corpus: join(miniProject, "sources", "transit") })),
  ];

  it("builds the tram project too, every brief", () => {
    expect(miniBuild.stderr).toBe("");
    expect(miniBuild.code).toBe(0);
  });

  it("shows no extract id in any document (ids read from the extracts)", async () => {
    for (const { id, pdf, corpus } of documents()) {
      const ids = extractIds(corpus);
      expect(ids.length).toBeGreaterThan(corpus.endsWith("transit") ? 5 : 100);
      const text = await printedText(pdf);
      const shown = ids.filter((extractId) => new RegExp(`(?<![\\w-])${extractId}(?![\\w-])`).test(text));
      expect(shown, `${id} shows ids`).toEqual([]);
    }
  });

  it("writes counts under ten in words: no 'on 1 question', '1 claims', '0 facts'", async () => {
    for (const { id, pdf } of documents()) {
      const text = await printedText(pdf);
      expect(digitCount.exec(text)?.[0], id).toBeUndefined();
    }
  });

  // Regression: source lists said "Cited for 65 claims and 10 facts", balance notes "75 and 74 words".
  it("prints no mechanical count: what a source is cited for, the words each view gets", async () => {
    for (const { id, pdf } of documents()) {
      const text = await printedText(pdf);
      expect(text, id).not.toMatch(/Cited for|\b\d+(?:,? (?:and )?\d+)* words\b|\bthe extract(?:’s|'s)?\b/);
    }
  });

  it("prints typographic quotes only, no policy name and no tool credit", async () => {
    for (const { id, pdf } of documents()) {
      const text = await printedText(pdf);
      expect(text, id).not.toMatch(/["']/);
      expect(text, id).not.toMatch(/Briefsmith|\bstrict\b|policy: |Share of equal/);
    }
  });

  it("prints the sections in the order the brief lists them", async () => {
    const headingOf: Record<string, string> = {
      bluf: "Bottom line",
      facts: "Key facts",
      assumptions: "Key assumptions",
      questions: "Discussion questions",
      glossary: "Glossary",
      sources: "Sources",
      balance: "Balance note",
    };
    const order = (id: string) => {
      const brief = parse(readFileSync(join(repoRoot, "briefs", `${id}.yaml`), "utf8")) as { template: keyof typeof defaultSections; sections?: string[] };
      return brief.sections ?? defaultSections[brief.template];
    };
    for (const { id } of examples.filter((e) => e.id.endsWith("memo"))) {
      const text = await pdfReadingText(join(out, `${id}.pdf`));
      const positions = order(id)
        .filter((s) => headingOf[s] !== undefined && text.includes(headingOf[s]!))
        .map((s) => text.indexOf(headingOf[s]!));
      // The alliance memo has no key facts since its one "fact" (a question asked in a debate) went: three headings still have an order.
      expect(positions.length, id).toBeGreaterThanOrEqual(3);
      expect([...positions].sort((a, b) => a - b), id).toEqual(positions);
    }
    // [themes, bluf]: the bottom line comes after the question; a document that cites still lists its sources.
    expect(reorderedBuild.code, reorderedBuild.stderr).toBe(0);
    const text = await pdfReadingText(reordered.path("out/tram-reordered.pdf"));
    expect(text.indexOf("1. Is the extension worth building?")).toBeGreaterThan(0);
    expect(text.indexOf("Bottom line up front")).toBeGreaterThan(text.indexOf("1. Is the extension worth building?"));
    expect(text.indexOf("Sources")).toBeGreaterThan(text.indexOf("Bottom line up front"));
    expect(text.indexOf("Balance note")).toBeGreaterThan(text.indexOf("Sources"));
  });

  // "UNCLASSIFIED//FOR OFFICIAL" and "USE ONLY" printed on two lines, which read as two markings.
  it("prints a long marking's banner on one line, at the top and bottom of every page", async () => {
    expect(reorderedBuild.code).toBe(0);
    const pages = await pdfPages(reordered.path("out/tram-marked.pdf"));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const lines = page.split("\n").filter((l) => l.trim() !== "");
      expect(lines[0]!.trim()).toBe("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
      expect(lines.at(-1)!.trim()).toBe("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
    }
  });

  it("says in the alliance memo's bottom line where the weight of the sources lies, attributed", async () => {
    const text = await pdfReadingText(join(out, "alliance-memo.pdf"));
    const bluf = text.slice(text.indexOf("Bottom line up front"), text.indexOf("1. Alliance or limited partnership?"));
    expect(bluf).toMatch(/The weight of opinion in the sources lies with the "Limited partnership" view: those who hold it expect cooperation to stop well short of an alliance; the sources attribute it to most panellists \(Carnegie panel\) and some Russians \(GMF workshop\)\./);
    expect(bluf).toContain("the sources attribute it to one Russian argument and one presentation (GMF workshop).");
    // The office's own judgment is labelled as such, apart from the sources' views, and ends with decision lines.
    expect(bluf).toMatch(/Our assessment \(Eurasia Policy Staff\) We judge it unlikely .*\. We have moderate confidence/);
    expect(bluf).toMatch(/Recommendation That the Office .* Approve Disapprove Discuss\s*$/);
  });

  it("never follows a claim's paraphrase with a quote that says the same in nearly the same words", () => {
    for (const { id } of examples.filter((e) => e.id !== "morning-one-pager")) {
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      for (const [, paraphrase, quote] of html.matchAll(/<li class="claim[^"]*"><span class="kind[^"]*">[^<]*<\/span> (.*?) <span class="quote">“(.*?)”<\/span>/g)) {
        const ours = new Set(contentWords(decode(paraphrase!.replace(/<[^>]+>/g, ""))));
        const theirs = contentWords(decode(quote!));
        const shared = theirs.filter((w) => ours.has(w)).length / theirs.length;
        expect(shared, `${id}: "${quote}" repeats "${paraphrase}"`).toBeLessThan(0.5);
      }
      // A memo keeps its quotes in the notes.
      if (id.endsWith("memo")) expect(html).not.toContain('<span class="quote">');
    }
  });

  // A reader's test: the evidence section's heading and lead sat at a page's foot, every matrix overleaf.
  it("starts the evidence section's first matrix on the page of its heading", async () => {
    const pages = await pdfPages(join(out, "seminar-handout.pdf"));
    const at = pages.findIndex((page, index) => index > 0 && page.includes("The evidence: analysis of competing hypotheses"));
    expect(at).toBeGreaterThan(0);
    expect(pages[at]).toMatch(/^\s*Fact\s{2,}/m);
  });

  it("gives a long handout a table of contents whose page numbers are right", async () => {
    const pages = (await tool("pdftotext", [join(out, "seminar-handout.pdf"), "-"])).split("\f").map((page) => flat(page.replace(/-\n\s*/g, "-")));
    expect(pages.length).toBeGreaterThan(6);
    const layout = await pdfPages(join(out, "seminar-handout.pdf"));
    const contents = layout[0]!.slice(layout[0]!.indexOf("Contents"));
    const entries = [...contents.matchAll(/^(\d+\. .+?|The evidence: .+?|Discussion questions|Glossary|Sources|Balance note)\s+(\d+)$/gm)];
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const [, title, page] of entries) {
      const heading = flat(title!.trim());
      expect(pages[Number(page) - 1], `"${heading}" should be on page ${page}`).toContain(heading);
    }
    // A short handout has none.
    const tram = await pdfReadingText(join(miniOut, "tram-handout.pdf"));
    expect(tram).not.toContain("Contents");
  });

  it("runs the memo's header with its short title, and a long title's header with what comes before its colon", async () => {
    const memo = (await pdfPages(join(out, "alliance-memo.pdf")))[0]!;
    expect(memo).toContain("China and Russia: alliance or partnership?");
    const handout = (await pdfPages(join(out, "seminar-handout.pdf")))[0]!;
    // Its title's lead, before the colon: not a phrase cut on every page.
    expect(handout).toMatch(/Sino-Russian relations after Maidan\s/);
    expect(handout).not.toContain("competing…");
  });

  it("lists the glossary terms the handout uses, and leaves out facts dated after it with a warning", async () => {
    const text = await pdfReadingText(join(out, "seminar-handout.pdf"));
    expect(text).toContain("quasi-alliance:");
    expect(text).not.toContain("Japan was to host the G7");
    const balance = await runBriefProcess(["balance", "briefs/seminar-handout.yaml"]);
    expect(balance.stdout + balance.stderr).toMatch(/warning SELECT_FACT_AFTER_BRIEF_DATE: fact "g7-japan-host-2016" is dated May 2016, after the brief's date \(1 March 2016\), and is left out/);
  });
});
