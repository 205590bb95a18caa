import { existsSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BuildOptions } from "../../../src/build/types.js";
import { readManifest } from "../../../src/output/manifest.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A CI engineer's test: a brief deleted or renamed left its PDF and HTML in output/ for good, unlisted, and the
 * nightly job that publishes the output folder went on publishing the withdrawn brief.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

function build(p: TempProject, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), ...options });
}

const ids = async (p: TempProject) => (await readManifest(p.path("output/manifest.json"))).briefs.map((b) => b.id).sort();

describe("the outputs of a brief whose file is gone", () => {
  it("are removed by the next build of its folder, a no-op one too, and said", async () => {
    project = new TempProject();
    await build(project);
    project.remove("briefs/tram-handout.yaml");
    const result = await build(project);
    expect(result.results.every((r) => r.status === "unchanged")).toBe(true);
    expect(existsSync(project.path("output/tram-handout.pdf"))).toBe(false);
    expect(existsSync(project.path("output/tram-handout.html"))).toBe(false);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "OUTPUT_REMOVED removed output/tram-handout.pdf: its brief briefs/tram-handout.yaml is gone",
      "OUTPUT_REMOVED removed output/tram-handout.html: its brief briefs/tram-handout.yaml is gone",
    ]);
    expect(await ids(project)).toEqual(["tram-memo", "tram-one-pager"]);
  });

  it("are left when changed by hand since, and said; a renamed brief's outputs go and its new ones come", async () => {
    project = new TempProject();
    await build(project);
    writeFileSync(project.path("output/tram-memo.pdf"), "annotated");
    project.write("briefs/tram-memo-renamed.yaml", project.read("briefs/tram-memo.yaml"));
    project.remove("briefs/tram-memo.yaml");
    const result = await build(project);
    expect(project.read("output/tram-memo.pdf")).toBe("annotated");
    expect(existsSync(project.path("output/tram-memo.html"))).toBe(false);
    expect(existsSync(project.path("output/tram-memo-renamed.pdf"))).toBe(true);
    expect(result.diagnostics.map((d) => d.message)).toContain("output/tram-memo.pdf was left as it is, changed since it was written, though its brief briefs/tram-memo.yaml is gone");
  });

  it("are not touched by a build of other briefs named one by one", async () => {
    project = new TempProject();
    await build(project);
    project.remove("briefs/tram-handout.yaml");
    await build(project, { paths: [project.path("briefs/tram-memo.yaml")], force: true });
    expect(existsSync(project.path("output/tram-handout.pdf"))).toBe(true);
  });
});

// A CI engineer's test: `brief build /tmp/elsewhere` recorded the refused briefs, absolute paths and all, in the
// project's manifest, and no later build dropped them (a mistaken `brief build /tmp` left 1,346).
describe("a brief named from outside the project", () => {
  it("is refused and never recorded in the manifest", async () => {
    project = new TempProject();
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const elsewhere = mkdtempSync(`${tmpdir()}/briefsmith-elsewhere-`);
    try {
      writeFileSync(`${elsewhere}/old-memo.yaml`, "title: a\n");
      await build(project);
      const outside = await build(project, { paths: [elsewhere] });
      expect(outside.results.map((r) => r.status)).toEqual(["invalid"]);
      await build(project);
      expect(await ids(project)).toEqual(["tram-handout", "tram-memo", "tram-one-pager"]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

// Review: the manifest's paths are relative to the folder a build ran from. Run from another folder, a build took
// briefs that are there for gone, removed their files and dropped them; run through a link to the project, it
// recorded none of what it built.
describe("a build run from elsewhere than the last one", () => {
  it("from a subfolder, a shard of the briefs, removes nothing and keeps every entry", async () => {
    project = new TempProject();
    await build(project);
    const result = await build(project, { cwd: project.path("briefs"), root: "..", outDir: "../output", paths: ["."], shard: { index: 1, count: 2 } });
    expect(result.diagnostics.map((d) => d.code)).not.toContain("OUTPUT_REMOVED");
    for (const id of ["tram-handout", "tram-memo", "tram-one-pager"]) expect(existsSync(project.path(`output/${id}.pdf`))).toBe(true);
  });

  it("through a link to the project, records what it built", async () => {
    project = new TempProject();
    const { symlinkSync, rmSync } = await import("node:fs");
    const link = `${project.dir}-link`;
    symlinkSync(project.dir, link);
    try {
      await build(project, { paths: [`${link}/briefs`] });
      expect(await ids(project)).toEqual(["tram-handout", "tram-memo", "tram-one-pager"]);
    } finally {
      rmSync(link, { force: true });
    }
  });
});
