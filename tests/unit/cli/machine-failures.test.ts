import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { miniProject, runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A run that fails as a whole (a path that is not there, an output folder
 * inside sources/, one another build holds) still answers a CI step that
 * reads stdout: with --json one object, with --reporter github an annotation.
 * It used to print only the human text, on stderr, so the step parsed nothing.
 */
describe("a run that fails before any brief", () => {
  it("prints one JSON object on stdout with --json, the error and its hint in it, and exits 1", async () => {
    const run = await runCli(["build", "tram-memoo", "--json"], { cwd: miniProject });
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { ok: boolean; exit_code: number; error: { code: string; message: string; hint?: string }; diagnostics: { code: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.exit_code).toBe(1);
    expect(answer.error.code).toBe("PATH_NOT_FOUND");
    expect(answer.error.message).toContain('"tram-memoo"');
    expect(answer.diagnostics.map((d) => d.code)).toEqual(["PATH_NOT_FOUND"]);
    // The person reading the log still sees it.
    expect(run.stderr).toContain("error PATH_NOT_FOUND");
  });

  it("the same for validate and an output folder inside sources/", async () => {
    const validate = await runCli(["validate", "nosuch", "--json"], { cwd: miniProject });
    expect((JSON.parse(validate.stdout) as { error: { code: string } }).error.code).toBe("PATH_NOT_FOUND");
    const inside = await runCli(["build", "--out", "sources/out", "--json"], { cwd: miniProject });
    expect(inside.code).toBe(1);
    expect((JSON.parse(inside.stdout) as { error: { code: string } }).error.code).toBe("OUTPUT_INSIDE_SOURCES");
  });

  it("prints a GitHub annotation on stdout with --reporter github", async () => {
    for (const args of [["validate", "nosuch", "--reporter", "github"], ["build", "nosuch", "--reporter=github"]]) {
      const run = await runCli(args, { cwd: miniProject });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error title=PATH_NOT_FOUND::there is no brief file, folder or brief id "nosuch"/);
    }
  });

  it("prints nothing on stdout without them", async () => {
    const run = await runCli(["build", "nosuch"], { cwd: miniProject });
    expect(run.stdout).toBe("");
  });
});

/**
 * A hostile CI run on the commands besides build: balance --json left out a brief it could not read and said nowhere
 * why it failed; validate --json --reporter github printed no annotation; check took no --reporter.
 */
describe("every command's answer for machines says why it failed", () => {
  let project: TempProject;
  beforeEach(() => (project = new TempProject()));
  afterEach(() => project.dispose());

  it("balance --json lists every brief, a refused one with its problems, and the run's problems", async () => {
    project.write("briefs/broken.yaml", "title: Broken\n  bad: [\n");
    const run = await runCli(["balance", "--json"], { cwd: project.dir });
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { ok: boolean; briefs: { file: string; status: string; diagnostics?: { code: string; line: number }[] }[]; diagnostics: { code: string }[] };
    expect(answer.ok).toBe(false);
    const broken = answer.briefs.find((b) => b.file === "briefs/broken.yaml")!;
    expect(broken.status).toBe("invalid");
    expect(broken.diagnostics![0]!.code).toMatch(/^YAML_/);
    expect(broken.diagnostics![0]!.line).toBe(2);
    expect(answer.briefs.map((b) => b.file)).toContain("briefs/tram-memo.yaml");
    expect(answer.diagnostics.map((d) => d.code)).toContain(broken.diagnostics![0]!.code);
  });

  it("balance --json gives a corpus's errors, which refuse its briefs", async () => {
    project.replace("sources/transit/corpus.yaml", "quote: optimistic at best", "quote: pessimistic at best");
    const answer = JSON.parse((await runCli(["balance", "--json"], { cwd: project.dir })).stdout) as { diagnostics: { code: string; file: string }[] };
    expect(answer.diagnostics).toContainEqual(expect.objectContaining({ code: "EXTRACT_MISQUOTE", file: "sources/transit/corpus.yaml" }));
  });

  it("validate --json --reporter github annotates on stderr, as build does; check takes --reporter github", async () => {
    project.replace("sources/transit/corpus.yaml", "quote: optimistic at best", "quote: pessimistic at best");
    const validate = await runCli(["validate", "--json", "--reporter", "github"], { cwd: project.dir, env: {} });
    expect(JSON.parse(validate.stdout)).toMatchObject({ ok: false });
    expect(validate.stderr).toMatch(/^::error file=sources\/transit\/corpus\.yaml,line=\d+,.*title=EXTRACT_MISQUOTE::/m);
    const check = await runCli(["check", "--reporter", "github"], { cwd: project.dir, env: {} });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^::error file=sources\/transit\/corpus\.yaml,line=\d+,.*title=EXTRACT_MISQUOTE::/m);
    const checkJson = await runCli(["check", "--json", "--reporter", "github"], { cwd: project.dir, env: {} });
    expect(JSON.parse(checkJson.stdout)).toMatchObject({ ok: false });
    expect(checkJson.stderr).toMatch(/^::error file=sources\/transit\/corpus\.yaml,/m);
  });
});
