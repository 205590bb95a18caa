import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile CI run: giving a brief an id: of its own left the files of its old id in the output folder, and its
// manifest entry, for good; the publish step shipped both. Refused briefs left entries under their file names too.
describe("a brief whose id changes while its file stays", () => {
  it("has the files of its old id removed, said as OUTPUT_REMOVED, and the old id leaves the manifest", async () => {
    project = new TempProject();
    expect((await runCli(["build", "--format", "html"], { cwd: project.dir })).code).toBe(0);
    expect(existsSync(project.path("output/tram-memo.html"))).toBe(true);
    project.write("briefs/tram-memo.yaml", `id: tram-mayor\n${project.read("briefs/tram-memo.yaml")}`);
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning OUTPUT_REMOVED: removed output/tram-memo.html: its brief briefs/tram-memo.yaml now has the id "tram-mayor"');
    expect(existsSync(project.path("output/tram-memo.html"))).toBe(false);
    expect(existsSync(project.path("output/tram-mayor.html"))).toBe(true);
    const manifest = JSON.parse(project.read("output/manifest.json")) as { briefs: { id: string }[] };
    expect(manifest.briefs.map((b) => b.id).sort()).toEqual(["tram-handout", "tram-mayor", "tram-one-pager"]);
  });

  // Review: built on its own (by its file, or by its new id), the brief left both ids' files.
  it("is found renamed when built on its own, by its file or its new id", async () => {
    project = new TempProject();
    await runCli(["build", "--format", "html"], { cwd: project.dir });
    project.write("briefs/tram-memo.yaml", `id: tram-mayor\n${project.read("briefs/tram-memo.yaml")}`);
    const run = await runCli(["build", "tram-mayor", "--format", "html"], { cwd: project.dir });
    expect(run.stderr).toContain('removed output/tram-memo.html: its brief briefs/tram-memo.yaml now has the id "tram-mayor"');
    expect(existsSync(project.path("output/tram-memo.html"))).toBe(false);
    expect(existsSync(project.path("output/tram-handout.html"))).toBe(true);
  });

  // Review: a brief with an id: of its own that then failed its schema was known by its file's name, taken for
  // renamed, and its last good files removed.
  it("keeps the last good files of a brief that sets its id and then fails its schema", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", `id: tram-mayor\n${project.read("briefs/tram-memo.yaml")}`);
    await runCli(["build", "--format", "html"], { cwd: project.dir });
    project.write("briefs/tram-memo.yaml", `${project.read("briefs/tram-memo.yaml")}paper: A5\n`);
    const run = await runCli(["build", "--format", "html"], { cwd: project.dir });
    expect(run.stderr).not.toContain("OUTPUT_REMOVED");
    expect(existsSync(project.path("output/tram-mayor.html"))).toBe(true);
  });
});

// A hostile CI run: a brief with an id: of its own, its file renamed twice (a.yaml, b.yaml, c.yaml), was found unchanged
// and kept its entry with the file it had before; a later OUTPUT_REMOVED then named a file that was not the brief's.
describe("a brief whose file is renamed while its id stays", () => {
  it("is unchanged, and its manifest entry names the file it is in now", async () => {
    project = new TempProject();
    project.write("briefs/tram-memo.yaml", `id: tram-mayor\n${project.read("briefs/tram-memo.yaml")}`);
    await runCli(["build", "--format", "html"], { cwd: project.dir });
    for (const [from, to] of [["tram-memo", "mayor-b"], ["mayor-b", "mayor-c"]]) {
      project.write(`briefs/${to}.yaml`, project.read(`briefs/${from}.yaml`));
      project.remove(`briefs/${from}.yaml`);
      const json = JSON.parse((await runCli(["build", "--format", "html", "--json"], { cwd: project.dir })).stdout) as { briefs: { id: string; status: string }[] };
      expect(json.briefs.find((b) => b.id === "tram-mayor")?.status).toBe("unchanged");
      const manifest = JSON.parse(project.read("output/manifest.json")) as { briefs: { id: string; file: string }[] };
      expect(manifest.briefs.find((b) => b.id === "tram-mayor")?.file).toBe(`briefs/${to}.yaml`);
    }
  });
});
