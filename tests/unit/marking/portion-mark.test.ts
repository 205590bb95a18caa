import { describe, expect, it } from "vitest";
import { explicitPortionMark, portionMarkOf } from "../../../src/marking/portion-mark.js";

describe("portion marks from a banner marking", () => {
  it.each([
    ["UNCLASSIFIED", "(U)"],
    ["CONFIDENTIAL", "(C)"],
    ["SECRET", "(S)"],
    ["TOP SECRET", "(TS)"],
    ["CUI", "(CUI)"],
    ["CONTROLLED", "(CUI)"],
    ["CONTROLLED UNCLASSIFIED INFORMATION", "(CUI)"],
    ["UNCLASSIFIED//FOR OFFICIAL USE ONLY", "(U//FOUO)"],
    ["UNCLASSIFIED//FOUO", "(U//FOUO)"],
    ["SECRET//NOFORN", "(S//NF)"],
    ["TOP SECRET//SI/TK//NOFORN", "(TS//SI/TK//NF)"],
    ["SECRET//REL TO USA, GBR", "(S//REL TO USA, GBR)"],
    ["CONFIDENTIAL//ORCON", "(C//OC)"],
    ["UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE", "(U//LES)"],
    ["CUI//SP-PRVCY", "(CUI//SP-PRVCY)"],
    ["CUI//SP-PRVCY//NOFORN", "(CUI//SP-PRVCY//NF)"],
    ["secret // noforn", "(S//NF)"],
    ["  Unclassified  ", "(U)"],
  ])("%s → %s", (marking, mark) => {
    expect(portionMarkOf(marking)).toBe(mark);
  });

  it.each(["FOR TRAINING USE ONLY", "OFFICIAL-SENSITIVE", "SECRET//MADE UP CONTROL", "SECRET//", "UNCLASSIFIED//SP-PRVCY", ""])("does not guess at %j", (marking) => {
    expect(portionMarkOf(marking)).toBeUndefined();
  });

  it("prints a mark the brief names in parentheses, written with or without them", () => {
    expect(explicitPortionMark("OS")).toBe("(OS)");
    expect(explicitPortionMark("(U//FOUO)")).toBe("(U//FOUO)");
  });
});
