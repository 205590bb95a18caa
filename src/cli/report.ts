import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, sortDiagnostics } from "../diagnostics/format.js";
import type { CliIo } from "./io.js";

/** Print diagnostics to stderr, sorted, each with its source line, then a count. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string>): void {
  if (diagnostics.length === 0) return;
  const unique = new Map<string, Diagnostic>();
  for (const d of sortDiagnostics(diagnostics)) unique.set(`${d.file}|${d.span?.start}|${d.code}|${d.message}`, d);
  for (const diagnostic of unique.values()) {
    io.stderr.write(formatDiagnostic(diagnostic, diagnostic.file === undefined ? undefined : fileTexts.get(diagnostic.file)) + "\n\n");
  }
  const errors = errorCount([...unique.values()]);
  const warnings = unique.size - errors;
  io.stderr.write(`${plural(errors, "error")}${warnings > 0 ? `, ${plural(warnings, "warning")}` : ""}\n`);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
