import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/build/load-corpus.js";
import { renderBrief } from "../../src/build/render-brief.js";
import { createPrinter } from "../../src/print/printer.js";
import { miniProject, tool } from "../helpers/cli.js";

/** The words of a PDF's pages with where they start (pdftotext -bbox), in reading order. */
async function wordsOf(pdf: string): Promise<{ word: string; x: number; y: number }[]> {
  const html = await tool("pdftotext", ["-bbox", pdf, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ word: m[3]!, x: Number(m[1]), y: Number(m[2]) }));
}

// A staffer's test: in the PDF's list of sources, an entry's wrapped lines (a date, an address) started flush left,
// under its number, and read as entries of their own.
describe("the list of sources", () => {
  it("sets an entry's wrapped lines under its text, not under its number", async () => {
    const corpus = await loadCorpus(join(miniProject, "sources/transit"));
    const folder = mkdtempSync(join(tmpdir(), "source-list-"));
    const printer = await createPrinter({ jobs: 1 });
    try {
      for (const file of ["briefs/tram-memo.yaml", "briefs/tram-one-pager.yaml"]) {
        const { html } = await renderBrief(readFileSync(join(miniProject, file), "utf8"), corpus, { file, date: "2024-04-02" });
        // A publisher long enough to wrap the citation.
        const long = html.replace(/City Council Secretariat/g, "Secretariat of the Committee on Transport, Planning, Infrastructure and the Northern Estates Regeneration Programme of the City");
        expect(long).not.toBe(html);
        const path = join(folder, "doc.pdf");
        writeFileSync(path, await printer.print(long));
        const words = await wordsOf(path);
        const start = words.findIndex((w, i) => w.word === "Secretariat" && words[i + 1]?.word === "of" && words[i + 3]?.word === "Committee");
        expect(start, file).toBeGreaterThan(0);
        // Where the entry's first line starts (its number, or its short name), and its next line.
        const line = words.filter((w) => Math.abs(w.y - words[start]!.y) < 2);
        const first = line.reduce((a, b) => (b.x < a.x ? b : a));
        const wrapped = words.slice(start).find((w) => w.y > first.y + 2)!;
        expect(wrapped.x, `${file}: the wrapped line starts at ${wrapped.x}, the entry at ${first.x}`).toBeGreaterThan(first.x + 8);
      }
    } finally {
      await printer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
