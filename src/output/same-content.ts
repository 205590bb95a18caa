import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

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
