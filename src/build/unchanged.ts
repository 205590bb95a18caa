import { join } from "node:path";
import type { BriefInputs, CacheKeys } from "../incremental/cache-key.js";
import { sha256 } from "../text/sha256.js";
import { briefFileBaseName, corpusDir, displayPath, findBriefFiles, readBriefFileText } from "../load/project.js";
import type { loadBriefFile } from "../load/yaml-files.js";
import type { YamlFile } from "../load/yaml-file.js";
import { entryById, inShard, type BriefSettings, type Manifest, type ManifestEntry, type Shard } from "../output/manifest.js";
import { sameContent } from "../output/same-content.js";
import type { OutputFormat } from "../schema/brief.js";
import type { TemplateLayouts, ValidBrief } from "../validate/brief.js";
import { formatOf, outputPaths, type Output } from "./outputs.js";
import { runJobs } from "./run-jobs.js";
import { keptNotices } from "./selection-notices.js";
import { hasCurrentOutputs, type BriefResult } from "./types.js";

/*
 * What the build knows of a brief unchanged since the last build: its key, its manifest entry, its
 * result. The no-op check (every brief unchanged) needs only this, the brief files and the manifest,
 * so a build with nothing to do loads none of the corpus checks, selection or printing.
 */

/** Briefs checked at once by the no-op check: enough to overlap the waits, few enough to stay far below any open-file limit. */
const noOpCheckConcurrency = 16;

/** What planning needs to know of the build: where things are, the date briefs print, the last build and the keys. */
export interface PlanContext {
  readonly root: string;
  readonly cwd: string;
  readonly outDir: string;
  readonly date: string;
  readonly shard: Shard | undefined;
  /** The last build's manifest, unless everything is to be rebuilt. */
  readonly previous: Manifest | undefined;
  /** The last build's manifest even with --force: what each brief showed, for saying what changed. */
  readonly last: Manifest | undefined;
  /** The run's --format, which replaces every brief's formats. */
  readonly formats: readonly OutputFormat[] | undefined;
  readonly keys: CacheKeys;
  /** The templates briefs may name, with their layouts. */
  readonly templates: TemplateLayouts;
  /**
   * The last build's outputs already compared with the files on disk in this build, by path, size and sha256:
   * when the no-op check finds a brief that must be built, the plan that follows does not hash again the
   * outputs of the briefs it found unchanged before it.
   */
  readonly intact: Map<string, Promise<boolean>>;
  /** The brief files the no-op check read, by path: a full build that follows it prepares them without reading them again. */
  readonly briefFiles: Map<string, ReturnType<typeof loadBriefFile>>;
}

/** The files a brief is built into: the run's --format, else its own formats: (default pdf and html). */
export function formatsOf(brief: ValidBrief, context: Pick<PlanContext, "formats">): readonly OutputFormat[] {
  return context.formats ?? brief.formats;
}

/** A brief's cache key, computed the same way by the full build and by the no-op check. */
export function keyOf(brief: ValidBrief, file: YamlFile, context: Pick<PlanContext, "root" | "date" | "keys">): Promise<BriefInputs> {
  return keyOfSettings(file.text, settingsOf(brief), context);
}

/** What a brief says that its key depends on, and its formats, as the manifest records them. */
function settingsOf(brief: ValidBrief): BriefSettings {
  return { corpus: brief.corpus, template: brief.template, date: brief.date, formats: [...brief.formats] };
}

/** The key of a brief file's text with what it says (BriefSettings): all a key depends on. */
async function keyOfSettings(text: string, settings: BriefSettings, context: Pick<PlanContext, "root" | "date" | "keys">): Promise<BriefInputs> {
  const inputs = await context.keys.inputsFor({
    text,
    corpusDir: corpusDir(context.root, settings.corpus),
    template: settings.template,
    date: settings.date ?? context.date,
  });
  return { ...inputs, settings };
}

export function unchangedResult(id: string, file: string, entry: ManifestEntry, inputs: BriefInputs, context: Pick<PlanContext, "outDir" | "cwd" | "root">): BriefResult {
  const outputs = new Map(entry.outputs.flatMap((output) => {
    const format = formatOf(output.path);
    return format === undefined ? [] : [[format, output] as const];
  }));
  return {
    id,
    file,
    status: "unchanged",
    inputs,
    // Its PDF is the one the printer warned of (shrunk to fit, a request blocked): said again while it is kept.
    warnings: entry.pdf_warnings ?? [],
    // Not selected again, it leaves out what it left out last time: said again, from its entry.
    diagnostics: keptNotices(entry.notices, context),
    // Where the brief is now (a file renamed, its id set by id:, is the same brief) and what it says are recorded
    // (again): a manifest written before settings were kept gets them now.
    entry: { ...entry, file, ...(inputs.settings === undefined ? {} : { settings: inputs.settings }) },
    balanceSummary: entry.balance,
    ...outputPaths(outputs, context),
    pages: outputs.get("pdf")?.pages,
  };
}

/**
 * When every brief (of this shard) is exactly as the last build left it, the
 * results, found from the raw bytes of the inputs, and every brief file found
 * (of every shard); otherwise undefined, and
 * the full build runs. Only the small brief files are parsed, for their
 * corpus, template and date, and not those whose text the last build
 * recorded with what it says.
 */
export async function unchangedWithoutParsing(
  paths: readonly string[],
  context: PlanContext & { previous: Manifest },
): Promise<{ results: BriefResult[]; briefPaths: readonly string[] } | undefined> {
  let checked: (BriefResult | "other shard" | undefined)[];
  let briefPaths: string[];
  try {
    briefPaths = await findBriefFiles(paths, context.cwd);
    checked = new Array<undefined>(briefPaths.length);
    // Several at once, since the check is mostly waiting for small reads and stats; none
    // started after the first brief that must be built, which sends the build down the full path.
    await runJobs([...briefPaths.entries()], noOpCheckConcurrency, true, async ([index, path]) => {
      checked[index] = await unchangedBrief(path, context);
      return checked[index] !== undefined;
    });
  } catch {
    return undefined; // a missing path or corpus, an unreadable folder: the full build reports it, with its location
  }
  const results: BriefResult[] = [];
  // A brief never checked (the check stopped early) reads as undefined, like one that changed.
  for (const result of checked) {
    if (result === undefined) return undefined;
    if (result === "other shard") continue;
    if (results.some((r) => r.id === result.id)) return undefined; // the full build reports the duplicate id
    results.push(result);
  }
  return results.length > 0 ? { results, briefPaths } : undefined;
}

/** One brief's unchanged result, "other shard", or undefined when it must be built (or checked) again. */
async function unchangedBrief(path: string, context: PlanContext & { previous: Manifest }): Promise<BriefResult | "other shard" | undefined> {
  const shown = displayPath(path, context.cwd);
  let text: string;
  try {
    text = await readBriefFileText(path, context.cwd, context.root);
  } catch {
    return undefined; // the full build reads it again, and reports why it cannot
  }
  // What the brief says: as the last build recorded it with this very text, or else parsed.
  const said = recordedSettings(context.previous, shown, sha256(text)) ?? (await parsedSettings(path, text, context));
  if (said === undefined) return undefined;
  if (!inShard(said.id, context.shard)) return "other shard";
  const inputs = await keyOfSettings(text, said.settings, context);
  const entry = await unchangedEntry(context.previous, said.id, inputs, context.formats ?? said.settings.formats, context);
  // A corpus with errors is read again, so that every build reports them until they are fixed.
  return entry === undefined || entry.corpus_errors !== undefined ? undefined : unchangedResult(said.id, shown, entry, inputs, context);
}

interface SaidByBrief {
  readonly id: string;
  readonly settings: BriefSettings;
}

/** A manifest's entries by brief file, made once per manifest. */
const entriesByFile = new WeakMap<Manifest, ReadonlyMap<string, readonly ManifestEntry[]>>();

/** What a brief file says, without parsing it: when the last build recorded it with the same text (by sha256). */
function recordedSettings(manifest: Manifest, file: string, textHash: string): SaidByBrief | undefined {
  let byFile = entriesByFile.get(manifest);
  if (byFile === undefined) {
    const entries = new Map<string, ManifestEntry[]>();
    for (const entry of manifest.briefs) entries.set(entry.file, [...(entries.get(entry.file) ?? []), entry]);
    entriesByFile.set(manifest, (byFile = entries));
  }
  const recorded = byFile.get(file)?.find((entry) => entry.settings !== undefined && entry.inputs?.brief === textHash);
  return recorded?.settings === undefined ? undefined : { id: recorded.id, settings: recorded.settings };
}

/** What a brief file says, parsed and checked against its schema; the parse is kept for the full build that may follow. */
async function parsedSettings(path: string, text: string, context: PlanContext): Promise<SaidByBrief | undefined> {
  const [{ loadBriefFile }, { validateBriefFile }] = await Promise.all([import("../load/yaml-files.js"), import("../validate/brief.js")]);
  const loading = loadBriefFile(path, context.cwd, context.root, { text });
  context.briefFiles.set(path, loading);
  const parsed = await loading;
  if (parsed.file === undefined || parsed.diagnostics.length > 0) return undefined;
  const { brief } = validateBriefFile(parsed.file, briefFileBaseName(path), context.templates);
  return brief === undefined ? undefined : { id: brief.id, settings: settingsOf(brief) };
}

/**
 * The previous manifest's entry for a brief, if its inputs are the same, it lists every format this
 * build asks for, and its outputs are still there, unchanged. Unchanged means the same bytes, by the
 * sha256 the manifest recorded: a size and a time can agree for a file another build wrote over in
 * the same second, or a cache restored. A brief that asks for a format it did not have is built.
 */
export async function unchangedEntry(
  previous: Manifest | undefined,
  id: string,
  inputs: BriefInputs,
  formats: readonly OutputFormat[],
  context: Pick<PlanContext, "outDir" | "intact">,
): Promise<ManifestEntry | undefined> {
  const entry = previous === undefined ? undefined : entryById(previous, id);
  if (entry === undefined || entry.key !== inputs.key || !hasCurrentOutputs(entry.status) || entry.outputs.length === 0) return undefined;
  if (!formats.every((format) => entry.outputs.some((output) => formatOf(output.path) === format))) return undefined;
  // A Word file a staffer edited is not this brief's output, whatever its bytes: the brief is built again, and she
  // is told again that her file is left as it is.
  if (entry.outputs.some((output) => output.edited === true)) return undefined;
  const intact = await Promise.all(entry.outputs.map((output) => intactOutput(output, context)));
  return intact.every(Boolean) ? entry : undefined;
}

/** Whether an output is on disk as the manifest recorded it: hashed once per build, however often asked. */
function intactOutput(output: Output, context: Pick<PlanContext, "outDir" | "intact">): Promise<boolean> {
  const key = `${output.path}\0${output.bytes}\0${output.sha256}`;
  let verdict = context.intact.get(key);
  if (verdict === undefined) context.intact.set(key, (verdict = sameContent(join(context.outDir, output.path), output)));
  return verdict;
}
