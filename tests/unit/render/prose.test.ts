import { describe, expect, it } from "vitest";
import { countOf, joinWords, numberWord, runInHeading, runningTitle, sentenceCase } from "../../../src/text/prose.js";
import { quotation, quoteEnd, quoteLead, typographic, typographicMarkdown } from "../../../src/render/typography.js";
import { renderBlockMarkdown } from "../../../src/render/markdown.js";

describe("numbers and plurals in running text", () => {
  it("spells out one to nine and keeps figures from 10", () => {
    expect([0, 1, 7, 9, 10, 11, 1200].map(numberWord)).toEqual(["zero", "one", "seven", "nine", "10", "11", "1,200"]);
  });

  it("makes the noun agree with its count", () => {
    expect(countOf(1, "question")).toBe("one question");
    expect(countOf(3, "claim")).toBe("three claims");
    expect(countOf(12, "perspective")).toBe("12 perspectives");
    expect(countOf(2, "analysis")).toBe("two analyses");
    expect(countOf(0, "fact", { zero: "no" })).toBe("no facts");
  });

  it("joins a list with and, without a serial comma", () => {
    expect(joinWords(["a"])).toBe("a");
    expect(joinWords(["a", "b"])).toBe("a and b");
    expect(joinWords(["a", "b", "c"], "or")).toBe("a, b or c");
  });

  it("starts a note with a capital and runs a title in with a full stop unless it has its own mark", () => {
    expect(sentenceCase("workshop synopsis")).toBe("Workshop synopsis");
    expect(sentenceCase("“quoted” start")).toBe("“Quoted” start");
    expect(runInHeading("Central Asia")).toBe("Central Asia.");
    expect(runInHeading("Alliance or limited partnership?")).toBe("Alliance or limited partnership?");
  });
});

describe("the running header", () => {
  it("uses the short title when given, the title when it fits, else what comes before its colon, else cuts at a word boundary", () => {
    expect(runningTitle("Long title here", "Short")).toBe("Short");
    expect(runningTitle("A title that fits", undefined)).toBe("A title that fits");
    // Regression: every page's header read "Central Asia and energy: is Russia…".
    expect(runningTitle("Central Asia and energy: is Russia accommodating China or competing with it?", undefined)).toBe("Central Asia and energy");
    expect(runningTitle("Sino-Russian relations after Maidan: competing readings", undefined, 44)).toBe("Sino-Russian relations after Maidan");
    const cut = runningTitle("China and Russia, heading for an alliance or a limited partnership?", undefined, 40);
    // Nor on a word that leads into what was cut ("heading for an…"): a trainer's header read "… a partnership of…".
    expect(cut).toBe("China and Russia, heading…");
    expect(cut.length).toBeLessThanOrEqual(40);
    // No dangling punctuation before the ellipsis; a one-word lead before the colon says too little to stand alone.
    expect(runningTitle("Russia: heading for an alliance, or a limited partnership with China?", undefined, 40)).toBe("Russia: heading for an alliance…");
    expect(runningTitle("Money, pipelines and power in a partnership of unequal neighbours: what trade tells us", undefined)).toBe("Money, pipelines and power in a partnership…");
  });
});

describe("typography", () => {
  it("turns our straight quotes and apostrophes typographic", () => {
    expect(typographic(`Russia's "turn to the East" -- and 'more'`)).toBe("Russia’s “turn to the East” — and ‘more’");
  });

  it("keeps code spans and link targets of Markdown as typed", () => {
    expect(typographicMarkdown(`A "quote", \`"code"\` and [a link](https://example.org/it's)`)).toBe(
      "A “quote”, `\"code\"` and [a link](https://example.org/it's)",
    );
  });

  it("leaves a table's delimiter row, a rule and a heading's underline as typed: '--' there is Markdown, not a dash", () => {
    const markdown = ["| block | price |", "| --- | :---: |", "| 0-6 m3 | free -- for now |", "", "---", "", "Title", "---", "", "a | b", "--|--", "| only |", "|------|", "***", "___"].join("\n");
    const typed = typographicMarkdown(markdown).split("\n");
    expect(typed[1]).toBe("| --- | :---: |");
    expect(typed[2]).toBe("| 0-6 m3 | free — for now |");
    for (const index of [4, 7, 10, 12, 13, 14]) expect(typed[index]).toBe(markdown.split("\n")[index]);
    // A table in the summary renders as one, not as a paragraph of pipes and dashes.
    expect(renderBlockMarkdown(typographicMarkdown(markdown), undefined)).toContain("<table>");
  });

  // A reader's test: "…pulling the two together. “economics are viewed as a force …”" read as a broken sentence.
  it("leads into a quote that starts in lower case, and not into one that starts a sentence", () => {
    expect(quoteLead("economics are viewed as a force")).toBe("In the source’s words, ");
    expect(quoteLead("…economics are viewed")).toBe("In the source’s words, ");
    expect(quoteLead("Some proposed that they would cause great damage")).toBe("");
    expect(quoteLead("2014 was a turning point")).toBe("");
  });

  // A reader's test: "… bringing the two closer” (GMF workshop [1], para. 15)" ended the claim without a full stop.
  it("ends with a full stop after the citation a quote that does not end its sentence itself", () => {
    expect(quoteEnd("economics are viewed as a force that is bringing the two closer")).toBe(".");
    expect(quoteEnd("a hybrid of NATO and the European Union (EU)")).toBe(".");
    expect(quoteEnd("irritants fall short of threatening close ties.")).toBe("");
    expect(quoteEnd("Is this an alliance?")).toBe("");
    expect(quoteEnd('they called it "final."')).toBe("");
  });

  it("prints a quote in double quotation marks, with the quotation marks inside it single", () => {
    expect(quotation('this is already a "quasi-alliance" with both')).toBe("“this is already a ‘quasi-alliance’ with both”");
    expect(quotation("China aims to become a “responsible” regional power")).toBe("“China aims to become a ‘responsible’ regional power”");
    expect(quotation("Russia’s red lines")).toBe("“Russia’s red lines”");
  });
});

describe("counts compared in one sentence", () => {
  it("are all words under ten, else all figures", async () => {
    const { numbersAlike } = await import("../../../src/text/prose.js");
    expect([3, 7].map(numbersAlike([3, 7]))).toEqual(["three", "seven"]);
    expect([9, 15].map(numbersAlike([9, 15]))).toEqual(["9", "15"]);
  });
});
