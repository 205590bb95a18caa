import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * Snapshot tests of what a user sees for broken input: a worse message shows
 * up in review as a snapshot diff. Update with `npm run test:update`.
 */
const cases: Record<string, (project: TempProject) => void> = {
  "typo in a theme": (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes:\n  - worth-buildin\n"),
  "unknown key": (p) => p.replace("briefs/tram-memo.yaml", "to: The Mayor", "tittle: Duplicate\nto: The Mayor"),
  "bad YAML": (p) => p.replace("briefs/tram-memo.yaml", "from: Policy Unit", 'from: "Policy Unit'),
  "misquote": (p) => p.replace("sources/transit/corpus.yaml", "small shops cannot survive", "small shops could not survive"),
  "wrong locator": (p) => p.replace("sources/transit/corpus.yaml", "quote: optimistic at best\n    locator: 5", "quote: optimistic at best\n    locator: 4"),
  "missing source file": (p) => p.remove("sources/transit/texts/council-hearing.txt"),
  "unknown template": (p) => p.replace("briefs/tram-memo.yaml", "template: memo", "template: memoo"),
  "unknown corpus": (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit", "corpus: transti"),
  "duplicate key": (p) => p.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Mayor\nto: The Governor"),
  "tab indentation": (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes:\n\t- worth-building\n"),
  "viewpoint of an unselected theme": (p) => p.replace("sources/transit/corpus.yaml", "    viewpoint: build-it\n    source: council-hearing\n    perspective: supporters", "    viewpoint: build-itt\n    source: council-hearing\n    perspective: supporters"),
  "wrong types and a bad date": (p) => p.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2 April 2024\npaper: Legal\nclaims_per_viewpoint: two"),
};

describe("diagnostics for broken input", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.dispose());

  for (const [name, breakIt] of Object.entries(cases)) {
    it(name, async () => {
      project = new TempProject();
      breakIt(project);
      const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/internal error|    at /);
      expect(result.stderr.replaceAll(project.dir, "<project>")).toMatchSnapshot();
    });
  }

  it("a clean project validates with exit 0", async () => {
    project = new TempProject();
    const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("3 briefs, 1 corpus, 4 claims checked: no problems");
  });

  it("a misspelt theme prints the file, line and column, the line, and the suggestion", async () => {
    project = new TempProject();
    cases["typo in a theme"]!(project);
    const { stderr } = await runCli(["validate", "briefs/tram-memo.yaml", "--root", "."], { cwd: project.dir });
    expect(stderr).toContain('briefs/tram-memo.yaml:5:5: error BRIEF_UNKNOWN_THEME: corpus "transit" has no theme "worth-buildin"');
    expect(stderr).toContain("  5 |   - worth-buildin\n    |     ^^^^^^^^^^^^^");
    expect(stderr).toContain('hint: did you mean "worth-building"?');
  });

  it("a usage error exits 2", async () => {
    expect((await runCli(["validate", "--frobnicate"])).code).toBe(2);
    expect((await runCli(["frobnicate"])).stderr).toContain("unknown command");
  });
});
