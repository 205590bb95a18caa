import { constants } from "node:fs";
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { starterDir } from "../load/package-files.js";
import { pathTaken } from "./write-files.js";

/**
 * Files the package cannot ship under their own names (npm leaves out
 * .gitignore, and dot-folders are easy to lose) are kept as dot-NAME in
 * data/starter/ and written as .NAME.
 */
function targetName(name: string): string {
  return name.startsWith("dot-") ? `.${name.slice(4)}` : name;
}

export interface InitResult {
  /** Files written, relative to the project folder. */
  readonly created: readonly string[];
  /** Files that were there already, and were left as they were. */
  readonly kept: readonly string[];
}

/**
 * Make a Briefsmith project in `dir`: briefs/ with an example memo, sources/
 * with a tiny example corpus, templates/ with a note, the editor settings that
 * map the JSON Schemas, a .gitignore, and the nightly GitHub workflow. A file
 * that exists already is never overwritten.
 */
export async function initProject(dir: string): Promise<InitResult> {
  const created: string[] = [];
  const kept: string[] = [];
  const copy = async (from: string, to: string) => {
    for (const entry of (await readdir(from, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const source = join(from, entry.name);
      const target = join(to, targetName(entry.name));
      if (entry.isDirectory()) {
        await copy(source, target);
        continue;
      }
      const shown = relative(dir, target);
      // lstat, not exists: a dangling link counts as there, and COPYFILE_EXCL never writes through a link.
      if (pathTaken(target)) {
        kept.push(shown);
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await copyFile(source, target, constants.COPYFILE_EXCL);
      created.push(shown);
    }
  };
  await mkdir(dir, { recursive: true });
  await copy(starterDir, dir);
  return { created, kept };
}
