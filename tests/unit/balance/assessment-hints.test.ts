import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A staffer writing about water tariffs was told, for an assessment without a likelihood, 'for example: "An
// alliance within five years is unlikely."': the example corpus's topic, in every project's hint.
describe("the hint for an assessment without a likelihood", () => {
  it("names the scale's words, in no topic of its own", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nassessment: The extension would lower car traffic. We have moderate confidence in this judgment.");
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const hint = validated.stderr.split("\n").find((line, i, lines) => lines[i - 3]?.includes("ASSESSMENT_WITHOUT_LIKELIHOOD") && line.trim().startsWith("hint:"));
    expect(hint).toBeDefined();
    expect(hint).toContain("roughly even chance");
    expect(hint).not.toMatch(/alliance/i);
  });
});
