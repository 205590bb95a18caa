import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keptNotices, textsOfNoticedFiles } from "../../../src/build/selection-notices.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile CI run: brief build never said that a fact dated after a brief's date was left out of it; only
// validate did, and the nightly workflow does not run validate, so facts dropped out of documents without a word.
describe("brief build, for a brief dated before its source", () => {
  it("says what selection noticed of dates, once each, as validate does, in the log, in --json and as annotations", async () => {
    project = new TempProject();
    for (const brief of ["tram-memo", "tram-handout"]) project.replace(`briefs/${brief}.yaml`, "date: 2024-04-02", "date: 2024-03-01");
    const human = await runCli(["build", "briefs/tram-memo.yaml", "briefs/tram-handout.yaml", "--format", "html"], { cwd: project.dir });
    const notices = human.stderr.split("\n").filter((line) => line.includes("warning SELECT_"));
    expect(notices).toEqual([
      "briefs/tram-handout.yaml:4:7: warning SELECT_SOURCE_AFTER_BRIEF_DATE: source \"council-hearing\" is dated 12 March 2024, after the brief's date (1 March 2024), and the brief cites it",
      "briefs/tram-memo.yaml:6:7: warning SELECT_SOURCE_AFTER_BRIEF_DATE: source \"council-hearing\" is dated 12 March 2024, after the brief's date (1 March 2024), and the brief cites it",
    ]);
    expect(human.code).toBe(0);
    const json = JSON.parse((await runCli(["build", "briefs/tram-memo.yaml", "--format", "html", "--force", "--json"], { cwd: project.dir })).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.map((d) => d.code)).toContain("SELECT_SOURCE_AFTER_BRIEF_DATE");
    const github = await runCli(["build", "briefs/tram-memo.yaml", "--format", "html", "--force", "--reporter", "github"], { cwd: project.dir });
    expect(github.stdout).toMatch(/^::warning file=briefs\/tram-memo\.yaml,line=\d+.*title=SELECT_SOURCE_AFTER_BRIEF_DATE::/m);
  });

  // The example build warned that a fact was "after the brief's date" and pointed into the extract, so a staffer
  // building four briefs could not tell which brief to re-date: a notice placed outside a brief names its briefs.
  it("names the briefs a notice is about when it points into the extract, once however many share it", async () => {
    project = new TempProject();
    for (const brief of ["tram-memo", "tram-handout"]) project.replace(`briefs/${brief}.yaml`, "date: 2024-04-02", "date: 2024-02-15");
    const built = await runCli(["build", "briefs/tram-memo.yaml", "briefs/tram-handout.yaml", "--format", "html"], { cwd: project.dir });
    const notices = built.stderr.split("\n").filter((line) => line.includes("warning SELECT_"));
    expect(notices.filter((line) => line.startsWith("sources/"))).toEqual([
      'sources/transit/corpus.yaml:110:11: warning SELECT_FACT_AFTER_BRIEF_DATE: fact "cost" is dated March 2024, after the brief\'s date (15 February 2024), and is left out (briefs tram-handout and tram-memo)',
    ]);
    // A build with nothing to do says it the same, from the manifest.
    const noOp = await runCli(["build", "briefs/tram-memo.yaml", "briefs/tram-handout.yaml", "--format", "html"], { cwd: project.dir });
    expect(noOp.stdout + noOp.stderr).toMatch(/unchanged/);
    expect(noOp.stderr.split("\n").filter((line) => line.startsWith("sources/"))).toEqual(notices.filter((line) => line.startsWith("sources/")));
    // validate says it as build does, once, of a folder's briefs too (build says it of every brief); the
    // warnings a folder's briefs keep to themselves are counted, not called "no problems".
    for (const all of [[], ["--all"]]) {
      const validated = await runCli(["validate", "briefs", ...all], { cwd: project.dir });
      expect(validated.stderr.split("\n").filter((line) => line.startsWith("sources/") && line.includes("SELECT_"))).toEqual(notices.filter((line) => line.startsWith("sources/")));
      expect(validated.stdout).not.toContain("no problems");
    }
    // Those placed in a brief name it already.
    expect(notices.filter((line) => line.startsWith("briefs/")).every((line) => line.endsWith("and the brief cites it"))).toBe(true);
    const json = JSON.parse((await runCli(["build", "briefs/tram-memo.yaml", "--format", "html", "--json"], { cwd: project.dir })).stdout) as { diagnostics: { code: string; message: string }[] };
    expect(json.diagnostics.find((d) => d.code === "SELECT_FACT_AFTER_BRIEF_DATE")?.message).toMatch(/left out \(brief tram-memo\)$/);
  });

  // Left out last time: the build said it only on the night it rebuilt the brief, so a brief unchanged since
  // dropped its fact without a word on every later night.
  it("says them again for a brief unchanged since, whether nothing changed or another brief did, from any folder", async () => {
    project = new TempProject();
    for (const brief of ["tram-memo", "tram-handout"]) project.replace(`briefs/${brief}.yaml`, "date: 2024-04-02", "date: 2024-03-01");
    const args = ["build", "briefs/tram-memo.yaml", "briefs/tram-handout.yaml", "--format", "html"];
    const notices = (stderr: string) => stderr.split("\n").filter((line) => line.includes("warning SELECT_"));
    const first = await runCli(args, { cwd: project.dir });
    const expected = notices(first.stderr);
    expect(expected).toHaveLength(2);

    const noOp = await runCli(args, { cwd: project.dir });
    expect(noOp.stdout + noOp.stderr).toMatch(/unchanged/);
    expect(notices(noOp.stderr)).toEqual(expected);

    // The memo changes; the handout does not, and is still warned of.
    project.replace("briefs/tram-memo.yaml", "date: 2024-03-01", "date: 2024-03-02");
    const oneChanged = await runCli([...args, "--json"], { cwd: project.dir });
    const json = JSON.parse(oneChanged.stdout) as { briefs: { id: string; status: string }[]; diagnostics: { code: string; file: string; line: number }[] };
    expect(json.briefs.find((b) => b.id === "tram-handout")?.status).toBe("unchanged");
    expect(json.diagnostics.filter((d) => d.code.startsWith("SELECT_")).map((d) => `${d.file}:${d.line}`)).toEqual(["briefs/tram-handout.yaml:4", "briefs/tram-memo.yaml:6"]);

    // From the briefs folder, the paths are said from there, with the line shown.
    const fromBriefs = await runCli(["build", "tram-memo.yaml", "tram-handout.yaml", "--format", "html", "--root", "..", "--out", "../output"], { cwd: `${project.dir}/briefs` });
    expect(fromBriefs.stdout + fromBriefs.stderr).toMatch(/unchanged/);
    expect(notices(fromBriefs.stderr).map((line) => line.split(": warning")[0])).toEqual(["tram-handout.yaml:4:7", "tram-memo.yaml:6:7"]);
    expect(fromBriefs.stderr).toContain("4 | date: 2024-03-01");
  });
});

describe("the notices a manifest keeps", () => {
  it("are not said, nor their files read, where they lead outside the project or its corpora", async () => {
    project = new TempProject();
    const outside = mkdtempSync(join(tmpdir(), "briefsmith-secret-"));
    writeFileSync(join(outside, "token.yaml"), "date: SECRET_TOKEN_123\n");
    symlinkSync(join(outside, "token.yaml"), join(project.dir, "briefs", "linked.yaml"));
    const places = { root: project.dir, cwd: project.dir };
    const notice = { code: "SELECT_FACT_AFTER_BRIEF_DATE", message: "left out", span: { start: 6, end: 12 } } as const;
    const kept = keptNotices([{ ...notice, file: "../token.yaml" }, { ...notice, file: "briefs/linked.yaml" }, { ...notice, file: "briefs/tram-memo.yaml" }], places);
    expect(kept.map((d) => d.file)).toEqual(["briefs/linked.yaml", "briefs/tram-memo.yaml"]);
    const texts = await textsOfNoticedFiles(kept, new Map(), places);
    expect([...texts.keys()]).toEqual(["briefs/tram-memo.yaml"]);
    rmSync(outside, { recursive: true, force: true });
  });
});
