import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { inShard } from "../../../src/output/manifest.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

const briefs = ["tram-handout", "tram-memo", "tram-one-pager"];
const manifestOf = (p: TempProject, out: string) => JSON.parse(p.read(`${out}/manifest.json`)) as { shard?: unknown; briefs: { id: string }[] };

// A hostile CI run: a shard built into the folder a whole build had written kept only its own shard's entries; the
// others' files stayed, listed nowhere, so the next build printed them again, and a brief withdrawn later kept its
// PDF for good. When the split changed, a shard's own folder kept the copies of briefs another shard built now.
describe("a shard's manifest", () => {
  it("keeps the other shards' entries in a folder a whole build wrote, which stays a whole one", async () => {
    project = new TempProject();
    await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect((await runCli(["build", "--format", "html", "--shard", "1/2"], { cwd: project.dir })).code).toBe(0);
    const manifest = manifestOf(project, "output");
    expect(manifest.briefs.map((b) => b.id).sort()).toEqual(briefs);
    expect(manifest.shard).toBeUndefined();
    // So a brief withdrawn afterwards still has its files removed.
    const other = briefs.find((id) => !inShard(id, { index: 1, count: 2 }))!;
    project.remove(`briefs/${other}.yaml`);
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(run.stderr).toContain(`warning OUTPUT_REMOVED: removed output/${other}.html: its brief briefs/${other}.yaml is gone`);
    expect(existsSync(project.path(`output/${other}.html`))).toBe(false);
  });

  it("in a shard's own folder, drops the briefs another shard builds now the split changed, and their files", async () => {
    project = new TempProject();
    await runCli(["build", "--format", "html", "--shard", "1/1", "--out", "shard-1"], { cwd: project.dir });
    expect(manifestOf(project, "shard-1").briefs).toHaveLength(3);
    const run = await runCli(["build", "--format", "html", "--shard", "1/2", "--out", "shard-1"], { cwd: project.dir });
    const mine = briefs.filter((id) => inShard(id, { index: 1, count: 2 }));
    const moved = briefs.filter((id) => !mine.includes(id));
    expect(moved.length).toBeGreaterThan(0);
    for (const id of moved) {
      expect(run.stderr).toContain(`warning OUTPUT_REMOVED: removed shard-1/${id}.html: its brief briefs/${id}.yaml is built by another shard now (1 of 2 does not build it)`);
      expect(existsSync(project.path(`shard-1/${id}.html`))).toBe(false);
    }
    const manifest = manifestOf(project, "shard-1");
    expect(manifest.briefs.map((b) => b.id).sort()).toEqual(mine);
    expect(manifest.shard).toEqual({ index: 1, count: 2 });
  });
});

// A hostile CI run: the --json summary of a shard with no brief had no manifest key at all.
describe("the --json summary of a shard with no brief", () => {
  it("has the manifest key, null when no manifest was written", async () => {
    project = new TempProject();
    const run = await runCli(["build", "--format", "html", "--shard", "7/50", "--out", "empty", "--json"], { cwd: project.dir });
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toContain("manifest");
    expect(summary.counts).toMatchObject({ built: 0 });
  });
});
