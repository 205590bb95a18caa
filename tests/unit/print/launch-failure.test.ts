import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { launchBrowser } from "../../../src/print/launch.js";

// The programs below are small scripts, not browsers: they are started for real, past the unit tests' guard.
vi.mock("../../../src/print/puppeteer.js", async (importOriginal) => importOriginal());

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
      // A review: "try it with --version" had just been done, and worked; the sandbox is the likely cause.
      hint: expect.stringContaining("BRIEFSMITH_NO_SANDBOX=1"),
    });
  });
});

// A CI engineer's test: a build killed with SIGKILL left its browser profile (1.2 MB) in the temporary folder, and
// no later build removed it; only the output folder's temporary files were.
describe("a browser profile folder of a Briefsmith that is gone", () => {
  it("is removed when the next browser starts; one of a live process is left", async () => {
    const temporary = mkdtempSync(join(tmpdir(), "briefsmith-profiles-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
      const host = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
      const dead = join(temporary, `briefsmith-chromium-${deadPid}-${host}-Q4VgR5`);
      const live = join(temporary, `briefsmith-chromium-${process.pid}-${host}-Z9xk2L`);
      // A review: a process id means something on its own host only; another container's folder is left alone.
      const elsewhere = join(temporary, `briefsmith-chromium-${deadPid}-00000000-Q4VgR5`);
      for (const folder of [dead, live, elsewhere]) mkdirSync(join(folder, "Default"), { recursive: true });
      await launch(program("chromium-ok", 'echo "Chromium 1.0"')).catch(() => undefined);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(elsewhere)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(temporary, { recursive: true, force: true });
    }
  });
});
