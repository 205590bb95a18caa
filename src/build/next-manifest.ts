import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { inShard, type Manifest, type Shard } from "../output/manifest.js";
import { version } from "../version.js";
import type { BriefResult } from "./types.js";

/**
 * The manifest after this build: this run's briefs replace their entries; a
 * brief that failed keeps its last good outputs listed (they are still on
 * disk) with its new status; other briefs are kept as they were, unless their
 * brief file is gone or they belong to another shard.
 */
export function nextManifest(previous: Manifest | undefined, results: readonly BriefResult[], context: { cwd: string; shard: Shard | undefined }): Manifest {
  // Entries of briefs whose file is gone, or that belong to another shard now, are dropped.
  const kept = (previous?.briefs ?? []).filter((e) => existsSync(resolve(context.cwd, e.file)) && inShard(e.id, context.shard));
  const entries = new Map(kept.map((e) => [e.id, e]));
  for (const result of results) {
    const old = entries.get(result.id);
    if (result.entry !== undefined) {
      entries.set(result.id, result.status === "unchanged" ? { ...result.entry, status: "unchanged" } : result.entry);
      continue;
    }
    entries.set(result.id, {
      id: result.id,
      file: result.file,
      status: result.status,
      ...(result.inputs ? { key: result.inputs.key, inputs: result.inputs.inputs } : {}),
      outputs: old?.outputs ?? [],
      ...(result.balanceSummary ? { balance: result.balanceSummary } : {}),
      ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
    });
  }
  return {
    generator: `briefsmith ${version}`,
    ...(context.shard ? { shard: { index: context.shard.index, count: context.shard.count } } : {}),
    briefs: [...entries.values()],
  };
}
