import { visit, Lexer, Parser, type CST, type Document, type Node } from "yaml";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { ErrorCode } from "../errors/codes.js";
import { nodeSpan } from "./yaml-span.js";

/**
 * Resource guards for YAML from anyone: a file within the size limit can
 * still nest a thousand levels, hold one enormous string, or expand a few
 * aliases into gigabytes. Each guard is checked without recursion and stops
 * as soon as its limit is passed.
 */

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

/** Lexemes that mark a state change in the yaml package's lexer and stand for no character of the text. */
const zeroWidthLexemes = new Set(["\x02", "\x18", "\x1f"]);

/**
 * Lex and parse the text into CST tokens, stopping early at a flow collection
 * ("[" or "{") opened more than the depth limit deep: parsing a megabyte of
 * "[[[[" to the end would take seconds for nothing.
 */
export function parseTokens(text: string): { tokens: CST.Token[]; tooDeepAt?: number } {
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


/**
 * The first collection (in text order) nested deeper than `limit`, found
 * without recursion on the concrete syntax tree, so no depth of input can
 * overflow the stack here.
 */
export function findTooDeep(tokens: readonly CST.Token[], limit: number): CST.Token | undefined {
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
export function checkNodes(document: Document.Parsed, path: string, diagnostics: Diagnostic[]): void {
  const error = (code: ErrorCode, message: string, node: Node, hint: string) =>
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
export function expandedSizeExceeds(data: unknown, limit: number): boolean {
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

/**
 * Whether plain data (as kept by the parse cache) goes past what a parsed file
 * may hold: more in all than the expanded-size limit (expandedSizeExceeds, which
 * also bounds the walk below), nesting deeper than the depth limit, or a string
 * longer than the string limit. Walked without recursion, so no depth of input
 * can overflow the stack here.
 */
export function dataExceedsYamlLimits(data: unknown): boolean {
  if (expandedSizeExceeds(data, yamlLimits.expandedSize)) return true;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string" && value.length > yamlLimits.stringLength) return true;
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > yamlLimits.depth) return true;
    for (const [key, inner] of Object.entries(value)) {
      if (key.length > yamlLimits.stringLength) return true;
      stack.push([inner, depth + 1]);
    }
  }
  return false;
}

export function firstAliasSpan(document: Document.Parsed): Span {
  let span: Span = { start: 0, end: 1 };
  visit(document, {
    Alias(_key, node) {
      span = nodeSpan(node) ?? span;
      return visit.BREAK;
    },
  });
  return span;
}
