import { isAbsolute, relative, resolve, sep } from "node:path";
import { diagnosticKey, type Diagnostic } from "../diagnostics/diagnostic.js";
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

/** A notice of selection's about dates, placed in a file (one kept by a manifest always is). */
export function isSelectionNotice(d: Diagnostic): d is Diagnostic & { code: ManifestNotice["code"]; file: string } {
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

/**
 * Selection notices, each once however many briefs share it. One placed outside a brief (a fact's date in the
 * extract) names the briefs it is about: "after the brief's date" pointing into the extract does not say which
 * brief to re-date.
 */
export class SelectionNotices {
  readonly #byPlace = new Map<string, { readonly notice: Diagnostic & { file: string }; readonly briefs: string[] }>();
  readonly #cwd: string;

  /** cwd: the folder the briefs' and notices' paths are said from. */
  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  add(brief: { readonly id: string; readonly file: string }, diagnostics: readonly Diagnostic[] | undefined): void {
    for (const d of diagnostics ?? []) {
      if (!isSelectionNotice(d)) continue;
      const key = diagnosticKey(d);
      const place = this.#byPlace.get(key) ?? { notice: d, briefs: [] };
      this.#byPlace.set(key, place);
      if (resolve(this.#cwd, d.file) !== resolve(this.#cwd, brief.file)) place.briefs.push(brief.id);
    }
  }

  /** By file, then place in it: briefs finish in any order, and a nightly log is read against the last. */
  get all(): readonly Diagnostic[] {
    return [...this.#byPlace.values()]
      .map(({ notice, briefs }) => (briefs.length === 0 ? notice : { ...notice, message: `${notice.message} (${briefsNamed(briefs)})` }))
      .sort((a, b) => a.file!.localeCompare(b.file!) || (a.span?.start ?? 0) - (b.span?.start ?? 0));
  }
}

/** "brief a", "briefs a and b", "briefs a, b, c and 7 more": a nightly set of hundreds is not listed whole. */
function briefsNamed(ids: readonly string[]): string {
  const sorted = [...ids].sort();
  if (sorted.length === 1) return `brief ${sorted[0]}`;
  const shown = sorted.length > 4 ? sorted.slice(0, 3) : sorted.slice(0, -1);
  const rest = sorted.length > 4 ? `${sorted.length - 3} more` : sorted.at(-1)!;
  return `briefs ${shown.join(", ")} and ${rest}`;
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
