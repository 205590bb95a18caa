import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, sortDiagnostics } from "../diagnostics/format.js";
import type { CliIo } from "./io.js";

/** Print diagnostics to stderr, sorted and without repeats, each with its source line. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string>): void {
  if (diagnostics.length === 0) return;
  const unique = new Map<string, Diagnostic>();
  for (const d of sortDiagnostics(diagnostics)) unique.set(`${d.file}|${d.span?.start}|${d.code}|${d.message}`, d);
  for (const diagnostic of unique.values()) {
    io.stderr.write(formatDiagnostic(diagnostic, diagnostic.file === undefined ? undefined : fileTexts.get(diagnostic.file)) + "\n\n");
  }
}

export { plural } from "../text/plural.js";
