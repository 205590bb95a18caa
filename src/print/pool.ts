import type { Browser } from "puppeteer";
import { BriefsmithError } from "../errors.js";
import type { BrowserLocation } from "./browser.js";
import { closeBrowser, launchBrowser, SandboxedPage, type PrintRequest, type PrintResult } from "./printer.js";

export interface PrintPoolOptions {
  /** Tabs printing at once. Two per browser is the sweet spot on two cores; more add latency, not throughput. */
  readonly size: number;
  /** Start a fresh browser after this many documents, to bound memory growth. */
  readonly restartAfter: number;
  readonly launchTimeoutMs?: number;
  /** For tests: called with each browser's process id when it starts. */
  readonly onLaunch?: (pid: number | undefined) => void;
}

/**
 * One browser and a bounded pool of sandboxed tabs. The browser starts on the
 * first print, restarts after `restartAfter` documents, and is replaced when it
 * crashes; a tab that times out is thrown away. Errors come back as
 * BriefsmithErrors: PRINT_TIMEOUT or BROWSER_CRASHED.
 */
export class PrintPool {
  readonly #location: BrowserLocation;
  readonly #options: PrintPoolOptions;
  #browser: Promise<Browser> | undefined;
  #idle: SandboxedPage[] = [];
  #open = 0;
  #busy = 0;
  #printedByThisBrowser = 0;
  #waiters: (() => void)[] = [];
  #restarting: Promise<void> | undefined;
  #launches = 0;

  constructor(location: BrowserLocation, options: PrintPoolOptions) {
    this.#location = location;
    this.#options = options;
  }

  /** How many browsers this pool has started (1 + restarts). */
  get launches(): number {
    return this.#launches;
  }

  /** Start the browser and open the tabs now, before the first document is ready: this overlaps the build's other work. */
  warmUp(): void {
    void this.#currentBrowser()
      .then((browser) => {
        for (let i = this.#open; i < this.#options.size; i++) {
          this.#open++;
          SandboxedPage.open(browser).then(
            (page) => {
              this.#idle.push(page);
              this.#wake();
            },
            () => {
              this.#open--;
              this.#wake();
            },
          );
        }
      })
      .catch(() => undefined);
  }

  async print(request: PrintRequest): Promise<PrintResult> {
    const page = await this.#acquire();
    let reusable = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new BriefsmithError("PRINT_TIMEOUT", `printing took longer than ${request.timeoutMs / 1000} s`, { hint: "raise --timeout, or split the brief" })),
          request.timeoutMs,
        );
      });
      const result = await Promise.race([page.print(request), timeout]);
      reusable = true;
      this.#printedByThisBrowser++;
      return result;
    } catch (error) {
      if (error instanceof BriefsmithError) throw error;
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (/timed? ?out/i.test(message)) throw new BriefsmithError("PRINT_TIMEOUT", `printing timed out: ${message}`, { cause: error });
      throw new BriefsmithError("BROWSER_CRASHED", `the browser failed while printing: ${message}`, { cause: error });
    } finally {
      clearTimeout(timer);
      this.#release(page, reusable);
    }
  }

  async #acquire(): Promise<SandboxedPage> {
    for (;;) {
      await this.#restarting;
      if (this.#printedByThisBrowser >= this.#options.restartAfter && this.#busy === 0) {
        this.#restarting = this.#restart().finally(() => (this.#restarting = undefined));
        continue;
      }
      const canOpen = this.#open < this.#options.size && this.#printedByThisBrowser < this.#options.restartAfter;
      if (this.#idle.length > 0 && this.#printedByThisBrowser < this.#options.restartAfter) {
        this.#busy++;
        return this.#idle.pop()!;
      }
      if (canOpen) {
        try {
          return await this.#openPage();
        } catch (error) {
          if (error instanceof BriefsmithError) throw error;
          // A browser that died between documents is replaced once before giving up.
          this.#browser = undefined;
          this.#idle = [];
          return this.#openPage().catch((retryError: unknown) => {
            const message = retryError instanceof Error ? retryError.message : String(retryError);
            throw new BriefsmithError("BROWSER_CRASHED", `the browser could not be restarted: ${message}`, { cause: error });
          });
        }
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** A new tab, counted as open and busy; on failure the counts are restored and waiters woken. */
  async #openPage(): Promise<SandboxedPage> {
    this.#open++;
    this.#busy++;
    try {
      return await SandboxedPage.open(await this.#currentBrowser());
    } catch (error) {
      this.#open--;
      this.#busy--;
      this.#wake();
      throw error;
    }
  }

  #release(page: SandboxedPage, reusable: boolean): void {
    this.#busy--;
    if (reusable) {
      this.#idle.push(page);
    } else {
      this.#open--;
      void page.close();
    }
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  #currentBrowser(): Promise<Browser> {
    if (this.#browser === undefined) {
      this.#launches++;
      this.#printedByThisBrowser = 0;
      const launching = launchBrowser(this.#location, this.#options.launchTimeoutMs).then((browser) => {
        this.#options.onLaunch?.(browser.process()?.pid);
        browser.on("disconnected", () => {
          // The browser is gone (crashed or killed): the next document starts a new one.
          if (this.#browser === launching) {
            this.#browser = undefined;
            this.#idle = [];
            this.#open = this.#busy;
          }
        });
        return browser;
      });
      this.#browser = launching;
      launching.catch(() => {
        if (this.#browser === launching) this.#browser = undefined;
      });
    }
    return this.#browser;
  }

  async #restart(): Promise<void> {
    const old = this.#browser;
    this.#browser = undefined;
    this.#idle = [];
    this.#open = 0;
    this.#printedByThisBrowser = 0;
    if (old !== undefined) await closeBrowser(await old.catch(() => undefined as never)).catch(() => undefined);
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#idle = [];
    if (browser !== undefined) {
      const resolved = await browser.catch(() => undefined);
      if (resolved !== undefined) await closeBrowser(resolved);
    }
  }
}
