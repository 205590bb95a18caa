/** A plain-text table for the terminal: columns padded, numbers right-aligned from `rightAlignFrom`. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], indent = 2, rightAlignFrom = 1): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) => " ".repeat(indent) + row.map((cell, i) => (i >= rightAlignFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd())
    .join("\n");
}
