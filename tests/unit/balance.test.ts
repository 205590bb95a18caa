import { describe, expect, it } from "vitest";
import { countWords, measureBalance } from "../../src/balance.js";
import { selectBrief } from "../../src/select.js";
import { makeBrief, makeExtract } from "../helpers/fixtures.js";

const options = { buildDate: "2026-01-15" };

describe("measureBalance", () => {
  it("counts claims, words and shares per viewpoint", () => {
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), makeExtract(), options));
    const [yes, no] = report.themes[0]!.viewpoints.slice().sort((a, b) => a.id.localeCompare(b.id)).reverse();
    expect(yes).toMatchObject({ id: "yes", claims: 3, words: 15, sources: 2, perspectives: 2 });
    expect(no).toMatchObject({ id: "no", claims: 1, words: 9 });
    expect(no!.share).toBeCloseTo(9 / 24);
    expect(no!.fairShareRatio).toBeCloseTo(0.75);
  });

  it("flags a viewpoint under 0.8 of its fair share as underweight, as a warning", () => {
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), makeExtract(), options));
    expect(report.verdict).toBe("balanced");
    expect(report.problems).toEqual([expect.objectContaining({ severity: "warning", code: "UNDERWEIGHT_VIEWPOINT", viewpointId: "no" })]);
  });

  it("refuses a one-sided brief", () => {
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["yes"] }), makeExtract(), options));
    expect(report.verdict).toBe("unbalanced");
    expect(report.problems[0]).toMatchObject({ severity: "error", code: "MISSING_VIEWPOINT", themeId: "t1" });
  });

  it("refuses a viewpoint with no claim, unless the theme's coverage note explains it", () => {
    const extract = makeExtract();
    const withoutNo = { ...extract, claims: extract.claims.filter((c) => c.viewpoint !== "no") };
    const brief = makeBrief({ themes: ["t1"] });
    expect(measureBalance(selectBrief(brief, withoutNo, options)).verdict).toBe("unbalanced");
    const explained = { ...withoutNo, themes: withoutNo.themes.map((t) => ({ ...t, coverage_note: "Only one side is argued." })) };
    const report = measureBalance(selectBrief(brief, explained, options));
    expect(report.verdict).toBe("balanced");
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: "warning", code: "EMPTY_VIEWPOINT" }));
  });
});

describe("countWords", () => {
  it("ignores Markdown markup and punctuation-only tokens", () => {
    expect(countWords("**Bold** claim — with a [link](https://x.org).")).toBe(5);
  });
});
