import type { PdfLine } from "./pdf-lines.js";

/** How many lines at the top and at the bottom of a page can belong to a running header or footer. */
const edgeDepth = 3;

/** "3", "- 3 -", "Page 3", "Page 3 of 7", "p. 3", "3 / 7", and lower-case roman numerals of front matter. */
const pageNumber = /^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|^[ivxlc]{1,7}$/i;

/** How far a running line's baseline may move from page to page, in points: it is set by the page's template, not by the text. */
const baselineTolerance = 3;

/** A line near the top or the bottom of its page, and how many lines are nearer that edge than it. */
interface EdgeLine {
  readonly line: PdfLine;
  readonly edge: "top" | "bottom";
  readonly rank: number;
}

/**
 * What a browser prints in a page's margins when a web page is printed to PDF (what the README suggests for
 * saving one): "11/26/26, 4:24 AM  Page title" above, "https://… 1/2" below. Recognised on a single page too.
 */
const browserMarginLine = /^\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?\b|^(?:https?|file):\/\/\S+\s+\d{1,4}\/\d{1,4}$/i;

/**
 * The pages without their running headers and footers and page numbers: the
 * lines near the top or bottom of a page whose text, with digits ignored
 * ("Page 2 of 7" is "Page 3 of 7"), is at the same edge and height on most
 * pages, and the outermost line on one of them at least, either of the whole document or,
 * for a chapter's running title, of the stretch of pages from its first to
 * its last appearance (at least three); and lone page numbers and a
 * browser's print margins in the outer two lines. A title page without the
 * header, or with the header's words as its title at another height, does
 * not stop the header from being found on the others, and keeps its title.
 * The place is what tells a header from body text that happens to repeat: in
 * a two-page hearing whose every paragraph reads "Speaker N said …", the last
 * lines of one page and the first of the next are text.
 *
 * Limitations: a running line that appears on fewer than half the pages of
 * its stretch (say, only on the left-hand pages of a long chapter) stays in
 * the text as paragraphs; body lines alike but for their digits, in the same
 * place on most pages (a form), are taken for running lines.
 */
export function dropRunningLines(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  const edgesOfPages = pages.map((lines) => edgeLines(lines, edgeDepth));
  // Pages without text (blank, or scanned) have no header to count: positions are among pages with text.
  const textPages = pages.flatMap((lines, index) => (lines.length > 0 ? [index] : []));
  // Each text (digits ignored, at its edge) with the pages and heights it is found at.
  const seen = new Map<string, { position: number; baseline: number; rank: number }[]>();
  edgesOfPages.forEach((edges, pageIndex) => {
    const position = textPages.indexOf(pageIndex);
    for (const edgeLine of edges) {
      const key = repetitionKey(edgeLine);
      const found = seen.get(key) ?? [];
      found.push({ position, baseline: edgeLine.line.baseline, rank: edgeLine.rank });
      seen.set(key, found);
    }
  });
  // The height a running line is set at: where most of its appearances are. The same words elsewhere (a title page
  // whose title is the header's text) are not at that height, and stay; nor do they stop the header being found.
  const runningHeight = new Map<string, number>();
  for (const [key, found] of seen) {
    const height = modalHeight(found.map((f) => f.baseline));
    const atHeight = found.filter((f) => Math.abs(f.baseline - height) <= baselineTolerance);
    // A running line is the outermost line of some page at least (a stamp or a page number may sit beyond it on others);
    // body text that repeats at one height never is.
    if (!atHeight.some((f) => f.rank === 0)) continue;
    const positions = [...new Set(atHeight.map((f) => f.position))];
    const stretch = positions.length === 0 ? 0 : positions.at(-1)! - positions[0]! + 1;
    if (positions.length >= 2 && (positions.length * 2 > textPages.length || (positions.length >= 3 && positions.length * 2 > stretch))) runningHeight.set(key, height);
  }
  const isRunning = (edgeLine: EdgeLine) => {
    const height = runningHeight.get(repetitionKey(edgeLine));
    return height !== undefined && Math.abs(edgeLine.line.baseline - height) <= baselineTolerance;
  };
  return pages.map((lines, index) => {
    const running = new Set(edgesOfPages[index]!.filter(isRunning).map((edgeLine) => edgeLine.line));
    const outer = new Set(edgeLines(lines, 2).map((edgeLine) => edgeLine.line));
    return lines.filter((line) => !running.has(line) && !(outer.has(line) && (pageNumber.test(line.text) || browserMarginLine.test(line.text))));
  });
}

/** The height most of a line's appearances share (to the point); the lowest of equally common ones. */
function modalHeight(baselines: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const baseline of baselines) counts.set(Math.round(baseline), (counts.get(Math.round(baseline)) ?? 0) + 1);
  let best: [number, number] = [Math.round(baselines[0]!), 0];
  for (const [height, count] of counts) if (count > best[1] || (count === best[1] && height < best[0])) best = [height, count];
  return best[0];
}

/** The `depth` highest and `depth` lowest lines of a page (on a short page, every line: its upper half at the top). */
function edgeLines(lines: readonly PdfLine[], depth: number): EdgeLine[] {
  const byHeight = [...lines].sort((one, other) => other.baseline - one.baseline);
  const top = byHeight.length <= 2 * depth ? Math.ceil(byHeight.length / 2) : depth;
  const bottomFrom = byHeight.length <= 2 * depth ? top : byHeight.length - depth;
  const bottom = byHeight.slice(bottomFrom);
  return [
    ...byHeight.slice(0, top).map((line, rank) => ({ line, edge: "top" as const, rank })),
    ...bottom.map((line, index) => ({ line, edge: "bottom" as const, rank: bottom.length - 1 - index })),
  ];
}

/** The same words, digits ignored, at the same edge. */
function repetitionKey({ line, edge }: EdgeLine): string {
  return `${edge}:${line.text.toLowerCase().replace(/\d+/g, "#")}`;
}
