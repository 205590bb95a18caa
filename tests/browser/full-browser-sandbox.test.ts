import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { closeBrowser, launchBrowser, puppeteerCachePaths } from "../../src/print/launch.js";
import { SandboxedPage } from "../../src/print/sandboxed-page.js";

/** A PDF of one blank page, which the full browser opens in its PDF viewer, a frame in a process of its own. */
const blankPdf = "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAgMjAwXSA+PgplbmRvYmoKeHJlZgowIDQKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMDAwMDExNSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDQgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjE4NgolJUVPRgo=";

const full = await findBrowser({ env: { PATH: process.env.PATH }, puppeteerCachePaths, acceptHeadlessShell: false }).catch(() => undefined);

// A review of the move from Puppeteer's page model to its DevTools connection: the page model attached to such frames
// and locked them as it locked the tab; the first version of the move locked the tab alone, and the viewer's frame ran
// its scripts, online. The headless shell opens no viewer; the full browser is installed for the tests where apt can.
describe.skipIf(full === undefined)("a frame Chromium runs in a process of its own (the full browser's PDF viewer; skipped without the full browser)", () => {
  it("is attached to and locked before it runs, as the tab is", async () => {
    const browser = await launchBrowser(full!, { env: process.env });
    try {
      const page = await SandboxedPage.open(browser);
      await page.print({ html: `<p>A document with a PDF in it.</p><embed type="application/pdf" src="data:application/pdf;base64,${blankPdf}" width="300" height="300">`, paper: "A4", timeoutMs: 20_000 });
      // The viewer starts after the document has loaded, printed or not.
      const frames = async () => (await browser.connection.send("Target.getTargets")).targetInfos.filter((target) => target.type === "iframe");
      await expect.poll(async () => (await frames()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      // Time for the viewer's scripts, had they run, to open the PDF in a frame of their own (unlocked, they did).
      await new Promise((resolve) => setTimeout(resolve, 500));
      const opened = await frames();
      expect(opened.filter((frame) => !frame.attached).map((frame) => frame.url)).toEqual([]);
      expect(opened.filter((frame) => frame.url.startsWith("data:application/pdf"))).toEqual([]);
    } finally {
      await closeBrowser(browser);
    }
  });
});

// A review: the full browser saved a document's data: frame of a file type it does not show to ~/Downloads.
describe.skipIf(full === undefined)("a document that makes the browser download a file (skipped without the full browser)", () => {
  it("writes nothing to the downloads folder", async () => {
    const home = mkdtempSync(join(tmpdir(), "briefsmith-home-"));
    const before = process.env.HOME;
    // The browser's environment is the process's: its downloads folder is under this HOME.
    process.env.HOME = home;
    try {
      const browser = await launchBrowser(full!, { env: process.env });
      try {
        const page = await SandboxedPage.open(browser);
        await page.print({ html: `<p>A document.</p><iframe src="data:application/octet-stream;base64,${Buffer.from("DOWNLOADED").toString("base64")}"></iframe>`, paper: "A4", timeoutMs: 20_000 });
        // Time for a download, had it started, to be written.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        await closeBrowser(browser);
      }
      expect(readdirSync(home, { recursive: true }).filter((name) => String(name).startsWith("Downloads"))).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.HOME;
      else process.env.HOME = before;
      rmSync(home, { recursive: true, force: true });
    }
  });
});

// A review: the full browser opened TCP connections, sending no request, to a host a document named in a preconnect
// hint or in a frame the tab blocked. The headless shell opened none.
describe.skipIf(full === undefined)("a document that names a host to connect to (skipped without the full browser)", () => {
  it("makes the browser open no connection to it", async () => {
    let connections = 0;
    const server = createServer((_request, response) => response.end("canary"));
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const browser = await launchBrowser(full!, { env: process.env });
      try {
        const page = await SandboxedPage.open(browser);
        const result = await page.print({
          html: `<link rel="preconnect" href="http://${host}"><link rel="preconnect" href="https://${host}"><p>A document.</p><iframe src="http://${host}/frame"></iframe>`,
          paper: "A4",
          timeoutMs: 20_000,
        });
        expect(result.blockedRequests).toEqual([`http://${host}/frame`]);
        // Time for a connection, had one been opened, to reach the server.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        await closeBrowser(browser);
      }
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });
});
