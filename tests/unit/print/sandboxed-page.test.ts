import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { ChromiumBrowser } from "../../../src/print/launch.js";
import { SandboxedPage } from "../../../src/print/sandboxed-page.js";

/** A tab's DevTools session that answers what SandboxedPage asks, and fails setting a document when told to. */
class FakeSession extends EventEmitter {
  failSetContent = false;
  readonly sent: string[] = [];
  async send(method: string): Promise<unknown> {
    this.sent.push(method);
    if (method === "Page.getFrameTree") return { frameTree: { frame: { id: "main" } } };
    if (method === "Page.setDocumentContent" && this.failSetContent) throw new Error("Protocol error (Page.setDocumentContent): Target closed");
    if (method === "Page.printToPDF") return { data: Buffer.from("%PDF-1.7 fake").toString("base64") };
    return {};
  }
}

/**
 * A browser over a fake DevTools connection: its first tab ("first", at `firstUrl`), then a new one for each
 * Target.createTarget; every tab's session is `session`.
 */
function fakeBrowser(session: FakeSession, firstUrl = "about:blank"): ChromiumBrowser & { opened: number } {
  const connection = Object.assign(new EventEmitter(), {
    send: async (method: string) => {
      if (method === "Target.getTargetInfo") return { targetInfo: { targetId: "first", type: "page", url: firstUrl } };
      if (method === "Target.createTarget") return { targetId: `tab-${++browser.opened}` };
      if (method === "Target.attachToTarget") return { sessionId: "session" };
      return {};
    },
    session: () => session,
  });
  const browser = { connection, process: new EventEmitter(), firstTab: "first", opened: 0 };
  return browser as unknown as ChromiumBrowser & { opened: number };
}

describe("SandboxedPage", () => {
  it("prints in the browser's own first tab while it is blank, once; new tabs after", async () => {
    const session = new FakeSession();
    const browser = fakeBrowser(session);
    await Promise.all([SandboxedPage.open(browser), SandboxedPage.open(browser)]);
    expect(browser.opened).toBe(1);
    await SandboxedPage.open(browser);
    expect(browser.opened).toBe(2);
    // A first tab something has navigated is not taken for a blank one.
    const other = fakeBrowser(session, "https://example.org/");
    await SandboxedPage.open(other);
    expect(other.opened).toBe(1);
  });

  // Regression: the listener for the document's "load" was removed only after a print got as far as waiting
  // for it; a document that could not be set left it attached, one more on the tab's session for every such failure.
  it("detaches its load listener when setting the document fails", async () => {
    const session = new FakeSession();
    const page = await SandboxedPage.open(fakeBrowser(session));
    session.failSetContent = true;
    for (let i = 0; i < 3; i++) await expect(page.print({ html: "<p>x</p>", paper: "A4", timeoutMs: 1_000 })).rejects.toThrow(/Target closed/);
    expect(session.listenerCount("Page.lifecycleEvent")).toBe(0);
  });

  it("detaches it after a print, too", async () => {
    const session = new FakeSession();
    const page = await SandboxedPage.open(fakeBrowser(session));
    const printing = page.print({ html: "<p>x</p>", paper: "A4", timeoutMs: 1_000 });
    // The document loads once it is set.
    setImmediate(() => session.emit("Page.lifecycleEvent", { frameId: "main", name: "load" }));
    expect(Buffer.from((await printing).pdf).toString()).toContain("%PDF");
    expect(session.listenerCount("Page.lifecycleEvent")).toBe(0);
  });
});
