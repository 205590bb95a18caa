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
    expect(lines.some((line) => /^✗ tram-memo\s+not built/.test(line))).toBe(true);
  });
});
