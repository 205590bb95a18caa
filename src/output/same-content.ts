import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { unlink } from "node:fs/promises";

/** One buffer for every file hashed: a no-op rebuild hashes megabytes of PDFs, and should not leave them to the garbage collector. */
const chunk = Buffer.alloc(1024 * 1024);

/**
 * Whether a file holds exactly the bytes an output record describes: the size
 * first (cheap), then the sha256 of its content. Never the size and time
 * alone: another build can write different bytes of the same size within the
 * same second, and a restored cache sets times of its own. Read synchronously,
 * in chunks: for local files this is several times faster than the thread pool.
 */
export async function sameContent(path: string, output: { readonly sha256: string; readonly bytes: number }): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size !== output.bytes) return false;
    const hash = createHash("sha256");
    for (let read = readSync(fd, chunk, 0, chunk.length, null); read > 0; read = readSync(fd, chunk, 0, chunk.length, null)) {
      hash.update(chunk.subarray(0, read));
    }
    return hash.digest("hex") === output.sha256;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** What became of an output that was to go while it was as written: removed, left (changed since, or it could not be), or not there. */
export type Removal = { readonly outcome: "removed" | "changed" | "absent" } | { readonly outcome: "failed"; readonly error: unknown };

/**
 * Remove an output while it holds exactly the bytes its record describes; one changed since (edited by hand) is
 * the user's and is left. The callers say which of these happened, in their own words.
 */
export async function removeIfAsWritten(path: string, output: { readonly sha256: string; readonly bytes: number }): Promise<Removal> {
  if (!(await sameContent(path, output))) return { outcome: existsSync(path) ? "changed" : "absent" };
  try {
    await unlink(path);
    return { outcome: "removed" };
  } catch (error) {
    return { outcome: "failed", error };
  }
}
