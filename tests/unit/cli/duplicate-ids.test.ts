import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** An author's test: two files claiming one id gave '✗ water-memo not built' and '✓ water-memo' with nothing to tell them apart. */
describe("a brief whose id is not its file's name", () => {
  it("is named with its file on the build's line", async () => {
    project = new TempProject();
    project.replace("briefs/tram-handout.yaml", "title:", "id: tram-memo\ntitle:");
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((line) => /^[✓✗] tram-memo/.test(line));
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.startsWith("✓ tram-memo (briefs/tram-handout.yaml)"))).toBe(true);
    expect(lines.some((line) => /^✗ tram-memo \(briefs\/tram-memo\.yaml\)\s+not built/.test(line))).toBe(true);
  });

  // A hostile CI run: dup.yaml in two folders gave "✗ dup  not built" and "✓ dup", with nothing to tell them apart.
  it("is named with its file when refused for an id another file of the same name has", async () => {
    project = new TempProject();
    const memo = project.read("briefs/tram-memo.yaml");
    project.remove("briefs/tram-memo.yaml");
    for (const team of ["team-a", "team-b"]) mkdirSync(project.path(`briefs/${team}`));
    project.write("briefs/team-a/dup.yaml", memo);
    project.write("briefs/team-b/dup.yaml", memo);
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    const lines = run.stdout.split("\n").filter((line) => /^[✓✗] dup/.test(line));
    expect(lines.some((line) => line.startsWith("✓ dup "))).toBe(true);
    expect(lines.some((line) => /^✗ dup \(briefs\/team-[ab]\/dup\.yaml\)\s+not built/.test(line))).toBe(true);
  });
});

// A hostile CI run: a brief whose id: is not its file's name could not be named by that id on the command line, and
// the hint offered file names, even the one typed ("did you mean "Upper"?").
describe("a brief named on the command line by the id its file sets", () => {
  it("is found by that id, and a miss is offered the ids there are", async () => {
    project = new TempProject();
    project.write("briefs/Upper.yaml", `id: upper-one\n${project.read("briefs/tram-memo.yaml")}`);
    project.remove("briefs/tram-memo.yaml");
    const found = await runCli(["validate", "upper-one"], { cwd: project.dir });
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("1 brief");
    const missed = await runCli(["validate", "Upper"], { cwd: project.dir });
    expect(missed.stderr).toContain('there is no brief file, folder or brief id "Upper"');
    expect(missed.stderr).toContain('did you mean "upper-one"?');
  });
});
