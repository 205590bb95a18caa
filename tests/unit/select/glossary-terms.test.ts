import { describe, expect, it } from "vitest";
import { termsUsed } from "../../../src/select/glossary.js";

const entry = (term: string) => ({ term, definition: "D." });
const used = (terms: string[], ...texts: string[]) => termsUsed(terms.map(entry), texts).map((e) => e.term);

describe("termsUsed", () => {
  it("finds a name in any case, across line breaks and runs of spaces, and with either apostrophe", () => {
    expect(used(["swing power / swing state"], "Russia as a Swing\n  State in Asia")).toEqual(["swing power / swing state"]);
    expect(used(["China's Silk Road initiative"], "under China’s  Silk Road Initiative")).toEqual(["China's Silk Road initiative"]);
    expect(used(["pivot to Asia"], "the “Pivot to Asia” was")).toEqual(["pivot to Asia"]);
  });

  it("finds a name in the plural or possessive, and not inside another word", () => {
    expect(used(["sanction"], "new sanctions were")).toEqual(["sanction"]);
    expect(used(["sanction"], "the sanction’s reach")).toEqual(["sanction"]);
    expect(used(["crash"], "two crashes")).toEqual(["crash"]);
    expect(used(["sanction"], "sanctioned firms", "unsanctioned")).toEqual([]);
    expect(used(["Silk Road initiative"], "two Silk Road initiatives")).toEqual(["Silk Road initiative"]);
    expect(used(["Far East"], "far from the East", "East, far")).toEqual([]);
    expect(used(["U.S. (United States)"], "U.S. policy")).toEqual(["U.S. (United States)"]);
    expect(used(["SCO (Shanghai Cooperation Organization)"], "the SCOs", "SCO's summit")).toEqual(["SCO (Shanghai Cooperation Organization)"]);
    expect(used(["SCO (Shanghai Cooperation Organization)"], "the scope of it, the TASCO deal")).toEqual([]);
  });

  it("matches an acronym as written, other names in any case, with digits and hyphens", () => {
    expect(used(["SCO (Shanghai Cooperation Organization)"], "the sco")).toEqual([]);
    expect(used(["SCO (Shanghai Cooperation Organization)"], "the shanghai cooperation organization")).toEqual(["SCO (Shanghai Cooperation Organization)"]);
    expect(used(["G7"], "at the G7 summit")).toEqual(["G7"]);
    expect(used(["G7"], "at the G77 summit")).toEqual([]);
    expect(used(["Sino-Russian partnership"], "a Sino-Russian partnership", "Sino Russian partnership")).toEqual(["Sino-Russian partnership"]);
    expect(used(["2+2 talks"], "the 2+2 talks")).toEqual(["2+2 talks"]);
  });

  it("looks in every text of the document, each entry once, in the glossary's order", () => {
    expect(used(["beta", "alpha", "gamma"], "Alpha and", "beta", "alpha again")).toEqual(["beta", "alpha"]);
  });
});
