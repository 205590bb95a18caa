import { constants as zlibConstants, inflateSync } from "node:zlib";

/**
 * Make Chromium's PDF depend on the document only. Chromium stamps each PDF
 * with the time it was printed, and names tagged structure elements after DOM
 * node ids, which depend on what the tab printed before. The dates become a
 * fixed moment (the brief's date) and the ids are
 * renumbered, each replaced in place at the same width, so every byte offset
 * of the file (and its cross-reference table) stays valid.
 */
function reproducibleText(pdf: Uint8Array, moment: Date): string {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const stamp = `D:${moment.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+00'00'`;
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)/g, (match, key: string) => {
    const replacement = `/${key} (${stamp})`;
    return replacement.length === match.length ? replacement : match;
  });
  // Renumber node ids in order of first appearance, at the same width, so references between them still match.
  const renumbered = new Map<string, string>();
  const stable = fixed.replace(/\(node(\d+)\)/g, (match, digits: string) => {
    let replacement = renumbered.get(digits);
    if (replacement === undefined) {
      replacement = String(renumbered.size + 1).padStart(digits.length, "0");
      if (replacement.length !== digits.length) return match;
      renumbered.set(digits, replacement);
    }
    return `(node${replacement})`;
  });
  return stable;
}

/** Pages in a PDF that Chromium wrote (its text, read as Latin-1): it lists each page object once. */
function countPdfPages(text: string): number {
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
/**
 * A clipped drawing, "x y w h re W* n q s 0 0 s x y cm", with the clip's width and height and the drawing's scale.
 * The match starts at the "re" operator, the rectangle's numbers read behind it: a pattern that opened with them
 * was tried at every digit of the page, and took two to five times as long.
 */
const clippedDrawing = /(?<=[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) )re\s+W\*? n\s+q\s+([\d.]+) 0 0 [\d.]+ [-\d.]+ [-\d.]+ cm/g;

/** CSS pixels to PDF points: what a page's drawing scale is when the browser did not shrink the document. */
const pointsPerCssPixel = 0.75;

/**
 * How much the browser shrank the pages to fit content wider than the page:
 * 1 when it did not. Chromium draws a page under its device scale, then each
 * part of it under the CSS-pixel scale: the margin boxes (running header,
 * banner, page number) first, then the page's content, clipped to its area
 * ("x y w h re W* n q s 0 0 s x y cm"; an image in it is clipped to its own,
 * smaller, box). Scale times CSS-pixel scale is 0.75
 * (points per CSS pixel) unless the content overflowed the page width, when
 * the content's is smaller by the factor applied; the margin boxes are never
 * shrunk, so the content's own transform is the one that tells. `text` is
 * `bytes` read as Latin-1.
 */
function pdfShrinkFactor(bytes: Buffer, text: string): number {
  // Page content streams: a dictionary of a filter and a length only (fonts and images carry more).
  const stream = /<<\s*\/Filter \/FlateDecode\s+\/Length (\d+)\s*>>\s*stream\r?\n/g;
  // Chromium shrinks the whole document by one factor, so the first page content stream tells.
  for (let match = stream.exec(text); match !== null; match = stream.exec(text)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      // The content's transform follows the margin boxes' drawing: a few kilobytes in, so the page is inflated whole.
      content = inflateSync(bytes.subarray(start, start + Number(match[1])), { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 4 << 20 }).toString("latin1");
    } catch {
      continue;
    }
    const device = /^([\d.]+) 0 0 -?[\d.]+ [-\d.]+ [-\d.]+ cm/.exec(content);
    if (device === null) continue;
    // Clipped drawings: the page's content (clipped to the page's content area, the largest) and images in it.
    const clipped = [...content.matchAll(clippedDrawing)].map((m) => ({
      area: Number(m[1]) * Number(m[2]),
      scale: Number(m[3]),
    }));
    if (clipped.length === 0) continue;
    const page = Math.max(...clipped.map((c) => c.area));
    const scale = Math.min(...clipped.filter((c) => c.area === page).map((c) => c.scale));
    const factor = (Number(device[1]) * scale) / pointsPerCssPixel;
    return factor > 0 && factor < 0.995 ? factor : 1;
  }
  return 1;
}

/**
 * A printed PDF made reproducible, with its page count and shrink factor: one
 * pass over its text for all three, since a PDF of a hundred pages is megabytes.
 */
export function finishPdf(pdf: Uint8Array, moment: Date): { pdf: Uint8Array; pages: number; shrink: number } {
  const text = reproducibleText(pdf, moment);
  const stable = Buffer.from(text, "latin1");
  return { pdf: stable, pages: countPdfPages(text), shrink: pdfShrinkFactor(stable, text) };
}
