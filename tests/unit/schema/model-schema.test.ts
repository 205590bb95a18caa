import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleBrief } from "../../../src/build/assemble-brief.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { checkedBrief, prepareBriefs } from "../../../src/build/prepare.js";
import { resolveType, templateContextJsonSchema, type FieldType, type JsonSchema } from "../../../src/validate/template-types.js";
import { miniProject, repoRoot } from "../../helpers/cli.js";

/**
 * The model's JSON Schema (what `brief schema model` prints, what the README's
 * tables and the template checker are made from) says exactly what a template
 * sees: every model the example briefs make has every field the schema lists
 * (its key there even when its value is undefined, which strict templates
 * need) and no field the schema does not list. A field added to the model in
 * code and not in src/schema/model.ts fails here.
 */

function differences(value: unknown, type: FieldType, path: string, out: string[]): void {
  const schema = resolveType(type);
  if (schema === "any" || value === undefined || value === null) return;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union !== undefined) {
    // The branch of the right kind.
    const branch = union.find((b) => (Array.isArray(value) ? resolveType(b) !== "any" && (resolveType(b) as JsonSchema).type === "array" : true));
    if (branch !== undefined) differences(value, branch, path, out);
    return;
  }
  if (Array.isArray(value)) {
    if (schema.type !== "array") out.push(`${path}: a list where the schema says ${String(schema.type)}`);
    value.forEach((item, index) => differences(item, (schema.items as JsonSchema) ?? "any", `${path}[${index}]`, out));
    return;
  }
  if (typeof value !== "object") return;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties === undefined) {
    const additional = schema.additionalProperties;
    for (const [key, item] of Object.entries(value)) differences(item, typeof additional === "object" ? (additional as JsonSchema) : "any", `${path}.${key}`, out);
    return;
  }
  for (const key of Object.keys(value)) if (!Object.hasOwn(properties, key)) out.push(`${path}.${key} is not in the schema`);
  for (const [key, property] of Object.entries(properties)) {
    if (!Object.hasOwn(value, key)) out.push(`${path}.${key} is in the schema but not in the model`);
    else differences((value as Record<string, unknown>)[key], property, `${path}.${key}`, out);
  }
}

describe("the model's JSON Schema", () => {
  it.each([
    ["examples", repoRoot],
    ["mini", miniProject],
  ])("matches every model and balance report of the %s briefs, field for field", async (_, root) => {
    const preparation = await prepareBriefs([join(root, "briefs")], { root, cwd: root });
    const lexicon = await builtInLexicon();
    const context = templateContextJsonSchema();
    const properties = (resolveType(context) as JsonSchema).properties as Record<string, JsonSchema>;
    let checked = 0;
    for (const prepared of preparation.briefs) {
      const brief = checkedBrief(prepared);
      if (brief === undefined) continue;
      const { model, balance } = assembleBrief(brief, { date: "2026-01-15", lexicon });
      const found: string[] = [];
      differences(model, properties.brief!, "brief", found);
      differences(balance, properties.balance!, "balance", found);
      expect(found, prepared.path).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("finds a field the schema does not list, and one the model lacks", () => {
    const context = resolveType(templateContextJsonSchema()) as JsonSchema;
    const found: string[] = [];
    differences({ id: "x", extra: 1 }, { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } }, "brief", found);
    expect(found).toEqual(["brief.extra is not in the schema", "brief.title is in the schema but not in the model"]);
    expect(Object.keys(context.properties as object)).toEqual(["brief", "balance", "styles", "generator", "contents"]);
  });
});
