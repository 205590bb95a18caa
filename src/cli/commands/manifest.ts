import { lstatSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { BriefsmithError } from "../../errors/briefsmith-error.js";
import { mergeManifests, readManifest, writeManifest } from "../../output/manifest.js";
import { describeWriteError } from "../../output/write-atomic.js";
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
    const out = resolve(io.cwd, values.out);
    // Written beside the target and renamed over it: a rename replaces whatever is there, a device included.
    const there = lstatOrUndefined(out);
    if (there !== undefined && !there.isFile() && !there.isSymbolicLink()) {
      throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${values.out}: ${there.isDirectory() ? "it is a folder" : "it is not a regular file (a device, pipe or socket)"}`, {
        hint: "give --out the path of a file, such as output/manifest.json",
      });
    }
    try {
      await writeManifest(out, merged);
    } catch (error) {
      throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${values.out}: ${describeWriteError(error)}`, { cause: error });
    }
    io.stdout.write(`${plural(merged.briefs.length, "brief")} from ${plural(files.length, "manifest")} → ${values.out}\n`);
    return exitCodes.ok;
  },
});

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
