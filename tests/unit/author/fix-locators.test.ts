import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** brief check --fix (issue 13, item 4): wrong locators rewritten in place, nothing else touched. */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const corpusFile = "sources/transit/corpus.yaml";

describe("brief check --fix", () => {
  it("rewrites a wrong locator, keeps every comment and the layout, and prints the change", async () => {
    project = new TempProject();
    // Comments of every kind, and a wrong locator.
    project.replace(corpusFile, "claims:\n", "# Claims, one per argument heard.\nclaims:   # keep this comment\n");
    project.replace(corpusFile, "quote: optimistic at best\n    locator: 5", "quote: optimistic at best   # the engineer's words\n    locator: 4  # counted by hand, wrongly");
    const before = project.read(corpusFile);
    const fixed = await runCli(["check", "--fix", "--root", "."], { cwd: project.dir });
    expect(fixed.stdout).toMatch(/^sources\/transit\/corpus\.yaml:\d+: claim "against-cost": locator 4 → 5$/m);
    expect(fixed.code).toBe(0);
    const after = project.read(corpusFile);
    expect(after).toBe(before.replace("locator: 4  # counted by hand, wrongly", "locator: 5  # counted by hand, wrongly"));
    expect((await runCli(["validate", "--root", "."], { cwd: project.dir })).code).toBe(0);
  });

  it("never edits a quote, and leaves a locator whose quote is in no paragraph, or in several", async () => {
    project = new TempProject();
    project.replace(corpusFile, "small shops cannot survive", "small shops could not survive");
    // "the" is in several paragraphs: which one is meant is for a person to say.
    project.replace(corpusFile, "quote: optimistic at best\n    locator: 5", "quote: the\n    locator: 6");
    const before = project.read(corpusFile);
    const result = await runCli(["check", "--fix", "--root", "."], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("→");
    expect(project.read(corpusFile)).toBe(before);
    expect(result.stderr).toContain("EXTRACT_MISQUOTE");
    expect(result.stderr).toContain('the quote of claim "against-cost" is not in paragraph 6 of "council-hearing"; it is in paragraphs 1, 2, 3, 5');
    expect(result.stderr).toContain("hint: set locator: to the one you quote from, or quote more words, so that one paragraph alone has them");
  });
});
