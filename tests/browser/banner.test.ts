import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/build/load-corpus.js";
import { renderBrief } from "../../src/build/render-brief.js";
import { createPrinter } from "../../src/print/printer.js";
import { miniProject, tool } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "banner-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A CI engineer's test: a realistic 70-character CUI banner printed as "CONTROLLED UNCLASSIFIED
// INFORMATION//SP-PRVCY//SP-LEI//FEDCON", top and bottom, its last control cut off at the page's edge, and a
// 78-character TOP SECRET banner on Letter as "…LIMDIS//EX"; the build said nothing.
describe("a long marking", () => {
  for (const [paper, marking] of [
    ["A4", "CONTROLLED UNCLASSIFIED INFORMATION//SP-PRVCY//SP-LEI//FEDCON//DL ONLY"],
    ["Letter", "TOP SECRET//SI-G/TK//ORCON/NOFORN//REL TO USA, FVEY//FISA//LIMDIS//EXDIS//X1"],
  ] as const) {
    it(`prints whole at the top and foot of every page on ${paper}`, async () => {
      const corpus = await loadCorpus(join(miniProject, "sources", "transit"));
      const { html } = await renderBrief(`title: "Riverside tram extension and the city it serves: costs and commutes"\nshort_title: Riverside tram extension and the city it serves\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\npaper: ${paper}\nmarking: "${marking}"\n`, corpus);
      const printer = await createPrinter({ jobs: 1 });
      try {
        const path = join(folder, `${paper}.pdf`);
        writeFileSync(path, (await printer.printDocument(html, { paper })).pdf);
        const text = (await tool("pdftotext", ["-f", "1", "-l", "1", path, "-"])).replace(/\s+/g, "");
        const whole = marking.replace(/\s+/g, "");
        // Top and bottom of the page.
        expect(text.split(whole).length - 1).toBe(2);
        // And the running title beside it, whole.
        expect(text).toContain("Riversidetramextensionandthecityitserves");
      } finally {
        await printer.close();
      }
    }, 60_000);
  }
});
