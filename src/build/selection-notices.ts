import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { corpusDir, displayPath, realFolder } from "../load/project.js";
import { fileLimits, readTextFile } from "../load/read-file.js";
import { selectionNoticeCodes, type ManifestNotice } from "../output/manifest.js";

/*
 * What selection noticed of dates (a fact left out for being dated after the brief, a source cited though dated
 * after it). A brief unchanged since the last build is not selected again, so its notices are kept in its
 * manifest entry, and every build says them: a brief dated before its facts keeps leaving them out, night after night.
 */

/** Where the build's paths are said from (cwd) and kept relative to (root). */
interface Places {
  readonly root: string;
  readonly cwd: string;
}

function isSelectionNotice(d: Diagnostic): d is Diagnostic & { code: ManifestNotice["code"]; file: string } {
  return (selectionNoticeCodes as readonly string[]).includes(d.code) && d.file !== undefined;
}

/** A brief's selection notices as its manifest entry keeps them: its files relative to the project folder, whatever the build's folder. */
export function noticesToKeep(diagnostics: readonly Diagnostic[], places: Places): ManifestNotice[] {
  return diagnostics.filter(isSelectionNotice).map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    file: relative(places.root, resolve(places.cwd, d.file)).split(sep).join("/"),
    ...(d.span === undefined ? {} : { span: { start: d.span.start, end: d.span.end } }),
  }));
}

/**
 * The notices a manifest entry kept, as the build reports them, paths said from the build's folder. One that names
 * a file outside the project folder (a manifest edited by hand) is not said: its place could not be trusted.
 */
export function keptNotices(notices: readonly ManifestNotice[] | undefined, places: Places): Diagnostic[] {
  return (notices ?? [])
    .filter((notice) => !isAbsolute(notice.file) && !notice.file.split("/").includes(".."))
    .map((notice) => ({ severity: "warning", ...notice, file: displayPath(resolve(places.root, notice.file), places.cwd) }));
}

/** Selection notices, each once however many briefs share it. */
export class SelectionNotices {
  readonly #byPlace = new Map<string, Diagnostic>();

  add(diagnostics: readonly Diagnostic[] | undefined): void {
    for (const d of diagnostics ?? []) if (isSelectionNotice(d)) this.#byPlace.set(`${d.code}\n${d.file}\n${d.span?.start}\n${d.message}`, d);
  }

  /** By file, then place in it: briefs finish in any order, and a nightly log is read against the last. */
  get all(): readonly Diagnostic[] {
    return [...this.#byPlace.values()].sort((a, b) => a.file!.localeCompare(b.file!) || (a.span?.start ?? 0) - (b.span?.start ?? 0));
  }
}

/**
 * The texts of the files notices point into that the build did not read itself (a brief unchanged since the
 * last build is not read again, nor its corpus), so that each is said with its line. A file is read only where
 * the build would read it: a brief's under the project folder, an extract's under its corpus folder (which may
 * be a link to a folder elsewhere), links followed. One that cannot be read is said without its line.
 */
export async function textsOfNoticedFiles(notices: readonly Diagnostic[], known: ReadonlyMap<string, string>, places: Places): Promise<Map<string, string>> {
  const texts = new Map(known);
  for (const notice of notices) {
    if (notice.file === undefined || texts.has(notice.file)) continue;
    const path = resolve(places.cwd, notice.file);
    const [top, corpus] = relative(places.root, path).split(sep);
    const within = top === "sources" && corpus !== undefined ? realFolder(corpusDir(places.root, corpus)) : realFolder(places.root);
    const text = await readTextFile(path, fileLimits.yamlBytes, notice.file, { within }).catch(() => undefined);
    if (text !== undefined) texts.set(notice.file, text);
  }
  return texts;
}
