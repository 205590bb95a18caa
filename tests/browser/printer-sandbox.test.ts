import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/print/browser.js";
import { closeBrowser, launchBrowser, puppeteerCachePaths, type ChromiumBrowser } from "../../src/print/launch.js";
import { SandboxedPage } from "../../src/print/sandboxed-page.js";
import { startSandboxTargets, type SandboxTargets } from "../helpers/canary.js";
import { tool } from "../helpers/cli.js";

/**
 * The printer's own sandbox, tested without the escaping in front of it:
 * raw hostile HTML goes straight to a sandboxed page, as if a template had
 * let it through. Nothing may reach the canary server or read the secret
 * file; what the page tried is reported as blocked.
 */

const marker = `PRINTER-SECRET-${process.pid}-${Date.now().toString(36)}`;
let targets: SandboxTargets | undefined;
let hits: string[] = [];
let canary: string;
let secretDir: string;
let secretUrl: string;
let browser: ChromiumBrowser;
let page: SandboxedPage;

beforeAll(async () => {
  targets = await startSandboxTargets(marker, "briefsmith-printer-secret-");
  ({ hits, canary, secretDir, secretUrl } = targets);
  browser = await launchBrowser(await findBrowser({ env: process.env, puppeteerCachePaths }));
  page = await SandboxedPage.open(browser);
}, 60_000);

afterAll(async () => {
  await page?.close();
  if (browser) await closeBrowser(browser);
  await targets?.close();
});

async function printRaw(id: string, body: string): Promise<{ text: string; blocked: readonly string[] }> {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${id}</title></head><body><p>BODY OF ${id}</p>${body}</body></html>`;
  const result = await page.print({ html, paper: "A4", timeoutMs: 20_000 });
  const path = join(secretDir, `${id}.pdf`);
  writeFileSync(path, result.pdf);
  return { text: await tool("pdftotext", [path, "-"]), blocked: result.blockedRequests };
}

const cases: readonly { id: string; body: (c: string, secret: string) => string; blocked: readonly string[] }[] = [
  { id: "img", body: (c) => `<img src="${c}/img.png">`, blocked: ["/img.png"] },
  { id: "stylesheet", body: (c) => `<link rel="stylesheet" href="${c}/style.css">`, blocked: ["/style.css"] },
  {
    id: "css-urls",
    body: (c) => `<style>@import url("${c}/import.css"); body { background: url("${c}/bg.png") } @font-face { font-family: f; src: url("${c}/font.woff") } p { font-family: f }</style>`,
    blocked: ["/import.css", "/bg.png", "/font.woff"],
  },
  { id: "iframe", body: (c) => `<iframe src="${c}/frame"></iframe>`, blocked: ["/frame"] },
  { id: "preload", body: (c) => `<link rel="preload" as="image" href="${c}/preload.png"><link rel="prefetch" href="${c}/prefetch">`, blocked: ["/preload.png"] },
  {
    id: "media",
    body: (c) => `<video poster="${c}/poster.png" src="${c}/video.mp4"></video><audio src="${c}/audio.mp3"></audio><object data="${c}/object"></object><embed src="${c}/embed">`,
    blocked: ["/poster.png", "/object", "/embed"],
  },
  { id: "svg", body: (c) => `<svg><image href="${c}/svg.png"/></svg>`, blocked: ["/svg.png"] },
  { id: "script", body: (c) => `<script src="${c}/script.js"></script><script>fetch("${c}/fetch"); new Image().src = "${c}/js.png"</script>`, blocked: [] },
  { id: "base", body: (c) => `<base href="${c}/base/"><img src="relative.png">`, blocked: ["/base/relative.png"] },
  { id: "srcset", body: (c) => `<img srcset="${c}/srcset.png 1x"><picture><source srcset="${c}/source.png"><img></picture>`, blocked: ["/srcset.png"] },
  { id: "websocket-url", body: (c) => `<img src="${c.replace("http:", "ws:")}/ws">`, blocked: [] },
  { id: "data-iframe", body: (c) => `<iframe src="data:text/html,<img src='${c}/inside-data.png'><p>inside</p>"></iframe>`, blocked: ["/inside-data.png"] },
  // Aborting this navigation put Chromium's error page in place of the document mid-print: "Execution context was destroyed".
  { id: "meta-refresh-keeps-the-document", body: (c) => `<meta http-equiv="refresh" content="0;url=${c}/refresh"><p>ORIGINAL CONTENT</p>`, blocked: [] },
  { id: "file-urls", body: (_, s) => `<img src="${s}"><iframe src="${s}"></iframe><object data="${s}"></object><link rel="stylesheet" href="${s}"><style>@import url("${s}");</style>`, blocked: [] },
  { id: "meta-refresh-file", body: (_, s) => `<meta http-equiv="refresh" content="0;url=${s}"><p>ORIGINAL CONTENT</p>`, blocked: [] },
];

describe("the sandboxed page, fed raw hostile HTML", () => {
  it.each(cases.map((c) => c.id))("%s: nothing is fetched or read, and the attempt is reported", async (id) => {
    const testCase = cases.find((c) => c.id === id)!;
    const { text, blocked } = await printRaw(id, testCase.body(canary, secretUrl));
    expect(text).toContain(`BODY OF ${id}`);
    expect(text).not.toContain(marker);
    if (id.startsWith("meta-refresh")) expect(text).toContain("ORIGINAL CONTENT");
    for (const path of testCase.blocked) expect(blocked).toContain(`${canary}${path}`);
    // The browser's own favicon request is blocked quietly: a brief is not warned about what it did not ask for.
    expect(blocked.filter((url) => url.endsWith("/favicon.ico"))).toEqual([]);
    expect(hits).toEqual([]);
  });

  it("a document printed after a hostile one on the same page is itself, and nothing leaked meanwhile", async () => {
    await printRaw("first", `<meta http-equiv="refresh" content="1;url=${canary}/late-refresh"><img src="${canary}/first.png">`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const second = await printRaw("second", "<p>SECOND CONTENT</p>");
    expect(second.text).toContain("SECOND CONTENT");
    expect(second.text).not.toContain("BODY OF first");
    expect(hits).toEqual([]);
  });
});
