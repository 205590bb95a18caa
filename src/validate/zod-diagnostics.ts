import { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import type { ErrorCode } from "../errors/codes.js";
import type { YamlFile, YamlPath } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { tooFewViewpoints } from "../schema/extract.js";

type Issue = z.core.$ZodIssue;

/** The formats whose shape zod checks, as their codes begin: BRIEF_UNKNOWN_KEY, EXTRACT_INVALID_TYPE, … */
export type FormatPrefix = "BRIEF" | "EXTRACT";

type ShapeProblem = "UNKNOWN_KEY" | "MISSING_KEY" | "INVALID_TYPE" | "INVALID_VALUE" | "INVALID_FORMAT" | "TOO_SMALL" | "TOO_BIG";

function shapeCode(prefix: FormatPrefix, problem: ShapeProblem): ErrorCode {
  return `${prefix}_${problem}`;
}

/** Zod's issue codes that need no message of their own, as the problem they report. */
const otherIssues: Readonly<Record<string, ShapeProblem>> = {
  too_small: "TOO_SMALL",
  too_big: "TOO_BIG",
  invalid_format: "INVALID_FORMAT",
};

/** Turn zod issues into located diagnostics, with codes named after the format (`codePrefix`). */
export function diagnosticsFromZod(
  issues: readonly Issue[],
  file: YamlFile,
  codePrefix: FormatPrefix,
  schema: z.ZodType,
  basePath: YamlPath = [],
): Diagnostic[] {
  return issues.flatMap((issue) => fromIssue(issue, file, codePrefix, schema, basePath, issue.path as YamlPath)).map((d) => continuedItem(d, file) ?? d);
}

/**
 * A list item indented further than the one above it (`- dredge` then `  - dredge`): YAML reads it as more of the
 * item above ("dredge - dredge"), which the schema then refuses as a value. That is said at the item that slipped.
 */
function continuedItem(diagnostic: Diagnostic, file: YamlFile): Diagnostic | undefined {
  // Only a value refused for its form (an id, a choice): free text may hold such a line on purpose.
  if (diagnostic.span === undefined || diagnostic.file !== file.path || !/_INVALID_(?:FORMAT|VALUE)$/.test(diagnostic.code)) return undefined;
  const value = file.text.slice(diagnostic.span.start, diagnostic.span.end);
  const slip = /\n([ \t]*)- /.exec(value);
  if (slip === null) return undefined;
  const at = diagnostic.span.start + slip.index + 1 + slip[1]!.length;
  const lineStart = file.text.lastIndexOf("\n", diagnostic.span.start - 1) + 1;
  const column = /^[ \t]*/.exec(file.text.slice(lineStart))![0].length;
  return {
    ...diagnostic,
    code: "YAML_BAD_INDENT",
    message: `this list item is indented further than the item above it, so YAML reads it as more of that item's value ("${value.replace(/\s+/g, " ").trim()}")`,
    span: { start: at, end: at + 1 },
    hint: `start it with "- " ${column} space${column === 1 ? "" : "s"} in, as the item above`,
  };
}

function fromIssue(
  issue: Issue,
  file: YamlFile,
  prefix: FormatPrefix,
  schema: z.ZodType,
  basePath: YamlPath,
  relativePath: YamlPath,
): Diagnostic[] {
  const path = [...basePath, ...relativePath];
  const where = describePath(path, file.data);
  const base = { severity: "error" as const, file: file.path };
  if (isMissingKey(file.data, path) && issue.code !== "unrecognized_keys") {
    return [missingKey(file, path, schemaAt(schema, relativePath), prefix)];
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeysAt(schema, relativePath);
      return issue.keys.map((key) => {
        const span = locate(file, [...path, key], "key");
        return {
          ...base,
          code: shapeCode(prefix, "UNKNOWN_KEY"),
          message: `unknown key "${key}"${where ? ` in ${where}` : ""}`,
          span,
          hint: commaCutValue(file.text, key, span?.start) ?? (allowed.length > 0 ? suggestionHint(key, allowed, "key") : undefined),
        };
      });
    }
    case "invalid_type": {
      const missing = issue.input === undefined;
      return [
        {
          ...base,
          code: shapeCode(prefix, missing ? "MISSING_KEY" : "INVALID_TYPE"),
          message: missing
            ? `${where || "the file"} is required`
            : // YAML reads 1e400 as Infinity: "must be a number, not number Infinity" read as nonsense (a CI engineer's test).
              issue.expected === "number" && typeof issue.input === "number" && !Number.isFinite(issue.input)
              ? `${where || "the file"} must be a number, and ${Number.isNaN(issue.input) ? ".nan is not one" : `this one is too ${issue.input > 0 ? "large" : "far below zero"} to hold`}`
              : `${where || "the file"} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`,
          span: locate(file, path, missing ? "key" : "value"),
          // A staffer's locator: "7", quoted, was told it must be a number, and not why it was not one.
          ...(issue.expected === "number" && typeof issue.input === "string" && /^\s*-?\d+(?:\.\d+)?\s*$/.test(issue.input)
            ? { hint: `write it without quotes (${issue.input.trim()}): in quotes, YAML reads it as text` }
            : {}),
        },
      ];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      return [
        {
          ...base,
          code: shapeCode(prefix, "INVALID_VALUE"),
          message: `${where} is ${describeValue(issue.input)}, which is not allowed`,
          span: locate(file, path),
          hint: suggestionHint(String(issue.input), allowed, "value", true),
        },
      ];
    }
    case "invalid_union": {
      // "all" or a list, given neither: the literal's branch alone said 'allowed values: "all"', which left out the list.
      const key = path[path.length - 1];
      const field = schemaAt(schema, relativePath);
      if (typeof key === "string" && !Array.isArray(issue.input) && takesAllOrList(field)) {
        const ids = typeof issue.input === "string" ? issue.input.split(/[\s,]+/).filter((word) => word !== "") : [];
        // "All" or "alll" is all mistyped, not a list of one id that is none (a review).
        // Only a spelling of "all" itself: an id as short as "tax" is as near to it, and is a list of one.
        const all = ids.length === 1 && /^a+l+$/i.test(ids[0]!) ? allowedValues(field)[0] : undefined;
        return [
          {
            ...base,
            code: shapeCode(prefix, "INVALID_VALUE"),
            message: `${where} is ${describeValue(issue.input)}: write all, or a list of ${key}`,
            span: locate(file, path),
            hint:
              all !== undefined
                ? `did you mean ${key}: ${all}?`
                : ids.length > 0
                  ? `write the list in brackets: ${key}: [${ids.join(", ")}]`
                  : `${key}: all, or ${key}: [a, b] with their ids`,
          },
        ];
      }
      const branch = mostSpecificBranch(issue.errors);
      if (branch !== undefined && branch.length > 0) {
        return branch.flatMap((inner) =>
          fromIssue(inner, file, prefix, schema, basePath, [...relativePath, ...(inner.path as YamlPath)]),
        );
      }
      return [{ ...base, code: shapeCode(prefix, "INVALID_VALUE"), message: `${where} has an invalid value`, span: locate(file, path) }];
    }
    case "too_big":
    case "too_small": {
      // Said in words (sizeProblem), or in the schema's own words with their hint.
      const size = sizeProblem(issue, valueAt(file.data, path));
      const hint = size?.hint ?? hintOfWordedBound[issue.message];
      if (hint === undefined) break;
      const message = size !== undefined ? `${where || "the file"} ${size.message}` : `${where ? `${where}: ` : ""}${issue.message}`;
      return [{ ...base, code: shapeCode(prefix, issue.code === "too_big" ? "TOO_BIG" : "TOO_SMALL"), message, span: locate(file, path), hint }];
    }
  }
  return [
    {
      ...base,
      code: shapeCode(prefix, otherIssues[issue.code] ?? "INVALID_VALUE"),
      message: `${where ? `${where}: ` : ""}${issue.message}`,
      span: locate(file, path),
    },
  ];
}

/**
 * Text after a comma inside { … } that YAML read as a key: `{term: Ridership, definition: The number, counted
 * daily, …}` makes "counted daily" a key. Said as the comma it is, naming the value to quote; undefined for a key
 * that looks like one (no space in it), which is likelier a misspelt key.
 */
function commaCutValue(text: string, key: string, at: number | undefined): string | undefined {
  if (at === undefined || !/\s/.test(key.trim())) return undefined;
  const open = text.lastIndexOf("{", at);
  if (open < 0 || text.lastIndexOf("}", at) > open) return undefined;
  const cut = [...text.slice(open, at).matchAll(/(?:^|[{,])\s*([\w-]+)\s*:/g)].at(-1)?.[1];
  return `inside { … } a comma ends the value: put the ${cut ?? "value before it"} in quotes`;
}

/**
 * Hints for the bounds the schema words itself, by its words (src/schema/extract.ts): a staffer's theme of one viewpoint was told
 * that a theme needs two, and not what to do when the sources argue one side only.
 */
const hintOfWordedBound: Readonly<Record<string, string>> = {
  [tooFewViewpoints]:
    "add the other side's viewpoint; where the sources carry no claim for it, say so in the theme's coverage_note, and the brief says it is not argued",
};

/**
 * A length or number out of bounds, said in words: "is 427 characters long; it may have at most 200", not zod's
 * "Too big: expected string to have <=200 characters". Undefined for a bound the schema words itself.
 */
function sizeProblem(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, value: unknown): { message: string; hint: string } | undefined {
  if (!/^Too (?:big|small)\b/.test(issue.message)) return undefined;
  const big = issue.code === "too_big";
  const bound = Number(big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum);
  const limit = big ? (issue.inclusive === false ? bound - 1 : bound) : issue.inclusive === false ? bound + 1 : bound;
  if (issue.origin === "string" && typeof value === "string") {
    const length = [...value].length;
    if (!big && length === 0) return { message: "is empty", hint: "write it, or leave the key out where it is optional" };
    return big
      ? { message: `is ${length} characters long; it may have at most ${limit}`, hint: `shorten it by ${length - limit} characters or more` }
      : { message: `is ${length} characters long; it needs at least ${limit}`, hint: "write it out in full" };
  }
  if (issue.origin === "array" && Array.isArray(value)) {
    const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;
    return big
      ? { message: `lists ${items(value.length)}; it may list at most ${limit}`, hint: `remove ${value.length - limit} of them` }
      : { message: value.length === 0 ? "lists nothing" : `lists ${items(value.length)}; it needs at least ${limit}`, hint: `list at least ${items(limit)}` };
  }
  if (issue.origin === "number" && typeof value === "number") {
    return big ? { message: `is ${value}; it may be at most ${limit}`, hint: `use ${limit} or less` } : { message: `is ${value}; it must be at least ${limit}`, hint: `use ${limit} or more` };
  }
  return undefined;
}

/** The value at `path` in parsed YAML data, if there is one. */
function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** In a failed union, the branch that got furthest (deepest paths, then fewest issues) explains best. */
function mostSpecificBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = -Infinity;
  for (const branch of branches) {
    const depth = Math.max(0, ...branch.map((i) => i.path.length));
    const typeMismatchOnly = branch.every((i) => i.code === "invalid_type" && i.path.length === 0);
    const score = depth * 100 - branch.length - (typeMismatchOnly ? 50 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  return best;
}

/** The schema at `path` inside `schema`, through optional, default, pipe and union wrappers; undefined where the path leaves it. */
function schemaAt(schema: z.ZodType, path: YamlPath): z.ZodType | undefined {
  let current = unwrapped(schema);
  for (let i = 0; current !== undefined && i < path.length; current = unwrapped(current)) {
    if (current instanceof z.ZodUnion) {
      const rest = path.slice(i);
      for (const option of current.options as z.ZodType[]) {
        const found = schemaAt(option, rest);
        if (found !== undefined) return found;
      }
      return undefined;
    } else if (current instanceof z.ZodObject) {
      current = current.shape[path[i++] as string] as z.ZodType | undefined;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
      i++;
    } else if (current instanceof z.ZodRecord) {
      current = current.valueType as z.ZodType;
      i++;
    } else {
      return undefined;
    }
  }
  return current;
}

/** The keys an object schema allows at `path`: zod's unrecognized_keys issue does not list them. */
function objectKeysAt(schema: z.ZodType, path: YamlPath): string[] {
  const found = schemaAt(schema, path);
  if (found instanceof z.ZodObject) return Object.keys(found.shape);
  if (found instanceof z.ZodUnion) return (found.options as z.ZodType[]).flatMap((o) => objectKeysAt(o, []));
  return [];
}

/** A field that takes one word (all) or a list: the brief's themes: and viewpoints:. */
function takesAllOrList(schema: z.ZodType | undefined): boolean {
  const found = unwrapped(schema);
  return found instanceof z.ZodUnion && (found.options as z.ZodType[]).some((o) => unwrapped(o) instanceof z.ZodArray) && allowedValues(found).length > 0;
}

/** The fixed values a schema allows (an enum's options, a literal's value), or none when it allows any of a kind. */
function allowedValues(schema: z.ZodType | undefined): string[] {
  const found = unwrapped(schema);
  if (found instanceof z.ZodEnum) return found.options.map(String);
  if (found instanceof z.ZodLiteral) return [...found.values].map(String);
  if (found instanceof z.ZodUnion) return (found.options as z.ZodType[]).flatMap((o) => allowedValues(o));
  return [];
}

/** A schema without its optional, default, nullable and pipe wrappers. */
function unwrapped(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable || current instanceof z.ZodPipe) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}

/** Is the key at `path` absent from its mapping (rather than present with a wrong value)? */
function isMissingKey(data: unknown, path: YamlPath): boolean {
  if (path.length === 0) return false;
  // An empty file (or one of comments only) is an empty mapping: each required key is missing from it.
  const parent = valueAt(data ?? {}, path.slice(0, -1));
  const key = path[path.length - 1]!;
  return parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, key);
}

/** A required key that is not there: said so, with what to write (the allowed values, where the schema fixes them). */
function missingKey(file: YamlFile, path: YamlPath, schema: z.ZodType | undefined, prefix: FormatPrefix): Diagnostic {
  const key = String(path[path.length - 1]);
  const parent = describePath(path.slice(0, -1), file.data);
  const values = allowedValues(schema);
  const kind = describeKind(unwrapped(schema));
  return {
    severity: "error",
    code: shapeCode(prefix, "MISSING_KEY"),
    message: `the key "${key}" is missing${parent === "" ? "" : ` in ${parent}`}`,
    file: file.path,
    // A missing top-level key has no place in the file; a missing key of an item points at the item.
    span: parent === "" ? undefined : locate(file, path, "key"),
    hint: values.length > 0 ? `add ${key}: with one of ${values.map((v) => `"${v}"`).join(", ")}` : `add ${key}:${kind === undefined ? "" : ` with ${kind}`}`,
  };
}

function describeKind(schema: z.ZodType | undefined): string | undefined {
  if (schema instanceof z.ZodString) return "a text";
  if (schema instanceof z.ZodNumber) return "a number";
  if (schema instanceof z.ZodArray) return "a list";
  if (schema instanceof z.ZodObject || schema instanceof z.ZodRecord) return "a mapping (key: value)";
  if (schema instanceof z.ZodBoolean) return "true or false";
  return undefined;
}

/** What an item of each list of the formats is called in a message. */
const itemNames: Readonly<Record<string, string>> = {
  claims: "claim",
  facts: "fact",
  sources: "source",
  themes: "theme",
  viewpoints: "viewpoint",
  perspectives: "perspective",
  glossary: "glossary entry",
  questions: "question",
  context_only: "context_only entry",
};

/**
 * Where in a file a problem is, in words: `locator of claim "against-cost"`, `viewpoints of theme "alliance"`, `item 2
 * of themes`. An item of a list is named by its id (a glossary entry by its term) in `data`, else counted from one: a
 * staffer read "claims[6]", counted from nought in the program's notation, as the sixth claim.
 */
export function describePath(path: YamlPath, data?: unknown): string {
  for (let i = path.length - 1; i >= 1; i--) {
    const index = path[i];
    const list = path[i - 1];
    if (typeof index !== "number" || typeof list !== "string") continue;
    const item = valueAt(data, path.slice(0, i + 1));
    const named = item !== null && typeof item === "object" ? ((item as { id?: unknown; term?: unknown }).id ?? (item as { term?: unknown }).term) : undefined;
    const noun = itemNames[list];
    const itself =
      noun !== undefined && typeof named === "string" ? `${noun} "${named}"` : noun !== undefined && typeof item === "object" ? `the ${ordinal(index + 1)} ${noun}` : `item ${index + 1} of ${list}`;
    const inner = path.slice(i + 1).map(String).join(".");
    const outer = describePath(path.slice(0, i - 1), data);
    return [inner, itself, outer].filter((part) => part !== "").join(" of ");
  }
  return path.map(String).join(".");
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping (key: value)";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  // YAML reads .inf and 1e400 as Infinity: "not number Infinity" read as nonsense.
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "not-a-number (.nan)" : "a number too large to hold";
  return `${typeof value} ${String(value)}`;
}
