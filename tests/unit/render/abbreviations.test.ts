import { describe, expect, it } from "vitest";
import { abbreviationsIn, spellOutAbbreviations } from "../../../src/render/abbreviations.js";
import { selectBrief } from "../../../src/select/select.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

const options = { buildDate: "2026-01-15" };
const glossary = [
  { term: "SCO (Shanghai Cooperation Organization)", definition: "A regional organisation." },
  { term: "Silk Road Economic Belt (SREB) / China's Silk Road initiative", definition: "China's overland corridor." },
  { term: "LNG (liquefied natural gas)", definition: "Gas cooled to liquid." },
  { term: "EU (European Union)", definition: "The union." },
  { term: "BRICS", definition: "A grouping with no long form here." },
];

function extractWith(texts: Record<string, string>) {
  const base = makeExtract({ glossary });
  return { ...base, claims: base.claims.map((c) => (texts[c.id] === undefined ? c : { ...c, text: texts[c.id]!, quote: `the SCO ${c.id}` })) };
}

const claimText = (model: ReturnType<typeof spellOutAbbreviations>, id: string) =>
  model.themes.flatMap((t) => t.viewpoints.flatMap((v) => v.claims)).find((c) => c.id === id)?.text;

// A reader's test: the Central Asia memo spoke of "the SCO" and "NATO" and printed no glossary; their names stood
// only in the notes, inside the sources' own words.
describe("abbreviations", () => {
  it("are read from the glossary's terms, whichever way round a term gives them", () => {
    expect(Object.fromEntries(abbreviationsIn(glossary))).toEqual({ SCO: "Shanghai Cooperation Organization", SREB: "Silk Road Economic Belt", LNG: "liquefied natural gas", EU: "European Union" });
  });

  it("are spelled out at their first use in our words, not again, never in a quotation, and not where the glossary is printed", () => {
    const extract = extractWith({
      y1: "Moscow works through the SCO, and an LNG deal.",
      y2: "The SCO again; the SCO’s members; the SREB–EU link.",
      n1: "The EU is wary.",
    });
    const memo = selectBrief(makeBrief({ themes: ["t1"] }), extract, options);
    const spelled = spellOutAbbreviations(memo);
    expect(claimText(spelled, "y1")).toBe("Moscow works through the Shanghai Cooperation Organization (SCO), and a liquefied natural gas (LNG) deal.");
    // SREB is used only in a compound: spelled out there, long forms first, as a standalone use is (a reader's test:
    // "the SREB–EEU link" stood unexplained in a memo and a one-pager). EU, met there first, is not spelled out again.
    expect(claimText(spelled, "y2")).toBe("The SCO again; the SCO’s members; the Silk Road Economic Belt–European Union (SREB–EU) link.");
    expect(claimText(spelled, "n1")).toBe("The EU is wary.");
    // Met first in a compound and only later in its long form, without the abbreviation: spelled out in the compound,
    // where the reader meets it (a reader's test: "the SREB–EEU link", the Silk Road Economic Belt named pages on).
    const later = spellOutAbbreviations(selectBrief(makeBrief({ themes: ["t1"] }), extractWith({ y1: "The SREB–EU link.", n1: "The Silk Road Economic Belt meets the European Union." }), options));
    expect(claimText(later, "y1")).toBe("The Silk Road Economic Belt–European Union (SREB–EU) link.");
    expect(claimText(later, "n1")).toBe("The Silk Road Economic Belt meets the European Union.");
    // And with a standalone use further on still: the compound, met first, is where it is spelled out, once (a review).
    const standaloneLater = spellOutAbbreviations(
      selectBrief(makeBrief({ themes: ["t1"] }), extractWith({ y1: "The SREB–EU link.", y2: "The Silk Road Economic Belt grows.", y3: "The SREB again." }), options),
    );
    expect(claimText(standaloneLater, "y1")).toBe("The Silk Road Economic Belt–European Union (SREB–EU) link.");
    expect(claimText(standaloneLater, "y3")).toBe("The SREB again.");
    // A second review: within one text too, the first meeting wins, once; and a phrase in quotation marks is left.
    const oneText = (text: string) => claimText(spellOutAbbreviations(selectBrief(makeBrief({ themes: ["t1"] }), extractWith({ y1: text }), options)), "y1");
    expect(oneText("The SREB–EU link; the EU is wary.")).toBe("The Silk Road Economic Belt–European Union (SREB–EU) link; the EU is wary.");
    expect(oneText("The SREB–EU link and the SREB.")).toBe("The Silk Road Economic Belt–European Union (SREB–EU) link and the SREB.");
    expect(oneText("The SREB–EU link; the Silk Road Economic Belt grows.")).toBe("The Silk Road Economic Belt–European Union (SREB–EU) link; the Silk Road Economic Belt grows.");
    // SREB explained before its use: the compound is spelled out for EU, every part in long form, as a compound is.
    expect(oneText("The Silk Road Economic Belt and the SREB–EU link.")).toBe("The Silk Road Economic Belt and the Silk Road Economic Belt–European Union (SREB–EU) link.");
    expect(oneText("They call it the “SREB–EU bridge”, and the SCO agrees.")).toBe("They call it the “SREB–EU bridge”, and the Shanghai Cooperation Organization (SCO) agrees.");
    // A compound whose every part was spelled out before is left as it is.
    const again = spellOutAbbreviations(selectBrief(makeBrief({ themes: ["t1"] }), extractWith({ y1: "Through the SREB and the EU.", y2: "The SREB–EU link." }), options));
    expect(claimText(again, "y2")).toBe("The SREB–EU link.");
    // The same claim object wherever the model lists it.
    const shown = spelled.themes[0]!.viewpoints.flatMap((v) => v.shownClaims).find((c) => c.id === "y1");
    expect(shown?.text).toBe(claimText(spelled, "y1"));
    expect(spelled.notes.map((n) => n.quote).every((q) => !q.includes("Shanghai"))).toBe(true);
    // A handout prints the glossary, which spells them out.
    const handout = selectBrief(makeBrief({ template: "handout", themes: ["t1"] }), extract, options);
    expect(spellOutAbbreviations(handout)).toBe(handout);
  });

  // A hostile author's test: "The SI laid in December" opened a memo's bottom line, and only a key fact further on
  // read "the Statutory Instrument (SI)". The bottom line is printed first: the office's own words are spelled out there.
  it("are spelled out in the bottom line's own words (summary, assessment, recommendation), which come first", () => {
    const extract = extractWith({ y1: "Moscow works through the SCO, and an LNG deal." });
    const memo = selectBrief(makeBrief({ themes: ["t1"], summary: "You asked about the SCO.", assessment: "We judge the LNG deal sound.", recommendation: "Watch the SCO." }), extract, options);
    const spelled = spellOutAbbreviations(memo);
    expect(spelled.summary).toBe("You asked about the Shanghai Cooperation Organization (SCO).");
    expect(spelled.assessment).toBe("We judge the liquefied natural gas (LNG) deal sound.");
    expect(spelled.recommendation).toBe("Watch the SCO.");
    expect(claimText(spelled, "y1")).toBe("Moscow works through the SCO, and an LNG deal.");
  });

  it("count as spelled out where a text already gives the long form", () => {
    const extract = extractWith({ y1: "The Shanghai Cooperation Organization meets.", y2: "The SCO acts." });
    const spelled = spellOutAbbreviations(selectBrief(makeBrief({ themes: ["t1"] }), extract, options));
    expect(claimText(spelled, "y2")).toBe("The SCO acts.");
  });
});
