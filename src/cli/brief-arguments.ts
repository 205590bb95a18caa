import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { suggestionHint } from "../diagnostics/suggest.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { briefFileBaseName, findBriefFiles, readBriefFileText } from "../load/project.js";
import { idPattern } from "../schema/id-pattern.js";
import { UsageError } from "./io.js";

/** The briefs a command was given: the paths to read, and which brief files the user named one by one. */
export interface BriefArguments {
  /** Files and folders, as findBriefFiles takes them (default: the project's briefs/). */
  readonly paths: readonly string[];
  /** Brief files named on the command line (by path or id), absolute: their warnings are always shown. */
  readonly named: ReadonlySet<string>;
}

/**
 * Brief arguments as a user types them: a brief file, a folder of briefs, or
 * a brief's id (`brief balance alliance-memo` reads briefs/alliance-memo.yaml).
 * A path that exists wins over an id. Neither is a PATH_NOT_FOUND that lists
 * the ids there are.
 */
export async function resolveBriefArguments(args: readonly string[], root: string, cwd: string): Promise<BriefArguments> {
  const briefsDir = join(root, "briefs");
  if (args.length === 0) return { paths: [briefsDir], named: new Set() };
  const paths: string[] = [];
  const named = new Set<string>();
  for (const arg of args) {
    // '' resolved to the working folder, and a build scanned the whole project for briefs.
    if (arg.trim() === "") throw new UsageError("a brief argument is empty: give a brief file, a folder of briefs, or a brief's id");
    const asPath = resolve(cwd, arg);
    if (existsSync(asPath)) {
      paths.push(asPath);
      if (/\.ya?ml$/i.test(arg)) named.add(asPath);
      continue;
    }
    const byId = idPattern.test(arg) ? [".yaml", ".yml"].map((ext) => join(briefsDir, `${arg}${ext}`)).find((path) => existsSync(path)) : undefined;
    if (byId !== undefined) {
      paths.push(byId);
      named.add(byId);
      continue;
    }
    // A brief whose id: is not its file's name is found by that id too, and the hint offers real ids.
    const known = existsSync(briefsDir) ? await briefIds(await findBriefFiles([briefsDir], cwd), cwd, root) : [];
    const withId = known.find((brief) => brief.id === arg);
    if (withId !== undefined) {
      paths.push(withId.path);
      named.add(withId.path);
      continue;
    }
    throw new BriefsmithError("PATH_NOT_FOUND", `there is no brief file, folder or brief id "${arg}"`, {
      hint: known.length > 0 ? suggestionHint(arg, [...new Set(known.map((b) => b.id))], "brief") : "give a brief file, a folder of briefs, or the id of a brief in briefs/",
    });
  }
  return { paths, named };
}

/**
 * Each brief file's id: the one its top-level id: line gives, else its file's name. Read as the build reads briefs
 * (inside the project, within the size limit): a file that cannot be read so is left out, never shown.
 */
async function briefIds(files: readonly string[], cwd: string, root: string): Promise<{ path: string; id: string }[]> {
  const found = await Promise.all(
    files.map(async (path) => {
      const text = await readBriefFileText(path, cwd, root).catch(() => undefined);
      if (text === undefined) return undefined;
      const id = /^id:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
      return { path, id: id !== undefined && idPattern.test(id) ? id : briefFileBaseName(path) };
    }),
  );
  return found.filter((brief) => brief !== undefined);
}
