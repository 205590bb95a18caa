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
});
