import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { BriefResult, BuildOptions } from "../build.js";
import { briefFileBaseName, corpusDir, displayPath, findBriefFiles, loadYamlFile } from "../load/project.js";
import type { YamlFile } from "../load/yaml-file.js";
import { shardOf, type Manifest, type ManifestEntry } from "../output/manifest.js";
import { isBuildable, type PreparedBrief, type PreparedCorpus } from "../prepare.js";
import { runJobs } from "../run-jobs.js";
import type { Extract } from "../schema/extract.js";
import { validateBriefFile, type ValidBrief } from "../validate/brief.js";
import type { BriefInputs, CacheKeys } from "./cache-key.js";
import { sha256 } from "./hash.js";

/** Briefs checked at once by the no-op check: enough to overlap the waits, few enough to stay far below any open-file limit. */
const noOpCheckConcurrency = 16;

/** A brief to print. Selection and balance happen in the worker, so printing starts as soon as the first brief is planned. */
export interface Job {
  readonly prepared: PreparedBrief & { file: YamlFile; brief: ValidBrief; corpus: PreparedCorpus & { extract: Extract } };
  readonly inputs: BriefInputs;
}

export interface BuildPlan {
  /** Briefs that cannot be built: invalid, or unbalanced under a strict policy. */
  readonly upfront: BriefResult[];
  /** Briefs whose inputs and outputs are as the last build left them. */
  readonly unchanged: BriefResult[];
  readonly jobs: Job[];
}

/** Sort the briefs into those that cannot be built, those unchanged since the last build, and those to print. */
export async function planBuild(
  briefs: readonly PreparedBrief[],
  context: { options: BuildOptions; previous: Manifest | undefined; outDir: string; keys: CacheKeys },
): Promise<BuildPlan> {
  const { options, previous, outDir } = context;
  const plan: BuildPlan = { upfront: [], unchanged: [], jobs: [] };
  for (const prepared of briefs) {
    const file = prepared.file?.path ?? displayPath(prepared.path, options.cwd);
    const id = prepared.brief?.id ?? briefFileBaseName(prepared.path);
    if (!isBuildable(prepared)) {
      plan.upfront.push({ id, file, status: "invalid", warnings: [] });
      continue;
    }
    const inputs = await keyOf(prepared.brief, prepared.file, options, context.keys);
    const cached = await unchangedEntry(previous, id, inputs, outDir);
    if (cached !== undefined) {
      plan.unchanged.push(unchangedResult(id, file, inputs, cached, outDir, options.cwd));
      continue;
    }
    plan.jobs.push({ prepared, inputs });
  }
  return plan;
}

/** A brief's cache key, computed the same way by the full build and by the no-op check. */
function keyOf(brief: ValidBrief, file: YamlFile, options: BuildOptions, keys: CacheKeys): Promise<BriefInputs> {
  return keys.inputsFor({
    text: file.text,
    corpusDir: corpusDir(options.root, brief.corpus),
    template: brief.template,
    date: brief.date ?? options.buildDate,
  });
}

function unchangedResult(id: string, file: string, inputs: BriefInputs, entry: ManifestEntry, outDir: string, cwd: string): BriefResult {
  return {
    id,
    file,
    status: "unchanged",
    inputs,
    warnings: [],
    entry,
    balanceSummary: entry.balance,
    pdfPath: displayPath(join(outDir, `${id}.pdf`), cwd),
    pages: entry.outputs.find((o) => o.path.endsWith(".pdf"))?.pages,
  };
}

/**
 * When every brief (of this shard) is exactly as the last build left it, the
 * results, found from the raw bytes of the inputs; otherwise undefined, and
 * the full build runs. Only the small brief files are parsed, for their
 * corpus, template and date.
 */
export async function unchangedWithoutParsing(options: BuildOptions, previous: Manifest, outDir: string, keys: CacheKeys): Promise<BriefResult[] | undefined> {
  let checked: (BriefResult | "other shard" | undefined)[];
  try {
    const paths = await findBriefFiles(options.paths, options.cwd);
    checked = new Array<undefined>(paths.length);
    // Several at once, since the check is mostly waiting for small reads and stats; none
    // started after the first brief that must be built, which sends the build down the full path.
    await runJobs([...paths.entries()], noOpCheckConcurrency, true, async ([index, path]) => {
      checked[index] = await unchangedBrief(path, options, previous, outDir, keys);
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
  return results.length > 0 ? results : undefined;
}

/** One brief's unchanged result, "other shard", or undefined when it must be built (or checked) again. */
async function unchangedBrief(
  path: string,
  options: BuildOptions,
  previous: Manifest,
  outDir: string,
  keys: CacheKeys,
): Promise<BriefResult | "other shard" | undefined> {
  const loaded = await loadYamlFile(path, options.cwd);
  if (loaded.file === undefined || loaded.diagnostics.length > 0) return undefined;
  const { brief } = validateBriefFile(loaded.file, briefFileBaseName(path));
  if (brief === undefined) return undefined;
  if (options.shard !== undefined && shardOf(brief.id, options.shard.count, sha256) !== options.shard.index) return "other shard";
  const inputs = await keyOf(brief, loaded.file, options, keys);
  const entry = await unchangedEntry(previous, brief.id, inputs, outDir);
  return entry === undefined ? undefined : unchangedResult(brief.id, loaded.file.path, inputs, entry, outDir, options.cwd);
}

/** The previous manifest's entry for a brief, if its inputs are the same and its outputs are still there, unchanged. */
async function unchangedEntry(previous: Manifest | undefined, id: string, inputs: BriefInputs, outDir: string): Promise<ManifestEntry | undefined> {
  const entry = previous?.briefs.find((b) => b.id === id);
  if (entry === undefined || entry.key !== inputs.key || (entry.status !== "built" && entry.status !== "unchanged")) return undefined;
  const intact = await Promise.all(
    entry.outputs.map(async (output) => {
      // Size and time, as make does: an output edited or replaced since it was written is rebuilt.
      // Whole seconds, because archives (a CI cache restoring last night's output) keep no more.
      const info = await stat(join(outDir, output.path)).catch(() => undefined);
      return info !== undefined && info.size === output.bytes && Math.floor(info.mtimeMs / 1000) === Math.floor(output.mtime_ms / 1000);
    }),
  );
  return intact.every(Boolean) ? entry : undefined;
}
