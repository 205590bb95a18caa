import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";

/** A block of the known text: a heading or a paragraph, each with its font size. */
export interface Block {
  readonly text: string;
  readonly heading?: boolean;
}

export interface PdfFixture {
  readonly bytes: Uint8Array;
  /** The lines as drawn, page by page, to check that the fixture has what a test needs (a break at a hyphen, …). */
  readonly pages: readonly (readonly string[])[];
}

const pageSize: [number, number] = [400, 360];
const margin = { left: 50, right: 50, top: 60, bottom: 60 };
const bodySize = 11;
const leading = 14;
const paragraphGap = 9;

/**
 * A PDF typeset like a report: text wrapped to the measure with the font's
 * own widths, a word broken with a hyphen where a soft hyphen (U+00AD) marks
 * a break point and the line is full, a compound broken after its own hyphen,
 * paragraphs spaced apart, headings larger, a running header on every page
 * and "Page N of M" in the footer.
 */
export async function makePdf(blocks: readonly Block[], options: { header: string; title?: string; author?: string; created?: Date }): Promise<PdfFixture> {
  const document = await PDFDocument.create();
  if (options.title !== undefined) document.setTitle(options.title);
  if (options.author !== undefined) document.setAuthor(options.author);
  if (options.created !== undefined) document.setCreationDate(options.created);
  const body = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const measure = pageSize[0] - margin.left - margin.right;

  const pages: { text: string; size: number; font: PDFFont; y: number }[][] = [[]];
  let y = pageSize[1] - margin.top;
  for (const [index, block] of blocks.entries()) {
    const font = block.heading ? bold : body;
    const size = block.heading ? 14 : bodySize;
    if (index > 0) y -= paragraphGap;
    for (const line of wrap(block.text, font, size, measure)) {
      if (y < margin.bottom) {
        pages.push([]);
        y = pageSize[1] - margin.top;
      }
      pages.at(-1)!.push({ text: line, size, font, y });
      y -= block.heading ? leading + 4 : leading;
    }
  }

  for (const [index, lines] of pages.entries()) {
    const page = document.addPage(pageSize);
    page.drawText(options.header, { x: margin.left, y: pageSize[1] - 30, size: 8, font: body });
    for (const line of lines) page.drawText(line.text, { x: margin.left, y: line.y, size: line.size, font: line.font });
    const footer = `Page ${index + 1} of ${pages.length}`;
    page.drawText(footer, { x: (pageSize[0] - body.widthOfTextAtSize(footer, 8)) / 2, y: 30, size: 8, font: body });
  }
  return { bytes: await document.save(), pages: pages.map((lines) => lines.map((line) => line.text)) };
}

/** Greedy line breaking, as word processors do, breaking a word only at a soft hyphen or its own hyphen. */
function wrap(text: string, font: PDFFont, size: number, measure: number): string[] {
  const width = (line: string) => font.widthOfTextAtSize(line, size);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (width(visible(candidate)) <= measure) {
      line = candidate;
      continue;
    }
    const split = splitToFit(word, (head) => width(visible(line === "" ? head : `${line} ${head}`)) <= measure);
    if (split !== undefined) {
      lines.push(visible(line === "" ? split.head : `${line} ${split.head}`));
      line = split.tail;
    } else {
      lines.push(visible(line));
      line = word;
    }
  }
  lines.push(visible(line));
  return lines;
}

/** The longest head of `word` up to a break point ("transfor-" of "transfor\u00ADmation", "Sino-" of "Sino-Russian") that fits. */
function splitToFit(word: string, fits: (head: string) => boolean): { head: string; tail: string } | undefined {
  const breakPoints = [...word.matchAll(/[\u00AD-]/g)].map((match) => match.index).reverse();
  for (const at of breakPoints) {
    const head = `${word.slice(0, at)}-`;
    if (fits(head)) return { head, tail: word.slice(at + 1) };
  }
  return undefined;
}

/** A soft hyphen is a break point, never printed. */
function visible(text: string): string {
  return text.replace(/\u00AD/g, "");
}
