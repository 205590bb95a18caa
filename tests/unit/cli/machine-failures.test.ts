import { describe, expect, it } from "vitest";
import { miniProject, runCli } from "../../helpers/cli.js";

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
