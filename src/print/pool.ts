import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { BrowserLocation } from "./browser.js";
import { closeBrowser, launchBrowser, type ChromiumBrowser } from "./launch.js";
import { neverStarted } from "./never-started.js";
import { onDisconnected } from "./puppeteer.js";
import { SandboxedPage, type PrintRequest, type PrintResult } from "./sandboxed-page.js";

export interface PrintPoolOptions {
  /** Tabs printing at once. Two per browser is the sweet spot on two cores; more add latency, not throughput. */
  readonly size: number;
  /** Start a fresh browser after this many documents, to bound memory growth. */
  readonly restartAfter: number;
  readonly launchTimeoutMs?: number;
  /** The environment, for BRIEFSMITH_NO_SANDBOX. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For tests: called with each browser's process id when it starts. */
  readonly onLaunch?: (pid: number | undefined) => void;
  /** Let Puppeteer handle Ctrl+C and termination signals (default false: the host's signals are its own). */
  readonly handleSignals?: boolean;
}

/** What to do when a signal fires, by signal: one listener on each, however many documents it is given to. */
const abortWatchers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Call `then` when `signal` fires; the function returned stops watching. A listener each on the build's one signal
 * made Node warn of a leak into the log at 11 documents printing at once (MaxListenersExceededWarning).
 */
function whenAborted(signal: AbortSignal, then: () => void): () => void {
  let watchers = abortWatchers.get(signal);
  if (watchers === undefined) {
    const all = new Set<() => void>();
    watchers = all;
    abortWatchers.set(signal, all);
    signal.addEventListener("abort", () => [...all].forEach((watcher) => watcher()), { once: true });
  }
  const own = watchers;
  own.add(then);
  return () => own.delete(then);
}

/**
 * A document given up on: because the printer was closed, or because its signal fired, with the signal's reason as
 * the cause and in the message. Said alike, "the user navigated away", a caller's own timeout and a close could not
 * be told apart (a library user's test).
 */
function cancelledError(why: "closed" | AbortSignal): BriefsmithError {
  if (why === "closed") return new BriefsmithError("PRINT_CANCELLED", "printing stopped before this document was printed: the printer was closed");
  const reason: unknown = why.reason;
  const said = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : undefined;
  return new BriefsmithError("PRINT_CANCELLED", `printing stopped before this document was printed: it was cancelled${said ? ` (${said})` : ""}`, { cause: reason });
}

/** A tab, and the browser (by generation) it belongs to: a tab of a browser since replaced is never reused. */
interface Tab {
  readonly page: SandboxedPage;
  readonly generation: number;
}

/**
 * One browser and a bounded pool of sandboxed tabs. The browser starts on the
 * first print (or on warmUp), restarts after `restartAfter` documents, and is
 * replaced when it crashes; a tab that times out is thrown away. Errors come
 * back as BriefsmithErrors: PRINT_TIMEOUT, BROWSER_CRASHED, PRINT_CANCELLED.
 */
export class PrintPool {
  readonly #location: BrowserLocation;
  readonly #options: PrintPoolOptions;
  #browser: Promise<ChromiumBrowser> | undefined;
  /** The current browser once started: its process keeps the host alive only while documents are printing. */
  #running: ChromiumBrowser | undefined;
  /** Bumped whenever the browser is dropped (crash, restart, close). */
  #generation = 0;
  #idle: Tab[] = [];
  /** Tabs of the current browser, idle or busy. */
  #open = 0;
  /** Documents being printed, in any browser. */
  #busy = 0;
  /** Documents given to print() and not yet printed, failed or cancelled: waiting for a tab or a restart, or printing. */
  #inFlight = 0;
  #printedByThisBrowser = 0;
  #waiters: (() => void)[] = [];
  #restarting: Promise<void> | undefined;
  #launches = 0;
  #closed = false;
  /** Kills the browser being started, should the pool close before it is up. */
  #launching: AbortController | undefined;
  /** Launches and tab openings still under way: close() waits for them, so none is left running on a timer of its own. */
  readonly #pending = new Set<Promise<unknown>>();
  /** Launches that failed, and the last one's error: a document that waited through one fails with it (see #acquire). */
  #failedLaunches = 0;
  #launchError: BriefsmithError | undefined;

  constructor(location: BrowserLocation, options: PrintPoolOptions) {
    this.#location = location;
    this.#options = options;
  }

  /** How many browsers this pool has started (1 + restarts). */
  get launches(): number {
    return this.#launches;
  }

  /**
   * Start the browser and open the tabs now, before the first document is ready: this overlaps the build's other
   * work. Settles once the browser has started (or failed to: BROWSER_LAUNCH_FAILED, or PRINT_CANCELLED when the pool
   * was closed first); the tabs open after.
   */
  warmUp(): Promise<void> {
    const generation = this.#generation;
    const started = this.#currentBrowser();
    this.#track(
      started.then((browser) => {
        for (let i = this.#open; i < this.#options.size && !this.#closed; i++) {
          this.#open++;
          this.#track(
            SandboxedPage.open(browser).then(
              (page) => {
                if (generation === this.#generation && !this.#closed) this.#idle.push({ page, generation });
                else void page.close();
                this.#wake();
              },
              () => {
                if (generation === this.#generation) this.#open--;
                this.#wake();
              },
            ),
          );
        }
      }),
    );
    // A start close() cut short is no fault of the browser's: the warm-up was cancelled.
    return started.then(
      () => undefined,
      (error: unknown) => {
        throw this.#closed ? new BriefsmithError("PRINT_CANCELLED", "the printer was closed before its browser had started") : error;
      },
    );
  }

  /** Keep a promise the pool started without waiting for it, until it settles. */
  #track(promise: Promise<unknown>): void {
    const settled = promise.catch(() => undefined).finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }

  /**
   * Print one document. The timeout runs from the document's turn: starting a
   * browser, opening a tab and printing count, waiting behind other documents
   * for a tab does not (a caller may hand the pool a thousand documents at once).
   * A tab still printing when time runs out is closed, so a hung document
   * cannot hold it. The signal cancels the document, waiting or printing.
   */
  async print(request: PrintRequest): Promise<PrintResult> {
    this.#inFlight++;
    this.#holdHost();
    try {
      return await this.#print(request);
    } finally {
      this.#inFlight--;
      this.#holdHost();
    }
  }

  async #print(request: PrintRequest): Promise<PrintResult> {
    let tab: Tab | undefined;
    let givenUp = false;
    // Out of time before any tab was handed over, the browser never got as far as printing: that is what is said
    // (a browser that hangs at start was reported as "printing took longer than 5 s").
    const timeoutError = () =>
      tab === undefined
        ? new BriefsmithError("PRINT_TIMEOUT", `${neverStarted}, or open a tab to print in, within ${request.timeoutMs / 1000} s`, {
            hint: "check that the browser runs (try it with --version), or name another with --browser; on a slow machine, raise --timeout",
          })
        : new BriefsmithError("PRINT_TIMEOUT", `printing took longer than ${request.timeoutMs / 1000} s`, { hint: "raise --timeout, or split the brief" });
    if (request.signal?.aborted) throw cancelledError(request.signal);
    let timer: NodeJS.Timeout | undefined;
    let stopWatching: (() => void) | undefined;
    let startClock!: () => void;
    const giveUp = (error: BriefsmithError, reject: (error: BriefsmithError) => void) => {
      givenUp = true;
      if (tab !== undefined) void tab.page.close();
      // Out of time while the browser was still starting: the start is given up too, and every document waiting
      // on it fails with it, rather than wait on a start that hangs with no clock of its own running.
      else if (error.code === "PRINT_TIMEOUT") this.#launching?.abort(new Error(`${neverStarted} within ${request.timeoutMs / 1000} s`));
      reject(error);
    };
    const deadline = new Promise<never>((_, reject) => {
      // Not for a document already given up (cancelled while it waited): its turn may still come, and a clock
      // started then would, long after, close the tab it handed back, by then another document's.
      startClock = () => {
        if (!givenUp) timer ??= setTimeout(() => giveUp(timeoutError(), reject), request.timeoutMs);
      };
      // The build is stopping: a document waiting or printing is abandoned, its tab closed.
      if (request.signal !== undefined) stopWatching = whenAborted(request.signal, () => giveUp(cancelledError(request.signal!), reject));
    });
    const work = (async () => {
      tab = await this.#acquire(startClock);
      if (givenUp) {
        this.#release(tab, true);
        throw timeoutError();
      }
      let reusable = false;
      try {
        const result = await tab.page.print(request);
        reusable = !givenUp;
        this.#printedByThisBrowser++;
        return result;
      } catch (error) {
        if (error instanceof BriefsmithError) throw error;
        const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        throw new BriefsmithError("BROWSER_CRASHED", `the browser failed while printing: ${message}`, { cause: error });
      } finally {
        // A tab whose renderer crashed is replaced by a fresh one.
        this.#release(tab, reusable && tab.page.usable);
      }
    })();
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      stopWatching?.();
      work.catch(() => undefined); // after a timeout, the abandoned work's own failure is expected
    }
  }

  /** A tab for the next document; `onTurn` is called once the document stops waiting behind others (it may be called again). */
  async #acquire(onTurn: () => void): Promise<Tab> {
    const failedBefore = this.#failedLaunches;
    for (;;) {
      if (this.#closed) throw cancelledError("closed");
      if (this.#failedLaunches > failedBefore && this.#launchError !== undefined) throw this.#launchError;
      await this.#restarting;
      const due = this.#printedByThisBrowser >= this.#options.restartAfter;
      if (due && this.#busy === 0) {
        this.#restarting = this.#dropBrowser().finally(() => (this.#restarting = undefined));
        continue;
      }
      if (!due && this.#idle.length > 0) {
        onTurn();
        this.#busy++;
        return this.#idle.pop()!;
      }
      if (!due && this.#open < this.#options.size) {
        onTurn();
        try {
          return await this.#openTab();
        } catch (error) {
          if (error instanceof BriefsmithError) throw error;
          // A browser that died between documents is replaced once before giving up.
          await this.#dropBrowser();
          return this.#openTab().catch((retryError: unknown) => {
            if (retryError instanceof BriefsmithError) throw retryError;
            const message = retryError instanceof Error ? retryError.message : String(retryError);
            throw new BriefsmithError("BROWSER_CRASHED", `the browser could not be restarted: ${message}`, { cause: error });
          });
        }
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** A new tab, counted as open and busy; on failure the counts are restored and waiters woken. */
  async #openTab(): Promise<Tab> {
    const generation = this.#generation;
    this.#open++;
    this.#busy++;
    try {
      return { page: await SandboxedPage.open(await this.#currentBrowser()), generation };
    } catch (error) {
      if (generation === this.#generation) this.#open--;
      this.#busy--;
      this.#wake();
      // A launch the pool's close() cut short is no failure of the browser: the document is cancelled.
      if (this.#closed) throw cancelledError("closed");
      throw error;
    }
  }

  #release(tab: Tab, reusable: boolean): void {
    this.#busy--;
    if (tab.generation !== this.#generation) {
      void tab.page.close(); // its browser is gone or going; the counts were reset with it
    } else if (reusable && !this.#closed) {
      this.#idle.push(tab);
    } else {
      this.#open--;
      void tab.page.close();
    }
    this.#wake();
  }

  /**
   * The browser's process and its pipes keep the host's event loop alive while a document is in the printer's hands
   * (waiting for a tab or a restart, or printing) or the printer is closing, and not otherwise: a program that forgot
   * close() never ended (a library user's test). Ended that way, the browser ends with it, tied to it by its pipe
   * only; the next launch's sweep removes its profile folder.
   */
  #holdHost(): void {
    const child = this.#running?.process;
    if (child === undefined) return;
    const hold = this.#inFlight > 0 || this.#closed;
    for (const handle of [child, ...child.stdio]) {
      if (handle != null && "ref" in handle && typeof handle.ref === "function") {
        if (hold) handle.ref();
        else (handle as { unref(): void }).unref();
      }
    }
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * The browser, started if there is none. Once the pool is closed it starts none: a document that waited
   * for a restart, or for a crashed browser to be dropped, would otherwise start one that nobody closes.
   */
  #currentBrowser(): Promise<ChromiumBrowser> {
    if (this.#closed) return Promise.reject(cancelledError("closed"));
    if (this.#browser === undefined) {
      this.#launches++;
      this.#printedByThisBrowser = 0;
      const abort = new AbortController();
      this.#launching = abort;
      const launching = launchBrowser(this.#location, {
        timeoutMs: this.#options.launchTimeoutMs,
        env: this.#options.env,
        handleSignals: this.#options.handleSignals,
        signal: abort.signal,
      }).then((browser) => {
        if (this.#launching === abort) this.#launching = undefined;
        this.#options.onLaunch?.(browser.process.pid);
        if (this.#browser === launching) {
          this.#running = browser;
          this.#holdHost();
        }
        // The browser is gone (crashed or killed): drop it, and the next document starts a new one.
        onDisconnected(browser.connection, () => {
          if (this.#browser === launching) void this.#dropBrowser();
        });
        return browser;
      });
      this.#browser = launching;
      launching.catch((error: unknown) => {
        if (this.#browser === launching) this.#browser = undefined;
        if (!this.#closed && error instanceof BriefsmithError) {
          this.#failedLaunches++;
          this.#launchError = error;
          this.#wake();
        }
      });
    }
    return this.#browser;
  }

  /** Forget the current browser and its tabs, and make sure its process is gone. */
  async #dropBrowser(): Promise<void> {
    const old = this.#browser;
    this.#browser = undefined;
    this.#running = undefined;
    this.#generation++;
    this.#idle = [];
    this.#open = 0;
    this.#printedByThisBrowser = 0;
    this.#wake();
    const browser = await old?.catch(() => undefined);
    if (browser !== undefined) await closeBrowser(browser);
  }

  /**
   * Close the pool: wait for what it started (a launch, tabs opening) to settle, at most a few seconds,
   * then close the browser. Closing a browser under a tab that is still opening would leave that
   * tab's commands waiting for answers that never come.
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#holdHost();
    // A browser still starting is not waited for (a second or more on a busy machine): its process is killed.
    this.#launching?.abort(new Error("the printer was closed"));
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)));
    await Promise.race([Promise.allSettled([...this.#pending]), limit]);
    clearTimeout(timer);
    await this.#dropBrowser();
  }
}
