import { isNode } from "yaml";
import type { Span } from "../diagnostics/diagnostic.js";

/** The span of text a YAML node was parsed from, if it has one. */
export function nodeSpan(node: unknown): Span | undefined {
  if (isNode(node) && node.range) return { start: node.range[0], end: Math.max(node.range[1], node.range[0] + 1) };
  return undefined;
}

/** A span from a position the yaml package reports, at least one character wide so a caret can show it. */
export function spanOf(pos: readonly [number, number]): Span {
  return { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
}
