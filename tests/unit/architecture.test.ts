import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

/** Every .ts file under a folder. */
function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
}

async function importCycles(dir: string): Promise<{ files: number; cycles: string[][] }> {
  const graph = await madge(dir, { fileExtensions: ["ts"], tsConfig: join(repoRoot, "tsconfig.json") });
  return { files: Object.keys(graph.obj()).length, cycles: graph.circular() };
}

describe("the import graph", () => {
  it("has no cycle anywhere in src/, type-only imports included", async () => {
    const { files, cycles } = await importCycles(join(repoRoot, "src"));
    // Every module was read: a detector that saw nothing would find no cycle either.
    expect(files).toBe(typescriptFiles(join(repoRoot, "src")).length);
    expect(cycles).toEqual([]);
  });

  it("the detector does find a cycle, type-only or not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "briefsmith-cycle-"));
    try {
      writeFileSync(join(dir, "a.ts"), 'import type { B } from "./b.js";\nexport interface A { b: B }\n');
      writeFileSync(join(dir, "b.ts"), 'import type { A } from "./a.js";\nexport interface B { a: A }\n');
      expect((await importCycles(dir)).cycles).toEqual([["a.ts", "b.ts"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the folders of src/ are the pipeline's stages and the build, and nothing lies loose at its root but the API and the version", () => {
    const entries = readdirSync(join(repoRoot, "src"), { withFileTypes: true });
    expect(entries.filter((e) => e.isFile()).map((e) => e.name).sort()).toEqual(["index.ts", "model.ts", "version.ts"]);
    for (const stage of ["load", "validate", "select", "balance", "render", "print", "build"]) {
      expect(entries.some((e) => e.isDirectory() && e.name === stage)).toBe(true);
    }
  });
});

describe("the unit test groups", () => {
  it("every unit test file that replaces a module runs isolated (unit-mocked), so its replacement reaches no other file", () => {
    const config = readFileSync(join(repoRoot, "vitest.config.ts"), "utf8");
    const unit = join(repoRoot, "tests", "unit");
    const mocking = typescriptFiles(unit).filter((file) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(join(unit, file), "utf8")));
    expect(mocking.length).toBeGreaterThan(0);
    for (const file of mocking) expect(config, `tests/unit/${file} uses vi.mock`).toContain(`"tests/unit/${file.split("\\").join("/")}"`);
  });
});
