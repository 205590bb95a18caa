import type { PdfLine } from "./pdf-lines.js";

/** How many lines at the top and at the bottom of a page can belong to a running header or footer. */
const edgeDepth = 3;

/** "3", "- 3 -", "Page 3", "Page 3 of 7", "p. 3", "3 / 7", and lower-case roman numerals of front matter. */
const pageNumber = /^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|^[ivxlc]{1,7}$/i;

/**
 * The pages without their running headers and footers and page numbers: the
 * lines near the top or bottom of a page whose text, with digits ignored
 * ("Page 2 of 7" is "Page 3 of 7"), is near the top or bottom of most pages,
 * either of the whole document or, for a chapter's running title, of the
 * stretch of pages from its first to its last appearance (at least three);
 * and lone page numbers in the outer two lines. A title page without the
 * header does not stop the header from being found on the others.
 *
 * Limitation: a running line that appears on fewer than half the pages of
 * its stretch (say, only on the left-hand pages of a long chapter) stays in
 * the text as paragraphs.
 */
export function dropRunningLines(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  const edgesOfPages = pages.map((lines) => edgeLines(lines, edgeDepth));
  // Pages without text (blank, or scanned) have no header to count: positions are among pages with text.
  const textPages = pages.flatMap((lines, index) => (lines.length > 0 ? [index] : []));
  const pagesOfKey = new Map<string, number[]>();
  edgesOfPages.forEach((edges, pageIndex) => {
    const position = textPages.indexOf(pageIndex);
    for (const key of new Set(edges.map(repetitionKey))) pagesOfKey.set(key, [...(pagesOfKey.get(key) ?? []), position]);
  });
  const isRunning = (key: string) => {
    const positions = pagesOfKey.get(key) ?? [];
    const stretch = positions.length === 0 ? 0 : positions.at(-1)! - positions[0]! + 1;
    return positions.length >= 2 && (positions.length * 2 > textPages.length || (positions.length >= 3 && positions.length * 2 > stretch));
  };
  return pages.map((lines, index) => {
    const edges = new Set(edgesOfPages[index]);
    const outer = new Set(edgeLines(lines, 2));
    return lines.filter(
      (line) => !(edges.has(line) && isRunning(repetitionKey(line))) && !(outer.has(line) && pageNumber.test(line.text)),
    );
  });
}

/** The `depth` highest and `depth` lowest lines of a page (all of them on a short page). */
function edgeLines(lines: readonly PdfLine[], depth: number): PdfLine[] {
  const byHeight = [...lines].sort((one, other) => other.baseline - one.baseline);
  return byHeight.length <= 2 * depth ? byHeight : [...byHeight.slice(0, depth), ...byHeight.slice(-depth)];
}

function repetitionKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, "#");
}
