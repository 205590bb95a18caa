import { PDFDocument } from "pdf-lib";
import { describe, expect, it, vi } from "vitest";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";

// A pool whose tabs fail as a crash that takes them all at once fails them: each print of the script's turn fails
// with BROWSER_CRASHED after the given delay, then prints. No browser.
const { script } = vi.hoisted(() => ({ script: { failures: [] as number[], attempts: 0 } }));
vi.mock("../../../src/print/pool.js", () => ({
  PrintPool: class {
    launches = 0;
    async warmUp() {}
    async close() {}
    async print() {
      const delay = script.failures[script.attempts++];
      if (delay !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        throw new BriefsmithError("BROWSER_CRASHED", "the browser failed while printing: the tab's renderer crashed");
      }
      const document = await PDFDocument.create();
      document.addPage();
      return { pdf: await document.save({ useObjectStreams: false }), blockedRequests: [] };
    }
  },
}));

const { createPrinter } = await import("../../../src/print/printer.js");

// A CI engineer's test: with every renderer killed at once, a brief failed "the tab's renderer crashed" once in 37
// runs: its retry went to another tab whose renderer had died in the same moment, not yet noticed.
describe("a crash that takes every tab at once", () => {
  it("does not fail a document whose retry fails at once with it", async () => {
    const printer = await createPrinter({ browser: process.execPath, env: {}, warm: false });
    script.failures = [0, 0];
    script.attempts = 0;
    expect((await printer.printDocument("<p>x</p>")).pages).toBe(1);
    expect(script.attempts).toBe(3);
  });

  it("still fails a document that crashes its tab again, later, on the retry", async () => {
    const printer = await createPrinter({ browser: process.execPath, env: {}, warm: false });
    script.failures = [0, 1200];
    script.attempts = 0;
    await expect(printer.printDocument("<p>x</p>")).rejects.toMatchObject({ code: "BROWSER_CRASHED" });
    expect(script.attempts).toBe(2);
  });
});
