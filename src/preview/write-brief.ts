import { chmod, realpath, stat } from "node:fs/promises";
import { writeFileAtomic } from "../output/write-atomic.js";

/**
 * The one file the preview server ever writes: a brief, after a composer
 * edit. Written beside itself and renamed over (an editor or the watcher
 * never sees half a file), through a symbolic link to the file it names, and
 * with the permissions it had.
 */
export async function writeBriefFile(path: string, text: string): Promise<void> {
  const target = await realpath(path);
  const { mode } = await stat(target);
  await writeFileAtomic(target, text);
  await chmod(target, mode & 0o7777);
}
