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

  // One error per quote now for a locator past the source's end: the count of verbatim quotes still leaves it out.
  it("does not count a quote whose locator is past the source's end as verbatim where its locator says", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "quote: small shops cannot survive two years of detours\n    locator: 4", "quote: small shops cannot survive two years of detours\n    locator: 40");
    const run = await runCli(["check"], { cwd: project.dir });
    const [, verbatim, total] = /Quotes: (\d+) of (\d+) verbatim/.exec(run.stdout)!;
    expect(Number(verbatim)).toBe(Number(total) - 1);
  });
});
