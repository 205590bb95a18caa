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
