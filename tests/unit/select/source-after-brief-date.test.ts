import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** A brief that cites a source published after its own date says what it could not have known then: the author is told where to look. */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

describe("a source dated after the brief", () => {
  it("is a warning at the brief's date: when the brief sets one; the gate lets the brief through", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-01-10");
    const run = await runCli(["balance", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(
      /^briefs\/tram-memo\.yaml:6:7: warning SELECT_SOURCE_AFTER_BRIEF_DATE: source "council-hearing" is dated 12 March 2024, after the brief's date \(10 January 2024\), and the brief cites it$/m,
    );
    expect(output).toContain("hint: a brief dated before a source it cites could not have known it; set its date: on or after the source's");
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(validated.code).toBe(0);
    expect(validated.stderr + validated.stdout).toContain("warning SELECT_SOURCE_AFTER_BRIEF_DATE");
    // Regression: it ended "no problems" under the warning it had just printed.
    expect(validated.stdout).toMatch(/checked: no errors, \d+ warnings?\n$/);
  });

  it("is a warning at the source's date when the brief sets none (it is dated the day it is built)", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02\n", "");
    project.replace("sources/transit/corpus.yaml", "    date: 2024-03-12\n", "    date: 2099-03-12\n");
    const output = Object.values(await runCli(["balance", "briefs/tram-memo.yaml"], { cwd: project.dir })).join("\n");
    expect(output).toMatch(/^sources\/transit\/corpus\.yaml:12:11: warning SELECT_SOURCE_AFTER_BRIEF_DATE: source "council-hearing" is dated 12 March 2099, after the brief's date \(15 January 2026\)/m);
    expect(output).toContain("hint: the brief sets no date:, so it takes the date it is built for (SOURCE_DATE_EPOCH's when it is set, else today's; a program may give renderBrief its own); correct the source's date if it is wrong");
  });

  // A developer's test: renderBrief given a date was told the brief "is dated when it is built (or by SOURCE_DATE_EPOCH)".
  it("tells a program that rendered with a date where that date came from", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02\n", "");
    const { loadCorpus, renderBrief } = await import("../../../src/index.js");
    const corpus = await loadCorpus(project.path("sources/transit"));
    const rendered = await renderBrief(project.read("briefs/tram-memo.yaml"), corpus, { date: "2024-01-10" });
    const warning = rendered.diagnostics.find((d) => d.code === "SELECT_SOURCE_AFTER_BRIEF_DATE");
    expect(warning?.message).toContain("after the brief's date (10 January 2024)");
    expect(warning?.hint).toContain("a program may give renderBrief its own");
    expect(warning?.hint).not.toContain("dated when it is built");
  });

  it("is not told of briefs dated on or after their sources", async () => {
    project = new TempProject();
    const output = Object.values(await runCli(["balance", "briefs"], { cwd: project.dir })).join("\n");
    expect(output).not.toContain("SELECT_SOURCE_AFTER_BRIEF_DATE");
  });
});
