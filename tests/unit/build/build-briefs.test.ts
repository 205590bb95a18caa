import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../../src/build/types.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { parsedYamlCacheFileName } from "../../../src/load/parsed-yaml-cache.js";
import { readManifest } from "../../../src/output/manifest.js";
import { repoRoot, runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The orchestrator, the plan and the prepare step with a fake printer: which
 * briefs are printed, skipped, refused or failed, and what is written. No
 * browser; the real printing is in tests/e2e and tests/browser.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

function build(p: TempProject, printer: FakePrinter, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer, ...options });
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

/** The mini project with `count` more memos. */
function projectWithBriefs(count: number): TempProject {
  const p = new TempProject();
  const memo = p.read("briefs/tram-memo.yaml");
  for (let i = 1; i <= count; i++) p.write(`briefs/batch-${String(i).padStart(2, "0")}.yaml`, memo.replace("Should Riverside extend the tram?", `Batch memo ${i}`));
  return p;
}

describe("buildBriefs with a fake printer", () => {
  it("prints every brief, writes its HTML and PDF and a manifest, and leaves the caller's printer open", async () => {
    project = new TempProject();
    const printer = new FakePrinter();
    const result = await build(project, printer);
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    expect(printer.printed).toHaveLength(3);
    expect(printer.closed).toBe(false);
    expect(project.read("output/tram-memo.html")).toBe(printer.printed.find((html) => html.includes("MEMORANDUM FOR"))!);
    const manifest = await readManifest(project.path("output/manifest.json"));
    expect(manifest.briefs.map((b) => [b.id, b.status, b.outputs.map((o) => o.path)])).toEqual([
      ["tram-handout", "built", ["tram-handout.pdf", "tram-handout.html"]],
      ["tram-memo", "built", ["tram-memo.pdf", "tram-memo.html"]],
      ["tram-one-pager", "built", ["tram-one-pager.pdf", "tram-one-pager.html"]],
    ]);
  });

  it("a rebuild with nothing changed prints nothing and rewrites nothing", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    const pdf = readFileSync(project.path("output/tram-memo.pdf"));
    const printer = new FakePrinter();
    const second = await build(project, printer);
    expect(new Set(second.results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    expect(printer.printed).toEqual([]);
    expect(readFileSync(project.path("output/tram-memo.pdf")).equals(pdf)).toBe(true);
  });

  // A hostile CI run: the printer's warning that it shrank a memo's pages was said only on the night the PDF was
  // printed; every later build called the same shrunk PDF unchanged, with no warning, and the manifest kept none.
  it("says the printer's warnings about a PDF again on every build that keeps that PDF, and forgets them with it", async () => {
    project = new TempProject();
    const shrank = "the browser shrank the pages to 67% to fit something wider than the page";
    const printer = new FakePrinter();
    printer.warnOn("MEMORANDUM FOR", shrank);
    const warningsOf = async () => Object.fromEntries((await build(project!, printer)).results.map((r) => [r.id, [r.status, r.warnings]]));
    expect((await warningsOf())["tram-memo"]).toEqual(["built", [shrank]]);
    expect((await warningsOf())["tram-memo"]).toEqual(["unchanged", [shrank]]);
    const manifest = await readManifest(project.path("output/manifest.json"));
    expect(manifest.briefs.find((b) => b.id === "tram-memo")?.pdf_warnings).toEqual([shrank]);
    // A corpus edit the memo does not show: the same document, not printed again, and still shrunk.
    project.replace("sources/transit/corpus.yaml", "definition: The number of passengers", "definition: The count of passengers");
    expect((await warningsOf())["tram-memo"]).toEqual(["rerendered", [shrank]]);
    // Printed again without the cause, the warning goes.
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Deputy Mayor");
    const fixed = (await build(project, new FakePrinter())).results.find((r) => r.id === "tram-memo")!;
    expect([fixed.status, fixed.warnings]).toEqual(["built", []]);
    expect((await warningsOf())["tram-memo"]).toEqual(["unchanged", []]);
    expect((await readManifest(project.path("output/manifest.json"))).briefs.find((b) => b.id === "tram-memo")?.pdf_warnings).toBeUndefined();
  });

  it("rebuilds the briefs whose inputs changed: the brief, the extract, a template; force rebuilds all", async () => {
    project = new TempProject();
    const printer = new FakePrinter();
    await build(project, printer);
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Deputy Mayor");
    expect(statuses((await build(project, printer)).results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "unchanged" });
    // Every brief's inputs changed, but only the handout shows the glossary: the others render to the same document and are not printed again.
    project.replace("sources/transit/corpus.yaml", "definition: The number of passengers", "definition: The count of passengers");
    const printedBefore = printer.printed.length;
    expect(statuses((await build(project, printer)).results)).toEqual({ "tram-handout": "built", "tram-memo": "rerendered", "tram-one-pager": "rerendered" });
    expect(printer.printed.length - printedBefore).toBe(1);
    const templatesDir = project.path("templates-copy");
    cpSync(join(repoRoot, "templates"), templatesDir, { recursive: true });
    expect(new Set((await build(project, printer, { templatesDir })).results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    writeFileSync(join(templatesDir, "styles", "memo.css"), readFileSync(join(templatesDir, "styles", "memo.css"), "utf8") + "\n.subject { color: #000; }\n");
    expect(statuses((await build(project, printer, { templatesDir })).results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "unchanged" });
    expect(new Set((await build(project, printer, { templatesDir, force: true })).results.map((r) => r.status))).toEqual(new Set(["built"]));
  });

  it("another printer, a font installed or updated, rebuilds every brief", async () => {
    project = new TempProject();
    const fontFolders = [project.path("fonts")];
    mkdirSync(fontFolders[0]!);
    writeFileSync(project.path("fonts/Example-Regular.ttf"), "glyphs");
    const printer = new FakePrinter();
    await build(project, printer, { fontFolders });
    const all = async (p: FakePrinter) => new Set((await build(project!, p, { fontFolders })).results.map((r) => r.status));
    expect(await all(printer)).toEqual(new Set(["unchanged"]));
    expect(await all(new FakePrinter("fake printer 2"))).toEqual(new Set(["built"]));
    writeFileSync(project.path("fonts/Example-Regular.ttf"), "more glyphs");
    expect(await all(printer)).toEqual(new Set(["built"]));
    writeFileSync(project.path("fonts/Example-Bold.ttf"), "bold glyphs");
    expect(await all(printer)).toEqual(new Set(["built"]));
  });

  it("an output changed, deleted, or changed in place to the same size is rebuilt", async () => {
    project = new TempProject();
    const printer = new FakePrinter();
    await build(project, printer);
    writeFileSync(project.path("output/tram-memo.pdf"), "not a pdf");
    project.remove("output/tram-one-pager.pdf");
    expect(statuses((await build(project, printer)).results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "built" });
    // Changed in place to the same size and given its old time: found by its content hash, and the brief built again.
    const path = project.path("output/tram-memo.html");
    const html = readFileSync(path, "utf8");
    const { mtime } = statSync(path);
    writeFileSync(path, html.replace("Should Riverside", "Shall Riverside "));
    utimesSync(path, mtime, mtime);
    expect(statuses((await build(project, printer)).results)["tram-memo"]).toBe("built");
    expect(readFileSync(path, "utf8")).toBe(html);
  });

  it("an invalid brief is reported with its location and not printed; the others build", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes: [worth-buildng]\n");
    const printer = new FakePrinter();
    const result = await build(project, printer);
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "invalid", "tram-one-pager": "built" });
    expect(printer.printed).toHaveLength(2);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["BRIEF_UNKNOWN_THEME", "briefs/tram-memo.yaml"]]);
    expect(result.fileTexts.get("briefs/tram-memo.yaml")).toContain("worth-buildng");
  });

  it("a brief unbalanced under the strict policy is refused with its balance problems, and not printed", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nviewpoints: [build-it]\n");
    const printer = new FakePrinter();
    const result = await build(project, printer, { paths: [project.path("briefs/tram-memo.yaml")] });
    expect(statuses(result.results)).toEqual({ "tram-memo": "unbalanced" });
    expect(printer.printed).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toContain("BALANCE_MISSING_VIEWPOINT");
  });

  it("a brief the printer fails on is failed, its earlier output kept; --fail-fast starts no brief after it", async () => {
    project = projectWithBriefs(4);
    await build(project, new FakePrinter());
    const before = readFileSync(project.path("output/batch-01.pdf"));
    const printer = new FakePrinter();
    printer.failOn("Batch memo 1", new BriefsmithError("PRINT_TIMEOUT", "printing took longer than 60 s"));
    const result = await build(project, printer, { force: true });
    expect(result.results.find((r) => r.id === "batch-01")).toMatchObject({ status: "failed", error: { code: "PRINT_TIMEOUT" } });
    expect(result.results.filter((r) => r.status === "built")).toHaveLength(6);
    expect(readFileSync(project.path("output/batch-01.pdf")).equals(before)).toBe(true);
    const fastPrinter = new FakePrinter();
    fastPrinter.failOn("Batch memo 1", new BriefsmithError("PRINT_TIMEOUT", "printing took longer than 60 s"));
    const fast = await build(project, fastPrinter, { force: true, failFast: true, jobs: 1 });
    expect(fast.results.find((r) => r.id === "batch-01")?.status).toBe("failed");
    expect(fast.results.length).toBeLessThan(7);
    // A CI engineer's test: --json counted the briefs not started but did not list them.
    expect(fast.notStartedBriefs?.length).toBe(fast.notStarted);
    expect(fast.notStarted).toBeGreaterThan(0);
    const listed = new Set([...fast.results.map((r) => r.id), ...(fast.notStartedBriefs ?? []).map((b) => b.id)]);
    expect(listed.size).toBe(7);
  });

  // Regression: briefs rendered ahead waited for a tab inside the printer, whose timeout counts that wait, so one
  // hung document failed the brief queued behind it with PRINT_TIMEOUT.
  it("never asks the printer for more documents at once than it has tabs, however many briefs are rendered ahead", async () => {
    project = projectWithBriefs(4);
    let printing = 0;
    let most = 0;
    const printer = new FakePrinter();
    const print = printer.printDocument.bind(printer);
    printer.printDocument = async (html, options) => {
      most = Math.max(most, ++printing);
      // A print that takes a while, as a real one does: the build has time to get the next documents ready.
      await new Promise((resolve) => setTimeout(resolve, 20));
      printing--;
      return print(html, options);
    };
    const result = await build(project, printer, { jobs: 1 });
    expect(result.results.filter((r) => r.status === "built")).toHaveLength(7);
    expect(most).toBe(1);
  });
});

describe("the parse cache", () => {
  const cachePath = (p: TempProject) => p.path(`output/${parsedYamlCacheFileName}`);

  it("a corpus file whose text is unchanged since the last build is not parsed again, --force included; an edited one is", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    // An entry altered on purpose shows where the next build's data comes from.
    writeFileSync(cachePath(project), readFileSync(cachePath(project), "utf8").replace("shorter journeys to work", "shorter journeys to school"));
    await build(project, new FakePrinter(), { force: true });
    expect(project.read("output/tram-memo.html")).toContain("shorter journeys to school");
    project.replace("sources/transit/corpus.yaml", "northern estates to the jobs downtown", "northern estates to the jobs downtown ");
    await build(project, new FakePrinter(), { force: true });
    expect(project.read("output/tram-memo.html")).toContain("shorter journeys to work");
  });

  it("a problem found in a corpus file from the cache is reported exactly as when the file is parsed", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    expect(readFileSync(cachePath(project), "utf8")).toContain("build-commutes");
    // A second file of the corpus gives a claim id again: the problem points into corpus.yaml too, which is in the cache.
    project.write(
      "sources/transit/more.yaml",
      project.read("sources/transit/corpus.yaml").split("claims:")[1]!.split("facts:")[0]!.replace(/^/, "claims:").split("  - id: build-payback")[0]!,
    );
    const cached = await build(project, new FakePrinter(), { force: true });
    rmSync(cachePath(project));
    const parsed = await build(project, new FakePrinter(), { force: true });
    expect(cached.diagnostics.length).toBeGreaterThan(0);
    expect(cached.diagnostics).toEqual(parsed.diagnostics);
  });
});

describe("sharding", () => {
  it("shards partition the briefs by id, and their manifests merge into one", async () => {
    project = projectWithBriefs(6);
    const printer = new FakePrinter();
    const ids = new Set<string>();
    for (const index of [1, 2, 3]) {
      const result = await build(project, printer, { shard: { index, count: 3 }, outDir: project.path(`shard-${index}`) });
      for (const r of result.results) {
        expect(ids.has(r.id)).toBe(false);
        ids.add(r.id);
      }
    }
    expect(ids.size).toBe(9);
    const merge = await runCli(["manifest", "merge", "shard-1/manifest.json", "shard-2/manifest.json", "shard-3/manifest.json", "--out", "all.json"], { cwd: project.dir });
    expect(merge).toMatchObject({ code: 0, stdout: "9 briefs from 3 manifests → all.json\n" });
    const merged = await readManifest(project.path("all.json"));
    expect(merged.briefs.map((b) => b.id)).toEqual([...ids].sort());
    // The shards checked the same templates, and the merged manifest says so: the next build may skip checking them.
    expect(merged.templates).toMatch(/^[0-9a-f]{64}$/);
    expect(merged.templates).toBe((await readManifest(project.path("shard-1/manifest.json"))).templates);
    const overlap = await runCli(["manifest", "merge", "shard-1/manifest.json", "shard-1/manifest.json", "--out", "x.json"], { cwd: project.dir });
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain("MANIFEST_OVERLAP");
  });

  it("the same brief always lands in the same shard", async () => {
    project = projectWithBriefs(6);
    const printer = new FakePrinter();
    const first = (await build(project, printer, { shard: { index: 2, count: 3 } })).results.map((r) => r.id);
    project.write("briefs/another.yaml", project.read("briefs/tram-memo.yaml"));
    const second = (await build(project, printer, { shard: { index: 2, count: 3 } })).results.map((r) => r.id);
    expect(second.filter((id) => id !== "another")).toEqual(first);
  });
});

// A hostile CI run: with a browser that hangs as it starts, each brief waited out its own --timeout in turn, two at
// a time; with 40 briefs, over a hundred seconds for a browser that was never going to start.
describe("a build whose browser does not start", () => {
  it("fails the briefs after the first with its error, without trying to print them", async () => {
    const project = new TempProject();
    try {
      const printer = new (class extends FakePrinter {
        calls = 0;
        override printDocument(...args: Parameters<FakePrinter["printDocument"]>) {
          this.calls++;
          return super.printDocument(...args);
        }
      })();
      const failure = new BriefsmithError("BROWSER_LAUNCH_FAILED", "could not start the browser at /usr/bin/chromium: the browser did not start within 5 s");
      printer.failOn("<", failure);
      const result = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, jobs: 1, formats: ["pdf"] });
      expect(result.results.map((r) => [r.status, r.error?.code])).toEqual([
        ["failed", "BROWSER_LAUNCH_FAILED"],
        ["failed", "BROWSER_LAUNCH_FAILED"],
        ["failed", "BROWSER_LAUNCH_FAILED"],
      ]);
      expect(printer.calls).toBe(1);
    } finally {
      project.dispose();
    }
  });
});
