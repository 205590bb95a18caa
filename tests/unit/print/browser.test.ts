import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
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

const nothing = { env: { PATH: "" }, platform: "none", puppeteerCachePaths: async () => [] };

describe("findBrowser", () => {
  const explicit = fakeExecutable("explicit-chrome");
  const fromEnv = fakeExecutable("env-chrome");
  const cached = fakeExecutable("cached-chrome");
  const system = fakeExecutable("chromium");

  it("prefers the explicit option, then PUPPETEER_EXECUTABLE_PATH, then Puppeteer's cache, then the system", async () => {
    const all = { env: { PUPPETEER_EXECUTABLE_PATH: fromEnv, PATH: dir }, platform: "none", puppeteerCachePaths: async () => [cached] };
    expect(await findBrowser({ ...all, explicitPath: explicit })).toEqual({ executablePath: explicit, foundBy: "option", headlessShell: false });
    expect(await findBrowser(all)).toEqual({ executablePath: fromEnv, foundBy: "PUPPETEER_EXECUTABLE_PATH", headlessShell: false });
    expect(await findBrowser({ ...all, env: { PATH: dir } })).toEqual({ executablePath: cached, foundBy: "puppeteer-cache", headlessShell: false });
    expect(await findBrowser({ ...all, env: { PATH: dir }, puppeteerCachePaths: async () => [join(dir, "missing")] })).toEqual({
      executablePath: system,
      foundBy: "system",
      headlessShell: false,
    });
  });

  it("prefers a headless shell to a full browser, in Puppeteer's cache and on the system, but never over the user's choice", async () => {
    const shellDir = mkdtempSync(join(dir, "with-shell-"));
    const full = join(shellDir, "chromium");
    const shell = join(shellDir, "chromium-headless-shell");
    for (const path of [full, shell]) {
      writeFileSync(path, "#!/bin/sh\n");
      chmodSync(path, 0o755);
    }
    const onPath = { ...nothing, env: { PATH: shellDir } };
    expect(await findBrowser(onPath)).toEqual({ executablePath: shell, foundBy: "system", headlessShell: true });
    // A headless shell found on PATH wins over a full browser in the usual places.
    expect(await findBrowser({ ...onPath, systemPaths: [full] })).toEqual({ executablePath: shell, foundBy: "system", headlessShell: true });
    expect(await findBrowser({ ...onPath, puppeteerCachePaths: async () => [join(shellDir, "not-downloaded-headless-shell"), full] })).toEqual({
      executablePath: full,
      foundBy: "puppeteer-cache",
      headlessShell: false,
    });
    expect(await findBrowser({ ...onPath, explicitPath: full })).toMatchObject({ executablePath: full, headlessShell: false });
    expect(await findBrowser({ ...onPath, acceptHeadlessShell: false })).toEqual({ executablePath: full, foundBy: "system", headlessShell: false });
  });

  it("knows a headless shell behind a link of another name", async () => {
    const linkDir = mkdtempSync(join(dir, "linked-"));
    const shell = join(linkDir, "chrome-headless-shell");
    writeFileSync(shell, "#!/bin/sh\n");
    chmodSync(shell, 0o755);
    symlinkSync(shell, join(linkDir, "chrome"));
    expect(await findBrowser({ ...nothing, explicitPath: join(linkDir, "chrome") })).toEqual({
      executablePath: join(linkDir, "chrome"),
      foundBy: "option",
      headlessShell: true,
    });
  });

  it("knows a headless shell by its name, as Puppeteer and Debian install it", async () => {
    const { isHeadlessShell } = await import("../../../src/print/browser.js");
    expect(isHeadlessShell("/root/.cache/puppeteer/chrome-headless-shell/linux-131.0.6778.204/chrome-headless-shell-linux64/chrome-headless-shell")).toBe(true);
    expect(isHeadlessShell("/usr/lib/chromium/chromium-headless-shell")).toBe(true);
    expect(isHeadlessShell("C:\\chrome-headless-shell-win64\\chrome-headless-shell.exe")).toBe(true);
    expect(isHeadlessShell("/usr/bin/chromium")).toBe(false);
    expect(isHeadlessShell("/opt/headless-shell-tools/chrome")).toBe(false);
  });

  it("does not fall back silently when the browser the user named is missing", async () => {
    await expect(findBrowser({ ...nothing, explicitPath: join(dir, "nope") })).rejects.toMatchObject({ code: "BROWSER_NOT_FOUND" });
    await expect(findBrowser({ ...nothing, env: { PUPPETEER_EXECUTABLE_PATH: join(dir, "nope") } })).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH/);
  });

  it("refuses a folder named as the browser, which passes for executable and crashed the process when started", async () => {
    const error = await findBrowser({ ...nothing, explicitPath: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BROWSER_NOT_FOUND", message: `the browser ${dir} does not exist, is not a file, or cannot run` });
    await expect(findBrowser({ ...nothing, env: { PUPPETEER_EXECUTABLE_PATH: dir } })).rejects.toMatchObject({ code: "BROWSER_NOT_FOUND" });
  });

  it("says how to install a browser when none is found", async () => {
    const error = await findBrowser({ ...nothing, platform: "linux", systemPaths: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BROWSER_NOT_FOUND" });
    expect((error as { hint: string }).hint).toContain("apt-get install chromium");
    expect((error as { hint: string }).hint).toContain("--browser PATH");
  });
});

describe("puppeteerCachePaths", () => {
  it("answers without loading Puppeteer when its cache folder does not exist", async () => {
    const { puppeteerCachePaths } = await import("../../../src/print/launch.js");
    expect(await puppeteerCachePaths({ PUPPETEER_CACHE_DIR: join(dir, "no-cache-here") })).toEqual([]);
  });

  it("lists Puppeteer's headless shell before its Chrome, in the cache folder it is given, where Puppeteer itself would look", async () => {
    const { puppeteerCachePaths } = await import("../../../src/print/launch.js");
    // Any existing folder gets past the quick check.
    const paths = await puppeteerCachePaths({ PUPPETEER_CACHE_DIR: dir });
    // The puppeteer package's answer for its own cache folder (its default: this repository's configuration names none): the same browsers and versions.
    const { default: puppeteer } = await import("puppeteer");
    const puppeteerCache = process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer");
    const inCache = (path: string, cache: string) => (path.startsWith(`${cache}/`) ? path.slice(cache.length) : `outside ${cache}: ${path}`);
    expect(paths.map((path) => inCache(path, dir))).toEqual(
      [puppeteer.executablePath({ headless: "shell" }), puppeteer.executablePath({ headless: true })].map((path) => inCache(path, puppeteerCache)),
    );
    expect(paths[0]).toMatch(/chrome-headless-shell/);
    expect(paths[1]).not.toMatch(/headless-shell/);
  });
});

describe("chromiumSandboxOff", () => {
  it("keeps Chromium's sandbox unless running as root or asked with BRIEFSMITH_NO_SANDBOX=1", async () => {
    const { chromiumSandboxOff } = await import("../../../src/print/launch.js");
    const root = process.getuid?.() === 0;
    expect(chromiumSandboxOff({})).toBe(root);
    expect(chromiumSandboxOff({ BRIEFSMITH_NO_SANDBOX: "1" })).toBe(true);
  });
});
