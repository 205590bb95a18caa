import { describe, expect, it } from "vitest";
import { cssString } from "../../../src/render/css.js";

describe("cssString", () => {
  it("cannot be broken out of", () => {
    const value = cssString('"; } body { display: none } </style><script>x</script>');
    expect(value.slice(1, -1)).not.toMatch(/["<>{};]/);
  });

  it("keeps plain text readable", () => {
    expect(cssString("SECRET 2")).toBe('"SECRET 2"');
    expect(cssString("é")).toBe('"\\e9 "');
  });
});
