import { collectVocabulary, joinLines } from "./join-lines.js";
import type { PdfLine } from "./pdf-lines.js";

/** A line that starts a list item: a bullet, "1." or "(a)". */
const listItemStart = /^(?:[•◦▪‣∙●○■□–—*-]|\d{1,3}[.)]|\(?[a-z]\))\s/;

/** What most lines of the document share, against which one line's position is judged. */
interface Layout {
  readonly fontSize: number;
  /** The usual distance between the baselines of two lines of one paragraph. */
  readonly lineSpacing: number;
}

/** The paragraph being put together: its first line, and where its longest line ends. */
interface OpenParagraph {
  readonly start: PdfLine;
  readonly right: number;
}

/**
 * The paragraphs of a document from the lines of its pages (running headers
 * and footers already dropped). A line starts a new paragraph when:
 * - it is further below the line before than the usual line spacing (for
 *   two lines set larger, such as a heading that wraps, the spacing of their
 *   size), or above it (a new column), unless the line before breaks off
 *   mid-sentence and this one goes on in lower case;
 * - it is a heading or the first line after one: its font size or the line
 *   before's is larger than the text's (a line set smaller, such as an
 *   attribution, does not end a paragraph);
 * - it is indented against the line before (a first-line indent);
 * - it starts a list item, or leaves the hanging indent of one;
 * - the line before ended short: the first word of this line would have fit
 *   on it, so its author broke the line on purpose.
 * At a page break all but the first can tell, as the gap there is the page's.
 *
 * Footnotes at a page's foot (set smaller, below a gap, each starting with
 * its number or mark) are taken out of the text, so a paragraph that runs on
 * to the next page stays whole, and come after it, one paragraph each, as a
 * Word document's notes do.
 *
 * Limitations: the rules assume one column of text, which pages draw in
 * reading order; multi-column pages whose generator draws across the
 * columns, tables and text in figures come out in drawing order. Where
 * paragraphs are neither spaced apart nor indented, a paragraph whose last
 * line happens to be full is joined to the next, and so are short lines
 * that follow each other (an address block, list items whose bullets are
 * drawn rather than written).
 */
export function joinIntoParagraphs(pages: readonly (readonly PdfLine[])[]): string[] {
  const layout = measureLayout(pages);
  const vocabulary = collectVocabulary(pages.flat().map((line) => line.text));
  const split = pages.map((page) => splitFootnotes(page, layout));
  const paragraphs: string[] = [];
  let previous: PdfLine | undefined;
  let open: OpenParagraph | undefined;
  for (const { text: page } of split) {
    for (const [index, line] of page.entries()) {
      if (previous === undefined || open === undefined || startsParagraph(previous, line, open, index > 0, layout)) {
        paragraphs.push(line.text);
        open = { start: line, right: line.right };
      } else {
        paragraphs[paragraphs.length - 1] = joinLines(paragraphs.at(-1)!, line.text, vocabulary);
        open = { start: open.start, right: Math.max(open.right, line.right) };
      }
      previous = line;
    }
  }
  for (const { notes } of split) {
    for (const line of notes) {
      if (noteMark.test(line.text)) paragraphs.push(line.text);
      else paragraphs[paragraphs.length - 1] = joinLines(paragraphs.at(-1)!, line.text, vocabulary);
    }
  }
  return paragraphs;
}

/** How a footnote starts: its number or mark, then its text ("3 Department for Transport …", "* Estimated."). */
const noteMark = /^(?:\d{1,3}|[*†‡§])\s+\S/;

/**
 * A page's lines, and the footnotes at its foot: the last lines of the page set smaller than the text, below a
 * gap wider than the text's line spacing, the first of them starting with a note's number or mark. A page of
 * small print only, or small lines without a mark (an attribution, a caption), keeps them as text.
 */
function splitFootnotes(page: readonly PdfLine[], layout: Layout): { text: readonly PdfLine[]; notes: readonly PdfLine[] } {
  let start = page.length;
  while (start > 0 && page[start - 1]!.fontSize < layout.fontSize - 0.5) start--;
  const first = page[start];
  const above = page[start - 1];
  if (first === undefined || above === undefined || !noteMark.test(first.text)) return { text: page, notes: [] };
  if (above.baseline - first.baseline <= layout.lineSpacing * 1.3 + 0.5) return { text: page, notes: [] };
  return { text: page.slice(0, start), notes: page.slice(start) };
}

function startsParagraph(previous: PdfLine, line: PdfLine, open: OpenParagraph, samePage: boolean, layout: Layout): boolean {
  const em = layout.fontSize;
  if (samePage) {
    const drop = previous.baseline - line.baseline;
    // Lines set larger than the text (a heading that wraps) are spaced in proportion: two lines of one heading are one paragraph.
    const sameSize = Math.abs(line.fontSize - previous.fontSize) <= 0.5;
    const scale = sameSize ? Math.max(1, line.fontSize / layout.fontSize) : 1;
    // Back up the page: a new column. A sentence cut off at the column's foot and taken up in lower case at the
    // next one's head is one paragraph ("… statements on" / "the deep-water plan").
    if (drop <= 0) return !(runsOn(previous, line) && sameSize);
    if (drop > layout.lineSpacing * scale * 1.3 + 0.5) return true;
  }
  const larger = Math.max(line.fontSize, previous.fontSize);
  if (Math.abs(line.fontSize - previous.fontSize) > 0.5 && larger > layout.fontSize * 1.15) return true;
  if (listItemStart.test(line.text)) return true;
  // Over a page break the same: the next page's first line goes on with the sentence the last one broke off.
  if (!samePage && runsOn(previous, line)) return false;
  if (listItemStart.test(open.start.text)) {
    const inHangingIndent = previous !== open.start && previous.left > open.start.left + 0.4 * em;
    if (inHangingIndent && line.left < previous.left - 0.4 * em) return true;
  } else if (line.left - previous.left > 0.8 * em) {
    return true;
  }
  return endsShort(previous, line, Math.max(open.right, line.right), em);
}

/** A line that does not end a sentence, followed by one that goes on in lower case. */
function runsOn(previous: PdfLine, line: PdfLine): boolean {
  return !/[.!?:;]["”’)]?$/.test(previous.text) && /^\p{Ll}/u.test(line.text);
}

/**
 * Would the first word of `line` have fit at the end of `previous`? Then
 * `previous` was ended on purpose. The measure is the longest line of the
 * paragraph and the next one, not the page's: a block of text may be
 * narrower than the page's (a quotation, a copyright notice), and a measure
 * taken too short only makes this miss a break, never invent one.
 */
function endsShort(previous: PdfLine, line: PdfLine, measureRight: number, em: number): boolean {
  if (/[-\u2010\u00AD]$/.test(previous.text)) return false;
  const characterWidth = (line.right - line.left) / line.text.length;
  const firstWord = line.text.split(" ")[0] ?? "";
  return previous.right + (firstWord.length + 1) * characterWidth < measureRight - 0.5 * em;
}

function measureLayout(pages: readonly (readonly PdfLine[])[]): Layout {
  const fontSize = mostCommon(pages.flat().map((line) => [round(line.fontSize), line.text.length])) ?? 10;
  const isBody = (line: PdfLine) => Math.abs(line.fontSize - fontSize) <= 0.5;
  const spacings = pages.flatMap((page) =>
    page.slice(1).flatMap((line, i) => {
      const above = page[i]!;
      const drop = above.baseline - line.baseline;
      return isBody(line) && isBody(above) && drop > 0 && drop < 3 * fontSize ? [[round(drop), 1] as const] : [];
    }),
  );
  // Lines of one paragraph are usually set 1 to 1.5 em apart, and the gap between paragraphs is wider: in a text of
  // many short paragraphs the gaps outnumber the lines, so the spacing is looked for among the close drops first.
  const close = spacings.filter(([drop]) => drop <= 1.6 * fontSize);
  return { fontSize, lineSpacing: mostCommon(close) ?? mostCommon(spacings) ?? 1.2 * fontSize };
}

/** The value with the greatest total weight; the smallest of equally common ones. */
function mostCommon(weighted: readonly (readonly [value: number, weight: number])[]): number | undefined {
  const totals = new Map<number, number>();
  for (const [value, weight] of weighted) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best: [number, number] | undefined;
  for (const [value, total] of totals) {
    if (best === undefined || total > best[1] || (total === best[1] && value < best[0])) best = [value, total];
  }
  return best?.[0];
}

/** To the half point: positions that differ by less are the same to the eye. */
function round(value: number): number {
  return Math.round(value * 2) / 2;
}
