import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A disk that fills up half-way through writing a file whose name matches:
 * what that write leaves is the first half of its data. The authoring
 * commands must leave every file as it was.
 */
const disk = vi.hoisted(() => ({ fullFor: undefined as RegExp | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof real.writeFile = async (path, data, options) => {
    if (typeof path === "string" && disk.fullFor?.test(path) && (typeof data === "string" || data instanceof Uint8Array)) {
      await real.writeFile(path, data.slice(0, Math.floor(data.length / 2)), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: "ENOSPC", path });
    }
    return real.writeFile(path, data, options);
  };
  return { ...real, default: { ...real, writeFile }, writeFile };
});

let project: TempProject | undefined;
afterEach(() => {
  project?.dispose();
  project = undefined;
  disk.fullFor = undefined;
});

const corpusFile = "sources/transit/corpus.yaml";
const hidden = (folder: string) => readdirSync(folder).filter((name) => name.startsWith("."));

describe("authoring commands when a write fails half-way", () => {
  it("brief check --fix leaves the extract as it was, and says why", async () => {
    project = new TempProject();
    project.replace(corpusFile, "quote: optimistic at best\n    locator: 5", "quote: optimistic at best\n    locator: 4");
    const before = project.read(corpusFile);
    disk.fullFor = /corpus\.yaml/;
    const run = await runCli(["check", "--fix", "--root", "."], { cwd: project.dir });
    expect(project.read(corpusFile)).toBe(before);
    expect(hidden(project.path("sources/transit"))).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error FILE_NOT_WRITABLE: cannot write sources/transit/corpus.yaml: no space left on device (ENOSPC); no file was changed");
    expect(run.stderr).not.toContain("internal error");
  });

  it("brief source add writes neither the text nor the extract's entry when either fails", async () => {
    project = new TempProject();
    project.write("notes.txt", "First line.\n\nSecond line.\n");
    const before = project.read(corpusFile);
    disk.fullFor = /corpus\.yaml/;
    const run = await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(run.stderr).toContain("error FILE_NOT_WRITABLE: cannot write sources/transit/corpus.yaml: no space left on device (ENOSPC); no file was changed");
    expect(project.read(corpusFile)).toBe(before);
    expect(readdirSync(project.path("sources/transit/texts"))).not.toContain("notes.txt");
    expect(hidden(project.path("sources/transit/texts"))).toEqual([]);
    expect(hidden(project.path("sources/transit"))).toEqual([]);
    disk.fullFor = undefined;
    expect((await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir })).code).toBe(0);
  });
});
