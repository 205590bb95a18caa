import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";

/** A YAML file parsed with positions, so later stages can point at the exact span of a value. */
export interface YamlFile {
  /** The path as shown to the user. */
  readonly path: string;
  readonly text: string;
  readonly document: Document.Parsed;
  /** The plain data, or undefined when the file could not be parsed. */
  readonly data: unknown;
}

export type YamlPath = readonly (string | number)[];

/** Aliases expand to at most this many nodes: YAML's "billion laughs" stops here. */
const maxAliasCount = 1000;

/**
 * Parse YAML text. Syntax errors, duplicate keys and alias bombs become
 * diagnostics; the function never throws for bad input.
 */
export function parseYamlFile(path: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    diagnostics.push({
      severity: "error",
      code: "YAML_BOM",
      message: "the file starts with a byte-order mark",
      file: path,
      span: { start: 0, end: 1 },
      hint: "save the file as UTF-8 without a BOM",
    });
    text = " " + text.slice(1);
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: new LineCounter() });
  for (const error of document.errors) {
    diagnostics.push({
      severity: "error",
      code: `YAML_${error.code}`,
      message: yamlMessage(error.message),
      file: path,
      span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      hint: yamlHint(error.code),
    });
  }
  let data: unknown;
  if (document.errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount });
    } catch (error) {
      diagnostics.push({
        severity: "error",
        code: "YAML_ALIAS_LIMIT",
        message: `aliases expand to too many nodes (${error instanceof Error ? error.message : String(error)})`,
        file: path,
        span: { start: 0, end: 1 },
        hint: `Briefsmith expands at most ${maxAliasCount} alias references per file`,
      });
    }
  }
  return { file: { path, text, document, data }, diagnostics };
}

function yamlMessage(message: string): string {
  // The yaml package appends " at line L, column C" and a code frame; we print our own.
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case "DUPLICATE_KEY":
      return "each key may appear only once in a mapping; remove or rename one of them";
    case "TAB_AS_INDENT":
      return "YAML indents with spaces only; replace the tabs with spaces";
    case "BAD_INDENT":
      return "check the indentation and that every list item starts with \"- \"";
    case "MISSING_CHAR":
      return "a quote, bracket or brace opened earlier is not closed";
    default:
      return undefined;
  }
}

function nodeSpan(node: unknown): Span | undefined {
  if (isNode(node) && node.range) return { start: node.range[0], end: Math.max(node.range[1], node.range[0] + 1) };
  return undefined;
}

/**
 * The span of the value at `path`, or of its key when `part` is "key". Falls
 * back to the nearest enclosing node that exists, so a missing key points at
 * the object that should hold it.
 */
export function locate(file: YamlFile, path: YamlPath, part: "key" | "value" = "value"): Span {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (part === "key" && depth === path.length && depth > 0) {
      const keySpan = locateKey(file, prefix);
      if (keySpan !== undefined) return keySpan;
    }
    const span = nodeSpan(prefix.length === 0 ? file.document.contents : file.document.getIn(prefix, true));
    if (span !== undefined) {
      // A whole mapping is a poor place to point: point at its first line instead.
      if (depth < path.length || part === "key") return firstLine(file.text, span);
      return span;
    }
  }
  return { start: 0, end: 1 };
}

function locateKey(file: YamlFile, path: YamlPath): Span | undefined {
  const parent: unknown = path.length === 1 ? file.document.contents : file.document.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1];
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) return nodeSpan(pair.key);
    }
  }
  if (isSeq(parent) && typeof key === "number") return nodeSpan(parent.items[key] as Node);
  return undefined;
}

function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf("\n", span.start);
  const end = newline === -1 || newline > span.end ? span.end : newline;
  return { start: span.start, end: Math.max(end, span.start + 1) };
}
