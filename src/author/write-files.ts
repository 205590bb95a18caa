import { lstatSync } from "node:fs";
import { stat } from "node:fs/promises";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { displayPath } from "../load/project.js";
import { describeWriteError, fileOfWriteError, writeFilesAtomic } from "../output/write-atomic.js";

/**
 * Write project files an authoring command changes (an extract's YAML, a
 * source's text): each beside itself and renamed over, all or none, so a
 * full disk or a crash leaves every file as it was, never half a YAML. A
 * file that exists keeps its permissions. A failure is FILE_NOT_WRITABLE.
 */
export async function writeProjectFiles(files: readonly { path: string; data: string }[], cwd: string): Promise<void> {
  const withModes = await Promise.all(
    files.map(async (file) => {
      const mode = await stat(file.path).then((info) => info.mode & 0o7777, () => undefined);
      return mode === undefined ? file : { ...file, mode };
    }),
  );
  try {
    await writeFilesAtomic(withModes);
  } catch (error) {
    const failed = fileOfWriteError(files, error);
    throw new BriefsmithError("FILE_NOT_WRITABLE", `cannot write ${displayPath(failed.path, cwd)}: ${describeWriteError(error)}; no file was changed`, {
      hint: "check the folder's permissions and free space, then run the command again",
      cause: error,
    });
  }
}

/**
 * Whether anything is at `path`, a dangling symbolic link included (lstat, not exists): a file a new-file
 * command must not write over, nor through.
 */
export function pathTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
