import { isMap, isPair, isScalar, isSeq, Scalar, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.js";
import type { YamlFile, YamlPath } from "./yaml-file.js";
import { nodeSpan } from "./yaml-span.js";

/** From a path in the data (["themes", 2]) to the span of text that wrote it: how diagnostics point at a value. */

/**
 * The span of the value at `path`, or of its key when `part` is "key". Falls
 * back to the nearest enclosing node that exists, so a missing key points at
 * the object that should hold it.
 *
 * Found when first read: finding it takes the file's syntax tree, which a file read through the parse cache
 * (load/parsed-yaml-cache.ts) has only once something asks for it. A build makes a diagnostic for every balance
 * problem of every brief and shows few of them: found at once, they parsed every brief file again.
 */
export function locate(file: YamlFile, path: YamlPath, part: "key" | "value" = "value"): Span {
  let found: Span | undefined;
  const span = () => (found ??= locateNow(file, path, part));
  return {
    get start() {
      return span().start;
    },
    get end() {
      return span().end;
    },
  };
}

function locateNow(file: YamlFile, path: YamlPath, part: "key" | "value"): Span {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (part === "key" && depth === path.length && depth > 0) {
      const keySpan = locateKey(file, prefix);
      if (keySpan !== undefined) return keySpan;
    }
    const node = prefix.length === 0 ? file.document.contents : file.document.getIn(prefix, true);
    const span = nodeSpan(node);
    if (span !== undefined) {
      // A whole mapping is a poor place to point: point at its first line instead.
      if (depth < path.length || part === "key") return firstLine(file.text, span);
      return isBlockScalar(node) ? blockText(file.text, span) : span;
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

function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL);
}

/**
 * A block's text without its indicator line (`>-`, `|`): a caret under ">-" points at nothing the author wrote.
 * From the first line of the text, past its indentation, to the block's end.
 */
function blockText(text: string, span: Span): Span {
  const newline = text.indexOf("\n", span.start);
  if (newline === -1 || newline + 1 >= span.end) return span;
  let start = newline + 1;
  while (start < span.end && /\s/.test(text[start]!)) start++;
  return start < span.end ? { start, end: span.end } : span;
}

function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf("\n", span.start);
  const end = newline === -1 || newline > span.end ? span.end : newline;
  return { start: span.start, end: Math.max(end, span.start + 1) };
}
