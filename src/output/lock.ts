import { closeSync, lstatSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { plural } from "../text/plural.js";

/** The lock file in an output folder: one build at a time writes there. */
export const lockFileName = ".briefsmith.lock";

/** Who holds a lock: written into the lock file when it is taken. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** When the build started, ISO 8601. */
  readonly started: string;
  /** The holder's start time in clock ticks since boot (Linux), so a recycled process id is not mistaken for the holder. */
  readonly since?: number;
  /**
   * How often the holder refreshes the lock file's modification time. A build on another host cannot ask whether
   * the holder's process runs; it can see the lock age. Absent in locks of Briefsmith versions that did not refresh.
   */
  readonly heartbeatMs?: number;
}

export interface OutputLock {
  readonly path: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for the holder to finish instead of failing at once. */
  readonly wait?: boolean;
  readonly signal?: AbortSignal | undefined;
  /**
   * Called once when this build waits: for another build that holds the lock (who holds it), or for a lock file
   * that names no holder to age (undefined); and the lock file.
   */
  readonly onWait?: (holder: LockHolder | undefined, lockPath: string) => void;
  /** How often to look again while waiting (default 250 ms). */
  readonly pollMs?: number;
  /** How often the lock, once taken, is refreshed (default lockHeartbeatMs). */
  readonly heartbeatMs?: number;
}

/** How often a build refreshes its lock: 10 s, so that one whose lock is a minute old has surely stopped. */
const lockHeartbeatMs = 10_000;

/**
 * Refreshes a lock on another host may miss before it counts as left behind. Generous: a holder busy for a few
 * seconds, or a clock a little off the other's, must not have its lock taken from it.
 */
const missedHeartbeats = 6;

/**
 * Take the output folder's lock: a file created with O_EXCL that holds this
 * process's id, host and start time. A lock whose process is gone (killed,
 * crashed, the machine restarted) is taken over; one held by a live build is
 * an OUTPUT_LOCKED error naming its process id, or, with `wait`, waited for.
 *
 * Why not proper-lockfile: it tells a dead holder from a live one by the age
 * of the lock's mtime, which the holder refreshes on a timer, so a lock left by
 * `kill -9` blocks the next build until it goes stale, and it records no
 * process id to name. Here the holder's process id decides at once.
 */
export async function acquireOutputLock(outDir: string, options: LockOptions = {}): Promise<OutputLock> {
  const path = join(outDir, lockFileName);
  const heartbeatMs = options.heartbeatMs ?? lockHeartbeatMs;
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ...processStart(process.pid), heartbeatMs };
  let told = false;
  for (let round = 0; ; round++) {
    // Each round after the first lets the event loop run: a round that only awaited settled promises never gave
    // the build's SIGTERM handler its turn, and a lock that could not be removed spun at full CPU until SIGKILL.
    if (round > 0) await new Promise((resolve) => setImmediate(resolve));
    // Only a wait is cut short: a build stopped before it started takes the free lock and stops at once, saying so.
    if (round > 0 && options.signal?.aborted) throw new BriefsmithError("BUILD_INTERRUPTED", "the build was stopped while it waited for the output folder's lock");
    // Synchronous file operations: a handful of system calls, not queued behind a starting build's module loads.
    if (tryCreate(path, me)) return heldLock(path, heartbeatMs);
    if (attempt(() => lstatSync(path).isDirectory())) {
      throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `the output folder's lock ${path} is a folder, so no build can take it`, {
        hint: `remove the folder ${path}, or choose another output folder with --out`,
      });
    }
    const holder = readHolder(path);
    if (holder === "gone") continue; // released between our attempt and the read: try again at once
    if (holder === undefined || !isAlive(holder, path)) {
      // A lock that names no holder is waited on until it is a few seconds old (its writer may be writing it):
      // said, so that the pause is not taken for a hang.
      if (holder === undefined && !told) options.onWait?.(undefined, path);
      told ||= holder === undefined;
      await takeOver(path, holder);
      continue;
    }
    if (!options.wait) {
      throw new BriefsmithError(
        "OUTPUT_LOCKED",
        `another build (${describeLockHolder(holder)}) is writing to ${outDir}`,
        { hint: `wait for it to finish, or run with --wait; ${ifHolderGone(holder, path)}` },
      );
    }
    if (!told) options.onWait?.(holder, path);
    told = true;
    await sleep(options.pollMs ?? 250, options.signal);
  }
}

/**
 * The build that holds the output folder's lock and still runs, if any: the lock is read, never taken or waited
 * for. A lock being written, or a dead build's, is no holder.
 */
export function liveLockHolder(outDir: string): LockHolder | undefined {
  const path = join(outDir, lockFileName);
  const holder = readHolder(path);
  return holder !== undefined && holder !== "gone" && isAlive(holder, path) ? holder : undefined;
}

/** A lock just taken: refreshed as the build runs (the timer never keeps a process alive), until it is released. */
function heldLock(path: string, heartbeatMs: number): OutputLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    attempt(() => utimesSync(path, now, now));
  }, heartbeatMs);
  heartbeat.unref();
  return {
    path,
    release: async () => {
      clearInterval(heartbeat);
      attempt(() => unlinkSync(path));
    },
  };
}

/**
 * What becomes of a lock whose holder is gone: deleted by hand (`lockPath` as the user is shown it), or, for a
 * lock from another host that is refreshed, taken over by itself once it is not.
 */
export function ifHolderGone(holder: LockHolder, lockPath: string): string {
  const staleMs = staleAfterMs(holder);
  if (holder.host === hostname() || staleMs === undefined) return `if no such build runs, delete ${lockPath}`;
  return `a lock from another host is taken over once it has not been refreshed for ${durationInWords(staleMs)}`;
}

/** "1 minute", "2 minutes", "30 seconds": a stale-lock age as a message says it. */
function durationInWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds % 60 === 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
}

/** How long an unrefreshed lock of this holder stands, from another host; undefined for a holder that never refreshes. */
function staleAfterMs(holder: LockHolder): number | undefined {
  return holder.heartbeatMs === undefined ? undefined : holder.heartbeatMs * missedHeartbeats;
}

function tryCreate(path: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot create the lock file ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      hint: "check the output folder's permissions, or choose another with --out",
      cause: error,
    });
  }
  try {
    writeSync(fd, JSON.stringify(me) + "\n");
  } catch (error) {
    // A full disk (ENOSPC) or a quota: the empty file is ours, and would only make the next build wait to take it over.
    attempt(() => closeSync(fd));
    attempt(() => unlinkSync(path));
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write the lock file ${path} (${code})`, {
      hint: code === "ENOSPC" ? "free some space on the output folder's disk, or choose another folder with --out" : "check the output folder's permissions, or choose another with --out",
      cause: error,
    });
  }
  closeSync(fd);
  return true;
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The holder named in a lock file; undefined when the file is not a lock we can read (an empty file left by a crash mid-write); "gone" when it no longer exists. */
function readHolder(path: string): LockHolder | undefined | "gone" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : undefined;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === "number" && typeof data.host === "string" && typeof data.started === "string") {
      const { heartbeatMs, ...holder } = data as LockHolder;
      // A refresh period is a positive number of milliseconds, or the lock does not promise one.
      return typeof heartbeatMs === "number" && Number.isFinite(heartbeatMs) && heartbeatMs > 0 ? { ...holder, heartbeatMs } : holder;
    }
  } catch {
    // A lock file cut short: its writer died between creating and writing it, an instant's window.
    // It is taken over only once it is a few seconds old, so a live writer is never robbed.
  }
  return undefined;
}

/**
 * Whether the holder of the lock at `path` still runs. On this host, its process says: one whose id exists but
 * that started at another time is another process, and the holder is gone. On another host no process can be
 * asked: a holder that refreshes its lock runs while the lock is refreshed; one that does not counts as running.
 */
export function isAlive(holder: LockHolder, path: string): boolean {
  // No build runs as process 0 or below, on any host; and asked of them, kill() signals a process group or every
  // process, and succeeds: such a lock was waited on for ever.
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return false;
  if (holder.host !== hostname()) {
    const staleMs = staleAfterMs(holder);
    return staleMs === undefined || !olderThan(path, staleMs);
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = processStart(holder.pid).since;
  return holder.since === undefined || now === undefined || now === holder.since;
}

/** A lock file that names no build (its writer may still be writing it) is taken over once it is this old. */
export const unnamedLockAgeMs = 5_000;

/** A build that dies holding the takeover claim (between two system calls) leaves it; it is removed once this old. */
const claimStaleMs = 10_000;

/**
 * Remove a dead holder's lock so the next attempt can create one. Only one build at a time may
 * remove a lock: the one that creates the claim file beside it (O_EXCL). Holding the claim, it
 * reads the lock again and removes it only if it is still the one it judged dead. No other build
 * removes a lock meanwhile, and a lock that exists cannot be replaced (it is created with O_EXCL),
 * so what it removes is that dead lock, never one another build has just taken. The lock file is
 * never moved aside and put back: a rename back could land on a lock a third build took meanwhile.
 */
async function takeOver(path: string, judged: LockHolder | undefined): Promise<void> {
  if (judged === undefined && !olderThan(path, unnamedLockAgeMs)) {
    await sleep(100);
    return;
  }
  const claim = `${path}.takeover`;
  try {
    closeSync(openSync(claim, "wx"));
  } catch (error) {
    // Not another build's claim: a folder that cannot be written (read-only, a restored cache), which no wait mends.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw cannotRemove(path, staleLock(judged), error);
    // Another build is taking it over (for a few system calls), or died doing so long ago.
    if (olderThan(claim, claimStaleMs)) removeOrThrow(claim, "the takeover claim a build left long ago");
    else await sleep(20);
    return;
  }
  try {
    const now = readHolder(path);
    if (now === "gone") return;
    // Still the lock judged dead: the same unreadable, old file, or the same holder, still not running.
    const stillDead = now === undefined ? judged === undefined && olderThan(path, unnamedLockAgeMs) : judged !== undefined && sameHolder(now, judged) && !isAlive(now, path);
    if (stillDead) removeOrThrow(path, staleLock(judged));
  } finally {
    attempt(() => unlinkSync(claim));
  }
}

/** Remove a stale lock or takeover claim; one that cannot be removed (a read-only folder, a folder in its place) is said, not tried for ever. */
function removeOrThrow(file: string, what: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cannotRemove(file, what, error);
  }
}

/** A stale lock as messages name it. */
function staleLock(judged: LockHolder | undefined): string {
  return judged === undefined ? "a lock that names no build" : `the lock of a build that is gone (${describeLockHolder(judged)})`;
}

/** The file that could not be removed, named as what it is, and what would let the build go on. */
function cannotRemove(file: string, what: string, error: unknown): BriefsmithError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const folder = attempt(() => lstatSync(file).isDirectory()) === true;
  return new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot remove ${what}: ${file} (${code})`, {
    hint: folder ? `${file} is a folder: remove it` : "make the output folder writable, or choose another with --out",
    cause: error,
  });
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.started === b.started && a.since === b.since;
}

function olderThan(path: string, ms: number): boolean {
  const info = attempt(() => statSync(path));
  return info === undefined || Date.now() - info.mtimeMs > ms;
}

/** A process's start time in clock ticks since boot, from /proc (Linux only; elsewhere nothing). */
function processStart(pid: number): { since?: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const since = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(since) ? { since } : {};
  } catch {
    return {};
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Who holds a lock, as messages name it: "process 4242, started …", with the host when it is another machine. */
export function describeLockHolder(holder: LockHolder): string {
  return `process ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}, started ${holder.started}`;
}
