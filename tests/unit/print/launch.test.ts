import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { chromiumArguments } from "../../../src/print/launch.js";

// Chromium is started before Puppeteer loads, so its command line is written out in launch.ts: it must stay the one
// Puppeteer's own launch would give it, or the PDFs would change with nobody asking.
describe("Chromium's command line", () => {
  it("is Puppeteer's launch's: a headless shell in Puppeteer's shell mode, a full browser in its new headless mode", () => {
    const flags = ["--no-sandbox", "--disable-gpu"];
    expect(chromiumArguments(true, "/tmp/profile", flags)).toEqual([...puppeteer.defaultArgs({ headless: "shell", userDataDir: "/tmp/profile", args: flags }), "--remote-debugging-pipe"]);
    expect(chromiumArguments(false, "/tmp/profile", flags)).toEqual([...puppeteer.defaultArgs({ headless: true, userDataDir: "/tmp/profile", args: flags }), "--remote-debugging-pipe"]);
  });
});
