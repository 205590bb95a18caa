import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../../src/print/browser.js";

const dir = mkdtempSync(join(tmpdir(), "briefsmith-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeExecutable(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, 0o755);
  return path;
}

const nothing = { env: { PATH: "" }, platform: "none", puppeteerCachePath: async () => undefined };

describe("findBrowser", () => {
  const explicit = fakeExecutable("explicit-chrome");
  const fromEnv = fakeExecutable("env-chrome");
  const cached = fakeExecutable("cached-chrome");
  const system = fakeExecutable("chromium");

  it("prefers the explicit option, then PUPPETEER_EXECUTABLE_PATH, then Puppeteer's cache, then the system", async () => {
    const all = { env: { PUPPETEER_EXECUTABLE_PATH: fromEnv, PATH: dir }, platform: "none", puppeteerCachePath: async () => cached };
    expect(await findBrowser({ ...all, explicitPath: explicit })).toEqual({ executablePath: explicit, foundBy: "option" });
    expect(await findBrowser(all)).toEqual({ executablePath: fromEnv, foundBy: "PUPPETEER_EXECUTABLE_PATH" });
    expect(await findBrowser({ ...all, env: { PATH: dir } })).toEqual({ executablePath: cached, foundBy: "puppeteer-cache" });
    expect(await findBrowser({ ...all, env: { PATH: dir }, puppeteerCachePath: async () => join(dir, "missing") })).toEqual({
      executablePath: system,
      foundBy: "system",
    });
  });

  it("does not fall back silently when the browser the user named is missing", async () => {
    await expect(findBrowser({ ...nothing, explicitPath: join(dir, "nope") })).rejects.toMatchObject({ code: "BROWSER_NOT_FOUND" });
    await expect(findBrowser({ ...nothing, env: { PUPPETEER_EXECUTABLE_PATH: join(dir, "nope") } })).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH/);
  });

  it("says how to install a browser when none is found", async () => {
    const error = await findBrowser({ ...nothing, platform: "linux", systemPaths: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BROWSER_NOT_FOUND" });
    expect((error as { hint: string }).hint).toContain("apt-get install chromium");
    expect((error as { hint: string }).hint).toContain("--browser PATH");
  });
});

describe("puppeteerCachePath", () => {
  it("answers without loading Puppeteer when its cache folder does not exist", async () => {
    const { puppeteerCachePath } = await import("../../../src/print/printer.js");
    expect(await puppeteerCachePath({ PUPPETEER_CACHE_DIR: join(dir, "no-cache-here") })).toBeUndefined();
  });
});

describe("chromiumSandboxOff", () => {
  it("keeps Chromium's sandbox unless running as root or asked with BRIEFSMITH_NO_SANDBOX=1", async () => {
    const { chromiumSandboxOff } = await import("../../../src/print/printer.js");
    const root = process.getuid?.() === 0;
    expect(chromiumSandboxOff({})).toBe(root);
    expect(chromiumSandboxOff({ BRIEFSMITH_NO_SANDBOX: "1" })).toBe(true);
  });
});
