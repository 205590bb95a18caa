import { execFile, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { homedir, hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { processRuns } from "../output/process-runs.js";
import type { BrowserLocation } from "./browser.js";
import { neverStarted } from "./never-started.js";
import { connectOverPipe, startBrowserProcess, type BrowserProcess, type Connection } from "./puppeteer.js";

/**
 * Flags for a headless Chromium that makes no network connection of its own, and does not draw for a screen
 * nobody sees: with threaded compositing, a tab composites and rasterises each document for display, on threads
 * of its own and in the GPU process's compositor, although printing paints it again for the PDF. Without it the
 * headless shell spends about a fifth less CPU on the bench's briefs and prints the same bytes; the full
 * browser's new headless mode is the same either way.
 */
export const chromiumFlags = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-default-apps",
  "--disable-domain-reliability",
  "--disable-features=Translate,MediaRouter,OptimizationHints",
  "--no-pings",
  "--mute-audio",
  "--disable-threaded-compositing",
  // Every connection goes to a proxy that is not there, loopback's too (Chromium otherwise bypasses a proxy for it):
  // a review found the full browser opening TCP connections, with no request sent, to hosts a document named in a
  // preconnect hint or a blocked frame, which tells them when and where a brief was printed. The tab's locks see
  // requests only; this is a lock on the sockets.
  "--proxy-server=127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
] as const;

/**
 * What Puppeteer's launch gives Chromium before the caller's own flags (its defaultArgs, which need Puppeteer
 * loaded), written out so that Chromium starts while Puppeteer loads. tests/unit/print/launch.test.ts checks them
 * against the installed Puppeteer's: an upgrade that changes them fails it.
 */
const puppeteerDefaultFlags = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--enable-automation",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
] as const;

/** The features Puppeteer's launch turns off and on; a caller's own lists are added to these, in one flag each. */
const puppeteerDisabledFeatures = ["Translate", "AcceptCHFrame", "MediaRouter", "OptimizationHints", "WebUIReloadButton", "ProcessPerSiteUpToMainFrameThreshold", "IsolateSandboxedIframes"];
const puppeteerEnabledFeatures = ["PdfOopif"];

/**
 * Chromium's command line, as Puppeteer's launch writes it for a pipe: its flags, the profile, the headless mode (a
 * headless shell has one, Puppeteer's "shell"; a full browser runs in its new headless mode), a blank first tab,
 * then `flags`, then the pipe.
 */
export function chromiumArguments(headlessShell: boolean, profile: string, flags: readonly string[]): string[] {
  // Chromium takes the last of two --disable-features flags, so Puppeteer's launch merges a caller's into its own.
  const isFeatureList = (flag: string) => flag.startsWith("--disable-features=") || flag.startsWith("--enable-features=");
  const featuresIn = (name: string) => flags.filter((flag) => flag.startsWith(`${name}=`)).map((flag) => flag.slice(name.length + 1).trim()).filter((list) => list !== "");
  return [
    ...puppeteerDefaultFlags,
    `--disable-features=${[...puppeteerDisabledFeatures, ...featuresIn("--disable-features")].join(",")}`,
    `--enable-features=${[...puppeteerEnabledFeatures, ...featuresIn("--enable-features")].join(",")}`,
    `--user-data-dir=${profile}`,
    headlessShell ? "--headless" : "--headless=new",
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-extensions",
    "about:blank",
    ...flags.filter((flag) => !isFeatureList(flag)),
    "--remote-debugging-pipe",
  ];
}

/** A Chromium this process started: Puppeteer's DevTools connection to it, its process, and the tab it opened with. */
export interface ChromiumBrowser {
  readonly connection: Connection;
  readonly process: ChildProcess;
  /** The blank tab Chromium opens as it starts (its command line says about:blank): a printer prints in it (sandboxed-page.ts). */
  readonly firstTab: string;
}

/**
 * Chromium will not start as root with its own sandbox on, nor where the
 * system forbids the namespaces it needs (Ubuntu 24.04 CI runners, some
 * containers): there BRIEFSMITH_NO_SANDBOX=1 turns it off. Otherwise it stays on.
 */
export function chromiumSandboxOff(env: Readonly<Record<string, string | undefined>>): boolean {
  return process.getuid?.() === 0 || env.BRIEFSMITH_NO_SANDBOX === "1";
}

/**
 * Start a headless browser and connect to it; Puppeteer is loaded on first use, so commands that do not print never
 * pay for it. It is puppeteer-core, not the puppeteer package: that one looks through the working folder and its
 * parents for a configuration file as it loads, and runs one written in JavaScript (`.puppeteerrc.cjs`), so a
 * project's files could make Briefsmith run code. Briefsmith finds the browser itself and needs no configuration.
 */
export async function launchBrowser(
  location: BrowserLocation,
  options: { timeoutMs?: number; env?: Readonly<Record<string, string | undefined>>; handleSignals?: boolean; signal?: AbortSignal } = {},
): Promise<ChromiumBrowser> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // The launch's own deadline: Puppeteer's counts only until the pipe connects, and a browser that connects and
  // then hangs held a launch for its protocol timeout, 180 s, with a message about a setting no caller has.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`${neverStarted} within ${timeoutMs / 1000} s`)), timeoutMs);
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([options.signal, deadline.signal]);
  let profile: string | undefined;
  let started: BrowserProcess | undefined;
  try {
    signal.throwIfAborted();
    profile = makeProfileFolder();
    // Chromium is started before Puppeteer's connection is loaded: it starts up while those modules compile, on the
    // core the build's thread leaves idle.
    started = startBrowserProcess({
      executablePath: location.executablePath,
      args: chromiumArguments(location.headlessShell, profile, chromiumSandboxOff(options.env ?? {}) ? ["--no-sandbox", ...chromiumFlags] : chromiumFlags),
      // Puppeteer's own handlers kill the browser and exit the process on Ctrl+C; asked for only. Without them the
      // host's signals are its own (SIGTERM ends it, its SIGINT handler runs), and Chromium, killed as Node exits
      // and otherwise tied to it by its pipe, ends when the host does. Under the build's pool they would also close
      // the browser as if it had crashed.
      handleSignals: options.handleSignals ?? false,
      // Aborted, the browser's process is killed, even while it is still starting.
      signal,
    });
    const child = started.nodeProcess;
    // A start that fails (a file that may not be run) closes the pipe, and the connection says so; unheard, the
    // process's error would end Node.
    child.on("error", () => undefined);
    // Nor may an error on one of its pipes: a browser that dies can reset the pipe Puppeteer wrote to after
    // Puppeteer has let go of it (a review killed the browser mid-print: Node ended once in some twenty deaths).
    for (const stream of child.stdio) stream?.on("error", () => undefined);
    // A profile folder of Briefsmith's own, removed when the browser ends or fails to start: Puppeteer's own was
    // left behind by a launch stopped as it started.
    const folder = profile;
    child.once("exit", () => removeProfileFolder(folder));
    const connection = connectOverPipe(started);
    // Up once its first tab is, as Puppeteer's launch waits for it: a browser that ends as it starts fails here.
    // Downloads are refused: the full browser saved a frame of a document's (a data: URL of a file type it does
    // not show) to ~/Downloads, whatever the tab's locks (a review).
    return await untilAborted(
      Promise.all([firstTab(connection), connection.send("Browser.setDownloadBehavior", { behavior: "deny" })]).then(([tab]) => ({ connection, process: child, firstTab: tab })),
      signal,
    );
  } catch (error) {
    try {
      started?.kill();
    } catch {
      // Its group could not be killed (not ours to kill): it ends with its pipe, as Node exits at the latest.
    }
    if (profile !== undefined) removeProfileFolder(profile);
    if (error instanceof BriefsmithError) throw error;
    const why = signal.aborted ? undefined : await whyItDoesNotRun(location.executablePath);
    const said = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    // Puppeteer's words for a browser that ended before it answered over the pipe.
    const ended = /Target closed|Connection closed/.test(said);
    // The hint for what the probe found: a program that cannot be run, one that fails as it starts, or one that runs
    // with --version but ends when started headless (where no sandbox can be made: Ubuntu 24.04 runners, containers).
    const hint =
      why === undefined
        ? ended
          ? "it runs (--version answers) but ends when started to print: where the system forbids its sandbox (Ubuntu 24.04 runners, some containers) set BRIEFSMITH_NO_SANDBOX=1; or name another with --browser"
          : "check that the browser runs (try it with --version), or name another with --browser"
        : why.runs
          ? "run it with --version to see all it says (a missing library is installed with the system's package manager), or name another browser with --browser"
          : "name the browser program itself with --browser (it must be a file you may run: chmod +x)";
    const reason = why?.text ?? (ended ? "it ended as it started, before it could be talked to" : said);
    throw new BriefsmithError("BROWSER_LAUNCH_FAILED", `could not start the browser at ${location.executablePath}: ${reason}`, { hint, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The tab Chromium opened as it started. Target discovery reports the targets there are at once, and each one made
 * after; it is turned off again once the tab is known, so that the connection does not hear of every change of
 * every tab for the rest of the browser's life.
 */
function firstTab(connection: Connection): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onCreated = ({ targetInfo }: { targetInfo: { targetId: string; type: string } }) => {
      if (targetInfo.type !== "page") return;
      connection.off("Target.targetCreated", onCreated);
      connection.send("Target.setDiscoverTargets", { discover: false }).catch(() => undefined);
      resolve(targetInfo.targetId);
    };
    connection.on("Target.targetCreated", onCreated);
    connection.send("Target.setDiscoverTargets", { discover: true }).catch((error: unknown) => {
      connection.off("Target.targetCreated", onCreated);
      reject(error);
    });
  });
}

/**
 * Why a browser that failed to start does not run at all, from running it with --version: its exit code and the
 * last line it wrote ("libnss3.so: cannot open shared object file"). Puppeteer, talking to the browser over a pipe,
 * only sees the pipe close ("Protocol error (Target.setDiscoverTargets): Target closed"), and keeps what the browser
 * said to itself; `runs` says it was started at all. Undefined when it answers (the failure is elsewhere) or does
 * not within 5 s.
 */
function whyItDoesNotRun(executablePath: string): Promise<{ text: string; runs: boolean } | undefined> {
  return new Promise((resolve) => {
    execFile(executablePath, ["--version"], { timeout: 5000, maxBuffer: 64 * 1024, encoding: "utf8" }, (error, _stdout, stderr) => {
      if (error === null) return resolve(undefined);
      // Not run at all (no program there, not executable): `runs` false.
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === "string") return resolve({ text: code === "ENOENT" ? "there is no program there" : `it cannot be run (${code})`, runs: false });
      if (error.killed) return resolve(undefined);
      const said = stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "").at(-1);
      const ended = error.signal ? `it was killed by ${error.signal}` : `it exits with code ${String(error.code)}`;
      resolve({ text: `${ended} as it starts${said === undefined ? "" : `: ${said.length > 300 ? `${said.slice(0, 300)}…` : said}`}`, runs: true });
    });
  });
}

/** A fresh profile folder for a browser, in the system's temporary folder. */
function makeProfileFolder(): string {
  try {
    removeDeadProfileFolders();
    return mkdtempSync(join(tmpdir(), `${profilePrefix}${process.pid}-${thisHost}-`));
  } catch (error) {
    throw new BriefsmithError("BROWSER_LAUNCH_FAILED", `cannot make the browser's profile folder in ${tmpdir()}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      hint: "set TMPDIR to a folder that exists and can be written",
      cause: error,
    });
  }
}

/**
 * A profile folder's name: this prefix, the process id of the Briefsmith that made it, its host, and a random part.
 * The host, because a process id means something only on its own host (and in its own container): two CI
 * containers sharing a temporary folder would each take the other's live profile for a dead one's (a review).
 */
const profilePrefix = "briefsmith-chromium-";
const thisHost = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
const sweptFolders = new Set<string>();

/**
 * The profile folders of Briefsmith processes that are gone: a build killed with SIGKILL removes nothing, and its
 * folder (a megabyte or more) stayed in the temporary folder for good (a CI engineer's test). One whose process id
 * is alive is left alone, whoever has that id now.
 */
function removeDeadProfileFolders(): void {
  // Once a process for each temporary folder: a build restarts its browser every 100 documents, and the dead stay dead.
  const folder = tmpdir();
  if (sweptFolders.has(folder)) return;
  sweptFolders.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.startsWith(profilePrefix));
  } catch {
    return;
  }
  for (const name of names) {
    const [, id, host] = /^(\d+)-([0-9a-f]{8})-/.exec(name.slice(profilePrefix.length)) ?? [];
    const pid = Number(id);
    if (host !== thisHost || !Number.isInteger(pid) || pid <= 0 || processRuns(pid)) continue;
    try {
      rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // Another user's, or going as we look: the next build tries again.
    }
  }
}

/**
 * Remove a profile folder now, and again as Node exits: a browser killed as it started may still write to it for a
 * moment after its launch failed, and recreate what was removed.
 */
function removeProfileFolder(folder: string): void {
  const remove = () => {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Not removable (a disk gone): the system's temporary folder is cleared in time.
    }
  };
  remove();
  if (removedAtExit.size === 0) process.once("exit", () => removedAtExit.forEach((again) => again()));
  removedAtExit.add(remove);
}

/** Folders removed once more as the process exits. */
const removedAtExit = new Set<() => void>();

/**
 * The launch, or its signal's reason as soon as the signal aborts. Puppeteer kills a browser whose launch
 * is aborted, but a launch aborted while it connects over the pipe then never settles, with nothing left
 * in the event loop: awaited, it ended the process with Node's exit code 13 and no report. Should the
 * launch still succeed after the abort, that browser is closed.
 */
function untilAborted(launching: Promise<ChromiumBrowser>, signal: AbortSignal | undefined): Promise<ChromiumBrowser> {
  if (signal === undefined) return launching;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error("the launch was aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  launching.then(
    (browser) => {
      if (signal.aborted) void closeBrowser(browser);
    },
    () => undefined,
  );
  return Promise.race([launching, aborted]).finally(() => signal.removeEventListener("abort", onAbort!));
}

/**
 * Close a browser, and kill what is left of it: a wedged Chromium must not hold up the build. Puppeteer starts
 * Chromium in a process group of its own, and the group is killed however close() ended: a renderer stuck (on a
 * hung file system, say) outlives the browser's main process, and held Chromium's output pipes open, so that a
 * build stopped by a signal wrote its manifest and then never exited. The close is waited for a second at most
 * (a working browser closes in a tenth to a half): everything it printed is written already, and a build stopped
 * by a signal waited 5 s here for a wedged browser's answer, after the 2 s its prints are given.
 */
export async function closeBrowser(browser: ChromiumBrowser): Promise<void> {
  const { connection, process: child } = browser;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Closed, and its end waited for, as Puppeteer's close of a browser it launched waits: one killed as it shuts down
  // leaves more of its processes unreaped (a review, with the host as process 1 in a container: 51 against 20).
  await waitAtMost(
    connection
      .send("Browser.close")
      .catch(() => undefined)
      .then(() => exited),
    1000,
  );
  // The pipe let go of, and every command still waiting on it failed, whether the browser answered or not.
  connection.dispose();
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone (every process of it has ended): nothing is left. A main process that is still there
    // outside its group (on a system without process groups) is killed by itself.
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  // Its end waited for (a second at most), as Puppeteer's own close waits for it: a browser killed and not yet
  // reaped when its host exits is left behind as a zombie (a library user's test of a host's own SIGINT handler).
  await waitAtMost(exited, 1000);
}

/** `promise`, or `ms` gone by, whichever comes first; the timer is cleared either way. */
async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Where Puppeteer's cache (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer) would hold the browsers this
 * Puppeteer version drives: chrome-headless-shell first, then Chrome. The paths are computed as Puppeteer
 * computes them, by @puppeteer/browsers, without Puppeteer's configuration file (see launchBrowser). When
 * the cache folder does not exist (the usual case with a system browser) the answer is known without loading either.
 */
export async function puppeteerCachePaths(env: Readonly<Record<string, string | undefined>> = process.env): Promise<readonly string[]> {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer");
  if (!existsSync(cacheDir)) return [];
  const [{ Browser, computeExecutablePath }, { PUPPETEER_REVISIONS }] = await Promise.all([
    import("@puppeteer/browsers"),
    import("puppeteer-core/internal/revisions.js"),
  ]);
  return [
    computeExecutablePath({ cacheDir, browser: Browser.CHROMEHEADLESSSHELL, buildId: PUPPETEER_REVISIONS["chrome-headless-shell"] }),
    computeExecutablePath({ cacheDir, browser: Browser.CHROME, buildId: PUPPETEER_REVISIONS.chrome }),
  ];
}
