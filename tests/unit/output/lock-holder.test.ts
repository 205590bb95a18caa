import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireOutputLock, isAlive, liveLockHolder, lockFileName } from "../../../src/output/lock.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

// A hostile CI run: a lock naming process 0 (or -1) was never taken over, since kill(0, 0) signals the caller's own
// process group and succeeds; `brief build --wait` waited for ever, and without --wait every night failed.
describe("a lock naming no process a build can be", () => {
  it("is a dead build's, on this host or another, and is taken over at once", async () => {
    for (const pid of [0, -1, 1.5]) {
      for (const host of [hostname(), "another-host"]) expect(isAlive({ pid, host, started: "2020-01-01T00:00:00Z" }, join(tmpdir(), "no-such-lock"))).toBe(false);
    }
    dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-"));
    writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 0, host: hostname(), started: "2020-01-01T00:00:00Z", since: 1 }));
    const lock = await acquireOutputLock(dir, { wait: false });
    await lock.release();
  });
});

describe("liveLockHolder", () => {
  it("names a running build that holds the lock, and no one for a free folder, a dead build's lock or one being written", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-"));
    expect(liveLockHolder(dir)).toBeUndefined();
    const lock = await acquireOutputLock(dir);
    expect(liveLockHolder(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 0, host: hostname(), started: "2020-01-01T00:00:00Z" }));
    expect(liveLockHolder(dir)).toBeUndefined();
    writeFileSync(join(dir, lockFileName), '{"pid": 12');
    expect(liveLockHolder(dir)).toBeUndefined();
  });
});
