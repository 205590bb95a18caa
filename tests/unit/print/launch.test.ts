import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { chromiumArguments, chromiumFlags } from "../../../src/print/launch.js";

// Chromium is started before Puppeteer loads, so its command line is written out in launch.ts: it must stay the one
// Puppeteer's own launch would give it, or the PDFs would change with nobody asking.
describe("Chromium's command line", () => {
  it("is Puppeteer's launch's, with Briefsmith's flags: a headless shell in Puppeteer's shell mode, a full browser in its new headless mode", () => {
    for (const flags of [[...chromiumFlags], ["--no-sandbox", ...chromiumFlags]]) {
      // A copy each: Puppeteer takes a caller's feature lists out of the array it is given.
      expect(chromiumArguments(true, "/tmp/profile", flags)).toEqual([...puppeteer.defaultArgs({ headless: "shell", userDataDir: "/tmp/profile", args: [...flags] }), "--remote-debugging-pipe"]);
      expect(chromiumArguments(false, "/tmp/profile", flags)).toEqual([...puppeteer.defaultArgs({ headless: true, userDataDir: "/tmp/profile", args: [...flags] }), "--remote-debugging-pipe"]);
    }
  });

  // A review: Briefsmith's own --disable-features came after Puppeteer's, and Chromium keeps the last, so four of the
  // features Puppeteer turns off were on again (IsolateSandboxedIframes among them).
  it("has one list of features turned off, Puppeteer's and Briefsmith's", () => {
    const lists = chromiumArguments(true, "/tmp/profile", chromiumFlags).filter((arg) => arg.startsWith("--disable-features="));
    expect(lists).toHaveLength(1);
    expect(lists[0]).toContain("IsolateSandboxedIframes");
    expect(lists[0]).toContain("OptimizationHints");
  });
});
