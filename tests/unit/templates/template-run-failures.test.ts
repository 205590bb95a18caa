import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { builtInTemplatesDir } from "../../../src/load/package-files.js";
import { loadTemplates } from "../../../src/load/templates.js";
import type { BriefResult } from "../../../src/build/types.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A template the checker passes can still fail or print nothing when it runs: an optional field
 * that is absent, a helper given a value of the wrong type. Only the brief using it fails
 * (TEMPLATE_RENDER_FAILED, exit 1); the other briefs are built, and nothing is an internal error.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** The mini project with templates/odd.hbs (memo layout) as the template of tram-memo. */
function projectWith(body: string): TempProject {
  const p = new TempProject();
  mkdirSync(p.path("templates"), { recursive: true });
  p.write("templates/odd.hbs", `{{!-- layout: memo --}}\n<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<h1>{{brief.title}}</h1>\n${body}\n</body></html>\n`);
  p.replace("briefs/tram-memo.yaml", "template: memo", "template: odd");
  return p;
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

describe("an optional field printed through its parent", () => {
  for (const body of ["<p>[{{brief.classificationBlock.reason}}]</p>", "{{#if brief.classificationBlock.reason}}<p>reason</p>{{else}}<p>[no reason]</p>{{/if}}"]) {
    it(`prints nothing when the parent is absent: ${body}`, async () => {
      project = projectWith(body);
      expect(project.read("briefs/tram-memo.yaml")).not.toContain("classification");
      const validated = await runCli(["validate"], { cwd: project.dir });
      expect(validated.stderr).not.toContain("TEMPLATE_");
      const result = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), formats: ["html"] });
      expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
      const html = project.read("output/tram-memo.html");
      expect(html).toMatch(/<p>\[(no reason)?\]<\/p>/);
    });
  }
});

describe("a template that fails while it runs", () => {
  // The checker refuses text given to join, not a mapping: join given brief.counts passes it, and throws when run.
  const body = '<p>{{join brief.counts ", "}}</p>';

  it("fails only the brief that uses it, with TEMPLATE_RENDER_FAILED naming the template", async () => {
    project = projectWith(body);
    const printer = new FakePrinter();
    const result = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer });
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "failed", "tram-one-pager": "built" });
    const failed = result.results.find((r) => r.id === "tram-memo")!;
    expect(failed.error?.code).toBe("TEMPLATE_RENDER_FAILED");
    expect(failed.error?.message).toContain("templates/odd.hbs");
    expect(failed.error?.message).toMatch(/join takes a list, but was given a mapping/);
    expect(failed.error?.message).not.toMatch(/\n\s+at /);
    expect(failed.error?.hint).toBeTruthy();
    expect(printer.printed.length).toBe(2);
  });

  it("makes brief build exit 1, not 70, and builds the other briefs", async () => {
    project = projectWith(body);
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(run.stderr).not.toContain("internal error");
    expect(run.stderr).toContain("TEMPLATE_RENDER_FAILED");
    expect(run.stderr).toContain("templates/odd.hbs");
    expect(run.code).toBe(1);
    expect(project.read("output/tram-handout.html")).toContain("<html");
    expect(project.read("output/tram-one-pager.html")).toContain("<html");
  });

  // A review: validate said it at the brief's template: line (file:line:col, the line, a caret); build only
  // "briefs/tram-memo.yaml: error TEMPLATE_RENDER_FAILED", and its GitHub annotation had no line.
  it("is said by build where validate says it: at the brief's template line, for people and pull requests", async () => {
    project = projectWith(body);
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const place = /^(briefs\/tram-memo\.yaml:\d+:\d+): error TEMPLATE_RENDER_FAILED/m.exec(validated.stderr)?.[1];
    expect(place).toBeDefined();
    const built = await runCli(["build", "briefs/tram-memo.yaml", "--format", "html"], { cwd: project.dir });
    expect(built.stderr).toContain(`${place}: error TEMPLATE_RENDER_FAILED`);
    expect(built.stderr).toMatch(/\| template: odd\n\s+\|\s+\^+/);
    const github = await runCli(["build", "briefs/tram-memo.yaml", "--format", "html", "--force", "--reporter", "github"], { cwd: project.dir });
    expect(github.stdout).toMatch(/^::error file=briefs\/tram-memo\.yaml,line=\d+,col=\d+.*title=TEMPLATE_RENDER_FAILED::/m);
  });
});

// Regression: join given text passed the checker; the brief then failed as it was rendered, blamed on the template that
// included the partial, with no line and JavaScript's words ("(items ?? []).join is not a function").
describe("join given text, in a partial", () => {
  it("is refused by the checker where it is written", async () => {
    project = projectWith("{{> masthead}}");
    mkdirSync(project.path("templates/partials"), { recursive: true });
    project.write("templates/partials/masthead.hbs", '<p class="office">\n  {{join brief.title ", "}}\n</p>\n');
    const validated = await runCli(["validate"], { cwd: project.dir });
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain("templates/partials/masthead.hbs:2:10: error TEMPLATE_HELPER_ARGUMENTS: join takes a list, but brief.title is text");
    expect(validated.stderr).not.toContain("is not a function");
  });
});

// A template that failed only once its contents had page numbers (`{{#if page}}`) passed validate without a word,
// and one that failed on its contents alone was a warning: build then refused the brief once it ran past six
// pages. Both are refused by validate and build alike, whatever the brief's length.
describe("a handout template that fails only with its table of contents", () => {
  for (const [what, body] of [
    ["with its entries", '{{#if contents}}<p>{{join brief.counts ", "}}</p>{{/if}}'],
    ["once the entries have page numbers", '{{#each contents}}{{#if page}}<p>{{join ../brief ", "}}</p>{{/if}}{{/each}}'],
  ] as const) {
    it(`is refused by validate and build alike, ${what}`, async () => {
      project = new TempProject();
      mkdirSync(project.path("templates"), { recursive: true });
      project.write("templates/long.hbs", `{{!-- layout: handout --}}\n<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<h1>{{brief.title}}</h1>\n${body}\n</body></html>\n`);
      project.replace("briefs/tram-handout.yaml", "template: handout", "template: long");
      const validated = await runCli(["validate"], { cwd: project.dir });
      expect(validated.code).toBe(1);
      expect(validated.stderr).toMatch(/error TEMPLATE_RENDER_FAILED/);
      expect(validated.stderr).toContain("templates/long.hbs");
      expect(validated.stderr).toContain("table of contents");
      expect(validated.stderr).toContain("tram-handout would not build");
      // The handout is one page long: build refuses it all the same.
      const built = await runCli(["build", "briefs/tram-handout.yaml", "briefs/tram-memo.yaml", "--format", "html", "--json"], { cwd: project.dir });
      expect(built.code).toBe(1);
      expect(statuses((JSON.parse(built.stdout) as { briefs: BriefResult[] }).briefs)).toEqual({ "tram-handout": "failed", "tram-memo": "built" });
    });
  }
});

// A CI engineer's test: validate renders the contents with one placeholder page number for every entry, so a
// template that failed only on other numbers ({{#unless (eq page 7)}}) passed validate, and build then refused the
// handout once the printing gave it its real page numbers: one gate, two answers.
describe("a handout template that fails only on the page numbers the printing finds", () => {
  it("is built with its contents unnumbered and a warning, not refused by build after validate passed it", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"), { recursive: true });
    const handout = readFileSync(join(builtInTemplatesDir, "handout.hbs"), "utf8");
    const trap = handout.replace('<span class="page">{{#if page}}{{page}}', '<span class="page">{{#if page}}{{page}}{{#unless (eq page 7)}}{{join @root.brief.counts ", "}}{{/unless}}');
    expect(trap).not.toBe(handout);
    project.write("templates/trap.hbs", `{{!-- layout: handout --}}\n${trap}`);
    project.replace("briefs/tram-handout.yaml", "template: handout", "template: trap");
    const validated = await runCli(["validate", "briefs/tram-handout.yaml"], { cwd: project.dir });
    expect(validated.code).toBe(0);
    const printer = new FakePrinter("fake", { pages: () => 8 });
    const result = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer, paths: ["briefs/tram-handout.yaml"] });
    const handoutResult = result.results.find((r) => r.id === "tram-handout")!;
    expect(handoutResult.status).toBe("built");
    expect(handoutResult.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^the table of contents is printed without page numbers: with them, template "trap"/)]));
  });
});

// A review: any error a template threw was TEMPLATE_RENDER_FAILED, blamed on "a helper in the template" with a hint
// to read the helper table, even when the template was Briefsmith's own: a bug of ours hidden as the user's fault.
describe("Briefsmith's own template failing", () => {
  it("is a bug, with its stack, not TEMPLATE_RENDER_FAILED", async () => {
    const builtIn = mkdtempSync(join(tmpdir(), "briefsmith-builtin-"));
    cpSync(builtInTemplatesDir, builtIn, { recursive: true });
    writeFileSync(join(builtIn, "memo.hbs"), '{{!-- layout: memo --}}\n<!DOCTYPE html>\n<html><body>{{join brief.counts ", "}}</body></html>\n');
    project = new TempProject();
    try {
      const templates = await loadTemplates({ builtIn, project: project.path("templates"), cwd: project.dir });
      const corpus = await loadCorpus(project.path("sources/transit"));
      const failure = await renderBrief(project.read("briefs/tram-memo.yaml"), corpus, { templates }).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(BriefsmithError);
      expect((failure as Error).message).toContain("join takes a list");
    } finally {
      rmSync(builtIn, { recursive: true, force: true });
    }
  });
});
