import { createHash } from "node:crypto";
import { lstat, realpath } from "node:fs/promises";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { displayPath, readBriefFileText, realFolder } from "../load/project.js";
import { isInside } from "../load/read-file.js";
import { describeWriteError, writeFileAtomic } from "../output/write-atomic.js";

/** What the composer's page knows a brief's text by: an edit names it, so one made on an older text is refused. */
export function briefVersion(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface BriefFileWrite {
  readonly root: string;
  readonly cwd: string;
  /** The text the edit was made on: if the file holds anything else now (an editor saved it meanwhile), nothing is written. */
  readonly expected: string;
}

/**
 * The one file the preview server ever writes: a brief, after a composer
 * edit. Only a brief file of the project itself: never through a symbolic
 * link (wherever it leads), never outside the project folder, and never over
 * a text other than the one the edit was made on. Written beside itself and
 * renamed over (an editor or the watcher never sees half a file), with the
 * permissions it had. Returns why it was not written, if it was not.
 */
export async function writeBriefFile(path: string, text: string, options: BriefFileWrite): Promise<{ ok: true } | { ok: false; reason: string }> {
  const shown = displayPath(path, options.cwd);
  let info;
  try {
    info = await lstat(path);
    if (info.isSymbolicLink()) return { ok: false, reason: `${shown} is a symbolic link; the composer does not write through links: edit the file it leads to in your editor` };
    if (!isInside(realFolder(options.root), await realpath(path))) return { ok: false, reason: `${shown} is outside the project folder, so the composer does not write it` };
    // Read again, with the checks every read of a brief has, just before the write.
    if ((await readBriefFileText(path, options.cwd, options.root)) !== options.expected) return { ok: false, reason: changedOnDisk(shown) };
    await writeFileAtomic(path, text, { mode: info.mode & 0o7777 });
  } catch (error) {
    // A read's own failure names the file; a write's is an errno, said in words.
    return { ok: false, reason: error instanceof BriefsmithError ? error.message : `${shown} was not written: ${describeWriteError(error)}` };
  }
  return { ok: true };
}

/** Why an edit made on an older text of the brief is refused. */
export function changedOnDisk(shown: string): string {
  return `${shown} changed on disk since the page showed it (saved in an editor?), so the change was not made over it; the page now shows the file as it is: make the change again`;
}
