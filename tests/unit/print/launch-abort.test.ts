import { describe, expect, it, vi } from "vitest";

// A connection to the browser over the pipe that never answers: aborted, Puppeteer's launch killed the browser's
// process and then never settled, with nothing left in the event loop, so a build awaiting it ended with Node's
// exit code 13 (unsettled top-level await) and lost its report (`brief build --force` of invalid briefs). The
// browser's process here is a stand-in that never ends, and the connection one that never settles.
const { startBrowserProcess, connectOverPipe } = vi.hoisted(() => ({
  startBrowserProcess: vi.fn(() => {
    const { EventEmitter } = require("node:events") as typeof import("node:events");
    return { nodeProcess: Object.assign(new EventEmitter(), { stdio: [] }), kill: () => undefined };
  }),
  connectOverPipe: vi.fn(() => {
    const { EventEmitter } = require("node:events") as typeof import("node:events");
    return Object.assign(new EventEmitter(), { send: () => new Promise<never>(() => undefined) });
  }),
}));
vi.mock("../../../src/print/puppeteer.js", async (importOriginal) => ({ ...(await importOriginal<typeof import("../../../src/print/puppeteer.js")>()), startBrowserProcess, connectOverPipe }));

const location = { executablePath: "/usr/bin/chromium", foundBy: "system", headlessShell: false } as const;

describe("a browser launch aborted while it starts", { timeout: 8000 }, () => {
  it("launchBrowser rejects as soon as its signal aborts, even if the connection never settles", async () => {
    const { launchBrowser } = await import("../../../src/print/launch.js");
    const abort = new AbortController();
    const launching = launchBrowser(location, { signal: abort.signal });
    await vi.waitFor(() => expect(connectOverPipe).toHaveBeenCalled());
    abort.abort(new Error("the printer was closed"));
    await expect(launching).rejects.toMatchObject({ code: "BROWSER_LAUNCH_FAILED" });
  });

  it("launchBrowser given a signal already aborted rejects without starting a browser", async () => {
    startBrowserProcess.mockClear();
    const { launchBrowser } = await import("../../../src/print/launch.js");
    const abort = new AbortController();
    abort.abort(new Error("the printer was closed"));
    await expect(launchBrowser(location, { signal: abort.signal })).rejects.toMatchObject({ code: "BROWSER_LAUNCH_FAILED" });
    expect(startBrowserProcess).not.toHaveBeenCalled();
  });

  // A CI engineer's test: a browser that hangs at start was reported as "printing took longer than 5 s".
  it("a document whose browser never starts is said to have had no browser, not to have printed too long", async () => {
    const { createPrinter } = await import("../../../src/print/printer.js");
    // Not warmed: createPrinter would wait for the launch; the build starts it and prints without waiting.
    const printer = await createPrinter({ browser: process.execPath, env: {}, jobs: 1, handleSignals: false, warm: false });
    void printer.warmUp().catch(() => undefined);
    try {
      const printing = printer.printDocument("<p>x</p>", { timeoutMs: 300 });
      await expect(printing).rejects.toMatchObject({ code: "PRINT_TIMEOUT", message: "the browser did not start, or open a tab to print in, within 0.3 s" });
    } finally {
      await printer.close();
    }
  });

  it("a printer closed while its browser starts closes at once rather than waiting on the launch", async () => {
    const { createPrinter } = await import("../../../src/print/printer.js");
    const printer = await createPrinter({ browser: process.execPath, env: {}, jobs: 2, handleSignals: false, warm: false });
    void printer.warmUp().catch(() => undefined);
    await vi.waitFor(() => expect(connectOverPipe).toHaveBeenCalled());
    let closed = false;
    const closing = printer.close().then(() => (closed = true));
    // Well under the pool's 5 s limit for what it started: the launch is given up, not waited for.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(closed).toBe(true);
    await closing;
  });

  // A hostile CI run: with a browser that hangs as it starts, the first two briefs failed at their --timeout, and the
  // others, waiting for a tab, had no clock running: they failed after Puppeteer's 180 s, the process after 361 s.
  it("fails every document waiting on a browser that does not start, once the first runs out of time", async () => {
    const { createPrinter } = await import("../../../src/print/printer.js");
    const printer = await createPrinter({ browser: process.execPath, env: {}, jobs: 2, warm: false });
    const started = Date.now();
    try {
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => printer.printDocument("<p>x</p>", { timeoutMs: 300 }).then(() => "printed", (e: unknown) => e)));
      expect(Date.now() - started).toBeLessThan(3_000);
      const codes = outcomes.map((o) => (o as { code?: string }).code);
      // The first out of time says so; the start it gave up fails the others at once.
      expect(codes[0]).toBe("PRINT_TIMEOUT");
      expect(codes.slice(1).every((c) => c === "PRINT_TIMEOUT" || c === "BROWSER_LAUNCH_FAILED")).toBe(true);
      expect(codes.filter((c) => c === "BROWSER_LAUNCH_FAILED").length).toBeGreaterThanOrEqual(4);
      expect(outcomes.find((o) => (o as { code?: string }).code === "BROWSER_LAUNCH_FAILED")).toMatchObject({ message: expect.stringContaining("the browser did not start within 0.3 s") });
    } finally {
      await printer.close();
    }
  });

  // A hostile run of the library: createPrinter with a browser that hangs once connected rejected after 180 s, with
  // Puppeteer's advice to raise its 'protocolTimeout'; a TMPDIR that does not exist was "check that the browser runs".
  it("gives up a launch at its own deadline, in Briefsmith's words", async () => {
    const { launchBrowser } = await import("../../../src/print/launch.js");
    const started = Date.now();
    await expect(launchBrowser(location, { timeoutMs: 200 })).rejects.toMatchObject({
      code: "BROWSER_LAUNCH_FAILED",
      message: "could not start the browser at /usr/bin/chromium: the browser did not start within 0.2 s",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("says the temporary folder is missing when it is, not that the browser does not run", async () => {
    const { launchBrowser } = await import("../../../src/print/launch.js");
    const before = process.env.TMPDIR;
    process.env.TMPDIR = "/nonexistent-briefsmith-tmp";
    try {
      await expect(launchBrowser(location, { timeoutMs: 200 })).rejects.toMatchObject({
        code: "BROWSER_LAUNCH_FAILED",
        message: "cannot make the browser's profile folder in /nonexistent-briefsmith-tmp: ENOENT",
        hint: "set TMPDIR to a folder that exists and can be written",
      });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  // A hostile CI run: --jobs 11 printed Node's "MaxListenersExceededWarning: … 11 abort listeners added to
  // [AbortSignal]" into the log: each document printing listened on the build's signal itself.
  it("listens once on a signal however many documents it is given to", async () => {
    const { EventEmitter } = await import("node:events");
    const { createPrinter } = await import("../../../src/print/printer.js");
    const printer = await createPrinter({ browser: process.execPath, env: {}, jobs: 16, warm: false });
    const stop = new AbortController();
    try {
      const prints = Array.from({ length: 15 }, () => printer.printDocument("<p>x</p>", { signal: stop.signal, timeoutMs: 60_000 }).catch((e: unknown) => e));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(EventEmitter.getEventListeners(stop.signal, "abort").length).toBe(1);
      stop.abort("stop");
      expect((await Promise.all(prints)).every((e) => (e as { code?: string }).code === "PRINT_CANCELLED")).toBe(true);
    } finally {
      await printer.close();
    }
  });
});

