import type { PdfLine } from "./pdf-lines.js";

/** How many lines at the top and at the bottom of a page can belong to a running header or footer. */
const edgeDepth = 3;

/** "3", "- 3 -", "Page 3", "Page 3 of 7", "p. 3", "3 / 7", and lower-case roman numerals of front matter. */
const pageNumber = /^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|^[ivxlc]{1,7}$/i;

/** How far a running line's baseline may move from page to page, in points: it is set by the page's template, not by the text. */
const baselineTolerance = 3;

/** A line near the top or the bottom of its page. */
interface EdgeLine {
  readonly line: PdfLine;
  readonly edge: "top" | "bottom";
}

/**
 * What a browser prints in a page's margins when a web page is printed to PDF (what the README suggests for
 * saving one): "11/26/26, 4:24 AM  Page title" above, "https://… 1/2" below. Recognised on a single page too.
 */
const browserMarginLine = /^\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?\b|^(?:https?|file):\/\/\S+\s+\d{1,4}\/\d{1,4}$/i;

/**
 * The pages without their running headers and footers and page numbers: the
 * lines near the top or bottom of a page whose text, with digits ignored
 * ("Page 2 of 7" is "Page 3 of 7"), is at the same edge, at the same height,
 * on most pages, either of the whole document or, for a chapter's running
 * title, of the stretch of pages from its first to its last appearance (at
 * least three); and lone page numbers and a browser's print margins in the
 * outer two lines. A title page
 * without the header does not stop the header from being found on the others.
 * The same edge and height are what tell a header from body text that happens
 * to repeat: in a two-page hearing whose every paragraph reads "Speaker N
 * said …", the last lines of one page and the first of the next are text.
 *
 * Limitation: a running line that appears on fewer than half the pages of
 * its stretch (say, only on the left-hand pages of a long chapter) stays in
 * the text as paragraphs.
 */
export function dropRunningLines(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  const edgesOfPages = pages.map((lines) => edgeLines(lines, edgeDepth));
  // Pages without text (blank, or scanned) have no header to count: positions are among pages with text.
  const textPages = pages.flatMap((lines, index) => (lines.length > 0 ? [index] : []));
  const seen = new Map<string, { positions: number[]; baselines: number[] }>();
  edgesOfPages.forEach((edges, pageIndex) => {
    const position = textPages.indexOf(pageIndex);
    const onThisPage = new Set<string>();
    for (const edgeLine of edges) {
      const key = repetitionKey(edgeLine);
      const found = seen.get(key) ?? { positions: [], baselines: [] };
      if (!onThisPage.has(key)) found.positions.push(position);
      onThisPage.add(key);
      found.baselines.push(edgeLine.line.baseline);
      seen.set(key, found);
    }
  });
  const isRunning = (key: string) => {
    const { positions = [], baselines = [] } = seen.get(key) ?? {};
    if (Math.max(...baselines) - Math.min(...baselines) > baselineTolerance) return false;
    const stretch = positions.length === 0 ? 0 : positions.at(-1)! - positions[0]! + 1;
    return positions.length >= 2 && (positions.length * 2 > textPages.length || (positions.length >= 3 && positions.length * 2 > stretch));
  };
  return pages.map((lines, index) => {
    const running = new Set(edgesOfPages[index]!.filter((edgeLine) => isRunning(repetitionKey(edgeLine))).map((edgeLine) => edgeLine.line));
    const outer = new Set(edgeLines(lines, 2).map((edgeLine) => edgeLine.line));
    return lines.filter((line) => !running.has(line) && !(outer.has(line) && (pageNumber.test(line.text) || browserMarginLine.test(line.text))));
  });
}

/** The `depth` highest and `depth` lowest lines of a page (on a short page, every line: its upper half at the top). */
function edgeLines(lines: readonly PdfLine[], depth: number): EdgeLine[] {
  const byHeight = [...lines].sort((one, other) => other.baseline - one.baseline);
  const top = byHeight.length <= 2 * depth ? Math.ceil(byHeight.length / 2) : depth;
  const bottomFrom = byHeight.length <= 2 * depth ? top : byHeight.length - depth;
  return [
    ...byHeight.slice(0, top).map((line) => ({ line, edge: "top" as const })),
    ...byHeight.slice(bottomFrom).map((line) => ({ line, edge: "bottom" as const })),
  ];
}

function repetitionKey({ line, edge }: EdgeLine): string {
  return `${edge}:${line.text.toLowerCase().replace(/\d+/g, "#")}`;
}
