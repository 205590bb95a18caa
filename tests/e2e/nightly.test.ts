import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../src/build/types.js";
import { hashCodeFiles, recordedHashFileName } from "../../src/incremental/code-fingerprint.js";
import { readManifest } from "../../src/output/manifest.js";
import { repoRoot, runBriefProcess } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";

/**
 * Nightly builds: incremental, reproducible, sharded, and resilient to a
 * crashing browser, a hanging brief and an output folder that cannot be written.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** The mini project with `count` more memos, so a batch has something to run in parallel. */
function projectWithBriefs(count: number): TempProject {
  const p = new TempProject();
  const memo = p.read("briefs/tram-memo.yaml");
  for (let i = 1; i <= count; i++) p.write(`briefs/batch-${String(i).padStart(2, "0")}.yaml`, memo.replace("Should Riverside extend the tram?", `Batch memo ${i}`));
  return p;
}

function build(p: TempProject, options: Partial<BuildOptions> = {}) {
  return buildBriefs({
    paths: [p.path("briefs")],
    root: p.dir,
    cwd: p.dir,
    outDir: p.path("output"),
    date: "2026-01-15",
    env: process.env,
    ...options,
  });
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

describe("incremental builds", () => {
  it("a rebuild with nothing changed starts no browser and rewrites nothing", async () => {
    project = new TempProject();
    const first = await build(project);
    expect(first.browserLaunches).toBe(1);
    const pdf = readFileSync(project.path("output/tram-memo.pdf"));
    const second = await build(project);
    expect(second.browserLaunches).toBe(0);
    expect(new Set(second.results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    expect(readFileSync(project.path("output/tram-memo.pdf")).equals(pdf)).toBe(true);
  });
});

describe("a build with nothing to do", () => {
  it("loads none of the corpus checks, selection, rendering or the print pool", async () => {
    project = new TempProject();
    expect((await runBriefProcess(["build", "--format", "html"], { cwd: project.dir })).code).toBe(0);
    // Every module the second build loads, written down by a loader hook as Node loads it.
    const loaded = project.path("loaded.txt");
    project.write("record-loads.mjs", `import { register } from "node:module";\nregister("data:text/javascript,${encodeURIComponent(`import { appendFileSync } from "node:fs"; export async function load(url, context, next) { appendFileSync(${JSON.stringify(loaded)}, url + "\\n"); return next(url, context); }`)}");\n`);
    const second = await runBriefProcess(["build", "--format", "html"], { cwd: project.dir, env: { NODE_OPTIONS: `--import=${project.path("record-loads.mjs")}` } });
    expect(second.stdout).toContain("3 unchanged");
    // The command runs bundled: each file of the bundle holds the modules its modules.json lists.
    const bundle = JSON.parse(readFileSync(join(repoRoot, "dist", "cli-bundle", "modules.json"), "utf8")) as Record<string, string[]>;
    const files = readFileSync(loaded, "utf8").split("\n").filter((url) => url.includes("/dist/cli-bundle/")).map((url) => url.replace(/.*\/dist\/cli-bundle\//, ""));
    const modules = files.flatMap((file) => bundle[file] ?? []);
    expect(modules).toContain("build/unchanged.js");
    for (const folder of ["select/", "check/", "render/", "docx/"]) expect(modules.filter((m) => m.startsWith(folder)), folder).toEqual([]);
    for (const module of ["build/prepare.js", "build/plan.js", "build/build-one.js", "print/pool.js", "print/printer.js", "validate/quotes.js"]) expect(modules).not.toContain(module);
  });
});

describe("a build that prints", () => {
  // Puppeteer's page model loaded some 220 modules before the first document, and set up each tab with a score of
  // DevTools commands more; the printer needs Puppeteer's DevTools connection alone (src/print/puppeteer.ts).
  it("loads Puppeteer's DevTools connection, not its page model", async () => {
    project = new TempProject();
    // Every CommonJS module the build loaded (Puppeteer's are), written down as the process exits.
    const loaded = project.path("required.txt");
    project.write("record-requires.cjs", `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(loaded)}, Object.keys(require.cache).join("\\n")));\n`);
    const run = await runBriefProcess(["build", "--force"], { cwd: project.dir, env: { NODE_OPTIONS: `--require=${project.path("record-requires.cjs")}` } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("3 briefs built");
    const puppeteerModules = readFileSync(loaded, "utf8").split("\n").filter((path) => path.includes("/node_modules/puppeteer-core/"));
    expect(puppeteerModules.some((path) => path.endsWith("/cdp/Connection.js"))).toBe(true);
    for (const pageModel of ["/cdp/Browser.js", "/cdp/Page.js", "/cdp/FrameManager.js", "/cdp/NetworkManager.js", "/puppeteer-core.js"]) {
      expect(puppeteerModules.filter((path) => path.endsWith(pageModel)), pageModel).toEqual([]);
    }
  });
});

describe("the bundled command", () => {
  it("carries the hash of dist/'s modules the library computes, so the two take the code for the same", () => {
    expect(readFileSync(join(repoRoot, "dist", "cli-bundle", recordedHashFileName), "utf8").trim()).toBe(hashCodeFiles(join(repoRoot, "dist")));
  });

  // A review's: the command fingerprinted the bundle alone, the library all of dist/, so a build by one reprinted
  // every brief the other had built.
  it("and the library find each other's outputs current", async () => {
    project = new TempProject();
    const env = { SOURCE_DATE_EPOCH: "1768435200" };
    expect((await runBriefProcess(["build"], { cwd: project.dir, env })).code).toBe(0);
    const program = `const { buildBriefs } = await import(${JSON.stringify(join(repoRoot, "dist", "index.js"))}); console.log((await buildBriefs()).results.map((b) => b.status).join(","));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", program], { cwd: project.dir, env: { ...process.env, ...env } });
    expect(stdout.trim()).toBe("unchanged,unchanged,unchanged");
  });
});

describe("reproducible output", () => {
  it("two builds of the same inputs give byte-identical HTML and PDF, however many tabs print", async () => {
    project = projectWithBriefs(3);
    await build(project, { jobs: 2 });
    const first = (await readManifest(project.path("output/manifest.json"))).briefs.flatMap((b) => b.outputs.map((o) => `${b.id}/${o.path}:${o.sha256}`));
    await build(project, { jobs: 1, force: true });
    const second = (await readManifest(project.path("output/manifest.json"))).briefs.flatMap((b) => b.outputs.map((o) => `${b.id}/${o.path}:${o.sha256}`));
    expect(second).toEqual(first);
    expect(first).toHaveLength(12);
  });

  it("the manifest lists each brief's inputs, outputs with sha256, pages and bytes, in id order", async () => {
    project = new TempProject();
    await build(project);
    const manifest = await readManifest(project.path("output/manifest.json"));
    expect(manifest.briefs.map((b) => b.id)).toEqual(["tram-handout", "tram-memo", "tram-one-pager"]);
    const memo = manifest.briefs[1]!;
    expect(Object.keys(memo.inputs!)).toEqual(["brief", "corpus", "template", "fonts", "lexicon", "code", "browser", "options"]);
    expect(memo.outputs[0]).toMatchObject({ path: "tram-memo.pdf", pages: 2 });
    expect(memo.outputs[0]!.bytes).toBe(readFileSync(project.path("output/tram-memo.pdf")).length);
    expect(memo).toMatchObject({ status: "built", balance: { policy: "strict", verdict: "balanced" } });
  });
});

describe("reliability", () => {
  it("recovers when Chromium is killed mid-batch, and builds every brief", async () => {
    project = projectWithBriefs(8);
    const pids: number[] = [];
    let killed = false;
    const result = await build(project, {
      jobs: 2,
      onBrowserLaunch: (pid) => pid !== undefined && pids.push(pid),
      onBrief: (brief) => {
        if (!killed && brief.status === "built") {
          killed = true;
          process.kill(pids[0]!, "SIGKILL");
        }
      },
    });
    expect(killed).toBe(true);
    expect(result.browserLaunches).toBeGreaterThanOrEqual(2);
    expect(result.results.filter((r) => r.status !== "built")).toEqual([]);
    expect(result.results).toHaveLength(11);
  });

  it("a brief that takes too long fails with a timeout; the others build", async () => {
    project = new TempProject();
    // A source of 4,000 paragraphs and a handout quoting every one: far more than a second of printing.
    const lines = Array.from({ length: 4000 }, (_, i) => `Witness ${i + 1} said the line was worth building for reason number ${i + 1}.`);
    project.write("sources/transit/texts/long-hearing.txt", lines.join("\n") + "\n");
    const claims = lines.map((_, i) =>
      [
        `  - id: long-${i + 1}`,
        "    theme: worth-building",
        `    viewpoint: ${i % 2 === 0 ? "build-it" : "do-not-build"}`,
        "    source: long-hearing",
        "    perspective: long-witnesses",
        "    kind: reporting",
        // Each claim long enough that the handout's printing takes several times the timeout on any machine.
        `    text: A witness gave reason ${i + 1}, ${"speaking at length of the route, the cost, the works and the timetable, ".repeat(4)}and no more.`,
        `    quote: worth building for reason number ${i + 1}.`,
        `    locator: ${i + 1}`,
      ].join("\n"),
    );
    project.write(
      "sources/transit/long.yaml",
      [
        "sources:",
        "  - {id: long-hearing, title: Long hearing, publisher: Council, kind: transcript, date: 2024-03-12, place: Riverside, quality: Test.}",
        "perspectives:",
        "  - {id: long-witnesses, label: witnesses, source: long-hearing}",
        "claims:",
        ...claims,
        "",
      ].join("\n"),
    );
    project.write("briefs/tram-handout.yaml", project.read("briefs/tram-handout.yaml") + "balance: off\n");
    for (const brief of ["tram-memo", "tram-one-pager"]) project.write(`briefs/${brief}.yaml`, project.read(`briefs/${brief}.yaml`) + "claims_per_viewpoint: 2\n");
    const result = await build(project, { timeoutMs: 1500, jobs: 2 });
    expect(statuses(result.results)).toEqual({ "tram-handout": "failed", "tram-memo": "built", "tram-one-pager": "built" });
    expect(result.results.find((r) => r.id === "tram-handout")!.error).toMatchObject({ code: "PRINT_TIMEOUT" });
  }, 120_000);

  it("an output file that cannot be written is a clear error; earlier output is untouched and the other briefs build", async () => {
    project = new TempProject();
    await build(project);
    const before = readFileSync(project.path("output/tram-memo.pdf"));
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: Someone else");
    project.remove("output/tram-memo.html");
    mkdirSync(project.path("output/tram-memo.html")); // a folder where the file must go: even root cannot write it
    const run = await runBriefProcess(["build", "--force"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error OUTPUT_NOT_WRITABLE: cannot write output/tram-memo.html");
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stdout).toContain("2 briefs built, 1 not built");
    expect(readFileSync(project.path("output/tram-memo.pdf")).equals(before)).toBe(true);
  });

  it("an output folder that is a file is a clear error", async () => {
    project = new TempProject();
    project.write("not-a-folder", "x");
    const run = await runBriefProcess(["build", "--out", "not-a-folder"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error OUTPUT_NOT_WRITABLE: cannot create the output folder not-a-folder");
    expect(project.read("not-a-folder")).toBe("x");
  });
});

describe("progress", () => {
  it("shows a progress bar on a terminal, and plain lines elsewhere", async () => {
    project = new TempProject();
    const { execFile } = await import("node:child_process");
    const { repoRoot } = await import("../helpers/cli.js");
    const env = { ...process.env };
    delete env.CI;
    // script(1) gives the command a terminal, as a person at a shell would have.
    const onTerminal = await new Promise<string>((resolve, reject) =>
      execFile("script", ["-qc", `node ${repoRoot}/bin/brief.js build`, "/dev/null"], { cwd: project!.dir, env }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(onTerminal).toMatch(/\d\/3 briefs \| [\d.]+ \/s \| ETA \d+s/);
    const inPipe = await runBriefProcess(["build", "--force"], { cwd: project.dir });
    expect(inPipe.stdout).not.toContain("ETA");
    expect(inPipe.stdout.split("\n").filter((l) => l.startsWith("✓"))).toHaveLength(3);
  });
});

describe("CPU", () => {
  it("a validation runs on V8's baseline compiler only: optimising hundreds of functions costs more than it saves", async () => {
    const { execFile } = await import("node:child_process");
    const { repoRoot } = await import("../helpers/cli.js");
    // --trace-opt prints a line to stdout for every function an optimising compiler finishes.
    const traced = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["--trace-opt", `${repoRoot}/bin/brief.js`, "validate", "briefs"], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(traced).toContain("checked: no errors");
    expect(traced.split("\n").filter((line) => line.includes("completed optimizing"))).toEqual([]);
  });
});

describe("browsers", async () => {
  const { findBrowser } = await import("../../src/print/browser.js");
  const { puppeteerCachePaths } = await import("../../src/print/launch.js");
  const chosen = await findBrowser({ env: process.env, puppeteerCachePaths }).catch(() => undefined);
  const full = await findBrowser({ env: { PATH: process.env.PATH }, puppeteerCachePaths, acceptHeadlessShell: false }).catch(() => undefined);

  // Runs where both kinds are installed (the development machine); CI's fresh machine gets the headless shell only.
  it.skipIf(!chosen?.headlessShell || full === undefined)("a headless shell and a full browser print the same pages, words and pixels", async () => {
    project = new TempProject();
    const { pdfReadingText, tool } = await import("../helpers/cli.js");
    const { createHash } = await import("node:crypto");
    const outputs: string[] = [];
    for (const browser of [chosen!, full!]) {
      const outDir = project.path(browser.headlessShell ? "by-shell" : "by-full");
      const result = await build(project, { browser: browser.executablePath, outDir });
      expect(result.results.map((r) => r.status)).toEqual(["built", "built", "built"]);
      let summary = "";
      for (const id of ["tram-handout", "tram-memo", "tram-one-pager"]) {
        const pdf = join(outDir, `${id}.pdf`);
        summary += `${/Pages:\s+\d+/.exec(await tool("pdfinfo", [pdf]))?.[0]}\n${await pdfReadingText(pdf)}\n`;
        // Every page drawn at 50 dpi, as a hash of its pixels.
        await tool("pdftoppm", ["-r", "50", "-png", pdf, join(outDir, `${id}-page`)]);
        for (const png of readdirSync(outDir).filter((f) => f.startsWith(`${id}-page`)).sort()) {
          summary += `${png}: ${createHash("sha256").update(readFileSync(join(outDir, png))).digest("hex")}\n`;
        }
      }
      outputs.push(summary);
    }
    expect(outputs[0]).toContain("Pages:");
    expect(outputs[0]).toMatch(/tram-memo-page-\d+\.png: [0-9a-f]{64}/);
    expect(outputs[0]).toBe(outputs[1]);
  });
});
