/**
 * Make Chromium's PDF depend on the document only. Chromium stamps each PDF
 * with the time it was printed, and names tagged structure elements after DOM
 * node ids, which depend on what the tab printed before. The dates become a fixed moment (the brief's date) and the ids are
 * renumbered, each replaced in place at the same width, so every byte offset
 * of the file (and its cross-reference table) stays valid.
 */
export function makePdfReproducible(pdf: Uint8Array, moment: Date): Uint8Array {
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
  return Buffer.from(stable, "latin1");
}

/** Pages in a PDF that Chromium wrote: it lists each page object once. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}