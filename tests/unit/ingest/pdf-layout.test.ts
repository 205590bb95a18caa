import { describe, expect, it } from "vitest";
import { groupIntoLines, type PdfLine } from "../../../src/ingest/pdf-lines.js";
import { joinIntoParagraphs } from "../../../src/ingest/pdf-paragraphs.js";
import { dropRunningLines } from "../../../src/ingest/pdf-running-lines.js";

/** A line of 10-point text, about 5 points a character, `indent` points from the margin at 50. */
function line(text: string, baseline: number, indent = 0, fontSize = 10): PdfLine {
  return { text, left: 50 + indent, right: 50 + indent + text.length * 5, baseline, fontSize };
}

/** Lines 12 points apart from the top of a page, a full measure being about 60 characters. */
function page(...texts: (string | [string, number])[]): PdfLine[] {
  return texts.map((entry, i) => (typeof entry === "string" ? line(entry, 700 - 12 * i) : line(entry[0], 700 - 12 * i, entry[1])));
}

const full = (words: string) => words.padEnd(60, " x").slice(0, 60).trimEnd();

describe("groupIntoLines", () => {
  it("makes one line of the runs on a baseline, spacing runs drawn apart", () => {
    const item = (str: string, x: number, y: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width: str.length * 5, hasEOL });
    const lines = groupIntoLines([item("Two", 50, 700), item("words", 70, 700), item("1", 96, 703), item("", 0, 0, true), item("Next line", 50, 688)]);
    expect(lines.map((l) => l.text)).toEqual(["Two words1", "Next line"]);
    expect(lines[0]).toMatchObject({ left: 50, right: 101, baseline: 700, fontSize: 10 });
  });
});

describe("joinIntoParagraphs", () => {
  it("splits at a first-line indent when paragraphs are neither spaced apart nor end short", () => {
    const paragraphs = joinIntoParagraphs([
      page([full("First paragraph starts"), 15], full("and goes on"), full("to a full last line."), [full("Second one starts"), 15], "and ends."),
    ]);
    expect(paragraphs).toEqual([
      `${full("First paragraph starts")} ${full("and goes on")} ${full("to a full last line.")}`,
      `${full("Second one starts")} and ends.`,
    ]);
  });

  it("splits at a line that ends short, and at list items with hanging indents", () => {
    const paragraphs = joinIntoParagraphs([
      page(
        "A short heading",
        full("Text that fills the line"),
        "and stops.",
        "• " + full("an item that wraps"),
        ["onto a second line", 10],
        "• a short item",
        full("After the list, a paragraph"),
        "that ends.",
      ),
    ]);
    expect(paragraphs).toEqual([
      "A short heading",
      `${full("Text that fills the line")} and stops.`,
      `• ${full("an item that wraps")} onto a second line`,
      "• a short item",
      `${full("After the list, a paragraph")} that ends.`,
    ]);
  });

  it("continues a paragraph across a page break unless the last line ended short", () => {
    const paragraphs = joinIntoParagraphs([
      page(full("One runs over"), full("the page")),
      page("to the next.", full("Another starts"), "and ends."),
      page(full("A new one starts on a new page"), "and ends."),
    ]);
    expect(paragraphs).toEqual([
      `${full("One runs over")} ${full("the page")} to the next.`,
      `${full("Another starts")} and ends.`,
      `${full("A new one starts on a new page")} and ends.`,
    ]);
  });
});

describe("dropRunningLines", () => {
  it("drops headers and footers that repeat with changing numbers, and lone page numbers, but keeps a title page's text", () => {
    const pages = [
      [line("Title page", 700), line("i", 40)],
      [line("Quarterly report 2016", 780), line("Body one.", 700), line("Page 2 of 4", 40)],
      [line("Quarterly report 2016", 780), line("Body two.", 700), line("Page 3 of 4", 40)],
      [line("Quarterly report 2016", 780), line("Body three.", 700), line("- 4 -", 40)],
    ];
    expect(dropRunningLines(pages).map((lines) => lines.map((l) => l.text))).toEqual([["Title page"], ["Body one."], ["Body two."], ["Body three."]]);
  });

  it("drops a chapter's running title that repeats on three pages or more in a row", () => {
    const words = ["Title page.", "Preface.", "Gas.", "Oil.", "Coal.", "Summary.", "Notes.", "Index."];
    const pages = words.map((word, i) => (i >= 2 && i <= 4 ? [line(`Chapter 2: Energy ${i + 1}`, 780), line(word, 700)] : [line(word, 700)]));
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(words);
  });

  it("keeps lines that repeat on only a few pages", () => {
    const pages = [[line("Summary", 780), line("One.", 700)], [line("Two.", 700)], [line("Three.", 700)], [line("Summary", 780), line("Four.", 700)]];
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(["Summary", "One.", "Two.", "Three.", "Summary", "Four."]);
  });
});
