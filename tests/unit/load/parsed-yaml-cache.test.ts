import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ParsedYamlCache } from "../../../src/load/parsed-yaml-cache.js";
import { parseYamlFile, parseYamlFileCached } from "../../../src/load/yaml-file.js";

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A cache written by one build and read back by the next, in a folder of its own. */
function roundTrip(cache: ParsedYamlCache, code = "code-1"): ParsedYamlCache {
  dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
  const path = join(dir, "cache.json");
  writeFileSync(path, cache.serialize());
  return ParsedYamlCache.read(path, code);
}

const text = "claims:\n  - id: a\n    text: One claim.\n  - id: b\n    text: Another.\n";

describe("ParsedYamlCache", () => {
  it("gives the next build the data of a file parsed without a problem, for the same text and code only", () => {
    const first = ParsedYamlCache.empty("code-1");
    const parsed = parseYamlFileCached("x.yaml", text, first);
    expect(first.changed).toBe(true);
    const next = roundTrip(first);
    expect(next.data(text)).toEqual(parsed.file.data);
    expect(next.data(text.replace("Another", "Yet another"))).toBeUndefined();
    expect(next.changed).toBe(false);
    expect(roundTrip(first, "code-2").data(text)).toBeUndefined();
  });

  it("a file from the cache has the data and, when asked for, the syntax tree of a fresh parse", () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", text, cache);
    const cached = parseYamlFileCached("x.yaml", text, roundTrip(cache));
    const fresh = parseYamlFile("x.yaml", text);
    expect(cached.diagnostics).toEqual([]);
    expect(cached.file.data).toEqual(fresh.file.data);
    expect(cached.file.document.getIn(["claims", 1, "text"], true)).toMatchObject({ range: (fresh.file.document.getIn(["claims", 1, "text"], true) as { range: number[] }).range });
  });

  it("hands out a copy each time: what a caller changes is not what the next caller or the next build gets", () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", text, cache);
    const next = roundTrip(cache);
    const first = next.data(text) as { claims: { id: string }[] };
    first.claims[0]!.id = "changed";
    expect((next.data(text) as { claims: { id: string }[] }).claims[0]!.id).toBe("a");
    expect((roundTrip(next).data(text) as { claims: { id: string }[] }).claims[0]!.id).toBe("a");
  });

  it("keeps no file with a problem, nor one whose data JSON cannot carry exactly", () => {
    const cache = ParsedYamlCache.empty("code-1");
    parseYamlFileCached("x.yaml", "a: [unclosed\n", cache);
    parseYamlFileCached("x.yaml", "locator: .inf\n", cache);
    parseYamlFileCached("x.yaml", "locator: -0.0\n", cache);
    expect(cache.changed).toBe(false);
    expect(roundTrip(cache).data("locator: .inf\n")).toBeUndefined();
  });

  it("a missing, damaged or foreign cache file is an empty cache, never an error", () => {
    dir = mkdtempSync(join(tmpdir(), "briefsmith-parsed-"));
    const path = join(dir, "cache.json");
    expect(ParsedYamlCache.read(path, "code-1").data(text)).toBeUndefined();
    for (const damaged of ["{", "null", "[]", '{"format":2,"code":"code-1","files":[]}', '{"format":1,"code":"code-1","files":{}}', '{"format":1,"code":"code-1","files":[[1,2],"x"]}']) {
      writeFileSync(path, damaged);
      expect(ParsedYamlCache.read(path, "code-1").data(text)).toBeUndefined();
    }
  });
});
