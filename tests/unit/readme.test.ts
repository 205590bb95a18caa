import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf } from "../../src/author/json-schemas.js";
import { errorCodes } from "../../src/errors/codes.js";
import { templateHelpers } from "../../src/schema/template-helpers.js";
import { repoRoot } from "../helpers/cli.js";

/**
 * The README's table of error codes is made from `errorCodes`, so a new code
 * cannot go undocumented. After changing the list, `npm run test:update`
 * rewrites the table.
 */
const readmePath = join(repoRoot, "README.md");
const start = "<!-- error-codes:start -->\n";
const end = "<!-- error-codes:end -->";

function codeTable(): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const rows = Object.entries(errorCodes).map(([code, doc]) => `| \`${code}\` | ${cell(doc.meaning)} | ${cell(doc.fix)} |`);
  return ["| code | meaning | typical fix |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

describe("README", () => {
  it("lists every error code with its meaning and typical fix", () => {
    const readme = readFileSync(readmePath, "utf8");
    const from = readme.indexOf(start) + start.length;
    const to = readme.indexOf(end);
    expect(from).toBeGreaterThan(start.length);
    const table = codeTable();
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(readmePath, readme.slice(0, from) + table + readme.slice(to));
    else expect(readme.slice(from, to)).toBe(table);
  });
});

/**
 * The README's tables of what a template sees and of the helpers it may call,
 * made from the model's zod schema (through the JSON Schema `brief schema
 * model` prints) and from the helpers' descriptions: a field added to the
 * model cannot go undocumented.
 */
type Schema = { [key: string]: unknown };

function typeText(schema: Schema): string {
  if (typeof schema.$ref === "string") return `[${schema.$ref.replace("#/definitions/", "")}](#model-${schema.$ref.replace("#/definitions/", "").toLowerCase()})`;
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return typeText(schema.allOf[0] as Schema);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeText).join(" or ");
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => `\`${String(v)}\``).join(", ");
  if ("const" in schema) return `\`${String(schema.const)}\``;
  if (schema.type === "array") return `list of ${typeText(schema.items as Schema)}`;
  if (schema.type === "object" && schema.propertyNames !== undefined) return `${typeText(schema.propertyNames as Schema)} → ${typeText(schema.additionalProperties as Schema)}`;
  if (schema.type === "object") return `{ ${Object.keys((schema.properties as object) ?? {}).join(", ")} }`;
  return String(schema.type ?? "any");
}

function modelTables(): string {
  const root = jsonSchemaOf("model") as { definitions: Record<string, Schema> };
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ").replaceAll("<", "&lt;");
  const out: string[] = [];
  for (const [name, definition] of Object.entries(root.definitions)) {
    const required = new Set((definition.required as string[] | undefined) ?? []);
    out.push(`<a id="model-${name.toLowerCase()}"></a>**${name}**${definition.description ? `: ${cell(String(definition.description))}` : ""}`, "");
    out.push("| field | type | what it is |", "| --- | --- | --- |");
    for (const [field, schema] of Object.entries((definition.properties as Record<string, Schema>) ?? {})) {
      const optional = required.has(field) ? "" : " (may be undefined)";
      out.push(`| \`${field}\` | ${cell(typeText(schema))}${optional} | ${cell(String(schema.description ?? ""))} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

function helperTable(): string {
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("<", "&lt;");
  const rows = Object.entries(templateHelpers).map(([name, helper]) => `| \`${name}\` | ${cell(helper.doc)} |`);
  return ["| helper | what it does |", "| --- | --- |", ...rows, ""].join("\n");
}

describe("README: your own templates", () => {
  for (const [marker, make] of [
    ["model-fields", modelTables],
    ["template-helpers", helperTable],
  ] as const) {
    it(`documents ${marker} as the code defines them`, () => {
      const readme = readFileSync(readmePath, "utf8");
      const open = `<!-- ${marker}:start -->\n`;
      const from = readme.indexOf(open) + open.length;
      const to = readme.indexOf(`<!-- ${marker}:end -->`);
      expect(from).toBeGreaterThan(open.length);
      const table = make();
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(readmePath, readme.slice(0, from) + table + readme.slice(to));
      else expect(readme.slice(from, to)).toBe(table);
    });
  }
});
