import { describe, expect, it } from "vitest";
import { Id } from "../../../src/schema/extract.js";

// A CI engineer's test: a 100-character id of good characters was told "an id is lower-case letters, digits and
// single hyphens", and never that it was too long.
describe("an id too long", () => {
  it("is told the length an id may have", () => {
    const result = Id.safeParse("a".repeat(100));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("at most 64 characters");
    expect(Id.safeParse("a".repeat(64)).success).toBe(true);
  });
});
