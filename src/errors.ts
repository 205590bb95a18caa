import type { Diagnostic } from "./diagnostics/diagnostic.js";

/**
 * The one error type for problems a user can fix: bad input, a missing file, no
 * browser. It carries a stable `code` (for scripts and tests) and, where the
 * problem lives in a file, diagnostics with positions. Anything thrown that is
 * not a BriefsmithError is a bug and is reported as an internal error.
 */
export class BriefsmithError extends Error {
  override readonly name = "BriefsmithError";
  readonly code: string;
  readonly hint: string | undefined;
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: string,
    message: string,
    options: { hint?: string; diagnostics?: readonly Diagnostic[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
  }
}
