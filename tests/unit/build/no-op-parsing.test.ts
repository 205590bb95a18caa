import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../../src/build/types.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A build with nothing to do reads the brief files but parses none whose text
 * the last build recorded with what it says (its corpus, template, date and
 * formats); a brief edited since, or a manifest from before settings were
 * recorded, is parsed as before.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** Every YAML file parsed, by the path shown: parsed outright, or through the parse cache, which had not its text. */
const parsed = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock("../../../src/load/yaml-file.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/load/yaml-file.js")>();
  return {
    ...original,
    parseYamlFile: (...args: Parameters<typeof original.parseYamlFile>) => {
      parsed.paths.push(args[0]);
      return original.parseYamlFile(...args);
    },
    parseYamlFileCached: (...args: Parameters<typeof original.parseYamlFileCached>) => {
      const [path, text, cache] = args;
      if (cache?.data(text) === undefined) parsed.paths.push(path);
      const result = original.parseYamlFileCached(...args);
      // A file from the cache has its syntax tree made when something first asks for it: that is a parse too.
      const tree = Object.getOwnPropertyDescriptor(result.file, "document");
      if (tree?.get !== undefined) {
        Object.defineProperty(result.file, "document", {
          get: () => {
            parsed.paths.push(path);
            return tree.get!.call(result.file);
          },
        });
      }
      return result;
    },
  };
});

function build(p: TempProject, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), ...options });
}

const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));
const briefsParsed = () => parsed.paths.filter((path) => path.startsWith("briefs/")).sort();

describe("the no-op check", () => {
  it("parses no brief file whose text is the one the last build recorded", async () => {
    project = new TempProject();
    await build(project);
    parsed.paths = [];
    const again = await build(project);
    expect(new Set(Object.values(statuses(again.results)))).toEqual(new Set(["unchanged"]));
    expect(briefsParsed()).toEqual([]);
  });

  // Each of the three briefs has balance warnings, which a build does not show: their places in the brief were
  // found at once, and that parsed every brief file, though the parse cache had them.
  it("a forced build parses no brief file an earlier build parsed, not even for the warnings it does not show", async () => {
    project = new TempProject();
    await build(project);
    parsed.paths = [];
    const again = await build(project, { force: true });
    expect(new Set(Object.values(statuses(again.results)))).toEqual(new Set(["built"]));
    expect(briefsParsed()).toEqual([]);
  });

  it("parses a brief edited since, and builds it", async () => {
    project = new TempProject();
    await build(project);
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Deputy Mayor");
    parsed.paths = [];
    const again = await build(project);
    expect(briefsParsed()).toContain("briefs/tram-memo.yaml");
    expect(statuses(again.results)).toEqual({ "tram-handout": "unchanged", "tram-memo": "built", "tram-one-pager": "unchanged" });
  });

  it("a format the run asks for that a brief's last build did not write is built, its text unchanged", async () => {
    project = new TempProject();
    await build(project);
    const again = await build(project, { formats: ["pdf", "html", "docx"] });
    expect(new Set(Object.values(statuses(again.results)))).toEqual(new Set(["built"]));
  });

  it("a manifest from before settings were recorded: the briefs are parsed, found unchanged, and recorded", async () => {
    project = new TempProject();
    await build(project);
    const path = project.path("output/manifest.json");
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { briefs: { settings?: unknown }[] };
    for (const entry of manifest.briefs) delete entry.settings;
    writeFileSync(path, JSON.stringify(manifest));
    parsed.paths = [];
    const again = await build(project);
    expect(new Set(Object.values(statuses(again.results)))).toEqual(new Set(["unchanged"]));
    expect(briefsParsed()).toHaveLength(3);
    const rewritten = JSON.parse(readFileSync(path, "utf8")) as { briefs: { settings?: unknown }[] };
    expect(rewritten.briefs.every((entry) => entry.settings !== undefined)).toBe(true);
  });
});
