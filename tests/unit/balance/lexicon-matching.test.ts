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
  const terms = ["likely", "unlikely", "may", "may well", "can", "can be", "Almost certainly", "x-ray", "é"];

  it("finds whole words only: not after a letter, a digit or a hyphen, whatever follows", () => {
    const found = findTerms("Unlikely, 2may, re-may, 𝐀may, may be; can bet; it may well.", terms).map((m) => m.term);
    expect(found).toEqual(["unlikely", "may", "can", "may well"]);
  });

  it("finds what a lookbehind in the pattern finds, in any text", () => {
    const pieces = fc.constantFrom(...terms, "un", "-", " ", "  ", "\n", "2", "a", "𝐀", "É", "bet", ".", "’", "MAY", "Can Be");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        expect(findTerms(text, terms)).toEqual(byLookbehind(text, terms));
      }),
      { numRuns: 2000 },
    );
  });
});
