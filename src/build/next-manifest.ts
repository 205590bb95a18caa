import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { leadsOutside, realFolder } from "../load/project.js";
import { entryById, inShard, type Manifest, type ManifestEntry, type Shard } from "../output/manifest.js";
import { version } from "../version.js";
import type { BriefResult } from "./types.js";

export const generator = `briefsmith ${version}`;

/**
 * A brief's manifest entry after this build. A brief built, re-rendered or
 * unchanged has its own; one that failed keeps its last good outputs listed
 * (they are still on disk: outputs are replaced in pairs, or not at all), with
 * what they showed, under its new status.
 */
export function entryOf(result: BriefResult, old: ManifestEntry | undefined): ManifestEntry {
  if (result.entry !== undefined) return result.status === "unchanged" ? { ...result.entry, status: "unchanged" } : result.entry;
  return {
    id: result.id,
    file: result.file,
    status: result.status,
    // The key names the inputs of the files listed: while those are the last build's, so is the key (a Word file
    // of last week's text must not pass for one of today's inputs).
    ...(result.inputs ? { key: old !== undefined && old.outputs.length > 0 && old.key !== undefined ? old.key : result.inputs.key, inputs: result.inputs.inputs } : {}),
    ...(result.inputs?.settings ? { settings: result.inputs.settings } : {}),
    ...(old?.document !== undefined && old.outputs.length > 0 ? { document: old.document } : {}),
    ...(old?.content !== undefined ? { content: old.content } : {}),
    outputs: old?.outputs ?? [],
    ...(result.balanceSummary ? { balance: result.balanceSummary } : {}),
    ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
  };
}

/**
 * The entry a brief about to be rebuilt has while its build runs: its output
 * files are about to be replaced, so none is listed. Should the process be
 * killed before the brief is done, this is what the manifest says of it; what
 * it showed is kept, for saying what changed next time, and so is the whole
 * entry it had, for the next build to take back if its files were never touched.
 */
export function pendingEntry(old: ManifestEntry): ManifestEntry {
  const { last_built: earlier, ...finished } = old;
  const lastBuilt = old.status === "interrupted" ? earlier : finished;
  return { id: old.id, file: old.file, status: "interrupted", ...(old.content ? { content: old.content } : {}), outputs: [], ...(lastBuilt ? { last_built: lastBuilt } : {}) };
}

/**
 * The manifest after this build: this run's briefs replace their entries;
 * other briefs are kept as they were, unless their brief file is gone, names
 * another id now, or they belong to another shard. `templates` is the hash of the template set when
 * this build found no error in it (undefined when it did).
 */
export function nextManifest(
  previous: Manifest | undefined,
  results: readonly BriefResult[],
  context: {
    cwd: string;
    root: string;
    shard: Shard | undefined;
    templates: string | undefined;
    /** Ids whose entries go though their file is still there: it names another id now, or another shard builds it. */
    dropped?: ReadonlySet<string>;
  },
): Manifest {
  // The project's briefs only: a brief named from outside it is refused, and recorded it stayed for good (a
  // mistaken `brief build /tmp` left 1,346 entries with other people's paths).
  // Judged as the brief reader judges it, links followed: a project reached through a link is still the project.
  const realRoot = realFolder(context.root);
  const inProject = (file: string) => !leadsOutside(resolve(context.cwd, file), realRoot);
  // A path as the manifest has it is relative to the working folder of the build that wrote it: usually the
  // project's, so it is looked for from there too.
  const exists = (file: string) => existsSync(resolve(context.cwd, file)) || existsSync(resolve(context.root, file));
  // A shard built into a folder a whole build wrote (or several shards, one after another, into one folder) keeps
  // the other shards' entries, and the folder stays a whole one: dropping them left their files listed nowhere, so
  // the next build printed them all again and a brief withdrawn later kept its PDF. In a shard's own folder, the
  // entries of briefs another shard builds now (the split changed) are dropped, their files removed with them.
  const sharedFolder = context.shard !== undefined && !isShardsOwnFolder(previous, context.shard);
  const ofThisFolder = (id: string) => sharedFolder || inShard(id, context.shard);
  // Entries of briefs whose file is gone, or that belong to another shard now, are dropped.
  const kept = (previous?.briefs ?? []).filter(
    (e) => exists(e.file) && !context.dropped?.has(e.id) && ofThisFolder(e.id) && (inProject(e.file) || inProject(resolve(context.root, e.file))),
  );
  const entries = new Map(kept.map((e) => [e.id, e]));
  for (const result of results) {
    if (inProject(result.file)) entries.set(result.id, entryOf(result, previous === undefined ? undefined : entryById(previous, result.id)));
  }
  return {
    generator,
    ...(context.shard && !sharedFolder ? { shard: { index: context.shard.index, count: context.shard.count } } : {}),
    ...(context.templates !== undefined ? { templates: context.templates } : {}),
    briefs: [...entries.values()],
  };
}

/**
 * Whether a shard builds into a folder of its own: a new one, or one whose manifest this shard wrote (under any
 * split). A folder a whole build or another shard wrote is shared, and keeps everyone's entries.
 */
export function isShardsOwnFolder(previous: Manifest | undefined, shard: Shard): boolean {
  return previous === undefined || previous.briefs.length === 0 || previous.shard?.index === shard.index;
}
