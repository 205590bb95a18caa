import { describe, expect, it } from "vitest";
import { bannerRules, cssString } from "../../../src/render/css.js";

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

// A CI engineer's test: a 70-character CUI banner ran past the page's edge and was cut off, top and bottom.
describe("bannerRules", () => {
  it("leaves a marking that fits its box as it was", () => {
    expect(bannerRules("UNCLASSIFIED")).toBe('@top-center { content: "UNCLASSIFIED"; }\n  @bottom-center { content: "UNCLASSIFIED"; }');
  });

  it("sets a long marking on lines broken after a \"//\", in a wider box, with the title and date beside it narrowed", () => {
    const rules = bannerRules("CONTROLLED UNCLASSIFIED INFORMATION//SP-PRVCY//SP-LEI//FEDCON//DL ONLY");
    // The lines, as the CSS string holds them: "\a " is the line break between them.
    expect(rules).toContain(`content: ${cssString("CONTROLLED UNCLASSIFIED INFORMATION//\nSP-PRVCY//SP-LEI//FEDCON//DL ONLY")};`);
    expect(rules).toMatch(/@top-center \{[^}]*width: 66%[^}]*white-space: pre;/);
    expect(rules).toContain("@top-left { width: 17%; }");
  });

  it("breaks a long marking without \"//\" between its words", () => {
    expect(bannerRules("A VERY LONG MARKING WITHOUT ANY DOUBLE SLASHES AT ALL IN IT NOW")).toContain(cssString("A VERY LONG MARKING WITHOUT ANY DOUBLE\nSLASHES AT ALL IN IT NOW"));
  });
});
