import type { Browser, HTTPRequest, Page } from "puppeteer";
import { BriefsmithError } from "../errors.js";
import type { BrowserLocation } from "./browser.js";

/** Flags for a headless Chromium that makes no network connection of its own. */
export const chromiumFlags = [
  "--no-sandbox",
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
] as const;

/** The document is served from a name that can never resolve, and only from memory. */
const documentOrigin = "https://briefsmith.invalid";
const faviconUrl = `${documentOrigin}/favicon.ico`;

export interface PrintRequest {
  readonly id: string;
  readonly html: string;
  readonly paper: "Letter" | "A4";
  readonly timeoutMs: number;
}

export interface PrintResult {
  readonly pdf: Uint8Array;
  /** Requests the document tried to make and that were blocked: reported as warnings. */
  readonly blockedRequests: readonly string[];
}

/** Start a headless browser; Puppeteer is loaded on first use, so commands that do not print never pay for it. */
export async function launchBrowser(location: BrowserLocation, timeoutMs = 30_000): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer");
  try {
    return await puppeteer.launch({
      executablePath: location.executablePath,
      headless: true,
      pipe: true,
      args: [...chromiumFlags],
      timeout: timeoutMs,
    });
  } catch (error) {
    throw new BriefsmithError(
      "BROWSER_LAUNCH_FAILED",
      `could not start the browser at ${location.executablePath}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      { hint: "check that the browser runs (try it with --version), or name another with --browser", cause: error },
    );
  }
}

/**
 * One browser tab set up for printing untrusted documents, reused from brief
 * to brief: JavaScript is disabled and every request is intercepted; the
 * current document is served from memory, data: URLs are allowed, and
 * everything else is aborted and recorded.
 */
export class SandboxedPage {
  readonly #page: Page;
  #current: { url: string; html: string; blocked: string[] } | undefined;

  private constructor(page: Page) {
    this.#page = page;
  }

  static async open(browser: Browser): Promise<SandboxedPage> {
    const page = await browser.newPage();
    const sandboxed = new SandboxedPage(page);
    await page.setJavaScriptEnabled(false);
    // Two locks on the network: the page is offline, and every request it makes is intercepted.
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => sandboxed.#intercept(request));
    return sandboxed;
  }

  #intercept(request: HTTPRequest): void {
    const url = request.url();
    const current = this.#current;
    if (current !== undefined && url === current.url) {
      void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: current.html }).catch(() => undefined);
    } else if (url.startsWith("data:")) {
      void request.continue().catch(() => undefined);
    } else if (url === faviconUrl) {
      // The browser asks for a favicon on its own account: blocked, but not the document's doing, so not reported.
      void request.abort("blockedbyclient").catch(() => undefined);
    } else {
      current?.blocked.push(url.length > 200 ? `${url.slice(0, 200)}…` : url);
      if (request.isNavigationRequest() && request.frame() === this.#page.mainFrame()) {
        // A navigation away from the document (a meta refresh): aborting it would put Chromium's error page in the
        // document's place, mid-print; "204 No Content" is the answer that leaves the current document where it is.
        void request.respond({ status: 204, body: "" }).catch(() => undefined);
      } else {
        void request.abort("blockedbyclient").catch(() => undefined);
      }
    }
  }

  async print(request: PrintRequest, sequence: number): Promise<PrintResult> {
    // A fresh URL per document, so the previous one can never be served from history or cache.
    const url = `${documentOrigin}/${sequence}/${encodeURIComponent(request.id)}.html`;
    const blocked: string[] = [];
    this.#current = { url, html: request.html, blocked };
    try {
      await this.#page.goto(url, { waitUntil: "load", timeout: request.timeoutMs });
      const pdf = await this.#page.pdf({
        format: request.paper,
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        timeout: request.timeoutMs,
      });
      return { pdf, blockedRequests: blocked };
    } finally {
      this.#current = undefined;
    }
  }

  close(): Promise<void> {
    return this.#page.close().catch(() => undefined);
  }
}

/** Close a browser, and kill it if close() hangs: a wedged Chromium must not hold up the build. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)));
  await Promise.race([browser.close().catch(() => undefined), deadline]);
  clearTimeout(timer);
  if (child !== null && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** Pages in a PDF that Chromium wrote: it lists each page object once. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function puppeteerCachePath(): Promise<string | undefined> {
  const { default: puppeteer } = await import("puppeteer");
  return puppeteer.executablePath();
}
