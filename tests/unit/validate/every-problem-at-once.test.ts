import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { repoRoot, runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** A brief with a malformed field (paper) and a misspelt theme and claim: three slips of different kinds. */
const slips = "title: Tram\ntemplate: memo\ncorpus: transit\nthemes: [worth-buildin]\nexclude_claims: [build-comutes]\npaper: Letterr\n";

// validate's help promises every problem at once, but a malformed field hid the brief's references to its corpus:
// the misspelt theme was said only once the paper size was mended, one run later.
describe("a brief with a malformed field", () => {
  it("still has what it names in its corpus checked: validate says all three slips in one run", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", slips);
    const run = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error BRIEF_INVALID_VALUE: paper is \"Letterr\"");
    expect(run.stderr).toContain('error BRIEF_UNKNOWN_THEME: corpus "transit" has no theme "worth-buildin"');
    expect(run.stderr).toContain('error BRIEF_UNKNOWN_CLAIM: corpus "transit" has no claim "build-comutes"');
    expect(run.stderr).toContain("1 brief, 1 corpus");
    expect(run.stderr).toContain("3 problems");
  });

  it("names an unknown corpus too", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", slips.replace("corpus: transit", "corpus: transet"));
    const run = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(run.stderr).toContain('error BRIEF_UNKNOWN_CORPUS: there is no corpus "transet"');
  });

  it("is refused by renderBrief with every slip among its diagnostics", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const error = await renderBrief(slips, corpus).then(
      () => undefined,
      (e: unknown) => e as BriefsmithError,
    );
    expect(error?.code).toBe("BRIEF_NOT_VALID");
    expect(error?.diagnostics.map((d) => d.code).sort()).toEqual(["BRIEF_INVALID_VALUE", "BRIEF_UNKNOWN_CLAIM", "BRIEF_UNKNOWN_THEME"]);
  });

  // Review: "theme:" misspelt left themes to its default, all, and the brief's viewpoints were checked against every
  // question: ten errors of a theme without a viewpoint beside the one that mattered.
  it("whose themes key is misspelt is not checked against every question", async () => {
    // The example corpus: eleven questions.
    const folder = mkdtempSync(join(tmpdir(), "misspelt-themes-"));
    try {
      cpSync(join(repoRoot, "sources"), join(folder, "sources"), { recursive: true });
      mkdirSync(join(folder, "briefs"));
      writeFileSync(join(folder, "briefs", "memo.yaml"), "title: T\ntemplate: memo\ncorpus: sino-russian\ntheme: [alliance]\nviewpoints: [alliance-quasi, alliance-limited]\n");
      const run = await runCli(["validate", "briefs/memo.yaml"], { cwd: folder });
      expect(run.stderr).toContain('error BRIEF_UNKNOWN_KEY: unknown key "theme"');
      expect(run.stderr).not.toContain("BRIEF_THEME_WITHOUT_VIEWPOINT");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
