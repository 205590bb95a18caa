import { vi } from "vitest";

// Unit tests never start a browser: one that tries fails at once, saying so, rather than
// passing slowly on a machine with Chromium and failing on one without. Chromium is started by
// startBrowserProcess and talked to over connectOverPipe: both are refused.
vi.mock("../../src/print/puppeteer.js", async (importOriginal) => {
  const refuse = () => {
    throw new Error("a unit test tried to start a browser: move it to tests/browser or tests/e2e");
  };
  return { ...(await importOriginal<typeof import("../../src/print/puppeteer.js")>()), startBrowserProcess: refuse, connectOverPipe: refuse };
});
