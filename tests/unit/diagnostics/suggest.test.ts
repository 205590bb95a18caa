import { describe, expect, it } from "vitest";
import { closestMatch, editDistance, suggestionHint } from "../../../src/diagnostics/suggest.js";

describe("suggestions", () => {
  it("measures edit distance", () => {
    expect(editDistance("central-asia", "centrl-asia")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests a close id and nothing for an unrelated one", () => {
    expect(closestMatch("centrl-asia", ["alliance", "central-asia"])).toBe("central-asia");
    expect(closestMatch("zzzz", ["alliance", "central-asia"])).toBeUndefined();
  });

  it("lists every allowed value when nothing is close", () => {
    expect(suggestionHint("pdf", ["memo", "handout", "one-pager"], "template")).toBe(
      'allowed templates: "memo", "handout", "one-pager"',
    );
    expect(suggestionHint("mem", ["memo", "handout"])).toBe('did you mean "memo"?');
  });
});
