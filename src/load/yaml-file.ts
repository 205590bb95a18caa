import {
  Composer,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type Node,
} from "yaml";
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

/**
 * What one YAML file may hold. The file size itself is limited when it is read
 * (read-file.ts); these limit what a file within that size can still do.
 */
export const yamlLimits = {
  /**
   * Collections inside collections. Briefs and extracts nest five levels; the
   * yaml package builds nodes recursively and runs out of stack near 800
   * levels, so deeper input is refused before it is built.
   */
  depth: 64,
  /**
   * Characters in one key or value. The longest field a person writes is a
   * paragraph of prose; a longer string is a pasted document or an attack,
   * and would make a page no one could read.
   */
  stringLength: 100_000,
  /**
   * Alias references, as the yaml package counts them (each one weighted by
   * the aliases inside what it names): this stops the "billion laughs".
   */
  aliasCount: 1000,
  /**
   * The data with every alias expanded: the characters of every string plus
   * one per value. An alias-free file within the 4 MiB file limit stays
   * below it; a large string repeated by aliases does not.
   */
  expandedSize: 10_000_000,
} as const;

const parseOptions = {
  uniqueKeys: true,
  // Keys are text: a mapping or list as a key is an error, not "[object Object]".
  stringKeys: true,
  // Tags such as !!binary or !!set would make Buffers and Sets that no schema expects.
  resolveKnownTags: false,
  prettyErrors: false,
  // The library never writes to the console: the yaml package warns through process.emitWarning.
  logLevel: "error",
} as const;

/** Warnings of the yaml package that Briefsmith treats as errors: a tag it ignored would silently change a value. */
const warningsAsErrors = new Set(["TAG_RESOLVE_FAILED", "BAD_COLLECTION_TYPE"]);

/**
 * Parse YAML text. Syntax errors, duplicate keys, tags, and input beyond the
 * limits (nesting, string length, aliases) become diagnostics with a
 * location; the function never throws for bad input. When there is any
 * error, `data` is undefined, so later stages never see half-checked data.
 */
export function parseYamlFile(path: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, span: Span, hint?: string) =>
    diagnostics.push({ severity: "error", code, message, file: path, span, hint });

  // A byte-order mark is reported, and the rest parsed without it: every position is then shifted back by one.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(shift);
  const parsed = parseTokens(body);
  const tooDeep = parsed.tooDeepAt ?? findTooDeep(parsed.tokens, yamlLimits.depth)?.offset;
  if (tooDeep !== undefined) {
    error(
      "YAML_TOO_DEEP",
      `lists and mappings are nested more than ${yamlLimits.depth} levels deep here`,
      { start: tooDeep, end: tooDeep + 1 },
      "a brief or an extract nests a few levels; look for brackets that are opened but never closed",
    );
    // Building the nodes of such a file is what would exhaust the stack: stop here.
    return finish(path, text, shift, composeDocument([], ""), undefined, diagnostics);
  }
  const document = composeDocument(parsed.tokens, body);
  for (const problem of document.errors) {
    error(`YAML_${problem.code}`, yamlMessage(problem.message), spanOf(problem.pos), yamlHint(problem.code));
  }
  for (const warning of document.warnings) {
    if (warningsAsErrors.has(warning.code)) {
      error(`YAML_${warning.code}`, yamlMessage(warning.message), spanOf(warning.pos), "Briefsmith uses no YAML tags: remove the !tag");
    }
  }
  if (diagnostics.length === 0) checkNodes(document, path, diagnostics);
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: yamlLimits.aliasCount });
    } catch (cause) {
      error(
        "YAML_ALIAS_LIMIT",
        `aliases expand to too many nodes (${cause instanceof Error ? cause.message : String(cause)})`,
        firstAliasSpan(document),
        `Briefsmith expands at most ${yamlLimits.aliasCount} alias references per file`,
      );
    }
  }
  if (data !== undefined && expandedSizeExceeds(data, yamlLimits.expandedSize)) {
    data = undefined;
    error(
      "YAML_ALIAS_LIMIT",
      `with its aliases expanded, the file holds more than ${yamlLimits.expandedSize.toLocaleString("en-US")} characters and values`,
      firstAliasSpan(document),
      "write the repeated text out where it is needed, or shorten it",
    );
  }
  return finish(path, text, shift, document, data, diagnostics);
}

/** The parsed file, with the byte-order mark (if any) reported and every position moved past it. */
function finish(
  path: string,
  text: string,
  shift: number,
  document: Document.Parsed,
  data: unknown,
  diagnostics: Diagnostic[],
): { file: YamlFile; diagnostics: Diagnostic[] } {
  if (shift === 0) return { file: { path, text, document, data: diagnostics.length === 0 ? data : undefined }, diagnostics };
  const shifted = diagnostics.map((d) => (d.span === undefined ? d : { ...d, span: { start: d.span.start + shift, end: d.span.end + shift } }));
  const bom: Diagnostic = {
    severity: "error",
    code: "YAML_BOM",
    message: "the file starts with a byte-order mark",
    file: path,
    span: { start: 0, end: 1 },
    hint: "save the file as UTF-8 without a BOM",
  };
  // The document's node ranges are not shifted, but no later stage reads them: a file with an error has no data.
  return { file: { path, text, document, data: undefined }, diagnostics: [bom, ...shifted] };
}

/** Lexemes that mark a state change in the yaml package's lexer and stand for no character of the text. */
const zeroWidthLexemes = new Set(["\x02", "\x18", "\x1f"]);

/**
 * Lex and parse the text into CST tokens, stopping early at a flow collection
 * ("[" or "{") opened more than the depth limit deep: parsing a megabyte of
 * "[[[[" to the end would take seconds for nothing.
 */
function parseTokens(text: string): { tokens: CST.Token[]; tooDeepAt?: number } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let flowDepth = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === "[" || lexeme === "{") {
      if (++flowDepth > yamlLimits.depth) return { tokens: [], tooDeepAt: offset };
    } else if (lexeme === "]" || lexeme === "}") {
      flowDepth = Math.max(0, flowDepth - 1);
    } else if (lexeme === "\x18" || lexeme === "\x02") {
      flowDepth = 0; // the lexer left flow context (an error, or a new document)
    }
    if (!zeroWidthLexemes.has(lexeme)) offset += lexeme.length;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** Compose CST tokens into one document, as the yaml package's parseDocument does. */
function composeDocument(tokens: readonly CST.Token[], text: string): Document.Parsed {
  const composer = new Composer(parseOptions);
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (document === undefined) {
      document = next;
    } else {
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "the file holds more than one YAML document"));
      break;
    }
  }
  return document!; // compose(…, forceDoc = true) always yields a document
}

/**
 * The first collection (in text order) nested deeper than `limit`, found
 * without recursion on the concrete syntax tree, so no depth of input can
 * overflow the stack here.
 */
function findTooDeep(tokens: readonly CST.Token[], limit: number): CST.Token | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === "document") {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > limit) return token;
      const children: CST.Token[] = [];
      for (const item of token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]) {
        if (item.key) children.push(item.key);
        if (item.value) children.push(item.value);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push({ token: children[i]!, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Strings over the length limit, and aliases that name a missing anchor or the collection they sit in. */
function checkNodes(document: Document.Parsed, path: string, diagnostics: Diagnostic[]): void {
  const error = (code: string, message: string, node: Node, hint: string) =>
    diagnostics.push({ severity: "error", code, message, file: path, span: nodeSpan(node) ?? { start: 0, end: 1 }, hint });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && node.value.length > yamlLimits.stringLength) {
        error(
          "YAML_STRING_TOO_LONG",
          `this text is ${node.value.length.toLocaleString("en-US")} characters long, over the limit of ${yamlLimits.stringLength.toLocaleString("en-US")}`,
          node,
          "shorten it: a brief or an extract quotes and paraphrases, it does not hold whole documents",
        );
      }
    },
    Alias(_key, node, ancestors) {
      const target = node.resolve(document);
      if (target === undefined) {
        error("YAML_UNKNOWN_ALIAS", `the alias *${node.source} names no anchor defined before it`, node, `define &${node.source} before using *${node.source}`);
      } else if (ancestors.includes(target)) {
        error("YAML_ALIAS_CYCLE", `the alias *${node.source} refers to a collection that contains it`, node, "an alias must not repeat its own container");
      }
    },
  });
}

/**
 * Is the plain data, with aliases expanded, larger than `limit` (characters of
 * strings plus one per value)? Aliases share objects, so the walk counts each
 * use; it stops as soon as the limit is passed, so it is bounded however the
 * aliases multiply.
 */
function expandedSizeExceeds(data: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    size += 1;
    if (typeof value === "string") size += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push(item); // not push(...value): a huge spread overflows the stack
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        size += key.length;
        stack.push(inner);
      }
    }
    if (size > limit) return true;
  }
  return false;
}

function firstAliasSpan(document: Document.Parsed): Span {
  let span: Span = { start: 0, end: 1 };
  visit(document, {
    Alias(_key, node) {
      span = nodeSpan(node) ?? span;
      return visit.BREAK;
    },
  });
  return span;
}

function spanOf(pos: readonly [number, number]): Span {
  return { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
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
    case "NON_STRING_KEY":
      return "a key is a word or a quoted string, never a list or a mapping";
    case "MULTIPLE_DOCS":
      return "remove the \"---\" line: a brief or an extract file is one YAML document";
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
