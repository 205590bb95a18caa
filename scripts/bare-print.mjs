#!/usr/bin/env node
// The floor npm run bench measures brief build against: print a folder of HTML files to PDF with one
// warm browser and two tabs, as a bare script would, and nothing else: no checks, no manifest, no
// incremental build. Chromium's own work (layout and PDF) is the same as in brief build: the document
// is set into the tab and printed with DevTools' printToPDF, as Briefsmith's printer does.
//
// After `--`, flags for Chromium besides the two it always gets: npm run bench gives it Briefsmith's own, to
// tell what Briefsmith's flags save Chromium from what Briefsmith itself costs.
//
//   node scripts/bare-print.mjs HTML_DIR OUT_DIR BROWSER_PATH [--shell] [-- FLAG...]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const separator = process.argv.indexOf("--");
const [htmlDir, outDir, executablePath, mode] = process.argv.slice(2, separator === -1 ? undefined : separator);
const extraFlags = separator === -1 ? [] : process.argv.slice(separator + 1);
const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html")).sort();
mkdirSync(outDir, { recursive: true });
const args = process.getuid?.() === 0 || process.env.BRIEFSMITH_NO_SANDBOX === "1" ? ["--no-sandbox"] : [];
const browser = await puppeteer.launch({ executablePath, headless: mode === "--shell" ? "shell" : true, pipe: true, args: [...args, "--disable-gpu", "--disable-dev-shm-usage", ...extraFlags] });
let next = 0;
async function tab() {
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  const { frameTree } = await session.send("Page.getFrameTree");
  while (next < files.length) {
    const file = files[next++];
    await session.send("Page.setDocumentContent", { frameId: frameTree.frame.id, html: readFileSync(join(htmlDir, file), "utf8") });
    const { data } = await session.send("Page.printToPDF", { printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true, transferMode: "ReturnAsBase64" });
    writeFileSync(join(outDir, file.replace(/\.html$/, ".pdf")), Buffer.from(data, "base64"));
  }
}
await Promise.all([tab(), tab()]);
await browser.close();
