import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseForQuote } from "../../src/text/paragraphs.js";
import { startSandboxTargets, type SandboxTargets } from "../helpers/canary.js";
import { runBriefProcess, runCli, tool, type CliRun } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";
import {
  errorFixtures,
  extractFixtures,
  safeBriefFixtures,
  writeHostileCorpus,
  writeSafeBrief,
  writeThousandsOfThemes,
  type ExtractFixture,
  type SafeBriefFixture,
  type Sandbox,
} from "../helpers/hostile-fixtures.js";
import { findUnsafeHtml } from "../helpers/html-safety.js";

/**
 * The hostile corpus, built by the real `brief` command in two runs (one
 * build of every brief that must succeed, one of every brief that must be
 * refused), so a hundred fixtures cost two processes and one browser.
 */

const marker = `SECRET-MARKER-${process.pid}-${Date.now().toString(36)}`;
let targets: SandboxTargets | undefined;
let canaryHits: string[] = [];
let sandbox: Sandbox;
let project: TempProject;
let safeRun: CliRun;
let errorRun: CliRun;
let validateRun: CliRun;
let outputAfterSafeRun: string[];
let outputAfterErrorRun: string[];
const real = { safe: new Map<string, SafeBriefFixture>(), extract: new Map<string, ExtractFixture>() };
const html = new Map<string, string>();
const pdfText = new Map<string, string>();

/** Whitespace, hyphens and typographic punctuation differ between what was typed and what pdftotext reads back. */
function comparable(text: string): string {
  // Quotation marks inside a printed quote become single ones (typography), so any quotation mark matches any other.
  return normaliseForQuote(text).replace(/[\s\u00ad-]+/g, "").replace(/['"]/g, '"');
}

/** The diagnostic lines that name `file`, clipped: enough to see what went wrong. */
function linesAbout(stderr: string, file: string): string {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith(file))
    .map((line) => line.slice(0, 300))
    .slice(0, 5)
    .join("\n");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The fixtures hold the canary's port, known only once it listens: these copies only name the tests.
const namingSandbox: Sandbox = { canary: "http://127.0.0.1:1", secretPath: "/secret", secretUrl: "file:///secret" };
const safeFixtures = safeBriefFixtures(namingSandbox);
const extractCases = extractFixtures(namingSandbox);
const errorCases = errorFixtures(namingSandbox);

beforeAll(async () => {
  targets = await startSandboxTargets(`${marker}\n`, "briefsmith-secret-");
  canaryHits = targets.hits;
  sandbox = { canary: targets.canary, secretPath: targets.secretPath, secretUrl: targets.secretUrl };

  project = new TempProject();
  for (const fixture of safeBriefFixtures(sandbox)) {
    real.safe.set(fixture.id, fixture);
    writeSafeBrief(project, fixture);
  }
  for (const fixture of extractFixtures(sandbox)) real.extract.set(fixture.id, fixture);
  writeHostileCorpus(project, sandbox);
  writeThousandsOfThemes(project, 3000);
  for (const fixture of errorFixtures(sandbox)) fixture.write(project);
  // Puppeteer's configuration files, in JavaScript: were one run, it would leave this file behind.
  for (const name of [".puppeteerrc.cjs", "puppeteer.config.cjs"]) {
    project.write(name, `require("node:fs").writeFileSync(${JSON.stringify(project.path("configuration-ran"))}, ${JSON.stringify(name)});\nmodule.exports = {};\n`);
  }

  safeRun = await runBriefProcess(["build", "briefs/safe"], { cwd: project.dir });
  outputAfterSafeRun = readdirSync(project.path("output")).sort();
  errorRun = await runBriefProcess(["build", "briefs/errors"], { cwd: project.dir });
  outputAfterErrorRun = readdirSync(project.path("output")).sort();
  validateRun = await runCli(["validate", "briefs/errors"], { cwd: project.dir });
  // HOSTILE_DUMP=DIR keeps what the runs printed, for looking into a failure.
  const dump = process.env.HOSTILE_DUMP;
  if (dump) {
    for (const [name, run] of Object.entries({ safe: safeRun, errors: errorRun, validate: validateRun })) {
      writeFileSync(join(dump, `${name}.stdout`), run.stdout);
      writeFileSync(join(dump, `${name}.stderr`), run.stderr);
    }
  }

  const outDir = project.path("output");
  const names = readdirSync(outDir);
  for (const name of names.filter((n) => n.endsWith(".html"))) html.set(name.replace(/\.html$/, ""), readFileSync(join(outDir, name), "utf8"));
  await Promise.all(
    names
      .filter((n) => n.endsWith(".pdf"))
      .map(async (name) => pdfText.set(name.replace(/\.pdf$/, ""), await tool("pdftotext", [join(outDir, name), "-"]))),
  );
}, 240_000);

afterAll(async () => {
  project?.dispose();
  await targets?.close();
});

describe("hostile briefs and extracts that must build into a safe PDF", () => {
  it("build in one run that exits 0, with no error and no blocked request", () => {
    expect(safeRun.stderr).toBe("");
    expect(safeRun.code).toBe(0);
    expect(safeRun.stdout).not.toContain("blocked a request");
    expect(safeRun.stdout).toContain(`${safeFixtures.length + 4} briefs built`);
  });

  it.each(safeFixtures.map((f) => f.id))("brief %s: safe HTML, payload shown as text", (id) => {
    const fixture = real.safe.get(id)!;
    expect(safeRun.stdout).toMatch(new RegExp(`✓ ${escapeRegExp(id)}\\s`));
    expect(findUnsafeHtml(html.get(id)!)).toEqual([]);
    const text = comparable(pdfText.get(id)!);
    for (const visible of fixture.visible) expect(text).toContain(comparable(visible));
  });

  it.each(extractCases.map((f) => f.id))("extract %s: safe in every template, payload shown as text", (id) => {
    const fixture = real.extract.get(id)!;
    for (const template of ["handout", "memo", "one-pager"]) {
      const id = `hostile-corpus-${template}`;
      expect(safeRun.stdout).toMatch(new RegExp(`✓ ${id}\\s`));
      expect(findUnsafeHtml(html.get(id)!)).toEqual([]);
    }
    const text = comparable(pdfText.get("hostile-corpus-handout")!);
    for (const visible of fixture.visible) {
      expect(text, fixture.site).toContain(comparable(visible));
    }
  });

  it("a corpus of 3000 themes loads, checks and builds a brief of one theme", () => {
    expect(safeRun.stdout).toMatch(/✓ many-themes\s/);
    expect(findUnsafeHtml(html.get("many-themes")!)).toEqual([]);
  });
});

describe("hostile input that must be refused as a user error", () => {
  it("the build exits 1 without an internal error or a stack trace, and prints nothing", () => {
    expect(errorRun.code).toBe(1);
    expect(errorRun.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(errorRun.stdout).toContain(`0 briefs built, ${errorCases.length} not built`);
    expect(outputAfterErrorRun).toEqual(outputAfterSafeRun);
  });

  it("validate in-process says the same, with exit 1", () => {
    expect(validateRun.code).toBe(1);
    expect(validateRun.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it.each(errorCases.map((f) => [f.id, f] as const))("%s: a clear error with its location", (_id, fixture) => {
    const where = fixture.located ? `${escapeRegExp(fixture.file)}:\\d+:\\d+` : escapeRegExp(fixture.file);
    const line = new RegExp(`^${where}: error ${fixture.code}: `, "m");
    // Not toMatch(): on failure it would print all of stderr, megabytes with the huge fixtures.
    expect(line.test(errorRun.stderr), `${line} in the build's stderr:\n${linesAbout(errorRun.stderr, fixture.file)}`).toBe(true);
    expect(line.test(validateRun.stderr), `${line} in validate's stderr`).toBe(true);
  });

  it("a brief made hostile after a good build leaves the earlier PDF as it was", async () => {
    const pdf = project.path("output/title-script.pdf");
    const before = readFileSync(pdf);
    const mtime = statSync(pdf).mtimeMs;
    project.write("briefs/safe/title-script.yaml", `title: ${"[".repeat(50_000)}\ntemplate: memo\ncorpus: transit\n`);
    const run = await runBriefProcess(["build", "briefs/safe/title-script.yaml"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^briefs\/safe\/title-script\.yaml:1:\d+: error YAML_TOO_DEEP: /m);
    expect(readFileSync(pdf).equals(before)).toBe(true);
    expect(statSync(pdf).mtimeMs).toBe(mtime);
  });
});

describe("nothing reaches the network or the disk", () => {
  it("a Puppeteer configuration file in the project is not run (Briefsmith loads puppeteer-core, which reads none)", () => {
    expect(existsSync(project.path("configuration-ran"))).toBe(false);
  });

  it("the canary server received zero requests", () => {
    expect(canaryHits).toEqual([]);
  });

  it("the secret file's marker is in no HTML, no PDF and no output", () => {
    expect(html.size).toBeGreaterThan(40);
    expect(pdfText.size).toBe(html.size);
    for (const [id, text] of html) expect(text, id).not.toContain(marker);
    for (const [id, text] of pdfText) expect(text, id).not.toContain(marker);
    for (const run of [safeRun, errorRun, validateRun]) expect(run.stdout + run.stderr).not.toContain(marker);
  });
});
