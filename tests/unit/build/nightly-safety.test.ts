import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../../src/build/types.js";
import { readManifest } from "../../../src/output/manifest.js";
import { acquireOutputLock, lockFileName } from "../../../src/output/lock.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

// A disk that fills up when the manifest is written, for one test: every other write goes through.
const disk = vi.hoisted(() => ({ fullFor: undefined as RegExp | undefined }));
vi.mock("../../../src/output/write-atomic.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/output/write-atomic.js")>();
  return {
    ...real,
    writeFileAtomic: async (path: string, data: string | Uint8Array) => {
      if (disk.fullFor?.test(path)) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: "ENOSPC", path });
      return real.writeFileAtomic(path, data);
    },
  };
});

/**
 * What a nightly job relies on, with a fake printer (no browser): one build at a
 * time per output folder, content hashes rather than sizes and times, no temp
 * files left behind, brief files that cannot reach outside the project, and
 * failures a machine can read. The real CLI under signals and kill -9 is in
 * tests/e2e/nightly-stops.test.ts.
 */
let project: TempProject | undefined;
const children: ChildProcess[] = [];
afterEach(() => {
  project?.dispose();
  project = undefined;
  disk.fullFor = undefined;
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function build(p: TempProject, printer: FakePrinter, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer, ...options });
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

/** A process id that ran and is gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

/** A process that runs until the test ends. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
  children.push(child);
  return child;
}

describe("one build at a time per output folder (item 2)", () => {
  it("a second build on the same folder while one runs is refused at once, naming the holder's process id", async () => {
    project = new TempProject();
    const outcomes = await Promise.allSettled([build(project, new FakePrinter()), build(project, new FakePrinter())]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "OUTPUT_LOCKED", message: expect.stringContaining(`process ${process.pid}`) } });
    expect(existsSync(project.path(`output/${lockFileName}`))).toBe(false);
  });

  it("a lock held by a live process is waited for with wait, and a lock whose process died is taken over", async () => {
    project = new TempProject();
    mkdirSync(project.path("output"));
    const holder = liveProcess();
    const lockPath = project.path(`output/${lockFileName}`);
    writeFileSync(lockPath, JSON.stringify({ pid: holder.pid, host: hostname(), started: new Date().toISOString() }));
    await expect(build(project, new FakePrinter())).rejects.toMatchObject({ code: "OUTPUT_LOCKED", message: expect.stringContaining(`process ${holder.pid}`) });
    let waitedFor: number | undefined;
    const waiting = build(project, new FakePrinter(), { wait: true, onWaitForLock: (h) => (waitedFor = h?.pid) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waitedFor).toBe(holder.pid);
    holder.kill("SIGKILL"); // the holder dies without releasing its lock: the waiting build takes it over
    expect(statuses((await waiting).results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), host: hostname(), started: new Date().toISOString() }));
    expect((await build(project, new FakePrinter())).results).toHaveLength(3);
    expect(existsSync(lockPath)).toBe(false);
  });

  // A CI engineer's test: a lock file that names no one (garbage, or empty) held a build up 5 s without a word.
  it("a lock file that names no build is said to be waited on, then taken over", async () => {
    project = new TempProject();
    mkdirSync(project.path("output"));
    writeFileSync(project.path(`output/${lockFileName}`), "not a lock");
    const told: (string | undefined)[] = [];
    const result = await build(project, new FakePrinter(), { onWaitForLock: (h, path) => told.push(h === undefined ? path : String(h.pid)) });
    expect(told).toEqual([project.path(`output/${lockFileName}`)]);
    expect(result.results).toHaveLength(3);
  }, 15_000);

  it("a lock of a recycled process id (same id, another start time) is taken over", async () => {
    const dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-"));
    try {
      // This very process, but "started" at another time: the holder that wrote it is gone.
      writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: process.pid, host: hostname(), started: "2020-01-01T00:00:00Z", since: 1 }));
      const lock = await acquireOutputLock(dir);
      expect(JSON.parse(readFileSync(lock.path, "utf8"))).toMatchObject({ pid: process.pid });
      await lock.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an output rewritten with other bytes of the same size, its time put back, is not taken as unchanged", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    const path = project.path("output/tram-one-pager.pdf");
    const bytes = readFileSync(path);
    const { utimesSync, statSync } = await import("node:fs");
    const { mtime } = statSync(path);
    writeFileSync(path, Buffer.from(bytes.toString("latin1").replace("%PDF-1.7", "%PDF-1.6"), "latin1"));
    utimesSync(path, mtime, mtime);
    const printer = new FakePrinter();
    expect(statuses((await build(project, printer)).results)["tram-one-pager"]).toBe("built");
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe("temporary files and the journal (item 3)", () => {
  it("a build removes the temporary files of dead builds, and leaves those of live processes", async () => {
    project = new TempProject();
    mkdirSync(project.path("output"));
    const dead = `.tram-memo.pdf.${deadPid()}.0badc0de.tmp`;
    const live = `.tram-memo.html.${liveProcess().pid}.0badc0de.tmp`;
    writeFileSync(project.path(`output/${dead}`), "");
    writeFileSync(project.path(`output/${live}`), "half a file");
    await build(project, new FakePrinter());
    const left = readdirSync(project.path("output"));
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
    expect(left.filter((name) => name.endsWith(".journal") || name.endsWith(".lock"))).toEqual([]);
  });

  it("a journal left by a killed build is folded into the manifest before anything else", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    const manifest = await readManifest(project.path("output/manifest.json"));
    const memo = manifest.briefs.find((b) => b.id === "tram-memo")!;
    // The killed build had marked the memo as being rebuilt, then finished it: its journal says so.
    writeFileSync(
      project.path("output/manifest.json"),
      JSON.stringify({ ...manifest, briefs: manifest.briefs.map((b) => (b.id === "tram-memo" ? { id: b.id, file: b.file, status: "interrupted", outputs: [] } : b)) }),
    );
    writeFileSync(project.path("output/manifest.journal"), JSON.stringify(memo) + "\n" + '{"id": "cut-sh');
    const printer = new FakePrinter();
    expect(statuses((await build(project, printer)).results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "unchanged", "tram-one-pager": "unchanged" });
    expect(printer.printed).toEqual([]);
    expect(existsSync(project.path("output/manifest.journal"))).toBe(false);
  });
});

describe("brief files and folders (items 4 and 9)", () => {
  // A CI engineer's test: killed at once (kill -9), a build had already marked every brief it was to rebuild as
  // listing no outputs, and the next build printed them all again, not only the one caught mid-write.
  it("after a build killed while rebuilding, the next takes back the briefs whose files it never touched", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    const { pendingEntry } = await import("../../../src/build/next-manifest.js");
    const manifest = await readManifest(project.path("output/manifest.json"));
    // What a build leaves when killed just after it marked the briefs it was to rebuild, one of them caught mid-write.
    writeFileSync(project.path("output/manifest.json"), JSON.stringify({ ...manifest, briefs: manifest.briefs.map(pendingEntry) }));
    writeFileSync(project.path("output/tram-memo.pdf"), "half written");
    const printer = new FakePrinter();
    const next = await build(project, printer);
    expect(statuses(next.results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "unchanged" });
    expect(printer.printed).toHaveLength(1);
    const after = await readManifest(project.path("output/manifest.json"));
    expect(after.briefs.every((b) => b.last_built === undefined && b.outputs.length > 0)).toBe(true);
  });

  // A CI engineer's test: a manifest cut short had every brief built again, without a word of why.
  it("a manifest that cannot be read is said to be so, and the briefs are built in full", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    writeFileSync(project.path("output/manifest.json"), '{"generator": "briefsmith", "briefs": [{"id": "tram-me');
    const again = await build(project, new FakePrinter());
    expect(new Set(again.results.map((r) => r.status))).toEqual(new Set(["built"]));
    expect(again.diagnostics[0]).toMatchObject({ severity: "warning", code: "MANIFEST_UNREADABLE" });
    expect(again.diagnostics[0]!.message).toMatch(/^output\/manifest\.json was set aside, so the briefs of this build were built in full and no others are listed: it is not valid JSON/);
    expect((await build(project, new FakePrinter())).diagnostics.map((d) => d.code)).not.toContain("MANIFEST_UNREADABLE");
  });

  it("a brief that links to a file outside the project is refused without being read, and its contents never printed", async () => {
    project = new TempProject();
    const secretDir = mkdtempSync(join(tmpdir(), "briefsmith-secret-"));
    try {
      // A credentials file: read as a brief, the error would quote its one line back.
      writeFileSync(join(secretDir, ".git-credentials"), "https://someone:ghp_SECRETTOKEN1234@github.com\n");
      symlinkSync(join(secretDir, ".git-credentials"), project.path("briefs/leak.yaml"));
      for (const argv of [["build", "briefs/leak.yaml"], ["validate"], ["build", "briefs/leak.yaml", "--json"], ["list", "briefs"]]) {
        const run = await runCli(argv, { cwd: project.dir });
        expect(run.stdout + run.stderr, argv.join(" ")).not.toContain("SECRETTOKEN");
        if (argv[0] !== "list") expect(run.stdout + run.stderr).toContain("FILE_OUTSIDE_FOLDER");
      }
      // Named as the user sees it, relative, like every other brief and diagnostic, not by its absolute path.
      const validated = JSON.parse((await runCli(["validate", "--json"], { cwd: project.dir })).stdout) as { briefs: { id: string; file: string; diagnostics?: { file: string }[] }[] };
      const leak = validated.briefs.find((b) => b.id === "leak")!;
      expect(leak.file).toBe("briefs/leak.yaml");
      expect(leak.diagnostics?.map((d) => d.file)).toEqual(["briefs/leak.yaml"]);
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  });

  it("a corpus folder that is a link to a folder builds", async () => {
    project = new TempProject();
    const elsewhere = project.path("shared-corpora");
    mkdirSync(elsewhere);
    renameSync(project.path("sources/transit"), join(elsewhere, "transit"));
    symlinkSync(join(elsewhere, "transit"), project.path("sources/transit"));
    expect(statuses((await build(project, new FakePrinter())).results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
  });

  it("an output folder inside sources/ is refused before anything is written", async () => {
    project = new TempProject();
    for (const out of ["sources/transit/output", "sources", "sources/new"]) {
      await expect(build(project, new FakePrinter(), { outDir: project.path(out) })).rejects.toMatchObject({
        code: "OUTPUT_INSIDE_SOURCES",
        message: expect.stringContaining("is inside sources"),
      });
    }
    expect(existsSync(project.path("sources/transit/output"))).toBe(false);
    const run = await runCli(["build", "--out", "sources/transit/pdf"], { cwd: project.dir });
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining("error OUTPUT_INSIDE_SOURCES: the output folder sources/transit/pdf is inside sources") });
  });

  it("a full disk when the manifest is written names ENOSPC, and the summary is still printed", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes: [worth-buildng]\n");
    disk.fullFor = /manifest\.json$/;
    const result = await build(project, new FakePrinter(), { paths: [project.path("briefs/tram-memo.yaml")] });
    expect(result.manifestError).toMatchObject({ code: "OUTPUT_NOT_WRITABLE", message: "cannot write output/manifest.json: no space left on device (ENOSPC)" });
    // A CI engineer's test: the hint said "the next build records them", but the journal's lines had failed on the
    // same full disk, and the next build printed the brief again.
    expect(result.manifestError?.hint).toContain("the next build keeps those the journal recorded and builds the others again");
    // Through the CLI (only an invalid brief, so no browser): the summary, then the error.
    const run = await runCli(["build", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/0 briefs built, 1 not built in [\d.]+ s/);
    expect(run.stderr).toContain("error OUTPUT_NOT_WRITABLE: cannot write output/manifest.json: no space left on device (ENOSPC)");
  });

  it("a full disk before any brief is rebuilt says that nothing was built, not that the files written are in place", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    const before = project.read("output/tram-memo.html");
    disk.fullFor = /manifest\.json$/;
    const error = await build(project, new FakePrinter(), { force: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "OUTPUT_NOT_WRITABLE", message: "cannot write output/manifest.json: no space left on device (ENOSPC)" });
    expect((error as { hint: string }).hint).toBe("free some space or fix the folder's permissions, then build again: nothing was built, and the last build's files are as they were");
    expect(project.read("output/tram-memo.html")).toBe(before);
  });
});

describe("early cutoff and what changed", () => {
  it("after a one-claim edit only the briefs that show the claim are printed, and each says what changed", async () => {
    project = new TempProject();
    // The one-pager shows one claim per viewpoint, the others all of them.
    project.write("briefs/tram-one-pager.yaml", project.read("briefs/tram-one-pager.yaml") + "claims_per_viewpoint: 1\n");
    await build(project, new FakePrinter());
    const content = Object.fromEntries((await readManifest(project.path("output/manifest.json"))).briefs.map((b) => [b.id, Object.keys(b.content!.claims)]));
    // A claim some briefs show and others do not.
    const all = Object.values(content);
    const claim = [...new Set(all.flat())].find((id) => all.some((ids) => !ids.includes(id)))!;
    expect(claim).toBeDefined();
    const corpus = project.read("sources/transit/corpus.yaml");
    const at = corpus.indexOf(`id: ${claim}`);
    const textAt = corpus.indexOf("text: ", at) + "text: ".length;
    // A one-word edit that keeps the word count (selection weighs words): the first word in capitals.
    const firstWord = /^\S+/.exec(corpus.slice(textAt))![0];
    project.write("sources/transit/corpus.yaml", corpus.slice(0, textAt) + firstWord.toUpperCase() + corpus.slice(textAt + firstWord.length));
    const printer = new FakePrinter();
    const result = await build(project, printer);
    const showing = Object.keys(content).filter((id) => content[id]!.includes(claim));
    for (const brief of result.results) {
      expect(brief.status, brief.id).toBe(showing.includes(brief.id) ? "built" : "rerendered");
      // What changed is said of the briefs whose document changed: the others read as before.
      expect(brief.changes, brief.id).toEqual(
        showing.includes(brief.id) ? { claims: { added: [], removed: [], revised: [claim] }, facts: { added: [], removed: [], revised: [] }, other: false } : undefined,
      );
    }
    expect(printer.printed).toHaveLength(showing.length);
    // The manifest lists the new key, so the next build leaves them all untouched.
    expect(new Set((await build(project, printer)).results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
  });

  it("says when a document changed though no claim or fact did: a view's label, say (a hostile test found no word of it)", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    project.replace("sources/transit/corpus.yaml", "label: Build it", "label: Build the extension");
    const result = await build(project, new FakePrinter());
    for (const brief of result.results) {
      expect(brief.status, brief.id).toBe("built");
      expect(brief.changes, brief.id).toEqual({ claims: { added: [], removed: [], revised: [] }, facts: { added: [], removed: [], revised: [] }, other: true });
    }
    project.replace("sources/transit/corpus.yaml", "label: Build the extension", "label: Build it now");
    const again = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(again.stdout).toContain("changed since the last build: no claim or fact, but other wording or the layout (the title or date, a heading, a view's label, who holds it, a source's name, the template)");
  });

  it("a claim moved to the other view is revised (a hostile run found it reported as no claim changed)", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02\n", "date: 2024-04-02\nbalance: warn\n");
    await build(project, new FakePrinter());
    const corpus = project.read("sources/transit/corpus.yaml");
    const at = corpus.indexOf("id: build-payback");
    project.write("sources/transit/corpus.yaml", corpus.slice(0, at) + corpus.slice(at).replace("viewpoint: build-it", "viewpoint: do-not-build"));
    const memo = (await build(project, new FakePrinter())).results.find((r) => r.id === "tram-memo")!;
    expect(memo.status).toBe("built");
    expect(memo.changes!.claims).toEqual({ added: [], removed: [], revised: ["build-payback"] });
  });

  it("a one-pager, which prints theses, not claims, reports no claim revised, and its own title changed as other wording", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    project.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear that", "text: Shopkeepers worry that");
    project.replace("briefs/tram-one-pager.yaml", "title: Riverside tram extension at a glance", "title: The Riverside tram extension at a glance");
    const result = await build(project, new FakePrinter());
    const changes = Object.fromEntries(result.results.map((r) => [r.id, r.changes]));
    expect(changes["tram-one-pager"]).toEqual({ claims: { added: [], removed: [], revised: [] }, facts: { added: [], removed: [], revised: [] }, other: true });
    // The memo prints the claim, and nothing else of it changed.
    expect(changes["tram-memo"]).toEqual({ claims: { added: [], removed: [], revised: ["against-shops"] }, facts: { added: [], removed: [], revised: [] }, other: false });
  });

  it("--force prints every brief again, and still says what changed", async () => {
    project = new TempProject();
    await build(project, new FakePrinter());
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02\n", "date: 2024-04-02\nclaims_per_viewpoint: 1\n");
    const printer = new FakePrinter();
    const result = await build(project, printer, { force: true });
    expect(printer.printed).toHaveLength(3);
    const memo = result.results.find((r) => r.id === "tram-memo")!;
    expect(memo.changes!.claims.removed.length).toBeGreaterThan(0);
    expect(memo.changes!.claims.added).toEqual([]);
    // Claims left out are not also other wording (a review found every claim added or removed said so too).
    expect(memo.changes!.other).toBe(false);
  });
});

describe("machine-readable failures", () => {
  it("build --json gives every problem of a brief not built with its line, column and hint; --reporter github annotates it", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes: [worth-buildng]\n");
    const json = await runCli(["build", "briefs/tram-memo.yaml", "--json"], { cwd: project.dir });
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout);
    const problem = {
      severity: "error",
      code: "BRIEF_UNKNOWN_THEME",
      file: "briefs/tram-memo.yaml",
      line: 4,
      column: 10,
      message: expect.stringContaining("worth-buildng"),
      hint: expect.stringContaining("worth-building"),
    };
    expect(summary.briefs).toEqual([expect.objectContaining({ id: "tram-memo", status: "invalid", pdf_action: "not built", diagnostics: [expect.objectContaining(problem)] })]);
    expect(summary.diagnostics).toEqual([expect.objectContaining(problem)]);
    const github = await runCli(["build", "briefs/tram-memo.yaml", "--reporter", "github"], { cwd: project.dir });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=briefs\/tram-memo\.yaml,line=4,col=10,endLine=4,endColumn=23,title=BRIEF_UNKNOWN_THEME::.*worth-buildng/m);
  });
});
