import { z } from "zod";
import { TemplateContextSchema } from "../schema/template-context.js";

/**
 * The template context's JSON Schema (the one `brief schema model` prints), and
 * how the template checker walks it: a field of an object, the items of a
 * list, a list's or text's length. "any" is a value the checker cannot see into.
 */
export type JsonSchema = { readonly [key: string]: unknown };
export type FieldType = JsonSchema | "any";

let contextSchema: JsonSchema | undefined;

/** The JSON Schema of what a template sees, made from the zod schema (src/schema/template-context.ts). */
export function templateContextJsonSchema(): JsonSchema {
  return (contextSchema ??= z.toJSONSchema(TemplateContextSchema, { target: "draft-7", io: "output", unrepresentable: "any" }) as JsonSchema);
}

/** Follow $refs (into the context's definitions) and single allOf wrappers. */
export function resolveType(type: FieldType): FieldType {
  let current = type;
  for (let guard = 0; guard < 20 && current !== "any"; guard++) {
    // The empty schema allows anything: a value the checker cannot see into (a partial's key=value argument
    // whose own problem was reported where it is written) is checked no further.
    if (Object.keys(current).length === 0) return "any";
    const ref = current.$ref;
    const allOf = current.allOf as JsonSchema[] | undefined;
    if (typeof ref === "string") {
      const name = ref.replace(/^#\/definitions\//, "");
      const definitions = templateContextJsonSchema().definitions as Record<string, JsonSchema> | undefined;
      const target = definitions?.[name];
      if (target === undefined) return "any";
      // A bare reference is its definition itself: the same object each time, so the checker's memo of partials works.
      const extra = withoutKeys(current, ["$ref"]);
      current = Object.keys(extra).length === 0 ? target : { ...target, ...extra };
    } else if (Array.isArray(allOf) && allOf.length === 1) {
      current = { ...allOf[0]!, ...withoutKeys(current, ["allOf"]) };
    } else {
      return current;
    }
  }
  return current;
}

function withoutKeys(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key) && key !== "description"));
}

function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return type as string[];
  if (typeof type === "string") return [type];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map((v) => typeof v))];
  if ("const" in schema) return [typeof schema.const];
  return [];
}

/** The branches of a union (anyOf/oneOf), or the type itself. */
function branches(type: JsonSchema): JsonSchema[] {
  const union = (type.anyOf ?? type.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(union)) return [type];
  return union.map((b) => resolveType(b)).filter((b): b is JsonSchema => b !== "any" && !typesOf(b).every((t) => t === "null"));
}

/** The type of `name` on a value of `type`, or undefined when it has no such field. */
export function fieldType(type: FieldType, name: string): FieldType | undefined {
  const resolved = resolveType(type);
  if (resolved === "any") return "any";
  if (Object.keys(resolved).length === 0 || (Object.keys(resolved).length === 1 && "description" in resolved)) return "any";
  const found: FieldType[] = [];
  for (const branch of branches(resolved)) {
    const kinds = typesOf(branch);
    if (name === "length" && (kinds.includes("array") || kinds.includes("string"))) found.push({ type: "integer" });
    else if (kinds.includes("array") && /^\d+$/.test(name) && branch.items !== undefined) found.push(branch.items as JsonSchema);
    else if (kinds.includes("object")) {
      const properties = branch.properties as Record<string, JsonSchema> | undefined;
      const names = (branch.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined;
      if (properties !== undefined && Object.hasOwn(properties, name)) found.push(properties[name]!);
      else if (names !== undefined && names.includes(name) && typeof branch.additionalProperties === "object") found.push(branch.additionalProperties as JsonSchema);
      else if (names === undefined && typeof branch.additionalProperties === "object") found.push(branch.additionalProperties as JsonSchema);
    }
  }
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0]! : { anyOf: found };
}

/** The fields a value of `type` has, for "did you mean". */
export function fieldNames(type: FieldType): string[] {
  const resolved = resolveType(type);
  if (resolved === "any") return [];
  const names = new Set<string>();
  for (const branch of branches(resolved)) {
    const kinds = typesOf(branch);
    if (kinds.includes("array") || kinds.includes("string")) names.add("length");
    for (const name of Object.keys((branch.properties as object | undefined) ?? {})) names.add(name);
    for (const name of ((branch.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined) ?? []) names.add(name);
  }
  return [...names];
}

/** The type of each item when a value of `type` is iterated with each; undefined when it cannot be. */
export function itemType(type: FieldType): FieldType | undefined {
  const resolved = resolveType(type);
  if (resolved === "any") return "any";
  const found: FieldType[] = [];
  for (const branch of branches(resolved)) {
    const kinds = typesOf(branch);
    if (kinds.includes("array")) found.push((branch.items as JsonSchema | undefined) ?? "any");
    else if (kinds.includes("object")) found.push(typeof branch.additionalProperties === "object" ? (branch.additionalProperties as JsonSchema) : "any");
  }
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0]! : { anyOf: found };
}

/** What a value of `type` is, in a word: "a list", "a mapping", "text". */
export function describeType(type: FieldType): string {
  const resolved = resolveType(type);
  if (resolved === "any") return "a value";
  const kinds = branches(resolved).flatMap(typesOf);
  if (kinds.includes("array")) return "a list";
  if (kinds.includes("object")) return "a mapping";
  if (kinds.includes("string")) return "text";
  if (kinds.includes("number") || kinds.includes("integer")) return "a number";
  if (kinds.includes("boolean")) return "true or false";
  return "a value";
}

/** Whether iterating or entering a value of `type` makes sense ({{#each}}, {{#with}}). */
export function isScalar(type: FieldType): boolean {
  const resolved = resolveType(type);
  if (resolved === "any") return false;
  const kinds = branches(resolved).flatMap(typesOf);
  return kinds.length > 0 && !kinds.includes("array") && !kinds.includes("object");
}
