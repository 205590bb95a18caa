import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { acquireOutputLock, lockFileName } from "../../../src/output/lock.js";

let folder: string | undefined;
afterEach(() => folder !== undefined && rmSync(folder, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<BriefsmithError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BriefsmithError)) throw new Error(`expected a BriefsmithError, got ${String(error)}`);
  return error;
}

// A hostile CI run: a lock that could not be removed sent the build into a loop at full CPU that never let its
// SIGTERM handler run; only SIGKILL ended it, and --json printed nothing.
describe("an output lock that cannot be removed", () => {
  it("is an error at once when the lock is a folder", async () => {
    folder = mkdtempSync(join(tmpdir(), "lock-folder-"));
    mkdirSync(join(folder, lockFileName));
    const started = performance.now();
    const error = await failure(acquireOutputLock(folder));
    expect(error.code).toBe("OUTPUT_NOT_WRITABLE");
    expect(error.message).toContain("is a folder");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("is an error, not a loop, when a dead build's lock cannot be taken over", async () => {
    folder = mkdtempSync(join(tmpdir(), "lock-stuck-"));
    // A build that is gone (no such process on this host) left its lock; where the takeover claim goes, something
    // that cannot be removed stands, long since: a folder.
    writeFileSync(join(folder, lockFileName), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), started: "2020-01-01T00:00:00.000Z" }));
    const claim = join(folder, `${lockFileName}.takeover`);
    mkdirSync(claim);
    utimesSync(claim, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const error = await failure(acquireOutputLock(folder));
    expect(error.code).toBe("OUTPUT_NOT_WRITABLE");
    expect(error.message).toMatch(/^cannot remove the takeover claim a build left long ago: .*\.briefsmith\.lock\.takeover \(E[A-Z]+\)$/);
    expect(error.hint).toMatch(/\.takeover is a folder: remove it$/);
  });

  // Not a test of the rounds that spun (none is left that does not sleep or fail): the wait itself still stops.
  it("still stops on its signal while it waits on a live build", async () => {
    folder = mkdtempSync(join(tmpdir(), "lock-wait-"));
    writeFileSync(join(folder, lockFileName), JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const error = await failure(acquireOutputLock(folder, { wait: true, signal: stop.signal, pollMs: 50 }));
    expect(error.code).toBe("BUILD_INTERRUPTED");
  });
});
