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

  // A hostile author's test: LibreOffice draws the glyphs it takes from a fallback font (a ﬀ ligature) after the rest
  // of the line, and "orders fell oﬀ a cliﬀ in January" came in as "orders fell o a cli in January ff ff".
  it("puts the runs of a line in their order across the page, whatever order they were drawn in", () => {
    const item = (str: string, x: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, 700], width: str.length * 5, hasEOL });
    const lines = groupIntoLines([item("orders fell o", 50), item(" a cli", 120), item("” in January", 155), item("ﬀ", 115), item("ﬀ", 150, true)]);
    expect(lines.map((l) => l.text)).toEqual(["orders fell off a cliff” in January"]);
  });

  // "The ﬁnance oﬃce’s eﬀort to ﬂag the ﬁscal risk" came in as "The nance office’s effort to ag the scal risk":
  // the font mapped its fi and fl glyphs to private-use characters that no reader sees.
  it("spells out ligatures, Unicode's and the private-use fi and fl of common fonts", () => {
    const item = (str: string) => ({ str, transform: [10, 0, 0, 10, 50, 700], width: str.length * 5, hasEOL: true });
    expect(groupIntoLines([item("The \uF001nance o\uFB03ce\u2019s e\uFB00ort to \uF002ag the \uFB01scal \uFB02ow")]).map((l) => l.text)).toEqual([
      "The finance office\u2019s effort to flag the fiscal flow",
    ]);
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

  // An author's test: three one-line paragraphs spaced apart came in as one.
  it("splits short paragraphs spaced apart, though the gaps between them outnumber the lines of a paragraph", () => {
    const at = (text: string, baseline: number, indent = 0) => line(text, baseline, indent);
    const paragraphs = joinIntoParagraphs([
      [
        at("First short paragraph.", 740),
        at("Second short paragraph.", 714),
        at("Third short paragraph.", 688),
        at(full("A long paragraph that fills the line"), 662),
        at(full("and the next one as well, to the end"), 650),
        at("and stops.", 638),
        at("Fifth.", 612),
      ],
    ]);
    expect(paragraphs).toEqual([
      "First short paragraph.",
      "Second short paragraph.",
      "Third short paragraph.",
      `${full("A long paragraph that fills the line")} ${full("and the next one as well, to the end")} and stops.`,
      "Fifth.",
    ]);
  });

  // An author's test: a paragraph running from one column's foot to the next's head came in as two.
  it("continues a paragraph from one column into the next when it breaks off mid-sentence", () => {
    const column = (left: number) => (text: string, baseline: number) => ({ ...line(text, baseline), left, right: left + text.length * 5 });
    const [one, two] = [column(50), column(350)];
    const paragraphs = joinIntoParagraphs([
      [one(full("The survey of the channel found notes on"), 700), one(full("sediment and the flows that shift with each"), 688), two("season; its findings are provisional.", 700), two("A new paragraph starts here.", 674)],
    ]);
    expect(paragraphs).toEqual([
      `${full("The survey of the channel found notes on")} ${full("sediment and the flows that shift with each")} season; its findings are provisional.`,
      "A new paragraph starts here.",
    ]);
  });

  it("continues a paragraph over a page break when it breaks off mid-sentence, from a wider column to a narrower one", () => {
    const paragraphs = joinIntoParagraphs([
      [line(full("The report on the harbour was written over"), 700), { ...line("a whole winter of", 688), right: 200 }],
      [{ ...line("storms; it is long.", 700), right: 150 }],
    ]);
    expect(paragraphs).toEqual([`${full("The report on the harbour was written over")} a whole winter of storms; it is long.`]);
  });

  // A hostile run: a footnote at the foot of a page, set smaller, split the paragraph that ran on to the next page in
  // three ("… and the money", the note, "spent before the next election …"), and every later locator moved by two.
  it("keeps a paragraph whole over a page whose foot holds a footnote, and gives the notes after the text", () => {
    const note = (text: string, baseline: number) => line(text, baseline, 0, 8);
    const paragraphs = joinIntoParagraphs([
      [line(full("The council wants the scheme approved and"), 700), line(full("the money committed from the transport fund3"), 688), note("3 Department for Transport, Local Schemes Guidance,", 120), note("2022, section 4.", 110)],
      [line("spent before the next election, in 2027.", 700), line(full("A new paragraph starts on this page and"), 676), line("ends here.", 664)],
    ]);
    expect(paragraphs).toEqual([
      `${full("The council wants the scheme approved and")} ${full("the money committed from the transport fund3")} spent before the next election, in 2027.`,
      `${full("A new paragraph starts on this page and")} ends here.`,
      "3 Department for Transport, Local Schemes Guidance, 2022, section 4.",
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

// Regression: a heading that wraps onto a second line became two paragraphs ("Hearing on the Riverside Congestion" / "Charge").
describe("joinIntoParagraphs: a heading that wraps", () => {
  it("joins the lines of one heading set larger, and starts the text after it anew", () => {
    const body = (text: string, baseline: number) => line(full(text), baseline);
    const heading = [line("Hearing on the Riverside Congestion", 740, 0, 20), line("Charge", 716, 0, 20)];
    const text = [body("The council met to hear the case for the charge", 690), body("and against it, over a long evening", 678), line("in March.", 666)];
    expect(joinIntoParagraphs([[...heading, ...text]])).toEqual([
      "Hearing on the Riverside Congestion Charge",
      `${full("The council met to hear the case for the charge")} ${full("and against it, over a long evening")} in March.`,
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

  // Regression: in a two-page hearing whose paragraphs all read alike, the last lines of the first page and the
  // first lines of the second (alike with digits ignored) were taken for a running footer and header, and dropped.
  it("keeps body text that repeats at the foot of one page and the head of the next", () => {
    const speaker = (n: number, baseline: number): PdfLine[] => [line(`Speaker ${n} said the charge would matter for a`, baseline), line(`further reason, point ${n}.`, baseline - 12)];
    const first = [line("Hearing on the congestion charge", 700), ...[1, 2, 3, 4, 5].flatMap((n, i) => speaker(n, 676 - 24 * i))];
    const second = [...[6, 7].flatMap((n, i) => speaker(n, 700 - 24 * i)), line("Report of the hearing, page 2", 40)];
    const kept = dropRunningLines([first, second]).flat().map((l) => l.text);
    expect(kept.filter((text) => text.startsWith("Speaker"))).toHaveLength(7);
    expect(kept.filter((text) => text.startsWith("further reason"))).toHaveLength(7);
  });

  // Regression (of the same-height rule): a title page set with the header's words as its title stopped the header
  // from being found on the other pages, and it stayed in the text four times.
  it("drops a header whose words are also the title of the first page, and keeps the title", () => {
    const body = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
    const first = [line("Tram Extension Options Appraisal", 700, 0, 20), line("The alpha line.", 660), line("The bravo line.", 648)];
    const others = [2, 3, 4, 5].map((p) => [line("Tram Extension Options Appraisal", 780), ...body.slice(p, p + 2).map((word, i) => line(`The ${word} line, page ${p}.`, 700 - 12 * i))]);
    const kept = dropRunningLines([first, ...others]).flat().map((l) => l.text);
    expect(kept.filter((text) => text === "Tram Extension Options Appraisal")).toHaveLength(1);
    expect(kept[0]).toBe("Tram Extension Options Appraisal");
  });

  // Regression (of keying on the distance from the edge): a stamp above the header, or a page number below the footer,
  // on some pages kept the header or footer there.
  it("drops a running line whether or not a stamp or a page number sits beyond it on some pages", () => {
    const body = (p: number) => [line(`The body of page ${p} begins here.`, 700), line(`A line of page ${p} goes on.`, 688)];
    const stamped = [1, 2, 3, 4, 5].map((p) => [
      ...(p % 2 === 0 ? [line("DRAFT", 790)] : []),
      line("Riverside council, hearing notes", 770),
      ...body(p),
      line("Prepared by the policy unit", 60),
      ...(p > 1 ? [line(`Page ${p}`, 40)] : []),
    ]);
    const kept = dropRunningLines(stamped).flat().map((l) => l.text);
    expect(kept.filter((text) => text.startsWith("Riverside council") || text.startsWith("Prepared by"))).toEqual([]);
  });

  it("still drops a header at the same height on each of two pages", () => {
    const body = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
    const pages = [0, 1].map((p) => [line("Riverside council, hearing notes", 780), ...body.slice(p * 5, p * 5 + 5).map((word, i) => line(`The ${word} line.`, 700 - 12 * i)), line(`${p + 1}`, 40)]);
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(body.map((word) => `The ${word} line.`));
  });

  // Regression: a one-page web page printed to PDF kept the browser's date line and address as paragraphs.
  it("drops what a browser prints in the margins, even on a single page", () => {
    const printed = [line("11/26/26, 4:24 AM  Riverside Echo", 780), line("The council met.", 700), line("file:///home/jo/echo.html 1/1", 20)];
    expect(dropRunningLines([printed]).flat().map((l) => l.text)).toEqual(["The council met."]);
    const keptDates = [line("On 11/26/26 the council met.", 780), line("Body.", 700), line("See https://example.org/report for more.", 20)];
    expect(dropRunningLines([keptDates]).flat().map((l) => l.text)).toHaveLength(3);
  });

  it("keeps lines that repeat on only a few pages", () => {
    const pages = [[line("Summary", 780), line("One.", 700)], [line("Two.", 700)], [line("Three.", 700)], [line("Summary", 780), line("Four.", 700)]];
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(["Summary", "One.", "Two.", "Three.", "Summary", "Four."]);
  });
});
