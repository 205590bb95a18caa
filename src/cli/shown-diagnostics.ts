import { resolve } from "node:path";
import type { BriefJudgement } from "../build/gate.js";
import { isSelectionNotice, SelectionNotices } from "../build/selection-notices.js";
import { diagnosticKey, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OptionSpecs } from "./command.js";
import { locateDiagnostics, type LocatedDiagnostic } from "./report.js";

export const allOption = {
  all: { type: "boolean", description: "also show the warnings of briefs not named one by one (those found in a folder)" },
} as const satisfies OptionSpecs;

/**
 * The problems of each brief a person should see: every error, a template's
 * warnings (a build may yet fail on them) and what selection noticed of dates
 * (brief build says those of every brief); other warnings only of briefs named
 * one by one (by file or id), or of all with --all, so that checking a folder
 * of forty briefs does not bury its errors under their notes.
 */
export function briefDiagnosticsShown(briefs: readonly BriefJudgement[], named: ReadonlySet<string>, all: boolean, cwd: string): BriefDiagnosticsShown {
  // What selection noticed of dates is said as brief build says it: once, naming the briefs it is about.
  const notices = new SelectionNotices(cwd);
  const notShown = new Set<string>();
  const others = briefs.flatMap((brief) => {
    const shown = diagnosticsShownOf(brief, named, all, cwd);
    for (const d of brief.diagnostics) if (!shown.includes(d)) notShown.add(diagnosticKey(d));
    notices.add(brief, shown);
    return shown.filter((d) => !isSelectionNotice(d));
  });
  return { shown: [...others, ...notices.all], warningsNotShown: notShown.size };
}

export interface BriefDiagnosticsShown {
  readonly shown: readonly Diagnostic[];
  /** The warnings left out, each once however many briefs share it: a summary must not say "no problems" over them. */
  readonly warningsNotShown: number;
}

/** The problems of one brief a person should see (as briefDiagnosticsShown). */
export function diagnosticsShownOf(brief: BriefJudgement, named: ReadonlySet<string>, all: boolean, cwd: string): readonly Diagnostic[] {
  return all || named.has(resolve(cwd, brief.file)) ? brief.diagnostics : brief.diagnostics.filter((d) => d.severity === "error" || d.code.startsWith("TEMPLATE_") || isSelectionNotice(d));
}

/** A refused brief's line in a report: that it would not build, and why. */
export function refusalLine(brief: BriefJudgement): string {
  if (brief.refusal === undefined) return "";
  return `✗ ${brief.id} would not build: ${brief.refusal.reason}${brief.refusal.diagnostics.length > 0 ? " (see above)" : ""}`;
}

/** A brief's verdict as --json gives it (brief validate, brief balance): ok, or the status and reason of its refusal. */
export function briefVerdict(brief: BriefJudgement) {
  return { id: brief.id, file: brief.file, status: brief.refusal?.status ?? "ok", reason: brief.refusal?.reason };
}

/** A refused brief's problems that decide it, located, as --json gives them beside its verdict: nothing for one that passes. */
export function refusalDiagnostics(brief: BriefJudgement, fileTexts: ReadonlyMap<string, string>): { diagnostics?: LocatedDiagnostic[] } {
  return brief.refusal === undefined ? {} : { diagnostics: locateDiagnostics(brief.refusal.diagnostics, fileTexts) };
}
