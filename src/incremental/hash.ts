import { sha256 } from "../text/sha256.js";

/**
 * The hash of what is printed: the rendered HTML (by its sha256, which the manifest's content record shares),
 * the print settings and the print setup (browser, fonts, code). Two builds whose documents have the same hash
 * print the same PDF.
 */
export function documentHash(htmlHash: string, settings: { paper: string; date: string }, printSetup: string): string {
  return sha256(JSON.stringify({ html: htmlHash, paper: settings.paper, date: settings.date, setup: printSetup }));
}
