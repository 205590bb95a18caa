import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A trainer read "balanced (strict, 17 notes)" as the handout's endnotes: they are balance warnings, which brief
// balance lists.
describe("a brief's line in brief build", () => {
  it("counts its balance warnings as warnings", async () => {
    project = new TempProject();
    const built = await runCli(["build", "briefs/tram-memo.yaml", "--format", "html"], { cwd: project.dir });
    const line = built.stdout.split("\n").find((l) => l.includes("tram-memo"));
    expect(line).toMatch(/balanced \((strict|warn), (a|one|\d+) balance warnings?\)/);
    expect(line).not.toMatch(/\bnotes?\b/);
  });
});
