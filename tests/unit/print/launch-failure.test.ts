import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { launchBrowser } from "../../../src/print/launch.js";

// What Puppeteer's launch says of a browser that ends before it answers over the pipe.
vi.mock("puppeteer-core", () => ({ default: { launch: () => Promise.reject(new Error("Protocol error (Target.setDiscoverTargets): Target closed")) } }));

// A CI engineer on a fresh runner whose Chromium lacks a shared library was told only "Protocol error
// (Target.setDiscoverTargets): Target closed": Puppeteer sees its pipe close and keeps what the browser said.
// No browser here: small scripts that fail the way a broken one does, run with --version.
const folder = mkdtempSync(join(tmpdir(), "briefsmith-launch-failure-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function program(name: string, script: string): string {
  const path = join(folder, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

const launch = (executablePath: string) => launchBrowser({ executablePath, foundBy: "option", headlessShell: true } as const, { timeoutMs: 10_000, env: {} });

describe.skipIf(process.platform === "win32")("a browser that does not start", { timeout: 15_000 }, () => {
  it("is reported with its exit code and the last thing it said", async () => {
    const broken = program("chromium", 'echo "chromium: error while loading shared libraries: libnss3.so: cannot open shared object file" >&2\nexit 127');
    const failure = await launch(broken).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: "BROWSER_LAUNCH_FAILED",
      message: `could not start the browser at ${broken}: it exits with code 127 as it starts: chromium: error while loading shared libraries: libnss3.so: cannot open shared object file`,
    });
    expect((failure as { hint: string }).hint).toMatch(/^run it with --version to see all it says/);
  });

  it("that runs but ends at once is said to have ended, not in the protocol's words", async () => {
    const quits = program("quits", 'case "$1" in --version) echo "Chromium 1.0";; esac\nexit 0');
    await expect(launch(quits)).rejects.toMatchObject({
      code: "BROWSER_LAUNCH_FAILED",
      message: `could not start the browser at ${quits}: it ended as it started, before it could be talked to`,
      hint: "check that the browser runs (try it with --version), or name another with --browser",
    });
  });
});
