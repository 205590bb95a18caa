import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { BriefsmithError } from "../errors.js";

/** Where a browser was found, and how. */
export interface BrowserLocation {
  readonly executablePath: string;
  readonly foundBy: "option" | "PUPPETEER_EXECUTABLE_PATH" | "puppeteer-cache" | "system";
}

const systemBrowserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

const systemBrowserPaths: Readonly<Record<string, readonly string[]>> = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/opt/google/chrome/chrome", "/snap/bin/chromium"],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface BrowserSearch {
  /** The --browser option, if given. */
  readonly explicitPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Puppeteer's idea of its own downloaded Chrome; a function so Puppeteer loads only when needed. */
  readonly puppeteerCachePath?: () => Promise<string | undefined>;
  readonly platform?: string;
  /** Where system browsers live; defaults to the usual places for the platform. */
  readonly systemPaths?: readonly string[];
}

/**
 * Find a Chrome or Chromium as a user would expect: the explicit option, then
 * PUPPETEER_EXECUTABLE_PATH, then the browser Puppeteer downloaded into its
 * cache, then a system Chrome or Chromium. A path the user named that does not
 * exist is an error, not a reason to silently use another browser.
 */
export async function findBrowser(search: BrowserSearch): Promise<BrowserLocation> {
  if (search.explicitPath !== undefined) {
    if (await isExecutable(search.explicitPath)) return { executablePath: search.explicitPath, foundBy: "option" };
    throw new BriefsmithError("BROWSER_NOT_FOUND", `the browser given with --browser does not exist or cannot run: ${search.explicitPath}`);
  }
  const fromEnv = search.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (await isExecutable(fromEnv)) return { executablePath: fromEnv, foundBy: "PUPPETEER_EXECUTABLE_PATH" };
    throw new BriefsmithError("BROWSER_NOT_FOUND", `PUPPETEER_EXECUTABLE_PATH names a browser that does not exist or cannot run: ${fromEnv}`, {
      hint: "fix or unset PUPPETEER_EXECUTABLE_PATH",
    });
  }
  const cached = await search.puppeteerCachePath?.().catch(() => undefined);
  if (cached !== undefined && (await isExecutable(cached))) return { executablePath: cached, foundBy: "puppeteer-cache" };

  const platform = search.platform ?? process.platform;
  const candidates = [
    ...(search.systemPaths ?? systemBrowserPaths[platform] ?? []),
    ...(search.env.PATH ?? "").split(delimiter).filter(Boolean).flatMap((dir) => systemBrowserNames.map((name) => join(dir, name))),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return { executablePath: candidate, foundBy: "system" };
  }
  throw new BriefsmithError("BROWSER_NOT_FOUND", "no Chrome or Chromium found to print PDFs with", { hint: installHint(platform) });
}

function installHint(platform: string): string {
  const steps = [
    "install one of these, then run the command again:",
    platform === "linux" ? "  Debian/Ubuntu: sudo apt-get install chromium" : undefined,
    platform === "darwin" ? "  macOS: install Google Chrome from google.com/chrome" : undefined,
    "  any system: npx puppeteer browsers install chrome (downloads Chrome into Puppeteer's cache)",
    "  or point Briefsmith at a browser: --browser PATH or PUPPETEER_EXECUTABLE_PATH=PATH",
    "(brief validate needs no browser)",
  ];
  return steps.filter((s) => s !== undefined).join("\n        ");
}
