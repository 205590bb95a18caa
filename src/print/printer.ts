import type { Browser, HTTPRequest } from "puppeteer";
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

/**
 * One headless browser, reused for every document of a build. Pages print
 * with JavaScript disabled and every request intercepted: the document itself
 * comes from memory, data: URLs are allowed, everything else is aborted.
 */
export class PdfPrinter {
  readonly #browser: Browser;

  private constructor(browser: Browser) {
    this.#browser = browser;
  }

  static async launch(location: BrowserLocation, options: { timeoutMs?: number } = {}): Promise<PdfPrinter> {
    // Puppeteer is heavy to load; only commands that print pay for it.
    const { default: puppeteer } = await import("puppeteer");
    try {
      const browser = await puppeteer.launch({
        executablePath: location.executablePath,
        headless: true,
        pipe: true,
        args: [...chromiumFlags],
        timeout: options.timeoutMs ?? 30_000,
      });
      return new PdfPrinter(browser);
    } catch (error) {
      throw new BriefsmithError(
        "BROWSER_LAUNCH_FAILED",
        `could not start the browser at ${location.executablePath}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        { hint: "check that the browser runs (try it with --version), or name another with --browser", cause: error },
      );
    }
  }

  async print(request: PrintRequest): Promise<PrintResult> {
    const page = await this.#browser.newPage();
    const blockedRequests: string[] = [];
    const documentUrl = `${documentOrigin}/${encodeURIComponent(request.id)}.html`;
    try {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on("request", (intercepted: HTTPRequest) => {
        const url = intercepted.url();
        if (url === documentUrl) {
          void intercepted.respond({ status: 200, contentType: "text/html; charset=utf-8", body: request.html });
        } else if (url.startsWith("data:")) {
          void intercepted.continue();
        } else {
          blockedRequests.push(url.length > 200 ? `${url.slice(0, 200)}…` : url);
          void intercepted.abort("blockedbyclient");
        }
      });
      await page.goto(documentUrl, { waitUntil: "load", timeout: request.timeoutMs });
      const pdf = await page.pdf({
        format: request.paper,
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        timeout: request.timeoutMs,
      });
      return { pdf, blockedRequests };
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const child = this.#browser.process();
    let timer: NodeJS.Timeout | undefined;
    // close() can hang when the browser is wedged: give it a few seconds, then kill it.
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)));
    await Promise.race([this.#browser.close().catch(() => undefined), deadline]);
    clearTimeout(timer);
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
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
