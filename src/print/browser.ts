import { access, constants, realpath, stat } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";

/** Where a browser was found, and how. */
export interface BrowserLocation {
  readonly executablePath: string;
  readonly foundBy: "option" | "PUPPETEER_EXECUTABLE_PATH" | "puppeteer-cache" | "system";
  /** A chrome-headless-shell: the same Blink and Skia without the desktop browser, so it must be launched in its own headless mode. */
  readonly headlessShell: boolean;
}

/**
 * Whether an executable is a chrome-headless-shell (Puppeteer's download is
 * `chrome-headless-shell`, Debian's package `chromium-headless-shell`).
 */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(executablePath);
}

// A headless shell comes first wherever Briefsmith chooses: it prints the same
// PDF (same Blink, same Skia), and in npm run bench a batch takes 40% less time
// and a launch-and-print a third of the time of the full browser's headless mode.
const systemBrowserNames = ["chrome-headless-shell", "chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

const systemBrowserPaths: Readonly<Record<string, readonly string[]>> = {
  // Debian's /usr/bin/chromium-headless-shell is a shell script that runs this binary without exec;
  // the binary itself is started instead, so that the browser's process is the one Briefsmith watches and kills.
  linux: [
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/snap/bin/chromium",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

/** A file that may be run. A folder passes the access check, and starting one failed outside any handler (spawn EACCES), ending the process. */
async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface BrowserSearch {
  /** The --browser option, if given. */
  readonly explicitPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Browsers Puppeteer may have downloaded into its cache, best first; a function so Puppeteer loads only when needed. */
  readonly puppeteerCachePaths?: () => Promise<readonly string[]>;
  readonly platform?: string;
  /** Where system browsers live; defaults to the usual places for the platform. */
  readonly systemPaths?: readonly string[];
  /** False to pass over headless shells in the cache and on the system: for comparing with the full browser. */
  readonly acceptHeadlessShell?: boolean;
}

/**
 * Find a Chrome or Chromium as a user would expect: the explicit option, then
 * PUPPETEER_EXECUTABLE_PATH, then a browser Puppeteer downloaded into its
 * cache, then a system Chrome or Chromium; in the last two, a headless shell
 * before a full browser. A path the user named that does not exist is an
 * error, not a reason to silently use another browser.
 */
export async function findBrowser(search: BrowserSearch): Promise<BrowserLocation> {
  // By its name, or by the name of what a link points to (a ~/bin/chrome linked to a headless shell).
  const found = async (executablePath: string, foundBy: BrowserLocation["foundBy"]): Promise<BrowserLocation> => ({
    executablePath,
    foundBy,
    headlessShell: isHeadlessShell(executablePath) || isHeadlessShell(await realpath(executablePath).catch(() => executablePath)),
  });
  if (search.explicitPath !== undefined) {
    if (await isExecutable(search.explicitPath)) return found(search.explicitPath, "option");
    throw new BriefsmithError("BROWSER_NOT_FOUND", `the browser ${search.explicitPath} does not exist, is not a file, or cannot run`, {
      hint: "name the Chrome or Chromium program itself (as `which chromium` prints it), or leave the browser out to use the one Briefsmith finds",
    });
  }
  const fromEnv = search.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (await isExecutable(fromEnv)) return found(fromEnv, "PUPPETEER_EXECUTABLE_PATH");
    throw new BriefsmithError("BROWSER_NOT_FOUND", `PUPPETEER_EXECUTABLE_PATH names a browser that does not exist, is not a file, or cannot run: ${fromEnv}`, {
      hint: "fix or unset PUPPETEER_EXECUTABLE_PATH",
    });
  }
  const acceptable = (path: string) => search.acceptHeadlessShell !== false || !isHeadlessShell(path);
  for (const cached of ((await search.puppeteerCachePaths?.().catch(() => undefined)) ?? []).filter(acceptable)) {
    if (await isExecutable(cached)) return found(cached, "puppeteer-cache");
  }

  const platform = search.platform ?? process.platform;
  const candidates = [
    ...(search.systemPaths ?? systemBrowserPaths[platform] ?? []),
    ...(search.env.PATH ?? "").split(delimiter).filter(Boolean).flatMap((dir) => systemBrowserNames.map((name) => join(dir, name))),
  ]
    .filter(acceptable)
    // Headless shells first, wherever they are (a chrome-headless-shell on PATH before /usr/bin/chromium); otherwise in order.
    .sort((a, b) => Number(isHeadlessShell(b)) - Number(isHeadlessShell(a)));
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return found(candidate, "system");
  }
  throw new BriefsmithError("BROWSER_NOT_FOUND", "no Chrome or Chromium found to print PDFs with", { hint: installHint(platform) });
}

function installHint(platform: string): string {
  const steps = [
    "install one of these, then run the command again:",
    platform === "linux" ? "  Debian: sudo apt-get install chromium-headless-shell (or chromium)" : undefined,
    "  any system: npx puppeteer browsers install chrome-headless-shell (into Puppeteer's cache: PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer)",
    "  or install Google Chrome (google.com/chrome)",
    "  or point Briefsmith at a browser: --browser PATH or PUPPETEER_EXECUTABLE_PATH=PATH",
    "(brief validate needs no browser)",
  ];
  return steps.filter((s) => s !== undefined).join("\n        ");
}
