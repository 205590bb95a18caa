import { stat } from "node:fs/promises";
import { findBrowser, type BrowserLocation } from "./browser.js";
import { puppeteerCachePaths } from "./launch.js";

export type Env = Readonly<Record<string, string | undefined>>;

/*
 * Which browser prints, apart from the printer itself: a build's cache keys name the browser, and a
 * build with nothing to print must find that out without loading the print pool.
 */

/** A browser's path and the time of its file: a new version or another browser changes it. */
export async function browserFingerprint(location: BrowserLocation): Promise<string> {
  return `${location.executablePath}@${(await stat(location.executablePath)).mtimeMs}`;
}

/** Find a browser the way `brief build` does. */
export function locateBrowser(explicitPath: string | undefined, env: Env): Promise<BrowserLocation> {
  return findBrowser({ explicitPath, env, puppeteerCachePaths: () => puppeteerCachePaths(env) });
}
