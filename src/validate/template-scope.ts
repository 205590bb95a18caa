import { suggestionHint } from "../diagnostics/suggest.js";
import { dataVariables } from "../schema/template-helpers.js";
import { describeType, fieldNames, fieldType, type FieldType } from "./template-types.js";

/**
 * Where the template checker (validate/templates.ts) stands while it walks a
 * template, and what a path means there: the contexts ({{this}}, then ../ and
 * up), block parameters, and whether @index and the like exist. Resolving a
 * path gives its type, following the model's JSON Schema, or the problem to
 * report at it.
 */
export interface Scope {
  readonly contexts: readonly FieldType[];
  /** What each context is, for messages: "brief.themes[]" (an item of brief.themes), "(weight id)". */
  readonly labels: readonly string[];
  readonly blockParams: ReadonlyMap<string, FieldType>;
  readonly inEach: boolean;
}

/** What a path names: its type, or why it names nothing. */
export type PathResolution = { readonly type: FieldType; readonly problem?: undefined } | { readonly type?: undefined; readonly problem: { readonly message: string; readonly hint?: string } };

const stringType: FieldType = { type: "string" };

/**
 * The type a path names in a scope. `root` is the template's context (@root);
 * `printed` says the path is printed alone ({{name}}), where a missing field
 * may also be a helper misspelt.
 */
export function resolvePath(path: hbs.AST.PathExpression, scope: Scope, root: FieldType, printed: boolean): PathResolution {
  let type: FieldType;
  let parts = path.parts;
  let where: string;
  let contextLabel: string | undefined;
  if (path.data) {
    const name = parts[0] ?? "";
    if (name === "root") {
      type = root;
      where = "@root";
    } else if (Object.hasOwn(dataVariables, name)) {
      if (!scope.inEach) return { problem: { message: `@${name} exists only inside {{#each}}` } };
      return { type: name === "key" ? stringType : name === "index" ? { type: "number" } : { type: "boolean" } };
    } else {
      return { problem: { message: `there is no @${name}`, hint: suggestionHint(`@${name}`, Object.keys(dataVariables).map((n) => `@${n}`), "data variable", true) } };
    }
    parts = parts.slice(1);
  } else if (startsWithName(path) && scope.blockParams.has(parts[0]!)) {
    type = scope.blockParams.get(parts[0]!)!;
    where = parts[0]!;
    parts = parts.slice(1);
  } else {
    const context = scope.contexts[path.depth];
    if (context === undefined) return { problem: { message: `${path.original} goes up ${path.depth} level${path.depth === 1 ? "" : "s"}, past the template's top` } };
    type = context;
    where = path.depth > 0 ? "../".repeat(path.depth).replace(/\/$/, "") : "this";
    contextLabel = scope.labels[path.depth];
  }
  for (const part of parts) {
    const next = fieldType(type, part);
    if (next === undefined) {
      const known = fieldNames(type);
      return {
        problem: {
          message: `${where === "this" ? (contextLabel ?? "the context here") : where} has no field "${part}"${printed && path.parts.length === 1 ? ", and there is no helper of that name" : ""}`,
          hint: known.length > 0 ? suggestionHint(part, known, "field", true) : `${where === "this" ? "it" : where} is ${describeType(type)}; brief schema model lists every field`,
        },
      };
    }
    type = next;
    where = where === "this" ? part : `${where}.${part}`;
  }
  return { type };
}

/** A path that starts with a bare name (not this, ./, ../ or @data): a name that may be a block parameter or a helper. */
export function startsWithName(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length > 0 && !/^\.|^this\b/.test(path.original);
}

const typeIds = new WeakMap<object, number>();
let nextTypeId = 1;

function typeKey(type: FieldType): string {
  if (type === "any") return "any";
  let id = typeIds.get(type);
  if (id === undefined) {
    id = nextTypeId++;
    typeIds.set(type, id);
  }
  return String(id);
}

/** A key for a scope as a partial sees it: a partial included twice in the same scope is checked once. */
export function scopeKey(scope: Scope): string {
  return `${scope.contexts.map(typeKey).join(",")}|${scope.inEach}`;
}
