import { describe, expect, it } from "vitest";
import { figuresInProse } from "../../../src/check/figures.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

const figures = (text: string) => figuresInProse(text).map((f) => `${f.kind} ${f.figure}`);

// A staffer's memo printed her own "exceeded the legal limit in 4 of the last 5 years" and "41 cyclists were seriously
// injured…" at the start of a sentence, without a word from validate; her boss would red-pen both.
describe("figures in an extract's own words", () => {
  it("finds a sentence that opens with a figure, and a count under ten in running prose", () => {
    expect(figures("41 cyclists were seriously injured on the ring road.")).toEqual(["starts-sentence 41"]);
    expect(figures("Air quality exceeded the legal limit in 4 of the last 5 years.")).toEqual(["small-count 4", "small-count 5"]);
    // A review: a capitalised word that opens the text or a sentence names no numbered thing.
    expect(figures("In 4 of the last 5 years the limit was passed.")).toEqual(["small-count 4", "small-count 5"]);
    expect(figures("The vote was close. Only 2 councillors abstained.")).toEqual(["small-count 2"]);
    expect(figures("The charge paid for itself. 2015 saw the first surplus.")).toEqual(["starts-sentence 2015"]);
  });

  it("leaves figures where style keeps them", () => {
    for (const text of [
      "Trade fell by 30 per cent in 2015.",
      "Trade fell by 3% in the first quarter.",
      "The scheme cost £5 million over 15 years and raised $2 billion.",
      "Footfall recovered within 10 years, by 12 March 2024.",
      "The hearing on 5 May heard 2.5 hours of evidence from 9 a.m.",
      "Paragraph 4 and para. 5 of the report, and Zone 3, disagree.",
      "The G7 and the 2014–2015 talks, and 3–4 stops, were discussed.",
      "Buses ran every 7 minutes on Line 4 at 8 km an hour.",
      "The council said “4 of 5 shops” were closed, in the owners' words.",
      "The board voted on Jan. 6, and para. 4 says so.",
      "A 5 cm rise, 2 GW of wind and 5 bcm a year were promised.",
    ]) {
      expect(figures(text), text).toEqual([]);
    }
  });
});

describe("brief check and validate", () => {
  it("warn of a count written as a figure in a claim, with a caret under it", async () => {
    const project = new TempProject();
    try {
      project.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear that a long street closure would ruin them.", "text: Shopkeepers fear that a closure of 4 months would ruin them.");
      const run = await runCli(["check"], { cwd: project.dir });
      const lines = run.stderr.split("\n");
      const at = lines.findIndex((line) => line.includes("warning EXTRACT_TEXT_FIGURE"));
      expect(lines[at]).toMatch(/^sources\/transit\/corpus\.yaml:\d+:\d+: warning EXTRACT_TEXT_FIGURE: the text of claim "[a-z-]+" writes 4 as a figure, where prose has words$/);
      expect(lines[at + 2]!.replace(/^\s*\|\s*/, "")).toBe("^");
      expect(lines.slice(at, at + 5).find((line) => line.trim().startsWith("hint:"))).toContain("(four)");
    } finally {
      project.dispose();
    }
  });
});
