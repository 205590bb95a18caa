import { describe, expect, it } from "vitest";
import { chooseClaims, rotate } from "../../../src/select/choose-claims.js";
import { selectBrief } from "../../../src/select/select.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

const options = { buildDate: "2026-01-15" };

describe("selectBrief", () => {
  it("is deterministic: the same input gives the same model", () => {
    const extract = makeExtract();
    expect(selectBrief(makeBrief(), extract, options)).toEqual(selectBrief(makeBrief(), extract, options));
  });

  it("keeps the brief's theme order and rotates which viewpoint comes first", () => {
    const model = selectBrief(makeBrief({ themes: ["t2", "t1"] }), makeExtract(), options);
    expect(model.themes.map((t) => t.id)).toEqual(["t2", "t1"]);
    expect(model.themes[0]!.viewpoints.map((v) => v.id)).toEqual(["up", "down"]);
    expect(model.themes[1]!.viewpoints.map((v) => v.id)).toEqual(["no", "yes"]);
  });

  it("shows only the viewpoints a brief lists", () => {
    const model = selectBrief(makeBrief({ viewpoints: ["yes", "up", "down"] }), makeExtract(), options);
    expect(model.themes[0]!.viewpoints.map((v) => v.id)).toEqual(["yes"]);
    expect(model.themes[0]!.viewpointsInExtract).toBe(2);
  });

  it("attributes every claim to a perspective and a numbered source", () => {
    const model = selectBrief(makeBrief(), makeExtract(), options);
    const claim = model.themes[0]!.viewpoints[0]!.claims[0]!;
    expect(claim.perspective).toEqual({ id: "p1", label: "one expert" });
    expect(claim.source).toEqual({ id: "s1", number: 1, shortName: "One" });
    expect(model.sources.map((s) => [s.number, s.id, s.dateDisplay])).toEqual([
      [1, "s1", "1 May 2020"],
      [2, "s2", "undated"],
    ]);
    expect(model.sources[1]!.shortName).toBe("Pub Two");
  });

  it("orders facts by date, undated last, and marks a fact consistent with every view as non-diagnostic", () => {
    const model = selectBrief(makeBrief({ themes: ["t1"] }), makeExtract(), options);
    expect(model.facts.map((f) => f.id)).toEqual(["f-early", "f-late", "f-undated"]);
    expect(model.facts.map((f) => f.diagnostic)).toEqual([true, false, false]);
    expect(model.facts[2]!.bearings.map((b) => b.bearing)).toEqual(["neutral", "neutral"]);
  });

  it("uses the brief's date, else the build date, and formats it without the locale", () => {
    expect(selectBrief(makeBrief({ date: "2016-02-04" }), makeExtract(), options).dateDisplay).toBe("4 February 2016");
    expect(selectBrief(makeBrief(), makeExtract(), options).date).toBe("2026-01-15");
  });

  it("fills the template's default sections unless the brief lists its own", () => {
    expect(selectBrief(makeBrief(), makeExtract(), options).sections).toMatchObject({ bluf: true, glossary: false });
    expect(selectBrief(makeBrief({ sections: ["glossary"] }), makeExtract(), options).sections).toMatchObject({ bluf: false, glossary: true });
  });

  // A reader's test: a handout without a comparison section defined "G7", which only an indicator it did not print named.
  it("defines only terms the document prints: not those of indicators, facts or questions whose section it leaves out", () => {
    const extract = makeExtract({
      themes: makeExtract().themes.map((t) => (t.id === "t1" ? { ...t, indicators: ["Whether gamma rises."] } : t)),
      facts: makeExtract().facts.map((f) => (f.id === "f-late" ? { ...f, text: "Later fact on delta." } : f)),
      glossary: [
        { term: "gamma", definition: "G." },
        { term: "delta", definition: "D." },
      ],
    });
    const terms = (sections: string[]) => selectBrief(makeBrief({ template: "handout", themes: ["t1"], sections: [...sections, "glossary"] }), extract, options).glossary.map((g) => g.term);
    expect(terms(["comparison", "facts"])).toEqual(["delta", "gamma"]);
    expect(terms(["themes"])).toEqual([]);
  });

  it("sorts the glossary without regard to case", () => {
    expect(selectBrief(makeBrief({ glossary: "all" }), makeExtract(), options).glossary.map((g) => g.term)).toEqual(["Alpha", "beta"]);
  });
});

describe("chooseClaims", () => {
  it("spreads a per-viewpoint limit across sources before taking a second claim from one", () => {
    const yes = makeExtract().claims.filter((c) => c.viewpoint === "yes");
    expect(chooseClaims(yes, 2).map((c) => c.id)).toEqual(["y1", "y3"]);
    expect(chooseClaims(yes, 5).map((c) => c.id)).toEqual(["y1", "y2", "y3"]);
  });
});

describe("rotate", () => {
  it("rotates left and wraps", () => {
    expect(rotate([1, 2, 3], 1)).toEqual([2, 3, 1]);
    expect(rotate([1, 2, 3], 4)).toEqual([2, 3, 1]);
    expect(rotate([], 2)).toEqual([]);
  });
});

describe("chooseBalancedClaims", () => {
  it("evens out the words of each side while keeping claims from every source it had", async () => {
    const { chooseBalancedClaims } = await import("../../../src/select/choose-claims.js");
    const base = makeExtract().claims[0]!;
    const claim = (id: string, viewpoint: string, source: string, words: number) => ({ ...base, id, viewpoint, source, text: Array(words).fill("word").join(" ") });
    const yes = [claim("y-long", "yes", "s1", 40), claim("y-short", "yes", "s1", 10), claim("y-other", "yes", "s2", 12)];
    const no = [claim("n-a", "no", "s1", 11), claim("n-b", "no", "s2", 12), claim("n-c", "no", "s2", 30)];
    const [chosenYes, chosenNo] = chooseBalancedClaims([yes, no], 2);
    expect(chosenYes!.map((c) => c.id)).toEqual(["y-short", "y-other"]);
    expect(chosenNo!.map((c) => c.id)).toEqual(["n-a", "n-b"]);
    expect(chooseBalancedClaims([yes, no], 2)).toEqual([chosenYes, chosenNo]);
  });
});
