import { withoutQuotedPassages } from "../text/phrases.js";

/**
 * Figures in a claim's or fact's own words where a reader of the memo expects words: a sentence that opens with
 * one ("41 cyclists were injured…"), and a count under ten in running prose ("in 4 of the last 5 years"). A staffer's
 * boss red-pens both; the memo prints the extract's text as written. Figures stay figures where style keeps them:
 * percentages, measures and money, dates and times, decimals and ranges, numbered things ("para. 4", "Zone 3",
 * "G7"), and counts of millions.
 */

export interface FigureInProse {
  readonly kind: "starts-sentence" | "small-count";
  readonly figure: string;
  /** Where in the text the figure is. */
  readonly index: number;
}

const months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
/** After a figure: what keeps it a figure (a unit, a share, a scale, a month, a time, a fraction or range). */
const keptAfter = new RegExp(
  String.raw`^(?:\s*(?:%|per\s?cent|percent|percentage|points?|pp|million|billion|trillion|bn|m\b|k\b|thousand|km|kilomet|met(?:re|er)s?\b|cm\b|mm\b|ft\b|feet\b|inch|in\.|lbs?\b|pounds?\b|mi\b|miles?\b|kg|tonnes?|tons?|mph|km\/h|°|degrees?|[kMGT]?W\b|[kMGT]Wh\b|bcm\b|tcm\b|barrels?\b|bpd\b|hours?\b|minutes?\b|h\b|a\.m\.|p\.m\.|am\b|pm\b|o'clock|(?:${months})\b)|[.,:\/–-]\d|\d|\.\d)`,
  "i",
);
/** Before a figure: what makes it a number of something named, a date, money or part of a range. */
const keptBefore = new RegExp(String.raw`(?:[$£€¥]|\d[.,:\/–-]?|\b(?:${months})\.?|\b(?:para|paras|paragraph|paragraphs|page|pages|p|pp|no|nos|number|article|art|chapter|section|clause|table|figure|fig|annex|line|route|zone|phase|stage|level|grade|tier|category|class|item|point|step|round|version|question|option|case|group|ward|district|platform|gate|room|floor|box|act|rule|schedule|exhibit|appendix|part|volume|vol|issue|series)\.?)\s*$`, "i");

/** An abbreviation's full stop just before a figure: "para. 4", "Jan. 6", "Dr. 2" open no sentence. */
const abbreviationBefore = new RegExp(String.raw`\b(?:para|no|p|pp|fig|art|vol|${months}|[A-Z])\.\s+$`, "i");

/** Figures in `text` (quoted passages aside: they are the source's words) a reader expects as words. */
export function figuresInProse(text: string): FigureInProse[] {
  const own = withoutQuotedPassages(text);
  const found: FigureInProse[] = [];
  for (const match of own.matchAll(/(?<![\p{L}\p{N}.,$£€¥\/-])\d[\d,]*(?:\.\d+)?(?![\p{L}\p{N}])/gu)) {
    const figure = match[0];
    const index = match.index;
    const before = own.slice(0, index);
    // A sentence's opening: the text's start, or after a full stop, question or exclamation mark, not an abbreviation's.
    if (/(?:^|[.!?]["”’)]?\s+)$/u.test(before) && !abbreviationBefore.test(before)) {
      found.push({ kind: "starts-sentence", figure, index });
      continue;
    }
    if (!/^[1-9]$/.test(figure)) continue;
    const after = own.slice(index + figure.length);
    if (keptAfter.test(after) || keptBefore.test(before)) continue;
    // A capitalised word before it names a numbered thing ("Line 4", "Article 5"), unless it opens the text or a
    // sentence ("In 4 of the last 5 years", "Only 2 councillors").
    if (/[^.!?\s]\s+\p{Lu}[\p{L}-]*\s+$/u.test(before)) continue;
    found.push({ kind: "small-count", figure, index });
  }
  return found;
}

/** A figure under ten in words: what the hint offers. */
export const figureWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;
