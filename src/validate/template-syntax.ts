import Handlebars from "handlebars";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { TemplateFile } from "../load/templates.js";

/**
 * A template or partial parsed into Handlebars's syntax tree, or the syntax
 * error that stops it, located in the file. Each file is parsed once.
 */
export type ParsedTemplate = { readonly ast: hbs.AST.Program; readonly error?: undefined } | { readonly ast?: undefined; readonly error: Diagnostic };

const parsed = new WeakMap<TemplateFile, ParsedTemplate>();

export function parseTemplateFile(file: TemplateFile): ParsedTemplate {
  let result = parsed.get(file);
  if (result === undefined) {
    result = parseSource(file);
    parsed.set(file, result);
  }
  return result;
}

/** Names Jison gives Handlebars's tokens, as a person reads them. */
const tokenNames: Readonly<Record<string, string>> = {
  EOF: "the end of the file",
  CLOSE: "}}",
  CLOSE_UNESCAPED: "}}}",
  CLOSE_RAW_BLOCK: "}}}}",
  OPEN: "{{",
  OPEN_BLOCK: "{{#",
  OPEN_ENDBLOCK: "{{/",
  OPEN_INVERSE: "{{^",
  OPEN_INVERSE_CHAIN: "{{else …",
  INVERSE: "{{else}}",
  OPEN_PARTIAL: "{{>",
  OPEN_SEXPR: "(",
  CLOSE_SEXPR: ")",
  ID: "a name",
  STRING: "a quoted string",
  NUMBER: "a number",
  BOOLEAN: "true or false",
  SEP: "a dot",
  DATA: "@",
  EQUALS: "=",
  CONTENT: "text",
  INVALID: "a character Handlebars does not allow there",
};

function parseSource(file: TemplateFile): ParsedTemplate {
  try {
    return { ast: Handlebars.parse(file.source, { srcName: file.shown }) };
  } catch (error) {
    return { error: syntaxDiagnostic(file, error) };
  }
}

function syntaxDiagnostic(file: TemplateFile, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
  const base = { severity: "error" as const, code: "TEMPLATE_SYNTAX" as const, file: file.shown };
  // Errors found while building the tree ("if doesn't match each") carry their place.
  if (typeof located.lineNumber === "number") {
    const message = raw.replace(/ - \d+:\d+$/, "");
    const mismatch = /^(.+) doesn't match (.+)$/.exec(message);
    return {
      ...base,
      message: mismatch ? `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}` : message,
      span: spanOf(file.source, { line: located.lineNumber, column: located.column ?? 0 }, { line: located.endLineNumber ?? located.lineNumber, column: located.endColumn ?? (located.column ?? 0) + 1 }),
      hint: mismatch ? `close the block with {{/${mismatch[1]}}}` : undefined,
    };
  }
  // Parse errors from the grammar: the lexer's last token is where it stopped.
  const lexer = (Handlebars as unknown as { Parser: { lexer?: { yylloc?: { first_line: number; first_column: number; last_line: number; last_column: number } } } }).Parser.lexer;
  const where = lexer?.yylloc;
  const expecting = /Expecting (.+), got '([^']+)'/.exec(raw);
  let message = "the template is not valid Handlebars";
  let hint: string | undefined = "every {{ needs its }}, and every {{#block}} its {{/block}}";
  if (expecting) {
    const expected = [...new Set(expecting[1]!.split(", ").map((t) => tokenNames[t.replace(/'/g, "")] ?? t.replace(/'/g, "")))];
    const got = tokenNames[expecting[2]!] ?? expecting[2]!;
    message = `expected ${expected.length > 4 ? `${expected.slice(0, 4).join(", ")} or another` : expected.join(" or ")}, found ${got}`;
    if (expecting[2] === "EOF") {
      // At the end of the file, the block left open is where the author must look, not the last line.
      const open = unclosedBlock(file.source);
      if (open !== undefined) {
        return { ...base, message: `{{#${open.name}}} is never closed`, span: { start: open.start, end: open.end }, hint: `close it with {{/${open.name}}} where its block ends` };
      }
      hint = "a {{#block}} is not closed, or a {{ has no }}: every {{#if}}, {{#each}}, {{#with}} and {{#unless}} needs its {{/…}}";
    }
  } else if (/Lexical error/.test(raw)) {
    message = "Handlebars cannot read the text here";
  }
  const span =
    where === undefined
      ? { start: 0, end: 0 }
      : spanOf(file.source, { line: where.first_line, column: where.first_column }, { line: where.last_line, column: Math.max(where.last_column, where.first_column + 1) });
  return { ...base, message, span, hint };
}

/**
 * The innermost block opened and never closed ({{#if …}} without its {{/if}}), found by pairing the file's openers
 * and closers in order, comments left out; undefined when they pair up (the problem is elsewhere: a {{ without }}).
 */
function unclosedBlock(source: string): { name: string; start: number; end: number } | undefined {
  const withoutComments = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => " ".repeat(comment.length));
  const open: { name: string; start: number; end: number }[] = [];
  for (const tag of withoutComments.matchAll(/\{\{~?\s*([#^/])\s*[*>]?\s*([^\s}~()]+)/g)) {
    const [whole, kind, name] = tag;
    if (kind === "/") {
      const at = open.map((block) => block.name).lastIndexOf(name!);
      if (at !== -1) open.splice(at);
    } else {
      open.push({ name: name!, start: tag.index, end: tag.index + whole.length });
    }
  }
  return open.at(-1);
}

/** Offsets of a Handlebars location (lines from 1, columns from 0). */
function spanOf(source: string, start: hbs.AST.Position, end: hbs.AST.Position): Span {
  const offset = (position: hbs.AST.Position) => {
    let index = 0;
    for (let line = 1; line < position.line; line++) {
      const next = source.indexOf("\n", index);
      if (next === -1) return source.length;
      index = next + 1;
    }
    return Math.min(source.length, index + position.column);
  };
  const from = offset(start);
  return { start: from, end: Math.max(from, offset(end)) };
}

/** The span of a node of the tree. */
export function spanOfNode(source: string, node: hbs.AST.Node): Span {
  return spanOf(source, node.loc.start, node.loc.end);
}
