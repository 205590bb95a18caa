import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf, jsonSchemaText, schemaFileName, schemaKinds } from "../../../src/author/json-schemas.js";
import { repoRoot, runCli } from "../../helpers/cli.js";

/**
 * The JSON Schemas editors use are made from the zod schemas (npm run build
 * writes schemas/); the files shipped must be what the code makes, so a field
 * added to a zod schema reaches editors. UPDATE_GOLDEN=1 rewrites them.
 */
describe("the JSON Schemas for editors", () => {
  for (const kind of schemaKinds) {
    it(`schemas/${schemaFileName(kind)} is what the zod schema makes, and brief schema ${kind} prints it`, async () => {
      const path = join(repoRoot, "schemas", schemaFileName(kind));
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, jsonSchemaText(kind));
      expect(readFileSync(path, "utf8")).toBe(jsonSchemaText(kind));
      const printed = await runCli(["schema", kind]);
      expect(printed).toMatchObject({ code: 0, stderr: "" });
      expect(printed.stdout).toBe(jsonSchemaText(kind));
    });
  }

  it("carries the keys, the allowed values and the zod descriptions", () => {
    const brief = jsonSchemaOf("brief") as { properties: Record<string, { enum?: string[]; description?: string }>; required: string[]; additionalProperties: boolean };
    expect(brief.required).toEqual(["title", "template", "corpus"]);
    expect(brief.additionalProperties).toBe(false);
    // Briefsmith's templates for completion, and any name a project's templates/ may add.
    const template = brief.properties.template as { anyOf?: { enum?: string[]; pattern?: string }[]; description?: string };
    expect(template.anyOf?.[0]?.enum).toEqual(["memo", "handout", "one-pager"]);
    expect(template.anyOf?.[1]?.pattern).toBeDefined();
    expect(template.description).toContain("templates/<name>.hbs");
    expect(brief.properties.summary?.description).toContain("in your own words");
    const extract = jsonSchemaOf("extract") as { properties: Record<string, { items?: { properties: Record<string, { description?: string }> } }> };
    expect(extract.properties.claims?.items?.properties.locator?.description).toContain("n-th non-empty line");
  });
});

/** Every example YAML names its schema on its first line, with a path that leads to the shipped file. */
describe("the example files name their schema", () => {
  const files: { path: string; kind: "brief" | "extract" }[] = [];
  for (const name of readdirSync(join(repoRoot, "briefs"))) files.push({ path: join(repoRoot, "briefs", name), kind: "brief" });
  for (const name of readdirSync(join(repoRoot, "sources", "sino-russian"))) {
    if (name.endsWith(".yaml")) files.push({ path: join(repoRoot, "sources", "sino-russian", name), kind: "extract" });
  }
  for (const { path, kind } of files) {
    it(relative(repoRoot, path), () => {
      const first = readFileSync(path, "utf8").split("\n")[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, first).not.toBeNull();
      const target = resolve(dirname(path), match![1]!);
      expect(target).toBe(join(repoRoot, "schemas", schemaFileName(kind)));
      expect(existsSync(target)).toBe(true);
    });
  }
});
