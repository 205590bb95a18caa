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

interface DraftLine {
  text: string;
  left: number;
  right: number;
  baseline: number;
  fontSize: number;
  longestRun: number;
}

/**
 * The lines of a page from its text items, in the order the page draws them,
 * which for almost every generator is reading order. Runs on one baseline
 * (within half a font size, so superscripts stay in their line) form a line;
 * a space is put between runs that are visibly apart but have none, as
 * generators that position each word separately leave it out.
 */
export function groupIntoLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let draft: DraftLine | undefined;
  const close = () => {
    const text = draft === undefined ? undefined : withoutLigatures(draft.text).replace(/\s+/g, " ").trim();
    if (draft !== undefined && text) lines.push({ ...draft, text });
    draft = undefined;
  };
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
    if (item.str !== "") {
      if (draft !== undefined && Math.abs(y - draft.baseline) > 0.5 * Math.max(fontSize, draft.fontSize)) close();
      if (draft === undefined) {
        draft = { text: item.str, left: x, right: x + item.width, baseline: y, fontSize, longestRun: item.str.length };
      } else {
        const apart = x - draft.right > 0.15 * fontSize && !/\s$/.test(draft.text) && !/^\s/.test(item.str);
        draft.text += (apart ? " " : "") + item.str;
        draft.left = Math.min(draft.left, x);
        draft.right = Math.max(draft.right, x + item.width);
        if (item.str.length > draft.longestRun) Object.assign(draft, { fontSize, baseline: y, longestRun: item.str.length });
      }
    }
    if (item.hasEOL) close();
  }
  close();
  return lines.map(({ text, left, right, baseline, fontSize }) => ({ text, left, right, baseline, fontSize }));
}

/**
 * Typographic ligatures are how a font draws letters, not letters of their own: "ﬁnance" is "finance".
 * Unicode's (U+FB00–FB06) are spelled out as NFKC does; many fonts (Times, Liberation, TeX's) map their fi and fl
 * glyphs to the private-use U+F001 and U+F002 instead, which no reader sees as letters and no quote matches.
 */
function withoutLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC")).replace(/\uF001/g, "fi").replace(/\uF002/g, "fl");
}
