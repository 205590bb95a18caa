import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The authoring commands write into the project only: a symbolic link in
 * briefs/, sources/ or the starter's paths (dangling or not) is never written
 * through to a file elsewhere, and never reaches the user as an internal error.
 */
let project: TempProject | undefined;
let outside: string | undefined;
afterEach(() => {
  project?.dispose();
  project = undefined;
  if (outside !== undefined) rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

function outsideFolder(): string {
  outside = mkdtempSync(join(tmpdir(), "briefsmith-outside-"));
  return outside;
}

describe("authoring never writes through a link", () => {
  it("brief source add --force does not overwrite the file a text's link leads to outside the corpus", async () => {
    project = new TempProject();
    const victim = join(outsideFolder(), "victim.txt");
    writeFileSync(victim, "precious\n");
    project.write("notes.txt", "The quay will be built on the north mole.\n");
    symlinkSync(victim, project.path("sources/transit/texts/notes.txt"));
    const result = await runCli(["source", "add", "notes.txt", "--corpus", "transit", "--force"], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("FILE_OUTSIDE_FOLDER");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  // A hostile run: with texts/ itself a link to a folder outside the project, source add wrote its text there, and
  // --force replaced a file there that no source of the extract named; brief new brief wrote through a linked briefs/.
  it("brief source add and brief new brief write nothing through a folder that links out of the project", async () => {
    project = new TempProject();
    const elsewhere = outsideFolder();
    writeFileSync(join(elsewhere, "notes.txt"), "KEEP ME\n");
    rmSync(project.path("sources/transit/texts"), { recursive: true });
    symlinkSync(elsewhere, project.path("sources/transit/texts"));
    project.write("notes.txt", "The quay will be built on the north mole.\n");
    for (const args of [["--force"], ["--id", "created-outside"]]) {
      const result = await runCli(["source", "add", "notes.txt", "--corpus", "transit", ...args], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("error FILE_OUTSIDE_FOLDER: sources/transit/texts leads outside sources/transit");
    }
    expect(readFileSync(join(elsewhere, "notes.txt"), "utf8")).toBe("KEEP ME\n");
    expect(existsSync(join(elsewhere, "created-outside.txt"))).toBe(false);
    expect(project.read("sources/transit/corpus.yaml")).not.toContain("notes");
    rmSync(project.path("briefs"), { recursive: true });
    mkdirSync(join(elsewhere, "briefs"));
    symlinkSync(join(elsewhere, "briefs"), project.path("briefs"));
    const brief = await runCli(["new", "brief", "made-outside", "--corpus", "transit"], { cwd: project.dir });
    expect(brief.code).toBe(1);
    expect(brief.stderr).toContain("FILE_OUTSIDE_FOLDER");
    expect(existsSync(join(elsewhere, "briefs", "made-outside.yaml"))).toBe(false);
  });

  // Regression: brief show said 'there is no source "council-hearing"' for a source whose text links out of the corpus.
  it("brief show says why a source's text cannot be shown, and shows nothing of the file outside", async () => {
    project = new TempProject();
    const elsewhere = join(outsideFolder(), "elsewhere.txt");
    writeFileSync(elsewhere, "OUTSIDE-SECRET\n");
    rmSync(project.path("sources/transit/texts/council-hearing.txt"));
    symlinkSync(elsewhere, project.path("sources/transit/texts/council-hearing.txt"));
    const result = await runCli(["show", "council-hearing"], { cwd: project.dir });
    expect(result.code).toBe(1);
    // With the code validate and check give the same file (it said FILE_NOT_READABLE).
    expect(result.stderr).toContain('error FILE_OUTSIDE_FOLDER: the text of source "council-hearing": sources/transit/texts/council-hearing.txt leads outside');
    expect((await runCli(["validate"], { cwd: project.dir })).stderr).toContain("error FILE_OUTSIDE_FOLDER: source \"council-hearing\"");
    expect(result.stderr).not.toContain("there is no source");
    expect(result.stdout + result.stderr).not.toContain("OUTSIDE-SECRET");
    // Regression: brief locate then counted that source among those it searched.
    project.write("sources/transit/second.yaml", "sources:\n  - {id: second-hearing, title: Second hearing, publisher: Council, kind: transcript, date: 2024-03-13, place: Riverside, quality: Test.}\n");
    project.write("sources/transit/texts/second-hearing.txt", "Nothing of note was said.\n");
    const located = await runCli(["locate", "OUTSIDE-SECRET"], { cwd: project.dir });
    expect(located.stderr).toContain("not found: no paragraph of the source has the quote");
  });

  it("brief source add does not write through a dangling link in texts/ either", async () => {
    project = new TempProject();
    const target = join(outsideFolder(), "created.txt");
    project.write("notes.txt", "The quay will be built on the north mole.\n");
    symlinkSync(target, project.path("sources/transit/texts/notes.txt"));
    const result = await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  it("brief source add neither reads nor edits an extract file that links outside the corpus", async () => {
    project = new TempProject();
    const victim = join(outsideFolder(), "shared.yaml");
    writeFileSync(victim, "sources:\n  - id: secret-source\n");
    symlinkSync(victim, project.path("sources/transit/zz-shared.yaml"));
    project.write("notes.txt", "The quay will be built on the north mole.\n");
    const result = await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("FILE_OUTSIDE_FOLDER");
    expect(readFileSync(victim, "utf8")).toBe("sources:\n  - id: secret-source\n");
    expect(existsSync(project.path("sources/transit/texts/notes.txt"))).toBe(false);
  });

  it("brief new brief over a dangling link is FILE_EXISTS, not an internal error", async () => {
    project = new TempProject();
    const target = join(outsideFolder(), "created.yaml");
    symlinkSync(target, project.path("briefs/harbour-memo.yaml"));
    const result = await runCli(["new", "brief", "harbour-memo", "--corpus", "transit"], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("FILE_EXISTS");
    expect(existsSync(target)).toBe(false);
  });

  it("brief init keeps a dangling link where a starter file goes, rather than creating its target elsewhere", async () => {
    const folder = outsideFolder();
    const dir = join(folder, "project");
    const target = join(folder, "created-by-init.yaml");
    mkdirSync(join(dir, "briefs"), { recursive: true });
    symlinkSync(target, join(dir, "briefs/library-sundays-memo.yaml"));
    const result = await runCli(["init", "project"], { cwd: folder });
    expect(result.code).toBe(0);
    expect(existsSync(target)).toBe(false);
  });

  // readFile on /dev/zero read until memory ran out; on a named pipe it waited forever.
  it("brief source add of a device or pipe is FILE_NOT_REGULAR at once", async () => {
    project = new TempProject();
    const result = await runCli(["source", "add", "/dev/zero", "--corpus", "transit", "--id", "zero"], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("FILE_NOT_REGULAR");
    expect(existsSync(project.path("sources/transit/texts/zero.txt"))).toBe(false);
  }, 10_000);
});
