/** The part of a pdf.js text item that lines are made from: a run of text at a position. */
export interface PdfTextItem {
  readonly str: string;
  /** The text matrix [a, b, c, d, x, y]: (x, y) is where the run's baseline starts, origin at the page's bottom left. */
  readonly transform: readonly number[];
  readonly width: number;
  readonly hasEOL: boolean;
}

/** A line of text on a page, in PDF units with y growing upwards. */
export interface PdfLine {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly baseline: number;
  /** The font size of the line's longest run (a footnote mark does not make a line small). */
  readonly fontSize: number;
}

/** A run of a line being gathered: its text, where it starts and ends, and its font size. */
interface Run {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly fontSize: number;
}

interface DraftLine {
  runs: Run[];
  baseline: number;
  fontSize: number;
  longestRun: number;
}

/**
 * The lines of a page from its text items, in the order the page draws them,
 * which for almost every generator is reading order. Runs on one baseline
 * (within half a font size, so superscripts stay in their line) form a line,
 * read left to right: LibreOffice draws the glyphs it takes from a fallback
 * font (a ﬀ ligature) after the rest of their line. A space is put between
 * runs that are visibly apart but have none, as generators that position
 * each word separately leave it out.
 */
export function groupIntoLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let draft: DraftLine | undefined;
  const close = () => {
    if (draft === undefined) return;
    const runs = [...draft.runs].sort((a, b) => a.left - b.left);
    let joined = "";
    let right = -Infinity;
    for (const run of runs) {
      const apart = joined !== "" && run.left - right > 0.15 * run.fontSize && !/\s$/.test(joined) && !/^\s/.test(run.text);
      joined += (apart ? " " : "") + run.text;
      right = Math.max(right, run.right);
    }
    const text = withoutLigatures(joined).replace(/\s+/g, " ").trim();
    if (text) lines.push({ text, left: runs[0]!.left, right, baseline: draft.baseline, fontSize: draft.fontSize });
    draft = undefined;
  };
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
    if (item.str !== "") {
      if (draft !== undefined && Math.abs(y - draft.baseline) > 0.5 * Math.max(fontSize, draft.fontSize)) close();
      const run = { text: item.str, left: x, right: x + item.width, fontSize };
      if (draft === undefined) {
        draft = { runs: [run], baseline: y, fontSize, longestRun: item.str.length };
      } else {
        draft.runs.push(run);
        if (item.str.length > draft.longestRun) Object.assign(draft, { fontSize, baseline: y, longestRun: item.str.length });
      }
    }
    if (item.hasEOL) close();
  }
  close();
  return lines;
}

/**
 * Typographic ligatures are how a font draws letters, not letters of their own: "ﬁnance" is "finance".
 * Unicode's (U+FB00–FB06) are spelled out as NFKC does; many fonts (Times, Liberation, TeX's) map their fi and fl
 * glyphs to the private-use U+F001 and U+F002 instead, which no reader sees as letters and no quote matches.
 */
function withoutLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC")).replace(/\uF001/g, "fi").replace(/\uF002/g, "fl");
}
