import { describe, expect, it } from "vitest";
import { parseYamlFile } from "../../../src/load/yaml-file.js";
import { checkBriefAgainstExtract, validateBriefFile } from "../../../src/validate/brief.js";
import { makeExtract } from "../../helpers/fixtures.js";

/** Validate a brief's YAML against the fixture extract: its own shape, then its references. */
function problems(yaml: string) {
  const { file } = parseYamlFile("briefs/b.yaml", `title: B\ncorpus: c\n${yaml}`);
  const validated = validateBriefFile(file, "b");
  const diagnostics = [...validated.diagnostics, ...(validated.brief ? checkBriefAgainstExtract(validated.brief, file, makeExtract()) : [])];
  return diagnostics.map((d) => ({ code: d.code, message: d.message, hint: d.hint, at: file.text.slice(d.span!.start, d.span!.end) }));
}

describe("steering a brief's claims", () => {
  it("names an unknown claim with the id it probably meant", () => {
    expect(problems("template: memo\ninclude_claims: [y-1]\n")).toEqual([
      { code: "BRIEF_UNKNOWN_CLAIM", message: 'corpus "c" has no claim "y-1"', hint: expect.stringContaining('did you mean "y1"?'), at: "y-1" },
    ]);
  });

  it("refuses a claim of a theme or viewpoint the brief does not show", () => {
    expect(problems("template: memo\nthemes: [t1]\nexclude_claims: [u1]\n")[0]).toMatchObject({
      code: "BRIEF_UNKNOWN_CLAIM",
      message: 'claim "u1" belongs to theme "t2", which this brief does not select',
    });
    expect(problems("template: memo\nthemes: [t1]\nviewpoints: [yes, no]\ninclude_claims: [y1]\n")).toEqual([]);
  });

  // A trainer's typo in one theme gave three errors: the theme's, with "did you mean", and one for each of its
  // viewpoints and claims, whose hint ("add it to themes") was not the fix.
  it("says a misspelt theme once: not again for the viewpoints and claims of the theme it meant", () => {
    expect(problems("template: memo\nthemes: [t-1, t2]\nviewpoints: [yes, no, up, down]\ninclude_claims: [y1]\n")).toEqual([
      { code: "BRIEF_UNKNOWN_THEME", message: 'corpus "c" has no theme "t-1"', hint: expect.stringContaining('did you mean "t1"?'), at: "t-1" },
    ]);
    // A theme simply not listed is still said of its viewpoints.
    expect(problems("template: memo\nthemes: [t2]\nviewpoints: [yes, up, down]\n").map((p) => p.code)).toEqual(["BRIEF_UNKNOWN_VIEWPOINT"]);
  });

  it("refuses a claim both included and excluded", () => {
    expect(problems("template: memo\ninclude_claims: [y1]\nexclude_claims: [y1]\n")[0]).toMatchObject({
      code: "BRIEF_INVALID_VALUE",
      message: expect.stringContaining('claim "y1" is both included and excluded'),
    });
  });
});

describe("sections a template cannot print", () => {
  it("refuses them with the reason and what the template can print", () => {
    const [problem] = problems("template: memo\nsections: [bluf, comparison]\n");
    expect(problem).toMatchObject({ code: "BRIEF_INVALID_VALUE", at: "comparison" });
    expect(problem!.message).toContain("a memo has no comparison section: a memo sets the views out in turn (themes); the side-by-side comparison table is a handout section");
    expect(problem!.message).toContain("it can print bluf, themes, facts, assumptions, questions, glossary, sources, balance");
    expect(problems("template: one-pager\nsections: [bluf, glossary]\n")[0]!.message).toContain("a one-pager has no room for a glossary");
  });

  it("refuses a section listed twice, and themes with comparison (the same claims twice)", () => {
    expect(problems("template: handout\nsections: [themes, themes]\n")[0]!.message).toContain("section themes is listed twice");
    expect(problems("template: handout\nsections: [themes, comparison]\n")[0]!.message).toContain("themes and comparison print the same claims");
  });

  it("accepts questions in a memo", () => {
    expect(problems("template: memo\nsections: [bluf, themes, questions]\nquestions: [Why now?]\n")).toEqual([]);
  });
});

describe("text the brief gives always has a section to print it", () => {
  it("refuses questions, an assessment or a recommendation that no section would print", () => {
    // Said at sections:, where the fix usually is (a trainer was pointed at her first question), once.
    expect(problems("template: memo\nsections: [bluf, themes]\nquestions: [Why now?]\n")).toEqual([
      { code: "BRIEF_INVALID_VALUE", message: "sections leaves out questions, so the questions this brief gives would not be printed", hint: "add questions to sections, or remove questions", at: "[bluf, themes]" },
    ]);
    expect(problems("template: memo\nsections: [themes]\nassessment: It is likely. We have low confidence.\n")[0]!.hint).toContain("add bluf to sections");
    expect(problems("template: one-pager\nquestions: [Why now?]\n")[0]!.message).toContain("a one-pager cannot print questions: a one-pager has no room for discussion questions");
  });

  // An author's test: glossary: all in a memo did nothing, without a word (the memo prints no glossary by default).
  it("prints a glossary for glossary: all when the brief lists no sections, and refuses it where none would print", async () => {
    const { selectBrief } = await import("../../../src/select/select.js");
    const { makeBrief } = await import("../../helpers/fixtures.js");
    const model = selectBrief(makeBrief({ glossary: "all" }), makeExtract(), { buildDate: "2026-01-15" });
    expect(model.sectionOrder).toEqual(["bluf", "themes", "facts", "assumptions", "glossary", "sources", "balance"]);
    expect(selectBrief(makeBrief({}), makeExtract(), { buildDate: "2026-01-15" }).sectionOrder).not.toContain("glossary");
    expect(problems("template: memo\nsections: [bluf, themes]\nglossary: all\n")[0]!.message).toBe("sections leaves out glossary, so the glossary this brief gives would not be printed");
    expect(problems("template: one-pager\nglossary: all\n")[0]!.message).toContain("a one-pager cannot print glossary");
    expect(problems("template: memo\nsections: [bluf, themes]\nglossary: used\n")).toEqual([]);
  });

  it("prints a memo's questions when the brief gives them and no sections", async () => {
    const { selectBrief } = await import("../../../src/select/select.js");
    const { makeBrief } = await import("../../helpers/fixtures.js");
    const model = selectBrief(makeBrief({ questions: ["Why now?"] }), makeExtract(), { buildDate: "2026-01-15" });
    expect(model.sectionOrder).toEqual(["bluf", "themes", "facts", "assumptions", "questions", "sources", "balance"]);
    expect(model.questions).toEqual(["Why now?"]);
  });
});
