import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { chmod, lstat, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { processRuns } from "./process-runs.js";

/** A temporary file's name beside its target: `.NAME.PID.RANDOM.tmp`, so a later build can tell whose it is. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

const temporaryPattern = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Write a file so that readers see either the old content or the new, never
 * half of it: write a temporary file beside it, then rename over the target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  await writeFilesAtomic([{ path, data, ...options }]);
}

/**
 * Write several files, each atomically, and replace none until all are
 * written: a failure while writing (a full disk) leaves every target as it
 * was. Only the renames, which cannot run out of space, come after.
 */
export async function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array; mode?: number }[]): Promise<void> {
  const temporaries = files.map((file) => ({ ...file, temporary: temporaryName(file.path) }));
  // In the thread pool, not on the main thread: replacing a file can make the file system start writing
  // its data out (ext4 does so on a rename over an existing file), which must not stall the build's event loop.
  try {
    // A mode asked for is set before the rename (writeFile's would be narrowed by the umask), so the file
    // never has another: a brief kept private is not readable by others for a moment.
    await Promise.all(
      temporaries.map(async (file) => {
        await writeFile(file.temporary, file.data, file.mode === undefined ? { flag: "wx" } : { flag: "wx", mode: 0o600 });
        if (file.mode !== undefined) await chmod(file.temporary, file.mode);
      }),
    );
    // A rename that must fail (a folder where a file should go) fails before any file is replaced:
    // otherwise a brief's new HTML would stand beside its old PDF.
    for (const file of temporaries) await refuseFolder(file.path);
    for (const file of temporaries) await rename(file.temporary, file.path);
  } catch (error) {
    await Promise.all(temporaries.map((file) => unlink(file.temporary).catch(() => undefined)));
    throw error;
  }
}

async function refuseFolder(path: string): Promise<void> {
  const found = await lstat(path).catch(() => undefined);
  if (found?.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${path}'`), { code: "EISDIR", path });
}

/** The file of several that a writeFilesAtomic failure is about (the error names it, or its temporary file); else the first. */
export function fileOfWriteError<T extends { readonly path: string }>(files: readonly T[], error: unknown): T {
  const target = (error as { path?: string } | undefined)?.path;
  return files.find((f) => target !== undefined && (target === f.path || target.includes(`.${basename(f.path)}.`))) ?? files[0]!;
}

/**
 * Remove the temporary files that builds killed mid-write left in a folder
 * (the process id in their name is no longer running); those of live
 * processes are left alone. Returns the names removed.
 */
export async function removeDeadTemporaryFiles(dir: string, isRunning: (pid: number) => boolean = processRuns): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const dead = names.filter((name) => {
    const pid = Number(temporaryPattern.exec(name)?.[1]);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
  });
  for (const name of dead) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already
    }
  }
  return dead;
}


const writeErrorReasons: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EISDIR: "a folder is in the way",
  ENOTDIR: "a file is in the way of a folder",
  EIO: "input/output error",
};

/**
 * Make a folder and the folders above it that are missing, one at a time from the nearest that exists. Node's own
 * recursive mkdir never ends on a path under /proc (each mkdir there fails as "no such file", and it tries the
 * parent again): a build given --out /proc/x spun at full CPU, deaf to every signal.
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let folder = path; !existsSync(folder); folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) mkdirSync(folder);
  // A file in the folder's place is no folder: said here, not later by the first file written into it.
  if (!statSync(path).isDirectory()) throw Object.assign(new Error(`${path} is a file, not a folder`), { code: "ENOTDIR" });
}

/** Why a write failed, in words, with the system's code: "no space left on device (ENOSPC)". */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const reason = writeErrorReasons[code];
  return reason === undefined ? code : `${reason} (${code})`;
}
