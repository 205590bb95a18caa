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

  it("sets a long marking smaller, on even lines broken after a \"//\" or between a long control's words", () => {
    const rules = bannerRules("CONTROLLED UNCLASSIFIED INFORMATION//SP-PRVCY//SP-LEI//FEDCON//DL ONLY");
    // The lines, as the CSS string holds them: "\a " is the line break between them.
    expect(rules).toContain(`content: ${cssString("CONTROLLED UNCLASSIFIED\nINFORMATION//SP-PRVCY//\nSP-LEI//FEDCON//DL ONLY")};`);
    expect(rules).toMatch(/@top-center \{[^}]*font-size: 7.5pt;[^}]*white-space: pre;/);
    // A review: widening the banner's box cut the running title beside it mid-word.
    expect(rules).not.toMatch(/width|@top-left|@top-right/);
  });

  it("keeps a marking a little too long for its box on one line, in smaller type", () => {
    const rules = bannerRules("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
    expect(rules).toContain(`content: ${cssString("UNCLASSIFIED//FOR OFFICIAL USE ONLY")}; font-size: 7.0pt;`);
    expect(rules).not.toContain("white-space: pre");
  });

  it("leaves no control alone on a line of its own, and breaks within a control only at a space", () => {
    const rules = bannerRules("TOP SECRET//SI-G/TK//ORCON/NOFORN//REL TO USA, FVEY//FISA//LIMDIS//EXDIS//X1");
    expect(rules).toContain(cssString("TOP SECRET//SI-G/TK//\nORCON/NOFORN//\nREL TO USA, FVEY//\nFISA//LIMDIS//EXDIS//X1"));
    expect(bannerRules("A VERY LONG MARKING WITHOUT ANY DOUBLE SLASHES AT ALL IN IT NOW")).toContain(cssString("A VERY LONG MARKING\nWITHOUT ANY DOUBLE\nSLASHES AT ALL IN IT NOW"));
  });
});
