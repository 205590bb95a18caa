import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { isRunning, renderersOf } from "../helpers/processes.js";
import { closeBrowser, launchBrowser } from "../../src/print/launch.js";
import { PrintPool } from "../../src/print/pool.js";

/** The pool against a real Chromium: timeouts count from a document's turn, and closing leaves no browser behind. */
const small = "<!DOCTYPE html><html><body><p>small</p></body></html>";
const paragraph = "<p>A long paragraph of text that fills the pages of a very long document. </p>";
/** About 320 pages: several seconds to print. */
const long10k = `<!DOCTYPE html><html><body>${paragraph.repeat(10_000)}</body></html>`;
const huge = `<!DOCTYPE html><html><body>${paragraph.repeat(30_000)}</body></html>`;

describe("PrintPool", () => {
  it("counts a document's timeout from its turn, not from its wait for a tab; times out its own print; closing kills the browser", async () => {
    const pids: number[] = [];
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 1, restartAfter: 100, onLaunch: (pid) => pid && pids.push(pid) });
    try {
      expect((await pool.print({ html: small, paper: "A4", timeoutMs: 30_000 })).pdf.byteLength).toBeGreaterThan(500);
      // Regression: the second document waited longer than its timeout for the one tab, and failed with PRINT_TIMEOUT.
      const started = performance.now();
      const long = pool.print({ html: long10k, paper: "A4", timeoutMs: 60_000 });
      const waiting = pool.print({ html: small, paper: "A4", timeoutMs: 1_000 });
      await long;
      expect(performance.now() - started).toBeGreaterThan(1_000); // it did wait longer than its timeout
      expect((await waiting).pdf.byteLength).toBeGreaterThan(500);
      // Its own print still times out: the long document given 300 ms.
      await expect(pool.print({ html: long10k, paper: "A4", timeoutMs: 300 })).rejects.toMatchObject({ code: "PRINT_TIMEOUT" });
      // Observed at once: it fails when the pool closes, before the test looks at it.
      const hugeOne = pool.print({ html: huge, paper: "A4", timeoutMs: 60_000 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      await pool.close();
      expect(await hugeOne).toMatchObject({ code: expect.stringMatching(/BROWSER_CRASHED|PRINT_CANCELLED/) });
    } finally {
      await pool.close();
    }
    expect(pids).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(pids[0]!)).toBe(false);
  });

  // Regression: a document cancelled while it waited started its clock anyway when its turn came; the clock, never
  // cleared, closed the tab a second later, by then printing another document (which failed as a crash).
  it("starts no clock for a document cancelled while it waited: the next document's tab is left alone", async () => {
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 1, restartAfter: 100 });
    try {
      const first = pool.print({ html: long10k, paper: "A4", timeoutMs: 60_000 });
      const cancel = new AbortController();
      const cancelled = pool.print({ html: small, paper: "A4", timeoutMs: 500, signal: cancel.signal });
      cancel.abort();
      await expect(cancelled).rejects.toMatchObject({ code: "PRINT_CANCELLED" });
      await first;
      // Takes seconds: well past the cancelled document's 500 ms, counted from when the tab came free.
      expect((await pool.print({ html: long10k, paper: "A4", timeoutMs: 60_000 })).pdf.byteLength).toBeGreaterThan(500);
      expect((await pool.print({ html: small, paper: "A4", timeoutMs: 30_000 })).pdf.byteLength).toBeGreaterThan(500);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("starts a fresh browser after `restartAfter` documents, and the old one goes away", async () => {
    const pids: number[] = [];
    // One tab, so the count is exact; with more, documents already started finish first, and a browser may print a few more.
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 1, restartAfter: 3, onLaunch: (pid) => pid && pids.push(pid) });
    try {
      const printed = await Promise.all(
        Array.from({ length: 7 }, (_, i) => pool.print({ html: small.replace("small", `document ${i}`), paper: "A4", timeoutMs: 30_000 })),
      );
      expect(printed.every((result) => result.pdf.byteLength > 500)).toBe(true);
      // Seven documents at three per browser: three browsers, the first two closed once their documents were done.
      expect(pool.launches).toBe(3);
      expect(pids).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(pids.map(isRunning)).toEqual([false, false, true]);
    } finally {
      await pool.close();
    }
  });

  // Regression: a document waiting for a restart (or for a crashed browser to be replaced) went on to start a
  // browser after close() had returned, and nobody closed it: the build's process could not exit, or left Chromium.
  it("starts no browser once closed, even when a restart was under way", async () => {
    const pids: number[] = [];
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 1, restartAfter: 1, onLaunch: (pid) => pid && pids.push(pid) });
    let outcome: unknown;
    try {
      await pool.print({ html: small, paper: "A4", timeoutMs: 30_000 });
      // The next document is due a restart: the pool closes the first browser, then would start a second.
      const next = pool.print({ html: small, paper: "A4", timeoutMs: 30_000 }).then(
        () => "printed",
        (error: unknown) => error,
      );
      // Close while the restart is under way (closing the old browser takes a DevTools round trip).
      await new Promise((resolve) => setImmediate(resolve));
      await pool.close();
      outcome = await next;
    } finally {
      await pool.close();
    }
    expect(outcome).toMatchObject({ code: "PRINT_CANCELLED" });
    expect(pool.launches).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pids.filter(isRunning)).toEqual([]);
  });

  // Chromium opens a blank tab as it starts; left idle beside the pool's own, it was a renderer process started for
  // nothing (three for a pool of two), and the pool's tabs waited for theirs.
  it("prints in the browser's first tab: a pool of two tabs runs two renderers", async () => {
    const pids: number[] = [];
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 2, restartAfter: 100, onLaunch: (pid) => pid && pids.push(pid) });
    try {
      await pool.warmUp();
      const printed = await Promise.all([small, long10k.slice(0, 20_000), small].map((html) => pool.print({ html, paper: "A4", timeoutMs: 30_000 })));
      expect(printed.every((p) => p.pdf.byteLength > 500)).toBe(true);
      expect(renderersOf(pids[0]!)).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  // A review killed the browser mid-print, again and again: once in some twenty deaths its pipe was reset after
  // Puppeteer had let go of it, and the unheard error ended the host.
  it("lets a browser's pipe fail after Puppeteer has let go of it without ending the host", async () => {
    const browser = await launchBrowser(await findBrowser({ env: process.env }), { env: process.env });
    const pipe = browser.process.stdio[3]!;
    try {
      browser.connection.dispose();
      expect(() => pipe.emit("error", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).not.toThrow();
    } finally {
      await closeBrowser(browser);
    }
  });

  // A review: closing killed the browser as it shut down, which left more of its processes unreaped.
  it("closes a browser by letting it end, killing only what is left", async () => {
    const browser = await launchBrowser(await findBrowser({ env: process.env }), { env: process.env });
    const child = browser.process;
    await closeBrowser(browser);
    expect({ code: child.exitCode, signal: child.signalCode }).toEqual({ code: 0, signal: null });
  });

  it("refuses new documents once closed", async () => {
    const pool = new PrintPool(await findBrowser({ env: process.env }), { size: 1, restartAfter: 100 });
    await pool.close();
    await expect(pool.print({ html: small, paper: "A4", timeoutMs: 5_000 })).rejects.toMatchObject({ code: "PRINT_CANCELLED" });
  });
});
