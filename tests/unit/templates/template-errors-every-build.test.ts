import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A template with errors fails every build until it is fixed, like a corpus with errors: the build
 * with nothing to do (which reads no template with the checker) must not pass over it. HTML only:
 * no browser is started.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const broken = "{{!-- layout: memo --}}\n<html><body>{{brief.nosuch}}</body></html>\n";
const fixed = "{{!-- layout: memo --}}\n<html><body>{{brief.title}}</body></html>\n";

function build(p: TempProject) {
  return runCli(["build", "--format", "html"], { cwd: p.dir });
}

/** The error lines a build printed (without timings), to compare two builds' reports. */
const errorLines = (stderr: string) => stderr.split("\n").filter((line) => / error [A-Z_]+:/.test(line));

function withTemplate(source: string): TempProject {
  const p = new TempProject();
  mkdirSync(p.path("templates"), { recursive: true });
  p.write("templates/bad.hbs", source);
  return p;
}

describe("a template with errors", () => {
  it("used by no brief fails two builds in a row with the same diagnostic", async () => {
    project = withTemplate(broken);
    const first = await build(project);
    const second = await build(project);
    expect(errorLines(first.stderr)).toEqual([expect.stringContaining('templates/bad.hbs:2:15: error TEMPLATE_UNKNOWN_FIELD: brief has no field "nosuch"')]);
    expect([first.code, second.code]).toEqual([1, 1]);
    expect(errorLines(second.stderr)).toEqual(errorLines(first.stderr));
  });

  it("refusing a brief fails two builds in a row with the same diagnostics, and the brief is counted as not built", async () => {
    project = withTemplate(broken);
    project.replace("briefs/tram-memo.yaml", "template: memo", "template: bad");
    const first = await build(project);
    const second = await build(project);
    expect([first.code, second.code]).toEqual([1, 1]);
    expect(errorLines(first.stderr).some((line) => line.includes("TEMPLATE_NOT_VALID"))).toBe(true);
    expect(errorLines(second.stderr)).toEqual(errorLines(first.stderr));
    expect(second.stdout + second.stderr).toMatch(/1 not built/);
  });

  it("added after a clean build fails the next builds; fixed, the build after the fix has nothing to do", async () => {
    project = new TempProject();
    expect((await build(project)).code).toBe(0);
    mkdirSync(project.path("templates"), { recursive: true });
    project.write("templates/bad.hbs", broken);
    const first = await build(project);
    const second = await build(project);
    expect([first.code, second.code]).toEqual([1, 1]);
    expect(errorLines(second.stderr)).toEqual(errorLines(first.stderr));
    expect(errorLines(first.stderr).length).toBeGreaterThan(0);
    project.write("templates/bad.hbs", fixed);
    expect((await build(project)).code).toBe(0);
    const idle = await build(project);
    expect(idle.code).toBe(0);
    expect(idle.stdout + idle.stderr).toMatch(/0 briefs built, 3 unchanged/);
  });
});
