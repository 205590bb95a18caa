import { readFileSync, statSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { pdfReadingText, runBriefProcess, tool } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";

/** The real CLI on a throwaway project about another topic: user errors, exit codes, earlier output kept. */
describe("brief build on a project of its own", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.dispose());

  it("builds a corpus on another topic with no code change", async () => {
    project = new TempProject();
    const run = await runBriefProcess(["build"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3 briefs built");
    const text = await pdfReadingText(project.path("output/tram-memo.pdf"));
    expect(text).toContain("Should Riverside extend the tram?");
    expect(text).toContain("small shops cannot survive two years of detours");
    expect(await tool("pdfinfo", [project.path("output/tram-one-pager.pdf")])).toMatch(/Pages:\s+1\n/);
  });

  it("a misspelt theme exits 1 with file:line:col and a suggestion, and leaves earlier output as it was", async () => {
    project = new TempProject();
    expect((await runBriefProcess(["build"], { cwd: project.dir })).code).toBe(0);
    const before = readFileSync(project.path("output/tram-memo.pdf"));
    const mtime = statSync(project.path("output/tram-memo.pdf")).mtimeMs;
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes: [worth-buildng]\n");
    const run = await runBriefProcess(["build"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('briefs/tram-memo.yaml:4:10: error BRIEF_UNKNOWN_THEME: corpus "transit" has no theme "worth-buildng"');
    expect(run.stderr).toContain('hint: did you mean "worth-building"?');
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stdout).toMatch(/✗ tram-memo\s+not built: invalid/);
    expect(run.stdout).toContain("0 briefs built, 2 unchanged, 1 not built");
    expect(readFileSync(project.path("output/tram-memo.pdf")).equals(before)).toBe(true);
    expect(statSync(project.path("output/tram-memo.pdf")).mtimeMs).toBe(mtime);
  });

  it("a misquoted claim is caught with its location, and no brief of that corpus is built", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "optimistic at best", "optimistic at worst");
    const run = await runBriefProcess(["build"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sources\/transit\/corpus\.yaml:\d+:\d+: error EXTRACT_MISQUOTE/);
    expect(run.stdout).toContain("0 briefs built, 3 not built");
  });

  it("a one-sided brief is refused as unbalanced", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nviewpoints: [build-it]\n");
    const run = await runBriefProcess(["build", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("briefs/tram-memo.yaml:4:1: error BALANCE_MISSING_VIEWPOINT");
    expect(run.stderr).toContain('error BALANCE_MISSING_VIEWPOINT: theme "worth-building" shows 1 of its 2 viewpoints; a balanced brief shows at least two');
    expect(run.stderr).toContain("claims in the extract that would fix it: against-shops (10 words), against-cost (13 words)");
    expect(run.stdout).toMatch(/✗ tram-memo\s+not built: unbalanced/);
  });

  it("the same one-sided brief builds under the warn policy, and reports the problem", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nviewpoints: [build-it]\nbalance: warn\n");
    const run = await runBriefProcess(["build", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ tram-memo\s+\d+ pages?\s+\d+ ms\s+unbalanced \(warn, \d+ notes?\)/);
    const text = await pdfReadingText(project.path("output/tram-memo.pdf"));
    expect(text).toContain("Balance note");
    expect(text).toContain("shows 1 of its 2 viewpoints");
  });

  it("a missing browser is a clear error that says how to get one", async () => {
    project = new TempProject();
    const run = await runBriefProcess(["build", "--browser", "/nonexistent/chrome"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error BROWSER_NOT_FOUND");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
