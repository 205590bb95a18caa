/**
 * A value as a CSS string literal that is safe inside a <style> element:
 * everything but letters, digits and spaces is hex-escaped, so no quote,
 * backslash, "<" or "}" from a brief can end the string or the style sheet.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return out + '"';
}

/** Markings up to this long fit the banner's box, between the running title and the date, in its own type. */
const bannerFitsAt = 28;
/** Set smaller, this many characters fit a line of the same box. */
const bannerLineAt = 30;
/** A marking up to this long stays on one line, in type sized to the box. */
const bannerOneLineAt = 40;
/** The banner box's width in points on A4, the narrower paper: 38% of the text's width. */
const bannerBoxPt = 177;

/**
 * The banner at the top and bottom centre of every page, as @page rules. A marking longer than its box (a CUI
 * banner with its controls, "CONTROLLED UNCLASSIFIED INFORMATION//SP-PRVCY//SP-LEI//FEDCON//DL ONLY") ran past the
 * page's edge and was cut off, top and bottom, without a word. One that long is set smaller, on one line if it
 * can be, else on lines of like length broken after a "//" or between words, never within a control's word. The box keeps its width: widened,
 * it cut the running title beside it mid-word (a review). The lines sit above the title and date, at the margin's
 * top. `marking` is printed text.
 */
export function bannerRules(marking: string): string {
  const length = [...marking].length;
  const boxes = (lines: readonly string[], own: string) =>
    ["@top-center", "@bottom-center"].map((box) => `${box} { content: ${cssString(lines.join("\n"))};${own} }`).join("\n  ");
  if (length <= bannerFitsAt) return boxes([marking], "");
  // Up to bannerOneLineAt, one line in smaller type, as a reader wants a banner ("UNCLASSIFIED//FOR OFFICIAL USE
  // ONLY" on two lines read as two markings): sized to the box, about 0.76 em a character, never below 7 pt.
  if (length <= bannerOneLineAt) return boxes([marking], ` font-size: ${Math.max(7, Math.min(9.5, bannerBoxPt / (0.76 * length))).toFixed(1)}pt; letter-spacing: 0.04em;`);
  return boxes(bannerLines(marking), " font-size: 7.5pt; letter-spacing: 0.04em; white-space: pre;");
}

/**
 * A long marking in as few lines as bannerLineAt allows, each about as long as the others (a control alone on the
 * last line, "X1", read as a marking of its own).
 */
function bannerLines(marking: string): string[] {
  // After a "//"; a control too long for a line, also between its words ("CONTROLLED UNCLASSIFIED INFORMATION").
  const parts = marking.split(/(?<=\/\/)/).flatMap((part) => ([...part].length > bannerLineAt ? part.split(/(?<=\s)/) : [part]));
  const pack = (width: number) => {
    const lines: string[] = [];
    for (const part of parts) {
      const last = lines.length - 1;
      if (last >= 0 && [...(lines[last]! + part).trimEnd()].length <= width) lines[last] += part;
      else lines.push(part);
    }
    return lines.map((line) => line.trimEnd());
  };
  const fewest = pack(bannerLineAt).length;
  // The narrowest width that needs no more lines than the widest does: the lines come out even.
  for (let width = Math.ceil([...marking].length / fewest); width < bannerLineAt; width++) {
    const lines = pack(width);
    if (lines.length === fewest) return lines;
  }
  return pack(bannerLineAt);
}
