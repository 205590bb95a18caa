import type { BriefsmithError } from "../errors/briefsmith-error.js";

// Apart from the pool, which a build with nothing to do does not load, though the build asks this of its errors.

/** How the timeout of a document never handed a tab begins: its browser did not start, or open one. */
export const neverStarted = "the browser did not start";

/** Whether a print ran out of time because its browser never started or gave it a tab. */
export function browserNeverStarted(error: BriefsmithError): boolean {
  return error.code === "PRINT_TIMEOUT" && error.message.startsWith(neverStarted);
}
