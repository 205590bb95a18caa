import { afterEach, describe, expect, it } from "vitest";
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
});
