import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireOutputLock, lockFileName } from "../../../src/output/lock.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A lock another machine's build left (a shared folder, or a container since gone), last refreshed `ageMs` ago. */
function otherHostLock(ageMs: number, heartbeatMs: number | null = 10_000): string {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-"));
  const path = join(dir, lockFileName);
  writeFileSync(path, JSON.stringify({ pid: 4242, host: "ci-runner-7", started: "2026-01-01T00:00:00.000Z", ...(heartbeatMs === null ? {} : { heartbeatMs }) }));
  const then = new Date(Date.now() - ageMs);
  utimesSync(path, then, then);
  return dir;
}

// A nightly job in a container gets a new host name each night: the lock a killed container left named a host no
// build could check, and every later build failed with OUTPUT_LOCKED (or, with --wait, waited for ever) until
// someone deleted the file by hand.
describe("a lock taken on another host", () => {
  it("is taken over once its build has stopped refreshing it", async () => {
    const folder = otherHostLock(10 * 60_000);
    const lock = await acquireOutputLock(folder, { wait: false });
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("is a running build's while it is refreshed: the message names the host and when it would be taken over", async () => {
    const folder = otherHostLock(5_000);
    const failure = await acquireOutputLock(folder, { wait: false }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "OUTPUT_LOCKED" });
    expect((failure as Error).message).toContain("process 4242 on ci-runner-7");
    expect((failure as { hint?: string }).hint).toContain("taken over once it has not been refreshed for 1 minute");
  });

  it("that promises no refreshing (an older Briefsmith's) is never judged by its age", async () => {
    const folder = otherHostLock(10 * 60_000, null);
    await expect(acquireOutputLock(folder, { wait: false })).rejects.toMatchObject({ code: "OUTPUT_LOCKED" });
  });

  it("is waited for with --wait until it goes stale, then taken over", async () => {
    const folder = otherHostLock(0, 100);
    const waited: string[] = [];
    const started = Date.now();
    const lock = await acquireOutputLock(folder, { wait: true, pollMs: 20, onWait: (holder) => waited.push(holder?.host ?? "?") });
    expect(waited).toEqual(["ci-runner-7"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    await lock.release();
  });
});

describe("a build holding its lock", () => {
  it("refreshes it as it runs, so builds on other hosts know it still runs", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-lock-"));
    const lock = await acquireOutputLock(dir, { wait: false, heartbeatMs: 30 });
    expect(JSON.parse(readFileSync(lock.path, "utf8")).heartbeatMs).toBe(30);
    const then = new Date(Date.now() - 60_000);
    utimesSync(lock.path, then, then);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(Date.now() - statSync(lock.path).mtimeMs).toBeLessThan(1_000);
    await lock.release();
    // Released, it is refreshed no more: nothing recreates the file.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(() => statSync(lock.path)).toThrow();
  });
});
