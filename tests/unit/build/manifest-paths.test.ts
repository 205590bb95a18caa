import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../../../src/text/sha256.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile CI run: a manifest listing "../victim.txt" (or an absolute path) among a withdrawn brief's outputs made
// the build delete that file, outside the output folder, when its bytes matched the hash listed. The workflow
// restores output/ from a cache, so whoever can write the cache could delete any file whose content they know.
describe("a manifest that lists an output outside the output folder", () => {
  it("is set aside, and no file outside the output folder is touched", async () => {
    project = new TempProject();
    const args = ["build", "--format", "html"];
    expect((await runCli(args, { cwd: project.dir })).code).toBe(0);
    const victim = project.path("victim.txt");
    writeFileSync(victim, "not an output\n");
    const manifestPath = project.path("output/manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { briefs: { id: string; outputs: unknown[] }[] };
    const entry = manifest.briefs.find((b) => b.id === "tram-one-pager")!;
    for (const path of ["../victim.txt", victim]) entry.outputs.push({ path, sha256: sha256("not an output\n"), bytes: 14, mtime_ms: 1 });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    project.remove("briefs/tram-one-pager.yaml");
    const run = await runCli(args, { cwd: project.dir });
    expect(existsSync(victim)).toBe(true);
    expect(run.stderr).toContain("MANIFEST_UNREADABLE");
    expect(run.stderr).toContain("an output is named by its file name in the output folder");
    expect(readFileSync(join(project.dir, "victim.txt"), "utf8")).toBe("not an output\n");
  });
});
