import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLexicon } from "../../../src/balance/lexicon.js";
import { ParsedYamlCache } from "../../../src/load/parsed-yaml-cache.js";
import { lexiconPath } from "../../../src/load/package-files.js";

const text = readFileSync(lexiconPath, "utf8");

describe("the word lists through the build's parse cache", () => {
  it("are parsed once, and taken from the cache after", () => {
    const first = ParsedYamlCache.empty("code-1");
    const lexicon = parseLexicon(text, lexiconPath, first);
    expect(first.changed).toBe(true);
    // A text the cache holds is not parsed: shown by one that is not YAML at all, whose data the cache says it has.
    const next = ParsedYamlCache.empty("code-1");
    next.remember("tilt: [unclosed", lexicon);
    expect(parseLexicon("tilt: [unclosed", lexiconPath, next)).toEqual(lexicon);
  });

  it("are still checked against their shape when they come from the cache", () => {
    const cache = ParsedYamlCache.empty("code-1");
    cache.remember("tilt: {}", { tilt: {} });
    expect(() => parseLexicon("tilt: {}", lexiconPath, cache)).toThrow(expect.objectContaining({ code: "LEXICON_INVALID" }));
  });

  it("that are not valid are not kept", () => {
    const cache = ParsedYamlCache.empty("code-1");
    expect(() => parseLexicon("tilt: {}", lexiconPath, cache)).toThrow(expect.objectContaining({ code: "LEXICON_INVALID" }));
    expect(cache.changed).toBe(false);
  });
});
