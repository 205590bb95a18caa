import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ParsedYamlCache } from "../../../src/load/parsed-yaml-cache.js";
import { parseYamlFile, parseYamlFileCached } from "../../../src/load/yaml-file.js";
import { yamlLimits } from "../../../src/load/yaml-guards.js";

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A cache written by one build and read back by the next, in a folder of its own. */
function roundTrip(cache: ParsedYamlCache, code = "code-1"): Promise<ParsedYamlCache> {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
  const path = join(dir, "cache.json");
  writeFileSync(path, cache.serialize());
  return ParsedYamlCache.read(path, code);
}

const text = "claims:\n  - id: a\n    text: One claim.\n  - id: b\n    text: Another.\n";

describe("ParsedYamlCache", () => {
  it("gives the next build the data of a file parsed without a problem, for the same text and code only", async () => {
    const first = ParsedYamlCache.empty("code-1");
    const parsed = parseYamlFileCached("x.yaml", text, first);
    expect(first.changed).toBe(true);
    const next = await roundTrip(first);
    expect(next.data(text)).toEqual(parsed.file.data);
    expect(next.data(text.replace("Another", "Yet another"))).toBeUndefined();
    expect(next.changed).toBe(false);
    expect((await roundTrip(first, "code-2")).data(text)).toBeUndefined();
  });

  it("a file from the cache has the data and, when asked for, the syntax tree of a fresh parse", async () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", text, cache);
    const cached = parseYamlFileCached("x.yaml", text, await roundTrip(cache));
    const fresh = parseYamlFile("x.yaml", text);
    expect(cached.diagnostics).toEqual([]);
    expect(cached.file.data).toEqual(fresh.file.data);
    expect(cached.file.document.getIn(["claims", 1, "text"], true)).toMatchObject({ range: (fresh.file.document.getIn(["claims", 1, "text"], true) as { range: number[] }).range });
  });

  it("hands out a copy each time: what a caller changes is not what the next caller or the next build gets", async () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", text, cache);
    const next = await roundTrip(cache);
    const first = next.data(text) as { claims: { id: string }[] };
    first.claims[0]!.id = "changed";
    expect((next.data(text) as { claims: { id: string }[] }).claims[0]!.id).toBe("a");
    expect(((await roundTrip(next)).data(text) as { claims: { id: string }[] }).claims[0]!.id).toBe("a");
  });

  it("keeps no file with a problem, nor one whose data JSON cannot carry exactly", async () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", "a: [unclosed\n", cache);
    parseYamlFileCached("x.yaml", "locator: .inf\n", cache);
    parseYamlFileCached("x.yaml", "locator: -0.0\n", cache);
    expect(cache.changed).toBe(false);
    expect((await roundTrip(cache)).data("locator: .inf\n")).toBeUndefined();
  });

  it("a missing, damaged or foreign cache file is an empty cache, never an error", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
    const path = join(dir, "cache.json");
    expect((await ParsedYamlCache.read(path, "code-1")).data(text)).toBeUndefined();
    for (const damaged of ["{", "null", "[]", '{"format":2,"code":"code-1","files":[]}', '{"format":1,"code":"code-1","files":{}}', '{"format":1,"code":"code-1","files":[[1,2],"x"]}']) {
      writeFileSync(path, damaged);
      expect((await ParsedYamlCache.read(path, "code-1")).data(text)).toBeUndefined();
    }
  });

  // Regression: a pipe in the cache's place blocked the build in open(), deaf to SIGTERM.
  it("a pipe or a folder in the cache's place is an empty cache, read without waiting", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
    const pipe = join(dir, "pipe.json");
    execFileSync("mkfifo", [pipe]);
    expect((await ParsedYamlCache.read(pipe, "code-1")).data(text)).toBeUndefined();
    expect((await ParsedYamlCache.read(dir, "code-1")).data(text)).toBeUndefined();
  });

  // Regression: an entry nested thousands deep crashed the build (structuredClone, then JSON.stringify, out of stack).
  it("drops an entry past the YAML limits: nested too deep, a string too long; the others stay, and it writes out again", async () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
    const path = join(dir, "cache.json");
    const fine = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", text, fine);
    const good = JSON.parse(fine.serialize()) as { files: [string, unknown][] };
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    writeFileSync(
      path,
      `{"format":1,"code":"code-1","files":[${JSON.stringify(good.files[0])},["${"1".repeat(64)}",${deep}],["${"2".repeat(64)}",${JSON.stringify({ text: "x".repeat(yamlLimits.stringLength + 1) })}]]}`,
    );
    const read = await ParsedYamlCache.read(path, "code-1");
    expect(read.data(text)).toEqual(parseYamlFile("x.yaml", text).file.data);
    expect((JSON.parse(read.serialize()) as { files: unknown[] }).files).toHaveLength(1);
  });
});
