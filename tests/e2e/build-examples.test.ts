import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseForQuote } from "../../src/text/paragraphs.js";
import { pdfReadingText, runBriefProcess, tool, type CliRun } from "../helpers/cli.js";

/**
 * End to end: run the real `brief build` on the example briefs, then read each
 * PDF back with poppler (pdfinfo, pdftotext) and check what a reader sees.
 */
const out = mkdtempSync(join(tmpdir(), "briefsmith-e2e-"));
let build: CliRun;

beforeAll(async () => {
  build = await runBriefProcess(["build", "briefs", "--out", out]);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function pdfInfo(id: string): Promise<Record<string, string>> {
  const text = await tool("pdfinfo", [join(out, `${id}.pdf`)]);
  return Object.fromEntries(text.split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
}

/** The text of each page, as pdftotext reads it (pages end with a form feed). */
async function pdfPages(id: string): Promise<string[]> {
  const text = await tool("pdftotext", ["-layout", join(out, `${id}.pdf`), "-"]);
  return text.split("\f").filter((page) => page.trim() !== "");
}

const flat = (text: string) => normaliseForQuote(text.replace(/\s+/g, " "));

const examples = [
  { id: "alliance-memo", title: "China and Russia: heading for an alliance, or a limited partnership?", marking: "UNCLASSIFIED", maxPages: 2, headings: ["MEMORANDUM FOR:", "SUBJECT:", "Bottom line up front", "Sources", "Balance note"] },
  { id: "central-asia-energy-memo", title: "Central Asia and energy: is Russia accommodating China or competing with it?", marking: "UNCLASSIFIED", maxPages: 6, headings: ["MEMORANDUM FOR:", "Bottom line up front", "KEY FACTS", "Sources", "Balance note"] },
  { id: "seminar-handout", title: "Sino-Russian relations after Maidan: competing readings", marking: "FOR TRAINING USE ONLY", maxPages: 40, headings: ["Overview", "analysis of competing hypotheses", "not diagnostic", "Discussion questions", "Glossary", "Sources", "Balance note"] },
  { id: "morning-one-pager", title: "Sino-Russian relations: the main questions in one page", marking: "UNCLASSIFIED", maxPages: 1, headings: ["Bottom line", "Sources", "Balance (strict: balanced)"] },
];

describe("brief build on the examples", () => {
  it("exits 0 and prints one line per brief with its pages and time", () => {
    expect(build.stderr).toBe("");
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
      const pages = await pdfPages(id);
      pages.forEach((page, index) => {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        expect(lines[0]!.trim()).toBe(marking);
        expect(lines[lines.length - 1]!.trim()).toBe(marking);
        expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      });
    });

    it("shows its section headings and a verified quote with its source", async () => {
      const text = await pdfReadingText(join(out, `${id}.pdf`));
      for (const heading of headings) expect(text).toContain(heading);
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      const quote = /<q class="quote">([^<]{20,}?)<\/q>/.exec(html)?.[1];
      if (id !== "morning-one-pager") {
        expect(quote).toBeDefined();
        const decoded = quote!.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
        expect(text).toContain(flat(decoded).split(" ").slice(0, 8).join(" "));
        expect(text).toMatch(/\[1\], para\. \d+/);
      }
    });
  });

  it("keeps each theme's heading on the page where its first viewpoint starts (regression)", async () => {
    const decode = (text: string) => flat(text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    for (const id of ["seminar-handout", "alliance-memo", "central-asia-energy-memo"]) {
      const html = readFileSync(join(out, `${id}.html`), "utf8");
      // Reading order, page by page: in -layout text, table columns interleave.
      const pages = (await tool("pdftotext", [join(out, `${id}.pdf`), "-"])).split("\f").map((page) => flat(page.replace(/-\n\s*/g, "-")));
      const sections = html.split('<section class="theme"').slice(1).map((part) => part.slice(0, part.indexOf("</section>")));
      expect(sections.length).toBeGreaterThan(0);
      for (const section of sections) {
        const heading = decode(/<h2>([^<]+)<\/h2>/.exec(section)![1]!);
        const firstView = decode((/<h3>([^<]+)<\/h3>/.exec(section) ?? /<th scope="col">([^<]+)<\/th>/.exec(section))![1]!);
        // The last page that has it: a handout lists the themes first, in its overview.
        const page = pages.findLastIndex((text) => text.includes(heading));
        expect(page, `${id}: "${heading}" not found`).toBeGreaterThanOrEqual(0);
        expect(pages[page], `${id}: "${heading}" is on page ${page + 1}, its first viewpoint "${firstView}" is not`).toContain(firstView);
        // And the start of that viewpoint's thesis: a heading row alone at the foot of a page is no better.
        const thesis = decode((/class="thesis">([^<]+)</.exec(section) ?? /class="thesis-row"><td>([^<]+)</.exec(section))![1]!).split(" ").slice(0, 4).join(" ");
        expect(pages[page], `${id}: "${heading}" is on page ${page + 1}, the first thesis is not`).toContain(thesis);
      }
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
