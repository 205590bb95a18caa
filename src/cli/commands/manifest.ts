import { resolve } from "node:path";
import { mergeManifests, readManifest, writeManifest } from "../../output/manifest.js";
import { exitCodes, UsageError, type CliIo } from "../io.js";
import { parseCommandArgs } from "../options.js";
import { plural } from "../report.js";

export const manifestUsage = `Usage: brief manifest merge MANIFEST… --out FILE

Combine the manifest.json files of several shards (brief build --shard I/N)
into one, sorted by brief id. A brief found in two shards is an error.`;

export async function runManifest(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: "string", short: "o" } });
  const [action, ...files] = positionals;
  if (action !== "merge") throw new UsageError(action === undefined ? "say what to do: brief manifest merge …" : `unknown action "${action}": only "merge"`);
  if (files.length === 0) throw new UsageError("name the manifests to merge");
  if (values.out === undefined) throw new UsageError("say where to write the merged manifest: --out FILE");
  const manifests = [];
  for (const file of files) manifests.push({ path: file, manifest: await readManifest(resolve(io.cwd, file)) });
  const merged = mergeManifests(manifests);
  await writeManifest(resolve(io.cwd, values.out), merged);
  io.stdout.write(`${plural(merged.briefs.length, "brief")} from ${plural(files.length, "manifest")} → ${values.out}\n`);
  return exitCodes.ok;
}
