import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/build/load-corpus.js";
import { renderBrief } from "../../src/build/render-brief.js";
import { createPrinter } from "../../src/print/printer.js";
import { miniProject, tool } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "bluf-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A review: a memo whose bottom line ran longer than what was left of its first page moved it whole to the second,
// leaving the first page its heading block and little else (17% of the page).
describe("a long bottom line", () => {
  it("starts on the memo's first page and runs on to the next", async () => {
    const corpus = await loadCorpus(join(miniProject, "sources", "transit"));
    // As long as a brief may make them: the summary and the assessment near their 2,000 characters each.
    const sentence = "The council weighs the extension against the cost of the works and the disruption to the shops on the route. ";
    const block = (label: string, count: number) => Array.from({ length: count }, (_, i) => `    ${sentence.repeat(2)}${label} ${i + 1}.`).join("\n\n");
    const brief = `title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nbalance: warn\nsummary: |\n${block("Point", 8)}\nassessment: |\n${block("Judgment", 8)}\n`;
    const { html } = await renderBrief(brief, corpus);
    const printer = await createPrinter({ jobs: 1 });
    try {
      const path = join(folder, "memo.pdf");
      writeFileSync(path, await printer.print(html));
      const first = await tool("pdftotext", ["-f", "1", "-l", "1", path, "-"]);
      expect(first).toContain("Bottom line up front");
      expect(first).toContain("Point 1.");
    } finally {
      await printer.close();
    }
  }, 60_000);
});

const labelRule = /\.assessment-label, \.recommendation-label \{[^}]*\}/;
const recommendationRule = /\.recommendation \{ border-left[^}]*\}/;

// A second review: with the bottom line free to break, "Recommendation" stood alone at the foot of page 1, and the
// Approve / Disapprove / Discuss lines alone at the head of page 2.
describe("a bottom line that runs over a page", () => {
  it("keeps the recommendation's label with its text, and the decision lines with the recommendation", async () => {
    const corpus = await loadCorpus(join(miniProject, "sources", "transit"));
    const sentence = "The council weighs the extension against the cost of the works and the disruption to the shops on the route. ";
    const memo = async (sentences: number) =>
      (await renderBrief(`title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nbalance: warn\nsummary: "${sentence.repeat(sentences).trim()}"\nassessment: "${sentence.repeat(12).trim()}"\nrecommendation: Fund the extension, with a fixed budget.\n`, corpus)).html;
    const printer = await createPrinter({ jobs: 1 });
    const pages = async (html: string) => {
      const path = join(folder, "rec.pdf");
      writeFileSync(path, await printer.print(html));
      const lines = async (page: number) => (await tool("pdftotext", ["-f", String(page), "-l", String(page), "-layout", path, "-"])).split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/UNCLASSIFIED|^Page \d|^Tram\b/.test(l));
      return { firstEnds: (await lines(1)).at(-1) ?? "", secondStarts: (await lines(2))[0] ?? "" };
    };
    try {
      let label: number | undefined;
      let decisions: number | undefined;
      for (let n = 2; n <= 17 && (label === undefined || decisions === undefined); n++) {
        const html = await memo(n);
        const without = await pages(html.replace(labelRule, "").replace(recommendationRule, (rule) => rule.replace(/ break-inside: avoid; page-break-inside: avoid;/, "")));
        if (label === undefined && without.firstEnds === "Recommendation") label = n;
        if (decisions === undefined && /^Approve/.test(without.secondStarts)) decisions = n;
      }
      expect(label ?? decisions, "no length of bottom line stranded the label or the lines").toBeDefined();
      for (const n of [label, decisions].filter((n) => n !== undefined)) {
        const kept = await pages(await memo(n!));
        expect(kept.firstEnds).not.toBe("Recommendation");
        expect(kept.secondStarts).not.toMatch(/^Approve/);
      }
    } finally {
      await printer.close();
    }
  }, 120_000);
});
