import { checkCountArgument, checkDateArgument, checkOptionsArgument, checkSignalArgument, checkTextArgument, invalidArgument } from "../errors/argument.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { momentOfEpoch } from "../text/dates.js";
import type { BrowserLocation } from "./browser.js";
import { browserFingerprint, locateBrowser, type Env } from "./locate.js";
import { finishPdf } from "./pdf-file.js";
import { PrintPool } from "./pool.js";
import { maxTabs, maxTimeoutMs } from "./limits.js";

export type { Env } from "./locate.js";

export interface PrintOptions {
  /** The paper when the document's CSS names none (Briefsmith's templates always do). */
  readonly paper?: "Letter" | "A4";
  /**
   * The date stamped in the PDF as its creation date (YYYY-MM-DD). A fixed
   * date is what makes the same HTML give the same bytes; without it, the
   * printer's SOURCE_DATE_EPOCH, else 1 January 1970.
   */
  readonly date?: string;
  /**
   * Give up after this long, counted from the document's turn: starting a browser, opening a tab and
   * printing count; waiting behind the printer's other documents does not (use `signal` to bound that).
   */
  readonly timeoutMs?: number;
  /** Abandon the document when this fires: it fails with PRINT_CANCELLED and its tab is closed. */
  readonly signal?: AbortSignal | undefined;
}

/** A printed document, with what a build reports about it. */
export interface PrintedDocument {
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** Things the reader should know, such as requests the document made that were blocked. */
  readonly warnings: readonly string[];
}

/**
 * What the build needs of a printer, and all it needs: so the orchestrator can
 * be tested with a fake one that never starts a browser.
 */
export interface DocumentPrinter {
  printDocument(html: string, options?: PrintOptions): Promise<PrintedDocument>;
  /** What prints, for cache keys: a different browser may lay out a document differently. */
  fingerprint(): Promise<string>;
  /** Browsers started so far: 0 until the first document (or warm-up). */
  readonly launches: number;
  close(): Promise<void>;
}

/** One warm browser and a pool of sandboxed tabs, for printing HTML to PDF. */
export interface Printer extends DocumentPrinter {
  /** Print a document to PDF bytes: the same HTML (and date) always gives the same bytes. */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /**
   * Start the browser and open its tabs now (createPrinter does, unless `warm` is false); settles once the
   * browser has started, or failed to (BROWSER_LAUNCH_FAILED). A document printed meanwhile waits for it.
   */
  warmUp(): Promise<void>;
}

export interface PrinterOptions {
  /** Tabs printing at once (default 2). */
  readonly jobs?: number;
  /** The Chrome or Chromium to use; else PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, the system's. */
  readonly browser?: string | undefined;
  /** Per document, unless a print call says otherwise (default 60 s). */
  readonly timeoutMs?: number;
  /** Start a fresh browser after this many documents, to bound memory (default 200). */
  readonly restartAfter?: number;
  /** For PUPPETEER_EXECUTABLE_PATH, BRIEFSMITH_NO_SANDBOX and SOURCE_DATE_EPOCH (default: the process's). */
  readonly env?: Env;
  /** Start the browser and open the tabs now, before the first document (default true). */
  readonly warm?: boolean;
  /** Called with each browser's process id as it starts. */
  readonly onLaunch?: (pid: number | undefined) => void;
  /**
   * Let Puppeteer handle SIGINT, SIGTERM and SIGHUP: it kills the browser, and on Ctrl+C exits the
   * process itself. Default false: a library leaves its host's signals to the host, which ends as any
   * Node program does (the browser, tied to it by a pipe only, ends with it) or closes the printer in
   * its own handler. A quick script may set it to true.
   */
  readonly handleSignals?: boolean;
}


const printerOptionNames = {
  jobs: true, browser: true, timeoutMs: true, restartAfter: true, env: true, warm: true, onLaunch: true, handleSignals: true,
} as const satisfies Record<keyof PrinterOptions, true>;
const printOptionNames = { paper: true, date: true, timeoutMs: true, signal: true } as const satisfies Record<keyof PrintOptions, true>;

/**
 * Start a printer: find the browser (a BriefsmithError BROWSER_NOT_FOUND if
 * there is none) and, unless `warm` is false, start it at once: a browser that
 * does not start fails the call (BROWSER_LAUNCH_FAILED). Close it when done;
 * printing after close() fails with PRINT_CANCELLED.
 */
export async function createPrinter(options: PrinterOptions = {}): Promise<Printer> {
  checkOptionsArgument("createPrinter's options", options, printerOptionNames);
  checkTextArgument("createPrinter's browser", options.browser);
  // jobs: 0 gave a printer that never printed; a page count or a timeout of nothing, one that never restarts or waits.
  if (options.jobs !== undefined) checkCountArgument("createPrinter's jobs", options.jobs, 1, maxTabs);
  if (options.restartAfter !== undefined) checkCountArgument("createPrinter's restartAfter", options.restartAfter, 1, Number.MAX_SAFE_INTEGER);
  if (options.timeoutMs !== undefined) checkCountArgument("createPrinter's timeoutMs", options.timeoutMs, 1, maxTimeoutMs);
  const env = options.env ?? process.env;
  const location = await locateBrowser(options.browser, env);
  const printer = new PoolPrinter(location, { ...options, env });
  // Started now, a browser that does not start is said at once, not at the first print.
  if (options.warm !== false) {
    try {
      await printer.warmUp();
    } catch (error) {
      await printer.close();
      throw error;
    }
  }
  return printer;
}

/**
 * A printer for a build: its browser starting, not waited for. A browser that hangs as it starts is then the first
 * document's timeout (--timeout), which fails the documents waiting on it, not the launch's own 30 s.
 */
export async function createStartingPrinter(options: Omit<PrinterOptions, "warm">): Promise<Printer> {
  const printer = await createPrinter({ ...options, warm: false });
  printer.warmUp().catch(() => undefined);
  return printer;
}

const crashed = (error: unknown) => error instanceof BriefsmithError && error.code === "BROWSER_CRASHED";

/** A retry failing with a crash this soon after the first was failed by the same crash. */
const sameCrashMs = 1000;

class PoolPrinter implements Printer {
  readonly #location: BrowserLocation;
  readonly #pool: PrintPool;
  readonly #timeoutMs: number;
  readonly #defaultDate: Date;

  constructor(location: BrowserLocation, options: PrinterOptions & { env: Env }) {
    this.#location = location;
    this.#pool = new PrintPool(location, {
      size: options.jobs ?? 2,
      restartAfter: options.restartAfter ?? 200,
      env: options.env,
      onLaunch: options.onLaunch,
      handleSignals: options.handleSignals,
    });
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#defaultDate = momentOfEpoch(options.env.SOURCE_DATE_EPOCH ?? "") ?? new Date(0);
  }

  get launches(): number {
    return this.#pool.launches;
  }

  warmUp(): Promise<void> {
    return this.#pool.warmUp();
  }

  fingerprint(): Promise<string> {
    return browserFingerprint(this.#location);
  }

  async print(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    return (await this.printDocument(html, options)).pdf;
  }

  async printDocument(html: string, options: PrintOptions = {}): Promise<PrintedDocument> {
    // A caller's mistake, said as one, not taken for a crashed browser (and retried in a new one).
    if (typeof html !== "string") throw invalidArgument("the document to print", html, "HTML text");
    checkOptionsArgument("the print options", options, printOptionNames);
    checkSignalArgument("the print signal", options.signal);
    if (options.paper !== undefined && options.paper !== "Letter" && options.paper !== "A4") throw invalidArgument("the paper", options.paper, '"Letter" or "A4"');
    if (options.date !== undefined) checkDateArgument("the print date", options.date);
    if (options.timeoutMs !== undefined) checkCountArgument("the print timeoutMs", options.timeoutMs, 1, maxTimeoutMs);
    const request = { html, paper: options.paper ?? "Letter", timeoutMs: options.timeoutMs ?? this.#timeoutMs, signal: options.signal } as const;
    let printed;
    try {
      printed = await this.#pool.print(request);
    } catch (error) {
      // A crashed browser or tab is replaced; the document that was in flight gets one more try.
      if (!crashed(error)) throw error;
      const crashedAt = performance.now();
      try {
        printed = await this.#pool.print(request);
      } catch (again) {
        // A crash that takes every tab at once (their renderers killed together) may reach the tab of the retry
        // before its loss is noticed, and fail it at once: the same crash, not a second one (a CI engineer's test,
        // once in 37 runs). A retry failing that soon gets one more; a document that crashes its tab, only two.
        if (!crashed(again) || performance.now() - crashedAt > sameCrashMs) throw again;
        printed = await this.#pool.print(request);
      }
    }
    const { pdf, pages, shrink } = finishPdf(printed.pdf, options.date === undefined ? this.#defaultDate : new Date(`${options.date}T00:00:00Z`));
    const warnings = printed.blockedRequests.map((url) => `blocked a request for ${url}`);
    // Something wider than the page (a table, a token that would not break) makes Chromium shrink every page to fit it.
    if (shrink < 0.98) {
      warnings.push(`the browser shrank the pages to ${Math.round(shrink * 100)}% to fit something wider than the page: look for a long unbroken word or URL, or a wide table`);
    }
    return { pdf, pages, warnings };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
