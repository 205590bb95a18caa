#!/usr/bin/env node
// npm run bench: how fast Briefsmith builds a team's worth of briefs, measured
// against a naive script (one browser launch per PDF) in the same run, on the
// same machine. Not a test: it prints a table to paste into the README.
//
//   npm run bench                  40 briefs, naive baseline on a sample of 8, and a 1,000-brief build
//   node scripts/bench.mjs --briefs 120 --naive-sample 12 --scale 0 --bar-runs 11
// (Options go to this script itself: `npm run bench -- …` hands them to the last of its commands, the preview's.)
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    briefs: { type: "string", default: "40" },
    "naive-sample": { type: "string", default: "8" },
    // The scale row: a forced build of this many briefs, its memory watched (0 leaves it out).
    scale: { type: "string", default: "1000" },
    // The performance bar's runs of each whole process, in turn: on two cores one run varies by a tenth, and a
    // median of three swung 1.05 to 1.10 over runs of the same code. An odd number, for a median.
    "bar-runs": { type: "string", default: "7" },
    keep: { type: "boolean" },
  },
});
const briefCount = Number(values.briefs);
const naiveSample = Number(values["naive-sample"]);
const scaleCount = Number(values.scale);
const barRuns = Number(values["bar-runs"]);
if (!Number.isInteger(barRuns) || barRuns < 1 || barRuns % 2 === 0) throw new Error("--bar-runs takes an odd number of runs, 1 or more");

const { loadCorpus } = await import(`${root}/dist/index.js`);
const work = mkdtempSync(join(tmpdir(), "briefsmith-bench-"));

// 1. Generate briefs over the example corpus: varied templates and themes, fixed dates.
const corpus = await loadCorpus(join(root, "sources", "sino-russian"));
const themes = corpus.extract.themes.map((t) => t.id);
// Mostly memos of about three pages, as a team's nightly set would be, with handouts and one-pagers mixed in.
const templates = ["memo", "memo", "memo", "handout", "memo", "one-pager"];
writeProject(work, briefCount);

/** A project folder with the example corpus and `count` generated briefs. */
function writeProject(work, count) {
  cpSync(join(root, "sources"), join(work, "sources"), { recursive: true });
  mkdirSync(join(work, "briefs"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const themeCount = template === "handout" ? 2 : template === "one-pager" ? 3 : 2;
    const chosen = Array.from({ length: themeCount }, (_, k) => themes[(i * 3 + k * 5) % themes.length]);
    const unique = [...new Set(chosen)];
    writeFileSync(
      join(work, "briefs", `bench-${String(i + 1).padStart(4, "0")}.yaml`),
      [
        `title: "Benchmark brief ${i + 1}: ${unique.join(", ")}"`,
        `template: ${template}`,
        "corpus: sino-russian",
        `themes: [${unique.join(", ")}]`,
        `claims_per_viewpoint: ${template === "memo" ? 3 : 2}`,
        "balance: warn",
        `date: 2016-03-${String((i % 28) + 1).padStart(2, "0")}`,
        "to: Benchmark reader",
        "from: Benchmark",
        `paper: ${i % 2 === 0 ? "Letter" : "A4"}`,
        "",
      ].join("\n"),
    );
  }
}

const brief = join(root, "bin", "brief.js");

/**
 * Run a command as a whole process; wall time in ms, the CPU time the machine spent meanwhile (Node and
 * Chromium alike), its standard output, and (when sampled) the peak PSS of its browser process tree and
 * Node's own resident memory as the briefs went by.
 */
function timed(args, { sampleMemory = false, cwd = work, script = brief } = {}) {
  return new Promise((resolve, reject) => {
    const cpuBefore = machineBusyMs();
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "1" } });
    let stderr = "";
    let stdout = "";
    let done = 0;
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => {
      stdout += d;
      done += (String(d).match(/^✓/gm) ?? []).length;
    });
    let peak = 0;
    const nodeRss = [];
    const timer = sampleMemory
      ? setInterval(() => {
          peak = Math.max(peak, browserTreePss(child.pid));
          // A process that has just exited has no memory to read (0): its last reading stands for the end.
          const rss = residentMb(child.pid);
          if (rss > 0) nodeRss.push([done, rss]);
        }, sampleMemory === true ? 50 : sampleMemory)
      : undefined;
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      const cpuAfter = machineBusyMs();
      const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      if (code !== 0) reject(new Error(`${script} ${args.join(" ")} exited ${code}\n${stderr}`));
      else resolve({ ms, cpuMs, stdout, peakPssMb: peak / 1024, nodeRss });
    });
  });
}

/**
 * CPU time the whole machine has spent busy since boot, in ms (Linux's /proc/stat: user, nice, system, irq,
 * softirq and steal, in hundredths of a second); undefined elsewhere. Over a run on a quiet machine, it is
 * that run's CPU, its browser's included, which no per-process count of Node's children sees.
 */
function machineBusyMs() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return undefined;
  }
}

/** Node's resident memory, MB. */
function residentMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Sum of PSS (kB) of every chromium process below `pid`: the browser's real share of memory. */
function browserTreePss(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let total = 0;
  const walk = (p, inBrowser) => {
    for (const child of children.get(p) ?? []) {
      let isBrowser = inBrowser;
      try {
        isBrowser ||= /chrom/i.test(readFileSync(`/proc/${child}/comm`, "utf8"));
        if (isBrowser) total += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${child}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      } catch {}
      walk(child, isBrowser);
    }
  };
  walk(pid, false);
  return total;
}

// 2. The naive baseline: what a quick script does, one browser launch per PDF, on a sample.
//    Two of them: with Puppeteer's default, the full browser in its new headless mode (what a
//    quick script gets from `puppeteer.launch()`), and with the browser Briefsmith itself chose.
const { findBrowser } = await import(`${root}/dist/print/browser.js`);
const { chromiumFlags, chromiumSandboxOff, puppeteerCachePaths } = await import(`${root}/dist/print/launch.js`);
const chosenBrowser = await findBrowser({ env: process.env, puppeteerCachePaths });
const fullBrowser = chosenBrowser.headlessShell
  ? await findBrowser({ env: { PATH: process.env.PATH }, puppeteerCachePaths, acceptHeadlessShell: false }).catch(() => undefined)
  : chosenBrowser;

/** The briefs' HTML, built once: what the naive script and the bare printer print. */
const htmlDir = join(work, "naive-html");
async function buildHtml() {
  if (!existsSync(htmlDir)) await timed(["build", "briefs", "--out", htmlDir, "--jobs", "2"]);
}

async function naive(location, sample) {
  const { default: puppeteer } = await import("puppeteer-core");
  await buildHtml();
  const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html")).sort().slice(0, sample);
  const started = performance.now();
  for (const file of files) {
    const args = chromiumSandboxOff(process.env) ? ["--no-sandbox", ...chromiumFlags] : [...chromiumFlags];
    const browser = await puppeteer.launch({ executablePath: location.executablePath, headless: location.headlessShell ? "shell" : true, args });
    const page = await browser.newPage();
    await page.setContent(readFileSync(join(htmlDir, file), "utf8"), { waitUntil: "load" });
    await page.pdf({ format: "Letter", printBackground: true, preferCSSPageSize: true });
    await browser.close();
  }
  return (performance.now() - started) / files.length;
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
process.stderr.write(`benchmark: ${briefCount} briefs in ${work}\n${machine}\n`);

const naiveMs = fullBrowser === undefined ? undefined : await naive(fullBrowser, naiveSample);
const naiveSameMs = chosenBrowser === fullBrowser ? naiveMs : await naive(chosenBrowser, naiveSample);
/** Time a command three times (its arguments may depend on the run); the median run, and every run's time for the report. */
async function medianOfThree(args) {
  const runs = [];
  for (let run = 0; run < 3; run++) runs.push(await timed(typeof args === "function" ? args(run) : args));
  return { ...runs.sort((a, b) => a.ms - b.ms)[1], all: runs.map((r) => (r.ms / 1000).toFixed(2)).join(", ") };
}
const full = await medianOfThree(["build", "briefs", "--out", "out", "--force"]);
// What a machine with only the full browser gets (macOS or Ubuntu with Chrome, say).
const fullWithBrowser =
  fullBrowser !== undefined && fullBrowser !== chosenBrowser
    ? await medianOfThree(["build", "briefs", "--out", "out-full-browser", "--force", "--browser", fullBrowser.executablePath])
    : undefined;

// The performance bar: a forced build against a bare script that prints the same HTML with one warm browser of the
// same executable and two tabs, and nothing else (scripts/bare-print.mjs). Whole processes, run in turn, --bar-runs each.
await buildHtml();
const bareArgs = [htmlDir, join(work, "bare-out"), chosenBrowser.executablePath, ...(chosenBrowser.headlessShell ? ["--shell"] : [])];
// The same bare script given Briefsmith's own Chromium flags: the ratio to it is what Briefsmith's own work costs,
// with what those flags save Chromium left out.
const bareFlaggedArgs = [...bareArgs, "--", ...chromiumFlags];
const barePrint = { script: join(root, "scripts", "bare-print.mjs") };
const bareRuns = [];
const bareFlaggedRuns = [];
const forcedRuns = [];
for (let run = 0; run < barRuns; run++) {
  bareRuns.push(await timed(bareArgs, barePrint));
  bareFlaggedRuns.push(await timed(bareFlaggedArgs, barePrint));
  forcedRuns.push(await timed(["build", "briefs", "--out", "out-vs-bare", "--force", "--jobs", "2"]));
}
const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[(runs.length - 1) / 2];
const listed = (runs) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(", ");
const bare = median(bareRuns);
const bareFlagged = median(bareFlaggedRuns);
const forced = median(forcedRuns);
const medianCpu = (runs) => [...runs].map((r) => r.cpuMs).sort((a, b) => a - b)[(runs.length - 1) / 2];

// Memory is sampled in a run of its own: walking /proc every few milliseconds costs CPU the timed run should not lose.
const memory = await timed(["build", "briefs", "--out", "out-memory", "--force"], { sampleMemory: true });
const noop = await medianOfThree(["build", "briefs", "--out", "out"]);
// Cold: a fresh output folder each time, so the brief is printed in every run.
const cold = await medianOfThree((run) => ["build", "briefs/bench-0001.yaml", "--out", `cold-${run}`]);
const noopManifest = JSON.parse(readFileSync(join(work, "out", "manifest.json"), "utf8"));
const pages = noopManifest.briefs.map((b) => b.outputs.find((o) => o.path.endsWith(".pdf"))?.pages ?? 0);

// Early cutoff: edit one word of one claim that some briefs show and others do not. Every brief's inputs change
// (the corpus is one of them), but only the documents of the briefs that show the claim do.
const cutoff = await earlyCutoff();
async function earlyCutoff() {
  const manifest = noopManifest;
  const shown = manifest.briefs.map((b) => Object.keys(b.content?.claims ?? {}));
  const counts = new Map();
  for (const ids of shown) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  // A claim shown by a few briefs: the nightly case of one analyst's edit.
  const [claim] = [...counts].filter(([, n]) => n < shown.length).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).find(([, n]) => n >= 2) ?? [];
  if (claim === undefined) return undefined;
  const dir = join(work, "sources", "sino-russian");
  const file = readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => join(dir, f)).find((f) => readFileSync(f, "utf8").includes(`id: ${claim}\n`));
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(`id: ${claim}\n`);
  // The first word of its text in capitals: the word count stays (selection weighs words), the words read differently.
  const word = /text:\s*(?:[>|][-+]?\s*\n\s*)?(["']?)([A-Za-z]+)/.exec(text.slice(at));
  const start = at + word.index + word[0].length - word[2].length;
  writeFileSync(file, text.slice(0, start) + word[2].toUpperCase() + text.slice(start + word[2].length));
  try {
    const run = await timed(["build", "briefs", "--out", "out", "--json"]);
    const result = JSON.parse(run.stdout);
    // A document changed when its HTML did: the claim may be shown in a brief's model but not printed by its template.
    const htmlBefore = new Map(manifest.briefs.map((b) => [b.id, b.outputs.find((o) => o.path.endsWith(".html"))?.sha256]));
    const after = JSON.parse(readFileSync(join(work, "out", "manifest.json"), "utf8"));
    const changed = new Set(after.briefs.filter((b) => b.outputs.find((o) => o.path.endsWith(".html"))?.sha256 !== htmlBefore.get(b.id)).map((b) => b.id));
    return {
      claim,
      ms: run.ms,
      printed: result.counts.built,
      rerendered: result.counts.rerendered,
      showing: manifest.briefs.filter((b) => claim in (b.content?.claims ?? {})).length,
      documentsChanged: changed.size,
      printedChanged: result.briefs.filter((b) => b.status === "built" && changed.has(b.id)).length,
    };
  } finally {
    writeFileSync(file, text);
  }
}

// Scale: a thousand briefs, the browser tree's peak memory and Node's own as the briefs go by.
let scale;
if (scaleCount > 0) {
  const scaleWork = join(work, "scale");
  mkdirSync(scaleWork);
  writeProject(scaleWork, scaleCount);
  process.stderr.write(`scale: ${scaleCount} briefs\n`);
  scale = await timed(["build", "briefs", "--out", "out", "--force"], { cwd: scaleWork, sampleMemory: 250 });
}

const fullMsPerPdf = full.ms / briefCount;
const browserName = (location) => `${location.headlessShell ? "headless shell" : "full browser"}`;
const naiveRow = (label, ms) => [label, `${naiveSample} PDFs`, ms.toFixed(0), (1000 / ms).toFixed(1)];
const rows = [
  ...(naiveMs === undefined ? [] : [naiveRow("naive, Puppeteer's default browser", naiveMs)]),
  ...(naiveSameMs === naiveMs ? [] : [naiveRow(`naive, same ${browserName(chosenBrowser)}`, naiveSameMs)]),
  [`brief build, ${browserName(chosenBrowser)}`, `${briefCount} PDFs`, fullMsPerPdf.toFixed(0), (1000 / fullMsPerPdf).toFixed(1)],
  ...(fullWithBrowser === undefined
    ? []
    : [["brief build, full browser", `${briefCount} PDFs`, (fullWithBrowser.ms / briefCount).toFixed(0), ((1000 * briefCount) / fullWithBrowser.ms).toFixed(1)]]),
];
const width = [36, 9, 9, 9];
const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(width[i] ?? 0)).join(" | ") + " |";
const ratio = (ms) => `${(ms / fullMsPerPdf).toFixed(1)}×`;
console.log(`\nMachine: ${machine}`);
console.log(`Browser: ${chosenBrowser.executablePath} (${browserName(chosenBrowser)})${fullBrowser && fullBrowser !== chosenBrowser ? `; Puppeteer's default stands in as ${fullBrowser.executablePath}` : ""}`);
console.log(`Briefs: ${briefCount} (memo, handout, one-pager), ${pages.reduce((a, b) => a + b, 0)} pages, ${(pages.reduce((a, b) => a + b, 0) / briefCount).toFixed(1)} pages per PDF on average\n`);
console.log(line(["run", "sample", "ms / PDF", "PDFs / s"]));
console.log(line(width.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
console.log("");
const report = (label, value) => console.log(`${`${label}:`.padEnd(40)}${value}`);
report(`full build of ${briefCount} briefs`, `${(full.ms / 1000).toFixed(2)} s (median of ${full.all}); ${(1000 / fullMsPerPdf).toFixed(1)} PDFs/s (target ≥ 14)`);
if (fullWithBrowser !== undefined)
  report("the same with the full browser", `${(fullWithBrowser.ms / 1000).toFixed(2)} s (median of ${fullWithBrowser.all}); ${((1000 * briefCount) / fullWithBrowser.ms).toFixed(1)} PDFs/s`);
// The ratio target, against the naive script as a quick script is written (Puppeteer's default
// browser), and like for like (the naive script on the same browser), so neither hides the other.
if (naiveMs !== undefined) report("vs naive, Puppeteer's default browser", `${ratio(naiveMs)} (target ≥ 15×)`);
else report("vs naive, Puppeteer's default browser", "not measured: no full browser found");
report(
  "vs naive, like for like",
  [
    `${ratio(naiveSameMs)} on the ${browserName(chosenBrowser)}`,
    ...(fullWithBrowser !== undefined && naiveMs !== undefined ? [`${(naiveMs / (fullWithBrowser.ms / briefCount)).toFixed(1)}× on the full browser`] : []),
  ].join(", "),
);
report(`no-op rebuild of ${briefCount} briefs`, `${(noop.ms / 1000).toFixed(2)} s (median of ${noop.all}; whole process; target ≤ 0.3 s)`);
report("cold build of one brief", `${(cold.ms / 1000).toFixed(2)} s (median of ${cold.all}; whole process; target ≤ 1.8 s)`);
report(
  "forced build vs bare printing",
  `${(forced.ms / 1000).toFixed(2)} s vs ${(bare.ms / 1000).toFixed(2)} s: ratio ${(forced.ms / bare.ms).toFixed(2)} (target ≤ 1.10; medians, in turn: brief ${listed(forcedRuns)}; bare ${listed(bareRuns)})`,
);
report(
  "the same, bare with Briefsmith's flags",
  `${(forced.ms / 1000).toFixed(2)} s vs ${(bareFlagged.ms / 1000).toFixed(2)} s: ratio ${(forced.ms / bareFlagged.ms).toFixed(2)} (Briefsmith's own work: the bare script given Briefsmith's Chromium flags; bare ${listed(bareFlaggedRuns)})`,
);
// Why the ratio is what it is: printing keeps both cores of a small machine busy, so the wall-time ratio follows
// the ratio of the CPU each run needs, Chromium's and Node's together.
if (forced.cpuMs !== undefined && bare.cpuMs !== undefined && bareFlagged.cpuMs !== undefined) {
  const cores = availableParallelism();
  const busy = (runs) => `${Math.round((100 * medianCpu(runs)) / (median(runs).ms * cores))}%`;
  report(
    "CPU, forced build vs bare printing",
    `${(medianCpu(forcedRuns) / 1000).toFixed(2)} s vs ${(medianCpu(bareRuns) / 1000).toFixed(2)} s and ${(medianCpu(bareFlaggedRuns) / 1000).toFixed(2)} s: ratios ${(medianCpu(forcedRuns) / medianCpu(bareRuns)).toFixed(2)} and ${(medianCpu(forcedRuns) / medianCpu(bareFlaggedRuns)).toFixed(2)} (the whole machine, browser included; ${cores} cores busy ${busy(forcedRuns)}, ${busy(bareRuns)} and ${busy(bareFlaggedRuns)} of the time)`,
  );
}
report("browser process tree, peak PSS", `${memory.peakPssMb.toFixed(0)} MB (target ≤ 700 MB)`);
if (cutoff !== undefined) {
  report(
    "early cutoff, one claim edited",
    `${cutoff.printed} of ${briefCount} briefs printed, ${cutoff.documentsChanged} ${cutoff.documentsChanged === 1 ? "document" : "documents"} changed (${cutoff.printedChanged} of them printed; ${cutoff.showing} briefs select ${cutoff.claim}), ${cutoff.rerendered} re-rendered with the same result; ${(cutoff.ms / 1000).toFixed(2)} s`,
  );
}
if (scale !== undefined) {
  const at = (share) => scale.nodeRss.find(([done]) => done >= share * scaleCount)?.[1] ?? scale.nodeRss.at(-1)?.[1] ?? 0;
  report(
    `forced build of ${scaleCount} briefs`,
    `${(scale.ms / 1000).toFixed(1)} s (${((1000 * scaleCount) / scale.ms).toFixed(1)} PDFs/s); browser peak PSS ${scale.peakPssMb.toFixed(0)} MB (target ≤ 600 MB); Node RSS ${[0.1, 0.25, 0.5, 0.75, 1].map((share) => at(share).toFixed(0)).join(" / ")} MB at 10/25/50/75/100%`,
  );
}

if (!values.keep) rmSync(work, { recursive: true, force: true });
