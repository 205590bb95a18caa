import { describe, expect, it } from "vitest";
import { loadPuppeteer, startBrowserProcess } from "../../../src/print/puppeteer.js";

// The guard every unit test runs under (tests/helpers/no-browser.ts) stands in for the one way Briefsmith loads
// Puppeteer (launchBrowser calls startBrowserProcess, then connectOverPipe, which calls loadPuppeteer): were the guard on another way in, unit tests could start browsers
// again without a word.
describe("the unit tests' browser guard", () => {
  it("refuses a launch or a connection through the loader Briefsmith uses", () => {
    expect(() => loadPuppeteer().launch({ executablePath: "/usr/bin/chromium" })).toThrow("a unit test tried to start a browser");
    expect(() => loadPuppeteer().connect({ browserURL: "http://127.0.0.1:9" })).toThrow("a unit test tried to start a browser");
    expect(() => startBrowserProcess({ executablePath: "/usr/bin/chromium", args: [], handleSignals: false, signal: new AbortController().signal })).toThrow("a unit test tried to start a browser");
  });

  it("leaves Puppeteer's other answers as they are", () => {
    expect(typeof loadPuppeteer().executablePath).toBe("function");
  });
});
