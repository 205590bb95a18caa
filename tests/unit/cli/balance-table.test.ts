import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile run: the balance table said 0.69 of an equal share where the warning under it said 0.68 (the table
// rounded, the message rounded down, as it must: 0.799 against a threshold of 0.8 cannot read 0.80).
describe("brief balance's table", () => {
  it("gives a view's share of an equal share as its warning does", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", `${project.read("briefs/tram-memo.yaml")}exclude_claims: [build-payback]\nbalance: warn\n`);
    const run = await runCli(["balance", "tram-memo"], { cwd: project.dir });
    const table = /^\s+Build it\s+\S+\s+\d+\s+\d+%\s+(\d\.\d\d)\s/m.exec(run.stdout)?.[1];
    const message = /"build-it" of theme "worth-building" has \d+ of \d+ words \(\d+%\), (\d\.\d\d) of an equal share/.exec(run.stdout + run.stderr)?.[1];
    expect(table).toBeDefined();
    expect(table).toBe(message);
  });

  // A staffer's test: with space: proportional the table still headed its column "÷ equal" and said "underweight below
  // 0.8 of an equal share", though its figures were each share against the view's own due share.
  it("heads its column and its threshold by the share a view is due, with space: proportional", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", `${project.read("briefs/tram-memo.yaml")}space: proportional\nbalance: warn\n`);
    const run = await runCli(["balance", "tram-memo"], { cwd: project.dir });
    expect(run.stdout).toContain("underweight below 0.8 of its due share");
    expect(run.stdout).toContain("÷ due");
    expect(run.stdout).not.toContain("equal");
    const equal = await runCli(["balance", "tram-handout"], { cwd: project.dir });
    expect(equal.stdout).toContain("÷ equal");
  });
});
