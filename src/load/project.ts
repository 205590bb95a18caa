import { readdir } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { fileLimits, readTextFile, type ReadOptions } from "./read-file.js";
import { parseYamlFile, type YamlFile } from "./yaml-file.js";

const yamlExtensions = new Set([".yaml", ".yml"]);

/** How a path is shown to the user: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" || shown.startsWith("..") ? path : shown;
}

function diagnosticFromError(error: unknown, file: string): Diagnostic {
  if (error instanceof BriefsmithError) {
    return { severity: "error", code: error.code, message: error.message, file, hint: error.hint };
  }
  throw error;
}

/** Read and parse one YAML file; every failure becomes a diagnostic. */
export async function loadYamlFile(path: string, cwd: string, options: ReadOptions = {}): Promise<{ file?: YamlFile; diagnostics: Diagnostic[] }> {
  const shown = displayPath(path, cwd);
  try {
    const text = await readTextFile(path, fileLimits.yamlBytes, shown, options);
    return parseYamlFile(shown, text);
  } catch (error) {
    return { diagnostics: [diagnosticFromError(error, shown)] };
  }
}

/** YAML files under a folder, recursively, in a stable order; `skip` names sub-folders to leave out. */
export async function listYamlFiles(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
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
      if (code === "ENOENT") throw new BriefsmithError("PATH_NOT_FOUND", `${path} does not exist`, { hint: "give a brief file or a folder of briefs" });
      throw error;
    }
    files.push(...entries);
  }
  return [...new Set(files)];
}

/** The base name of a brief file, used as its id when the brief sets none. */
export function briefFileBaseName(path: string): string {
  return basename(path, extname(path));
}

/** The folder of a corpus inside a project. */
export function corpusDir(root: string, corpusId: string): string {
  return join(root, "sources", corpusId);
}

/** The corpora a project has: the folders under sources/. */
export async function listCorpora(root: string): Promise<string[]> {
  try {
    const entries = await readdir(join(root, "sources"), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** Is `path` inside `dir` (after resolving `..`)? */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}
