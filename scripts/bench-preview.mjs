#!/usr/bin/env node
// npm run bench (after bench.mjs): how long `brief preview` takes from saving
// a brief to the updated page on screen. It starts the real command on the
// two-page example memo, opens its page in a browser as a user would, then
// saves the brief 20 times with a new title (as editors do: write a temporary
// file, rename it over the brief) and reads, for each save, when the page had
// drawn the new PDF. Not a test: it prints figures to paste into the README.
//
//   npm run bench                          (runs this after bench.mjs)
//   node scripts/bench-preview.mjs --edits 40 --screenshot docs/preview.png
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    edits: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    brief: { type: "string", default: "alliance-memo" },
    screenshot: { type: "string" },
    keep: { type: "boolean" },
  },
});
const edits = Number(values.edits);
const warmup = Number(values.warmup);

const work = mkdtempSync(join(tmpdir(), "briefsmith-bench-preview-"));
cpSync(join(root, "sources"), join(work, "sources"), { recursive: true });
mkdirSync(join(work, "briefs"));
const briefPath = join(work, "briefs", `${values.brief}.yaml`);
const original = readFileSync(join(root, "briefs", `${values.brief}.yaml`), "utf8");
writeFileSync(briefPath, original);
const titleLine = /^title: .*$/m;
if (!titleLine.test(original)) throw new Error(`briefs/${values.brief}.yaml has no title: line to edit`);

/** Save as editors do: the whole file to a temporary name beside it, renamed over the brief. */
function save(text) {
  const temporary = join(work, "briefs", `.${values.brief}.yaml.swp`);
  writeFileSync(temporary, text);
  renameSync(temporary, briefPath);
}

// 1. The real command, as a user runs it.
const child = spawn(process.execPath, [join(root, "bin", "brief.js"), "preview", `briefs/${values.brief}.yaml`, "--no-open"], {
  cwd: work,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, CI: "1" },
});
let stderr = "";
child.stderr.on("data", (d) => (stderr += d));
const lines = createInterface({ input: child.stdout });
const url = await new Promise((resolve, reject) => {
  lines.once("line", resolve);
  child.once("exit", (code) => reject(new Error(`brief preview exited ${code} before printing its address\n${stderr}`)));
});
lines.on("line", () => undefined);

// 2. A browser as the user's: the full Chromium when there is one (the headless shell otherwise).
const { findBrowser } = await import(`${root}/dist/print/browser.js`);
const { chromiumSandboxOff, puppeteerCachePaths } = await import(`${root}/dist/print/launch.js`);
const viewer =
  (await findBrowser({ env: { PATH: process.env.PATH }, puppeteerCachePaths, acceptHeadlessShell: false }).catch(() => undefined)) ??
  (await findBrowser({ env: process.env, puppeteerCachePaths }));
const { default: puppeteer } = await import("puppeteer-core");
const browser = await puppeteer.launch({
  executablePath: viewer.executablePath,
  headless: viewer.headlessShell ? "shell" : true,
  args: chromiumSandboxOff(process.env) ? ["--no-sandbox"] : [],
});
const results = [];
let scrollKept = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(url);
  await page.waitForFunction(() => window.briefPreview?.paintedRevision !== undefined, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll(".page .textLayer").length > 0, { timeout: 10_000 });
  // Read from the middle of the memo: the update must leave the reader there.
  await page.evaluate(() => (document.getElementById("pages").scrollTop = 700));

  for (let i = 1; i <= warmup + edits; i++) {
    const title = `China and Russia: an alliance, or a limited partnership? (draft ${i})`;
    const savedAt = Date.now();
    save(original.replace(titleLine, `title: "${title}"`));
    const outcome = await page.waitForFunction(
      (wanted, since) => {
        const state = window.briefPreview;
        return state.view?.title === wanted && state.paintedRevision === state.view.pdfRevision && state.paintedAt >= since
          ? { paintedAt: state.paintedAt, drawMs: state.drawMs, drawParts: state.drawParts, publishedAt: state.view.publishedAt, timings: state.view.timings, scrollTop: document.getElementById("pages").scrollTop }
          : false;
      },
      { polling: "mutation", timeout: 10_000 },
      title,
      savedAt,
    );
    const { paintedAt, drawMs, drawParts, publishedAt, timings, scrollTop } = await outcome.jsonValue();
    if (i > warmup) {
      results.push({
        total: paintedAt - savedAt,
        server: publishedAt - savedAt,
        render: timings.renderMs,
        print: timings.printMs,
        page: paintedAt - publishedAt,
        draw: drawMs,
        fetch: drawParts.fetch,
        open: drawParts.open,
        pages: drawParts.pages,
      });
      if (scrollTop === 700) scrollKept++;
    }
    // Let the text layer and the page settle, as between two saves of a person typing.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (values.screenshot) {
    // The README's picture: the example as it is, warm, read from the top.
    const savedAt = Date.now();
    save(original);
    await page.waitForFunction(
      (since) => window.briefPreview.paintedAt >= since && window.briefPreview.paintedRevision === window.briefPreview.view.pdfRevision,
      { polling: "mutation", timeout: 10_000 },
      savedAt,
    );
    await page.evaluate(() => (document.getElementById("pages").scrollTop = 0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.screenshot({ path: values.screenshot, type: "png" });
  }
} finally {
  await browser.close();
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

const sorted = (key) => results.map((r) => r[key]).sort((a, b) => a - b);
const quantile = (list, q) => {
  const at = (list.length - 1) * q;
  const low = Math.floor(at);
  return list[low] + (list[Math.ceil(at)] - list[low]) * (at - low);
};
const median = (key) => Math.round(quantile(sorted(key), 0.5));
const totals = sorted("total");
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg()[0].toFixed(1)} at the end`;
process.stdout.write(
  [
    "",
    `brief preview: save to updated page, briefs/${values.brief}.yaml (two pages), ${edits} saves after ${warmup} to warm up`,
    `Machine: ${machine}`,
    `Printer: the command's own warm browser; page drawn by pdf.js in ${viewer.executablePath}`,
    "",
    `save → page drawn:   median ${median("total")} ms (target < 300 ms); min ${totals[0]}, p25 ${Math.round(quantile(totals, 0.25))}, p75 ${Math.round(quantile(totals, 0.75))}, p90 ${Math.round(quantile(totals, 0.9))}, max ${totals.at(-1)}`,
    `  save → new view sent:  median ${median("server")} ms (the watcher, then render ${median("render")} ms and print ${median("print")} ms)`,
    `  view sent → drawn:     median ${median("page")} ms (the event, then ${median("draw")} ms to fetch the PDF ${median("fetch")}, open it ${median("open")}, draw its pages ${median("pages")})`,
    `scroll position kept: ${scrollKept} of ${edits} saves`,
    "",
  ].join("\n"),
);
