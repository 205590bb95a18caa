import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ErrorCode } from "./codes.js";

/**
 * The one error type for problems a user can fix: bad input, a missing file, no
 * browser. It carries a stable `code` (for scripts and tests) and, where the
 * problem lives in files, diagnostics with positions and the texts of those
 * files, so a caller can print each with its line and caret. Anything thrown
 * that is not a BriefsmithError is a bug and is reported as an internal error.
 */
export class BriefsmithError extends Error {
  override readonly name = "BriefsmithError";
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The text of each file the diagnostics name, by the path they show. */
  readonly fileTexts: ReadonlyMap<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string | undefined; diagnostics?: readonly Diagnostic[]; fileTexts?: ReadonlyMap<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
    this.fileTexts = options.fileTexts ?? new Map();
  }
}
