import type { ErrorCode } from "../errors/codes.js";

/** A character range in a file: offsets into its text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = "error" | "warning";

/** A claim or fact of an extract: what a problem is about when only the briefs that show it are affected. */
export interface ItemRef {
  readonly kind: "claim" | "fact";
  readonly id: string;
}

/** One problem found in one place, as a user will read it. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, upper-case code, for example BRIEF_UNKNOWN_THEME: see errorCodes. */
  readonly code: ErrorCode;
  readonly message: string;
  /** The file the problem is in, as given to Briefsmith (relative paths stay relative). */
  readonly file?: string | undefined;
  readonly span?: Span | undefined;
  readonly hint?: string | undefined;
  /**
   * The claim or fact the problem is in, when it is in one (a misquote, a
   * wrong locator, a copied paraphrase, an unknown reference): a brief that
   * shows the item is refused, the others are not.
   */
  readonly item?: ItemRef | undefined;
}

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === "error").length;
}

/** The same problem at the same place: what a report says once, however many briefs or runs found it. */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\n${d.file}\n${d.span?.start}\n${d.message}`;
}
