import { createContext, runInContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTerms } from "../../../src/balance/lexicon.js";
import { phrasePattern } from "../../../src/text/phrases.js";

/** What findTerms finds, as the one pattern with a lookbehind it once was found it. */
function byLookbehind(text: string, terms: readonly string[]) {
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${ordered.map(phrasePattern).join("|")})(?![\\p{L}\\p{N}-])`, "giu");
  return [...text.matchAll(pattern)].map((m) => ({ term: m[0].toLowerCase().replace(/\s+/g, " "), index: m.index, length: m[0].length }));
}

describe("finding the word lists' terms", () => {
  const terms = ["likely", "unlikely", "may", "may well", "can", "can be", "Almost certainly", "x-ray", "é", "👍", "𝐀b"];
  /** findTerms with a time limit, so that a search that never ends fails the test rather than hang the run. */
  const sandbox = createContext({ findTerms, terms, text: "" });
  const findWithin2s = (text: string): unknown => {
    sandbox.text = text;
    return runInContext("findTerms(text, terms)", sandbox, { timeout: 2_000 });
  };

  it("finds whole words only: not after a letter, a digit or a hyphen, whatever follows", () => {
    const found = findTerms("Unlikely, 2may, re-may, 𝐀may, may be; can bet; it may well.", terms).map((m) => m.term);
    expect(found).toEqual(["unlikely", "may", "can", "may well"]);
  });

  // Regression: a term that starts with a character written as a surrogate pair, found right after a letter, was
  // passed over by one code unit, and the search found it again, for ever.
  it("passes over a term after a letter when the term starts with a surrogate pair", () => {
    expect(findWithin2s("not👍 ok 👍")).toEqual([{ term: "👍", index: 9, length: 2 }]);
  });

  it("finds what a lookbehind in the pattern finds, in any text", () => {
    const pieces = fc.constantFrom(...terms, "un", "-", " ", "  ", "\n", "2", "a", "𝐀", "É", "bet", ".", "’", "MAY", "Can Be");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        expect(findWithin2s(text)).toEqual(byLookbehind(text, terms));
      }),
      { numRuns: 2000 },
    );
  });
});
