import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** The line that reports the problem with `code` (and `also`) in a command's output, and the hint under it. */
function problemIn(output: string, code: string, also = "") {
  const lines = output.split("\n");
  const at = lines.findIndex((line) => line.includes(code) && line.includes(also));
  return { lines, at, hint: lines.slice(at, at + 5).find((line) => line.trim().startsWith("hint:")) };
}

// A staffer writing about water tariffs was told, for an assessment without a likelihood, 'for example: "An
// alliance within five years is unlikely."': the example corpus's topic, in every project's hint.
describe("the hint for an assessment without a likelihood", () => {
  it("names the scale's words, in no topic of its own", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nassessment: The extension would lower car traffic. We have moderate confidence in this judgment.");
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const { hint } = problemIn(validated.stderr, "ASSESSMENT_WITHOUT_LIKELIHOOD");
    expect(hint).toBeDefined();
    expect(hint).toContain("roughly even chance");
    expect(hint).not.toMatch(/alliance/i);
  });
});

// A trainer's handout showing one of a question's three views was told which claims "would fix it", by id and word
// count: the fix is a view to add to viewpoints:, and the hint now names those the brief leaves out.
describe("the hint for a question shown with one view", () => {
  it("names the views to add to viewpoints:, not claims", async () => {
    project = new TempProject();
    project.replace("briefs/tram-handout.yaml", "template: handout", "template: handout\nviewpoints: [build-it]");
    const validated = await runCli(["validate", "briefs/tram-handout.yaml"], { cwd: project.dir });
    const { at, hint } = problemIn(validated.stderr, "BALANCE_MISSING_VIEWPOINT");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(hint).toBe('  hint: add "do-not-build" to viewpoints');
  });
});

// A staffer's assessment written as a folded block (assessment: >-) was pointed at the ">-", not at its words.
describe("a problem in text written as a block", () => {
  it("is pointed at the text's first line, not at the block's indicator", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nassessment: >-\n  The extension would lower car traffic.\n  We have moderate confidence in this judgment.");
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const line = validated.stderr.split("\n").find((l) => l.includes("BALANCE_ASSESSMENT_WITHOUT_LIKELIHOOD"));
    const place = /^briefs\/tram-memo\.yaml:(\d+):(\d+):/.exec(line ?? "");
    const lines = project.read("briefs/tram-memo.yaml").split("\n");
    expect(lines[Number(place?.[1]) - 1]!.slice(Number(place?.[2]) - 1)).toBe("The extension would lower car traffic.");
  });
});

// A staffer's test: a loaded word in one claim ("insisted") was reported at the brief's themes: line, naming no claim;
// and a recommending "should" on the second line of a folded assessment was pointed at its first line, with the hint
// to "add a recommendation: section", which she added to sections:, which has none.
describe("a problem about one word", () => {
  /** The text of the project's file from where the problem with `code` points on, its caret line and its hint. */
  const pointedAt = (stderr: string, code: string) => {
    const { at, hint, lines } = problemIn(stderr, code);
    const place = /^([^:]+):(\d+):(\d+):/.exec(lines[at] ?? "");
    const line = place === null ? "" : project!.read(place[1]!).split("\n")[Number(place[2]) - 1]!;
    return { file: place?.[1], from: line.slice(Number(place?.[3]) - 1), caret: lines[at + 2] ?? "", hint };
  };
  /** The tram memo with `fields` after its date, validated: where the problem with `code` points, and its hint. */
  const memoWith = async (fields: string, code: string) => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", `date: 2024-04-02\n${fields}`);
    return pointedAt((await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir })).stderr, code);
  };

  it("in a claim is pointed at that word in the corpus, not at the brief", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear that a long street closure would ruin them.", "text: Shopkeepers insisted that a long street closure would ruin them.");
    const validated = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    const { file, from, caret } = pointedAt(validated.stderr, "BALANCE_TILTED_LANGUAGE");
    expect(file).toBe("sources/transit/corpus.yaml");
    expect(from).toMatch(/^insisted that/);
    expect(caret.replace(/^\s*\|\s*/, "")).toBe("^".repeat("insisted".length));
  });

  // A review: the caret went under the first "should" in the text, inside a quoted passage the check leaves aside.
  it("is pointed at the word the check found, not at the same word inside a quotation", async () => {
    const { from } = await memoWith(
      "summary: 'Officials say “we should wait”; the council should act. It is likely. We have moderate confidence in this judgment.'",
      "BALANCE_RECOMMENDATION_IN_SYNTHESIS",
    );
    expect(from).toMatch(/^should act/);
  });

  // A staffer's "The cabinet may possibly decide in June." on a summary's fourth line was pointed at the summary's
  // first line, with a hint about rows of a scale she had never heard of.
  it("off the likelihood scale, is pointed at that word, with a hint that offers the scale's words or leaving it out", async () => {
    const { from, hint } = await memoWith(
      "summary: >-\n  The council asked for the arguments on the extension.\n  The cabinet may possibly decide in June.",
      "BALANCE_OFF_SCALE_LIKELIHOOD",
    );
    expect(from).toMatch(/^possibly decide/);
    expect(hint).toContain('or leave "possibly" out');
    expect(hint).toContain("roughly even chance");
    expect(hint).not.toContain("row");
  });

  it("on a folded block's second line is pointed at that word, with a hint that names the field to add", async () => {
    const { from, hint } = await memoWith(
      "assessment: >-\n  The extension is likely to lower car traffic, and the council\n  should build it. We have moderate confidence in this judgment.",
      "BALANCE_RECOMMENDATION_IN_SYNTHESIS",
    );
    expect(from).toMatch(/^should build it/);
    expect(hint).toContain("a recommendation: field of its own");
    expect(hint).not.toContain("section");
  });
});

// A staffer's test: the view the weight of opinion lay with was underweight, and the hint said only "show fewer of the
// other sides' (a lower claims_per_viewpoint)": equal airtime, where the answer was room by weight.
describe("the hint for an underweight view the weight of opinion lies with", () => {
  it("offers room in proportion to the weight of opinion, space: proportional", async () => {
    project = new TempProject();
    const corpus = "sources/transit/corpus.yaml";
    project.replace(corpus, "text: Supporters expect shorter journeys to work for residents of the northern estates.", "text: Supporters expect shorter journeys to work for the many residents of the northern estates, who today change buses twice and spend most of an hour on the road each way.");
    project.replace(corpus, "text: An economist points to comparable lines that paid for themselves within fifteen years.", "text: An economist points to comparable lines in other cities of the same size that paid for themselves within fifteen years, as more people rode them each year.");
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-02\nbalance: warn");
    const run = await runCli(["balance", "tram-memo"], { cwd: project.dir });
    const { at, hint } = problemIn(run.stdout + run.stderr, "BALANCE_UNDERWEIGHT_VIEWPOINT", "do-not-build");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(hint).toContain("the weight of opinion in the sources leans toward this view: space: proportional gives each view room in proportion to it");
  });
});

