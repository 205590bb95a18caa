import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import type * as fs from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acquireOutputLock, lockFileName } from "../../../src/output/lock.js";

/**
 * Builds racing for a dead build's lock, interleaved exactly: the file
 * system calls lock.ts makes that change the output folder (create, rename,
 * link, remove) pass through `race.before`, where the test lets other builds
 * act. The other builds use the real calls.
 */
const race = vi.hoisted(() => ({
  real: undefined as unknown as typeof fs,
  dir: "",
  before: undefined as ((call: number) => void) | undefined,
  calls: 0,
}));
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  race.real = real;
  const watched = (path: unknown) => race.dir !== "" && typeof path === "string" && path.startsWith(race.dir);
  const step = (path: unknown) => {
    if (!watched(path)) return;
    race.calls++;
    race.before?.(race.calls);
  };
  const wrapped = {
    openSync: ((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (typeof flags === "string" && flags.includes("x")) step(path);
      return real.openSync(path, flags, mode);
    }) as typeof real.openSync,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => (step(from), real.renameSync(from, to))) as typeof real.renameSync,
    linkSync: ((from: fs.PathLike, to: fs.PathLike) => (step(to), real.linkSync(from, to))) as typeof real.linkSync,
    unlinkSync: ((path: fs.PathLike) => (step(path), real.unlinkSync(path))) as typeof real.unlinkSync,
  };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

const children: ChildProcess[] = [];
afterEach(() => {
  if (race.dir !== "") race.real.rmSync(race.dir, { recursive: true, force: true });
  race.dir = "";
  race.before = undefined;
  race.calls = 0;
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** A lock file's text, for a holder. */
const lockText = (pid: number, started: string) => JSON.stringify({ pid, host: hostname(), started }) + "\n";

/** Another build taking the lock with the real calls, as lock.ts creates it (O_EXCL); false if one is there. */
function otherBuildTakes(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = race.real.openSync(path, "wx");
  } catch {
    return false;
  }
  race.real.writeSync(fd, text);
  race.real.closeSync(fd);
  return true;
}

function liveProcess(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

describe("taking over a dead build's lock", () => {
  it("never removes or overwrites a lock that another build took while this one was taking over", async () => {
    race.dir = race.real.mkdtempSync(join(tmpdir(), "briefsmith-lock-race-"));
    const path = join(race.dir, lockFileName);
    race.real.writeFileSync(path, lockText(spawnSync(process.execPath, ["-e", ""]).pid!, "2024-01-01T00:00:00.000Z"));
    const taken: string[] = [];
    const second = lockText(liveProcess(), "2024-01-02T00:00:00.000Z");
    const third = lockText(liveProcess(), "2024-01-03T00:00:00.000Z");
    race.before = (call) => {
      // Call 1 is this build's own first attempt, which finds the dead lock. Then, at its next step,
      // a second build has already removed the dead lock and taken it; at the one after, a third tries.
      if (call === 2) {
        race.real.unlinkSync(path);
        if (otherBuildTakes(path, second)) taken.push(second);
      }
      if (call === 3 && otherBuildTakes(path, third)) taken.push(third);
    };
    await expect(acquireOutputLock(race.dir)).rejects.toMatchObject({ code: "OUTPUT_LOCKED" });
    // One build holds the lock, and the file names it.
    expect(taken).toEqual([second]);
    expect(race.real.readFileSync(path, "utf8")).toBe(second);
    expect(race.real.readdirSync(race.dir)).toEqual([lockFileName]);
  });

  it("waits while another build holds the takeover claim, and removes a claim left by a build killed holding it", async () => {
    race.dir = race.real.mkdtempSync(join(tmpdir(), "briefsmith-lock-race-"));
    const path = join(race.dir, lockFileName);
    race.real.writeFileSync(path, lockText(spawnSync(process.execPath, ["-e", ""]).pid!, "2024-01-01T00:00:00.000Z"));
    const claim = `${path}.takeover`;
    race.real.writeFileSync(claim, "");
    // A claim being held: the dead lock is left to its holder, and this build looks again.
    let lookedAgain = false;
    race.before = (call) => {
      if (call > 3 && !lookedAgain) {
        lookedAgain = true;
        // The claim's holder was killed long ago.
        const old = new Date(Date.now() - 60_000);
        race.real.utimesSync(claim, old, old);
      }
    };
    const lock = await acquireOutputLock(race.dir);
    expect(lookedAgain).toBe(true);
    expect(JSON.parse(race.real.readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid });
    expect(race.real.readdirSync(race.dir)).toEqual([lockFileName]);
    await lock.release();
  });
});
