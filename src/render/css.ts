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

/** Markings up to this long fit the banner's box, a third of the page's width, in its own type. */
const bannerFitsAt = 28;
/** Longer than this, a marking is set on more than one line, each at most this long. */
const bannerLineAt = 40;

/**
 * The banner at the top and bottom centre of every page, as @page rules. A marking longer than its box (a CUI
 * banner with its controls, "CONTROLLED UNCLASSIFIED INFORMATION//SP-PRVCY//SP-LEI//FEDCON//DL ONLY") ran past the
 * page's edge and was cut off, top and bottom, without a word: for one, the centre box is widened, the running
 * title and date beside it narrowed, and the type made smaller; one too long for a line is set on two or more,
 * broken after a "//" (so never within a control) or, without one, between words. `marking` is printed text.
 */
export function bannerRules(marking: string): string {
  const boxes = (lines: readonly string[], own: string) =>
    ["@top-center", "@bottom-center"].map((box) => `${box} { content: ${cssString(lines.join("\n"))};${own} }`).join("\n  ");
  if ([...marking].length <= bannerFitsAt) return boxes([marking], "");
  const lines = bannerLines(marking);
  const long = lines.length > 1;
  const side = long ? "17%" : "20%";
  const own = ` width: ${long ? "66%" : "60%"}; font-size: ${long ? "7.5pt" : "8.5pt"}; letter-spacing: 0.04em;${long ? " white-space: pre;" : ""}`;
  return [boxes(lines, own), ...["@top-left", "@top-right", "@bottom-left", "@bottom-right"].map((box) => `${box} { width: ${side}; }`)].join("\n  ");
}

/** A marking in lines of at most bannerLineAt characters where it can be: its parts after each "//", else its words. */
function bannerLines(marking: string): string[] {
  const parts = marking.includes("//") ? marking.split(/(?<=\/\/)/) : marking.split(/(?<= )/);
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && [...lines[last]! + part].length <= bannerLineAt) lines[last] += part;
    else lines.push(part);
  }
  return lines.map((line) => line.trimEnd());
}
