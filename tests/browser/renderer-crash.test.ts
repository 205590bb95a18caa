import { describe, expect, it } from "vitest";
import { createPrinter } from "../../src/print/printer.js";
import { renderersOf } from "../helpers/processes.js";

/** A crashed tab is a crash (item 5), and a shrunk document is reported (item 7): against a real Chromium. */
const huge = `<!DOCTYPE html><html><body>${"<p>A long paragraph of text that fills the pages of a very long document. </p>".repeat(12_000)}</body></html>`;

describe("a tab whose renderer crashes", () => {
  it("fails at once, not at the timeout, and the document is printed again in a fresh tab of the same browser", async () => {
    const pids: number[] = [];
    const printer = await createPrinter({ jobs: 1, timeoutMs: 60_000, onLaunch: (pid) => pid && pids.push(pid) });
    try {
      await printer.print("<p>warm</p>");
      const started = performance.now();
      const printing = printer.printDocument(huge);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const renderers = renderersOf(pids[0]!);
      expect(renderers.length).toBeGreaterThan(0);
      for (const pid of renderers) process.kill(pid, "SIGKILL");
      const printed = await printing;
      expect(printed.pages).toBeGreaterThan(50);
      // Retried at once, not after the 60 s timeout the document used to wait for (and then fail).
      expect(performance.now() - started).toBeLessThan(50_000);
      expect(printer.launches).toBe(1);
      expect((await printer.printDocument("<p>after</p>")).pages).toBe(1);
    } finally {
      await printer.close();
    }
  }, 120_000);
});

describe("a document wider than the page", () => {
  it("is printed shrunk by Chromium, and the printer says so; a document that fits gets no such warning", async () => {
    const printer = await createPrinter({ jobs: 1 });
    try {
      const page = (body: string) => `<!DOCTYPE html><html><head><style>@page { size: Letter; margin: 1in; }</style></head><body><p>Start</p>${body}</body></html>`;
      const shrunk = await printer.printDocument(page(`<p>${"x".repeat(2000)}</p>`));
      expect(shrunk.warnings).toEqual([expect.stringMatching(/^the browser shrank the pages to \d+% to fit something wider than the page/)]);
      const fits = await printer.printDocument(page(`<p style="overflow-wrap: anywhere">${"x".repeat(2000)}</p>${"<p>more text</p>".repeat(300)}`));
      expect(fits.pages).toBeGreaterThan(1);
      expect(fits.warnings).toEqual([]);
      // With a running header and page numbers, as Briefsmith's templates print them: the margin boxes are drawn
      // first, unshrunk, and the warning never fired for a shrunk memo (a CI engineer's test).
      const marked = (body: string) =>
        `<!DOCTYPE html><html><head><style>@page { size: Letter; margin: 1in; @top-center { content: "UNCLASSIFIED"; } @bottom-right { content: "Page " counter(page); } }</style></head><body><p>Start</p>${body}</body></html>`;
      const shrunkMarked = await printer.printDocument(marked('<table style="width:1500px"><tr><td>x</td></tr></table>'));
      expect(shrunkMarked.warnings).toEqual([expect.stringMatching(/^the browser shrank the pages to \d+% to fit something wider than the page/)]);
      expect((await printer.printDocument(marked("<p>fits</p>"))).warnings).toEqual([]);
      // An image is drawn clipped to its own box and scaled: that is not the page shrunk (the letterhead's emblem).
      const emblem = `<img style="width: 80px" src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle cx="60" cy="60" r="50"/></svg>').toString("base64")}">`;
      expect((await printer.printDocument(marked(`<p>fits</p>${emblem}`))).warnings).toEqual([]);
    } finally {
      await printer.close();
    }
  });
});
