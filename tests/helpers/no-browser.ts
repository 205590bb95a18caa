import { vi } from "vitest";

// Unit tests never start a browser: one that tries fails at once, saying so, rather than
// passing slowly on a machine with Chromium and failing on one without. Puppeteer's other
// answers (where its cache keeps browsers) stay as they are.
vi.mock("../../src/print/puppeteer.js", async (importOriginal) => {
  const puppeteer = (await importOriginal<typeof import("../../src/print/puppeteer.js")>()).loadPuppeteer();
  const refuse = () => {
    throw new Error("a unit test tried to start a browser: move it to tests/browser or tests/e2e");
  };
  const guarded = new Proxy(puppeteer, {
    get(target, property) {
      if (property === "launch" || property === "connect") return refuse;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  // Chromium is started before Puppeteer loads, by startBrowserProcess, then connected to: both refused too.
  return { loadPuppeteer: () => guarded, startBrowserProcess: refuse, connectOverPipe: refuse };
});
