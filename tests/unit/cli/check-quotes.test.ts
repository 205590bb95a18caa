import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile run: with one source's text gone, brief check said "Quotes: 9 of 9 verbatim", though that source's quotes
// were never compared with anything (one of them invented).
describe("brief check's count of verbatim quotes", () => {
  it("leaves out the quotes of a source whose text could not be read, and says how many", async () => {
    project = new TempProject();
    const whole = (await runCli(["check"], { cwd: project.dir })).stdout;
    const [, verbatim, total] = /Quotes: (\d+) of (\d+) verbatim/.exec(whole)!;
    expect(verbatim).toBe(total);
    rmSync(project.path("sources/transit/texts/council-hearing.txt"));
    const run = await runCli(["check"], { cwd: project.dir });
    expect(run.code).toBe(1);
    const line = run.stdout.split("\n").find((l) => l.startsWith("Quotes:"))!;
    const [, left, all, unchecked] = /Quotes: (\d+) of (\d+) verbatim in the paragraph their locator names; (\d+) not checked, their source's text not read/.exec(line)!;
    expect(all).toBe(total);
    expect(Number(left) + Number(unchecked)).toBe(Number(total));
    expect(Number(unchecked)).toBeGreaterThan(0);
  });
});
