import { describe, expect, it } from "vitest";
import { connectOverPipe, startBrowserProcess } from "../../../src/print/puppeteer.js";

// The guard every unit test runs under (tests/helpers/no-browser.ts) stands in for the one way Briefsmith starts a
// browser and talks to it (launchBrowser calls startBrowserProcess, then connectOverPipe): were the guard on another
// way in, unit tests could start browsers again without a word.
describe("the unit tests' browser guard", () => {
  it("refuses to start a browser, or to connect to one", () => {
    expect(() => startBrowserProcess({ executablePath: "/usr/bin/chromium", args: [], handleSignals: false, signal: new AbortController().signal })).toThrow("a unit test tried to start a browser");
    expect(() => connectOverPipe({ nodeProcess: {} as never, kill: () => undefined })).toThrow("a unit test tried to start a browser");
  });
});
