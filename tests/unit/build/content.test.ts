import { describe, expect, it } from "vitest";
import { changesBetween } from "../../../src/build/content.js";

const none = { added: [], removed: [], revised: [] };

describe("changesBetween", () => {
  it("tells claims and facts added, removed and revised by id, and other wording by the frame", () => {
    const before = { claims: { a: "1111111111111111", b: "2222222222222222" }, facts: { f: "3333333333333333" }, html: "aaaaaaaaaaaaaaaa", frame: "bbbbbbbbbbbbbbbb" };
    const after = { claims: { b: "2222222222222299", c: "4444444444444444" }, facts: { f: "3333333333333333" }, html: "cccccccccccccccc", frame: "bbbbbbbbbbbbbbbb" };
    expect(changesBetween(before, after)).toEqual({ claims: { added: ["c"], removed: ["a"], revised: ["b"] }, facts: none, other: false });
    expect(changesBetween(before, { ...after, frame: "dddddddddddddddd" }).other).toBe(true);
  });

  // A second review: two claims swapped, and a third revised beside them, was said only as the revision.
  it("says claims in another order as other wording, but not a claim added among them", () => {
    const before = { claims: { a: "1111111111111111", b: "2222222222222222", c: "3333333333333333" }, facts: {}, html: "aaaaaaaaaaaaaaaa", frame: "bbbbbbbbbbbbbbbb" };
    const swapped = { ...before, claims: { b: "2222222222222222", a: "1111111111111111", c: "3333333333333399" }, html: "cccccccccccccccc" };
    expect(changesBetween(before, swapped)).toEqual({ claims: { added: [], removed: [], revised: ["c"] }, facts: none, other: true });
    const added = { ...before, claims: { a: "1111111111111111", d: "4444444444444444", b: "2222222222222222", c: "3333333333333333" }, html: "cccccccccccccccc" };
    expect(changesBetween(before, added)).toEqual({ claims: { added: ["d"], removed: [], revised: [] }, facts: none, other: false });
  });

  it("with a manifest written before frames were recorded, which listed and hashed otherwise, claims no claim or fact changed", () => {
    const before = { claims: { a: "1111111111111111", b: "2222222222222222" }, facts: { f: "3333333333333333" }, html: "aaaaaaaaaaaaaaaa" };
    const after = { claims: { a: "9999999999999999" }, facts: {}, html: "cccccccccccccccc", frame: "bbbbbbbbbbbbbbbb" };
    // Every hash differs, and claims and facts it listed are not printed: none is said to be revised or removed.
    expect(changesBetween(before, after)).toEqual({ claims: none, facts: none, other: true });
    expect(changesBetween(before, { ...after, html: "aaaaaaaaaaaaaaaa" })).toEqual({ claims: none, facts: none, other: false });
  });
});
