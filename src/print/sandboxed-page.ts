import type { Protocol } from "puppeteer-core";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { ChromiumBrowser } from "./launch.js";
import { onChildSession, onDisconnected, type CDPSession, type Connection } from "./puppeteer.js";

/** Paper sizes in inches, as Chromium's printToPDF takes them; the CSS @page size wins where the template sets one. */
const paperSizes = { Letter: { width: 8.5, height: 11 }, A4: { width: 8.27, height: 11.69 } } as const;

export interface PrintRequest {
  readonly html: string;
  readonly paper: "Letter" | "A4";
  readonly timeoutMs: number;
  /** Give up on the document when this fires (the build is stopping). */
  readonly signal?: AbortSignal | undefined;
}

export interface PrintResult {
  readonly pdf: Uint8Array;
  /** Requests the document tried to make and that were blocked: reported as warnings. */
  readonly blockedRequests: readonly string[];
}

/**
 * Browsers whose first tab, the blank one Chromium opens as it starts, a SandboxedPage has taken. Left idle beside
 * new ones, it was a renderer process started for nothing (three for two tabs) while the printing tabs waited for
 * theirs. Taken, a forced build of the bench's 40 briefs sent its first document some 30 ms sooner and used about
 * 3% less CPU in all (its wall time moved less than the noise).
 */
const firstTabTaken = new WeakSet<ChromiumBrowser>();

/** A blank tab: the browser's first, if no SandboxedPage has it yet and it is still blank, else a new one. */
async function blankTab(browser: ChromiumBrowser): Promise<string> {
  const { connection, firstTab } = browser;
  if (!firstTabTaken.has(browser)) {
    firstTabTaken.add(browser);
    const { targetInfo } = await connection.send("Target.getTargetInfo", { targetId: firstTab }).catch(() => ({ targetInfo: undefined }));
    if (targetInfo?.url === "about:blank") return firstTab;
  }
  return (await connection.send("Target.createTarget", { url: "about:blank" })).targetId;
}

/**
 * Lock a target of a tab before it runs anything: scripts off, and two locks on the network (offline, and every
 * request paused for `onRequest` to answer). Chromium runs some frames in a process of their own (an out-of-process
 * iframe, the PDF viewer an <embed> opens in the full browser), where the tab's own locks do not reach: each is
 * attached to as it starts, held paused (waitForDebuggerOnStart), locked the same way, and only then let run. One
 * that cannot be locked stays paused, and loads nothing.
 */
async function lockTarget(session: CDPSession, onRequest: (from: CDPSession, event: Protocol.Fetch.RequestPausedEvent) => void): Promise<void> {
  session.on("Fetch.requestPaused", (event) => onRequest(session, event));
  onChildSession(session, (child) => {
    lockTarget(child, onRequest).then(
      () => child.send("Runtime.runIfWaitingForDebugger").catch(() => undefined),
      () => undefined,
    );
  });
  await Promise.all([
    session.send("Emulation.setScriptExecutionDisabled", { value: true }),
    session.send("Network.enable"),
    session.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
    session.send("Fetch.enable", { patterns: [{ urlPattern: "*" }] }),
    session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
  ]);
}

/**
 * One browser tab set up for printing untrusted documents, reused from brief
 * to brief: JavaScript is disabled, the tab is offline, and every request is
 * intercepted. The document is set into the tab directly (it is never
 * fetched); of what it then asks for, data: URLs are allowed, and everything
 * else is aborted and recorded.
 */
export class SandboxedPage {
  readonly #connection: Connection;
  readonly #targetId: string;
  readonly #session: CDPSession;
  /** The tab's main frame: documents are set into it, never navigated to, so it stays the same frame. */
  readonly #frameId: string;
  /** The requests blocked while the current document is printed, reported as warnings. */
  #blocked: string[] | undefined;
  /** Set when the tab's renderer crashed or the tab closed: nothing more can print in it. */
  #lost: BriefsmithError | undefined;
  /** Fails the document being printed when the tab is lost, at once rather than at the timeout. */
  #onLost: ((error: BriefsmithError) => void) | undefined;

  private constructor(connection: Connection, targetId: string, session: CDPSession, frameId: string) {
    this.#connection = connection;
    this.#targetId = targetId;
    this.#session = session;
    this.#frameId = frameId;
  }

  #lose(why: string): void {
    if (this.#lost !== undefined) return;
    this.#lost = new BriefsmithError("BROWSER_CRASHED", `the browser failed while printing: ${why}`);
    this.#onLost?.(this.#lost);
  }

  /** False once the tab's renderer crashed or the tab closed. */
  get usable(): boolean {
    return this.#lost === undefined;
  }

  /**
   * A tab of `browser`, locked down before it is handed over. The commands go out together and are answered in
   * order; the tab is used only once every lock is answered.
   */
  static async open(browser: ChromiumBrowser): Promise<SandboxedPage> {
    const { connection } = browser;
    const targetId = await blankTab(browser);
    const { sessionId } = await connection.send("Target.attachToTarget", { targetId, flatten: true });
    const session = connection.session(sessionId);
    if (session === null) throw new Error("the tab's DevTools session was gone as soon as it was made");
    // Lifecycle events tell when the document has loaded: every request it made has been answered (blocked).
    const [, , { frameTree }] = await Promise.all([
      session.send("Page.enable"),
      session.send("Page.setLifecycleEventsEnabled", { enabled: true }),
      session.send("Page.getFrameTree"),
    ]);
    const sandboxed = new SandboxedPage(connection, targetId, session, frameTree.frame.id);
    // Chromium says so when a tab's renderer dies (Inspector.targetCrashed), and the session ends when the tab closes
    // or the browser goes; a print in flight would otherwise wait for an answer that never comes.
    session.on("Inspector.targetCrashed", () => sandboxed.#lose("the tab's renderer crashed"));
    onDisconnected(session, () => sandboxed.#lose("the tab was closed"));
    await Promise.all([
      // A tab in a window on screen composites and rasterises each document for display, though printing paints it
      // again; in a minimised window (the document hidden) it draws nothing. The full browser's headless mode then
      // spends about a tenth less CPU on the bench's briefs; the headless shell, which its flags already keep from
      // drawing (launch.ts), minimises too, for nothing measurable. Both print the same bytes. A browser without the
      // call says so, and its tab prints as it did.
      session
        .send("Browser.getWindowForTarget")
        .then(({ windowId }) => session.send("Browser.setWindowBounds", { windowId, bounds: { windowState: "minimized" } }))
        .catch(() => undefined),
      lockTarget(session, (from, event) => sandboxed.#intercept(from, event)),
    ]);
    return sandboxed;
  }

  /** A request of the document's, paused in `from` (the tab, or a frame of it in a process of its own). */
  #intercept(from: CDPSession, { requestId, request, frameId, resourceType }: Protocol.Fetch.RequestPausedEvent): void {
    const url = request.url + (request.urlFragment ?? "");
    if (url.startsWith("data:")) {
      from.send("Fetch.continueRequest", { requestId }).catch(() => undefined);
    } else {
      this.#blocked?.push(url.length > 200 ? `${url.slice(0, 200)}…` : url);
      if (resourceType === "Document" && frameId === this.#frameId) {
        // A navigation away from the document (a meta refresh): aborting it would put Chromium's error page in the
        // document's place, mid-print; "204 No Content" is the answer that leaves the current document where it is.
        from.send("Fetch.fulfillRequest", { requestId, responseCode: 204, responseHeaders: [], body: "" }).catch(() => undefined);
      } else {
        from.send("Fetch.failRequest", { requestId, errorReason: "BlockedByClient" }).catch(() => undefined);
      }
    }
  }

  /**
   * Print a document. It is put into the tab with DevTools' setDocumentContent rather than loaded by
   * navigation: no network round trip, and about half the time per PDF; anything the document then
   * asks for still goes through the interception above.
   */
  async print(request: PrintRequest): Promise<PrintResult> {
    if (this.#lost !== undefined) throw this.#lost;
    const lost = new Promise<never>((_, reject) => (this.#onLost = reject));
    lost.catch(() => undefined);
    try {
      return await Promise.race([this.#print(request), lost]);
    } finally {
      this.#onLost = undefined;
    }
  }

  async #print(request: PrintRequest): Promise<PrintResult> {
    const blocked: string[] = [];
    this.#blocked = blocked;
    const loaded = this.#loadEvent(this.#frameId);
    try {
      await this.#session.send("Page.setDocumentContent", { frameId: this.#frameId, html: request.html });
      const paper = paperSizes[request.paper];
      // Print while waiting for "load": the blocked requests do not change the PDF, but the wait
      // makes sure every one of them is reported with this document (a document that never
      // loads is given up on after a short while).
      const [, { data }] = await Promise.all([
        loaded.wait(Math.min(2_000, request.timeoutMs)),
        this.#session.send("Page.printToPDF", {
          printBackground: true,
          preferCSSPageSize: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          paperWidth: paper.width,
          paperHeight: paper.height,
          marginTop: 0,
          marginBottom: 0,
          marginLeft: 0,
          marginRight: 0,
          transferMode: "ReturnAsBase64",
        }),
      ]);
      return { pdf: Buffer.from(data, "base64"), blockedRequests: blocked };
    } finally {
      // However the print ended (a document that could not be set, a failed printToPDF), the listener goes with it.
      loaded.detach();
      this.#blocked = undefined;
    }
  }

  /** A waiter for the frame's next "load" lifecycle event, set up before the document is set; detach() removes its listener and timer. */
  #loadEvent(frameId: string): { wait(maxMs: number): Promise<void>; detach(): void } {
    let resolveLoaded!: () => void;
    const loaded = new Promise<void>((resolve) => (resolveLoaded = resolve));
    const onLifecycle = (event: { frameId: string; name: string }) => {
      if (event.frameId === frameId && event.name === "load") resolveLoaded();
    };
    this.#session.on("Page.lifecycleEvent", onLifecycle);
    let timer: NodeJS.Timeout | undefined;
    const detach = () => {
      clearTimeout(timer);
      this.#session.off("Page.lifecycleEvent", onLifecycle);
    };
    return {
      wait: async (maxMs) => {
        await Promise.race([loaded, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
        detach();
      },
      detach,
    };
  }

  close(): Promise<void> {
    return this.#connection.send("Target.closeTarget", { targetId: this.#targetId }).then(
      () => undefined,
      () => undefined,
    );
  }
}
