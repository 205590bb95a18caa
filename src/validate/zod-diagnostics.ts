import { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import type { ErrorCode } from "../errors/codes.js";
import type { YamlFile, YamlPath } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";

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
  return issues.flatMap((issue) => fromIssue(issue, file, codePrefix, schema, basePath, issue.path as YamlPath));
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
  const where = describePath(path);
  const base = { severity: "error" as const, file: file.path };
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeysAt(schema, relativePath);
      return issue.keys.map((key) => ({
        ...base,
        code: shapeCode(prefix, "UNKNOWN_KEY"),
        message: `unknown key "${key}"${where ? ` in ${where}` : ""}`,
        span: locate(file, [...path, key], "key"),
        hint: allowed.length > 0 ? suggestionHint(key, allowed, "key") : undefined,
      }));
    }
    case "invalid_type": {
      const missing = issue.input === undefined;
      return [
        {
          ...base,
          code: shapeCode(prefix, missing ? "MISSING_KEY" : "INVALID_TYPE"),
          message: missing
            ? `${where || "the file"} is required`
            : `${where || "the file"} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`,
          span: locate(file, path, missing ? "key" : "value"),
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
      const branch = mostSpecificBranch(issue.errors);
      if (branch !== undefined && branch.length > 0) {
        return branch.flatMap((inner) =>
          fromIssue(inner, file, prefix, schema, basePath, [...relativePath, ...(inner.path as YamlPath)]),
        );
      }
      return [{ ...base, code: shapeCode(prefix, "INVALID_VALUE"), message: `${where} has an invalid value`, span: locate(file, path) }];
    }
    default:
      return [
        {
          ...base,
          code: shapeCode(prefix, otherIssues[issue.code] ?? "INVALID_VALUE"),
          message: `${where ? `${where}: ` : ""}${issue.message}`,
          span: locate(file, path),
        },
      ];
  }
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

/** The keys an object schema allows at `path`: zod's unrecognized_keys issue does not list them. */
export function objectKeysAt(schema: z.ZodType, path: YamlPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (let i = 0; current !== undefined; ) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else if (current instanceof z.ZodUnion) {
      current = (current.options as z.ZodType[]).find((o) => objectKeysAt(o, path.slice(i)).length > 0);
    } else if (i === path.length) {
      return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
    } else if (current instanceof z.ZodObject) {
      current = current.shape[path[i++] as string] as z.ZodType | undefined;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
      i++;
    } else if (current instanceof z.ZodRecord) {
      current = current.valueType as z.ZodType;
      i++;
    } else {
      return [];
    }
  }
  return [];
}

export function describePath(path: YamlPath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
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
  return `${typeof value} ${String(value)}`;
}
