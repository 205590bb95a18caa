import { resolve } from "node:path";
import { mergeManifests, readManifest, writeManifest } from "../../output/manifest.js";
import { defineCommand } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { plural } from "../report.js";

export const manifestCommand = defineCommand({
  name: "manifest",
  positionals: "merge MANIFEST…",
  summary: "combine the manifests of sharded builds",
  description: `Combine the manifest.json files of several shards (brief build --shard I/N)
into one, sorted by brief id. A brief found in two shards is an error.`,
  options: {
    out: { type: "string", short: "o", value: "FILE", description: "where to write the merged manifest" },
  },
  async run(io, { values, positionals }) {
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
  },
});
