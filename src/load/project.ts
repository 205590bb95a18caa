import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { fileLimits, isInside, readTextFile } from "./read-file.js";
import { visibleLine } from "../text/visible-text.js";

const yamlExtensions = new Set([".yaml", ".yml"]);

/** How a path is shown to the user: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" || shown.startsWith("..") ? path : shown;
}

/**
 * Read a brief file of a project. A brief whose real location (symbolic links followed)
 * is outside the project folder is refused without being opened: a link such as
 * briefs/a.yaml -> ~/.git-credentials, added by a pull request, must not print the
 * file's contents into a CI log through an error message. Failures are BriefsmithErrors.
 */
export async function readBriefFileText(path: string, cwd: string, root: string): Promise<string> {
  const shown = displayPath(path, cwd);
  const realRoot = realFolder(root);
  const outside = leadsOutside(path, realRoot);
  if (outside) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shown} leads outside the project folder ${displayPath(root, cwd) || "."}, so it was not read`, {
      hint: "put the brief itself in the project's briefs/ folder instead of linking to it, or build with --root set to the folder that holds it",
    });
  }
  return readTextFile(path, fileLimits.yamlBytes, shown, { within: realRoot });
}

/**
 * Whether a file's or folder's real location (links followed) is outside the real folder `realDir`; a path that
 * does not exist is not (reading it reports it).
 */
export function leadsOutside(path: string, realDir: string): boolean {
  let realFile: string;
  try {
    realFile = realpathSync(path);
  } catch {
    return false;
  }
  return !isInside(realDir, realFile);
}

/** YAML files under a folder, recursively, in a stable order; `skip` names sub-folders to leave out. */
export async function listYamlFiles(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const entries = readdirSync(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) found.push(...(await listYamlFiles(path, skip)));
    } else if (yamlExtensions.has(extname(entry.name))) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The brief files named on the command line: files as given, folders searched
 * for *.yaml and *.yml. A path that does not exist is a user error.
 */
export async function findBriefFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let entries: string[];
    try {
      entries = await listYamlFiles(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") {
        files.push(absolute);
        continue;
      }
      if (code === "ENOENT") throw missingBriefPath(path);
      throw error;
    }
    files.push(...entries);
  }
  return [...new Set(files)];
}

/** The error for a brief file or folder that is not there. */
export function missingBriefPath(path: string): BriefsmithError {
  return new BriefsmithError("PATH_NOT_FOUND", `${path} does not exist`, { hint: "give a brief file or a folder of briefs" });
}

/** The base name of a brief file, used as its id when the brief sets none. */
export function briefFileBaseName(path: string): string {
  // Shown on a line of its own in every report: a line break in the file name must not end that line.
  // Such a name is never a valid id (lower-case letters, digits, hyphens), so nothing else changes.
  return visibleLine(basename(path, extname(path)));
}

/** A project's own templates, partials, styles and assets (see load/templates.ts). */
export function projectTemplatesDir(root: string): string {
  return join(root, "templates");
}

/** The folder of a corpus inside a project. */
export function corpusDir(root: string, corpusId: string): string {
  return join(root, "sources", corpusId);
}

/** The corpora a project has: the folders under sources/, and links there to folders (a corpus shared between projects). */
export async function listCorpora(root: string): Promise<string[]> {
  try {
    const folder = join(root, "sources");
    const entries = readdirSync(folder, { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
    const isFolder = entries.map((e) => e.isDirectory() || (e.isSymbolicLink() && (statSync(join(folder, e.name), { throwIfNoEntry: false })?.isDirectory() ?? false)));
    return entries.filter((_, i) => isFolder[i]).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/**
 * The real path of a folder that may not exist yet: its nearest existing
 * ancestor's real path, with the rest appended.
 */
export function realFolder(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realFolder(parent), basename(absolute));
  }
}

/**
 * Refuse an output folder inside sources/ or inside any corpus (a corpus may
 * be a link to a folder elsewhere): every file written there would change the
 * corpus, and with it every brief's inputs, so each build would rebuild
 * everything, and the next would again.
 */
export async function refuseOutputInSources(outDir: string, root: string, cwd: string): Promise<void> {
  const out = realFolder(outDir);
  const sources = join(root, "sources");
  const folders = [realFolder(sources), ...(await listCorpora(root)).map((id) => realFolder(join(sources, id)))];
  const inside = folders.find((folder) => folder === out || isInside(folder, out));
  if (inside !== undefined) {
    throw new BriefsmithError("OUTPUT_INSIDE_SOURCES", `the output folder ${displayPath(outDir, cwd)} is inside ${displayPath(inside, cwd)}, where the corpora are`, {
      hint: "choose an output folder outside sources/ with --out (the default is output/)",
    });
  }
}

/** Whether a path is an ordinary file (a link followed): named where a folder is wanted, it is said to be one. */
export function isFile(path: string): boolean {
  return statOrUndefined(path)?.isFile() ?? false;
}

/** Whether a path is a folder (a link followed). */
export function isFolder(path: string): boolean {
  return statOrUndefined(path)?.isDirectory() ?? false;
}

/** What a path is, or undefined when it cannot be said (nothing there, a file on its way, no permission). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
