import { Composer, isScalar, visit, YAMLParseError, type CST, type Document, type ErrorCode as YamlErrorCode, type Scalar } from "yaml";
import { positionAt } from "../diagnostics/format.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import { errorCodes, yamlErrorCode, type ErrorCode } from "../errors/codes.js";
import type { ParsedYamlCache } from "./parsed-yaml-cache.js";
import { explainYamlErrors } from "./yaml-explain.js";
import { spanOf } from "./yaml-span.js";
import { checkNodes, expandedSizeExceeds, findTooDeep, firstAliasSpan, parseTokens, yamlLimits } from "./yaml-guards.js";

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

/** Characters a YAML stream may not hold (YAML 1.2, 5.1): C0 controls but tab and line breaks, DEL, C1 controls but NEL, U+FFFE, U+FFFF. */
const notYaml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** Warnings of the yaml package that Briefsmith treats as errors: a tag it ignored would silently change a value. */
const warningsAsErrors: ReadonlySet<YamlErrorCode> = new Set(["TAG_RESOLVE_FAILED", "BAD_COLLECTION_TYPE"]);

/**
 * Parse YAML text. Syntax errors, duplicate keys, tags, and input beyond the
 * limits (nesting, string length, aliases) become diagnostics with a
 * location; the function never throws for bad input. When there is any
 * error, `data` is undefined, so later stages never see half-checked data.
 */
export function parseYamlFile(path: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (code: ErrorCode, message: string, span: Span, hint?: string) =>
    diagnostics.push({ severity: "error", code, message, file: path, span, hint });

  // A byte-order mark is reported, and the rest parsed without it: every position is then shifted back by one.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(shift);
  // YAML allows no control character but tab and line breaks in a file (a NUL was copied into every output).
  // Written as an escape in a double-quoted string ("\t", "\x1b"), one is data, and the printer's sanitiser's.
  const control = notYaml.exec(body);
  if (control !== null) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    error("YAML_CONTROL_CHARACTER", `the file holds a control character (${code}), which YAML does not allow`, { start: control.index, end: control.index + 1 }, errorCodes.YAML_CONTROL_CHARACTER.fix);
    return finish(path, text, shift, composeDocument([], ""), undefined, diagnostics);
  }
  const parsed = parseTokens(body);
  const tooDeep = parsed.tooDeepAt ?? findTooDeep(parsed.tokens, yamlLimits.depth)?.offset;
  // A tab indenting a line makes each line after it parse one level deeper: sixty lines on, the depth guard fires,
  // far from the slip. The tab is the problem to report.
  const tab = tooDeep === undefined ? undefined : indentingTab(body, tooDeep);
  if (tab !== undefined) {
    error("YAML_TAB_AS_INDENT", "Tabs are not allowed as indentation", { start: tab, end: tab + 1 }, errorCodes.YAML_TAB_AS_INDENT.fix);
    return finish(path, text, shift, composeDocument([], ""), undefined, diagnostics);
  }
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
  const blockTab = tabIndentingFirstError(document.errors, body);
  if (blockTab !== undefined) error("YAML_TAB_AS_INDENT", "Tabs are not allowed as indentation", { start: blockTab, end: blockTab + 1 }, errorCodes.YAML_TAB_AS_INDENT.fix);
  const problems = withoutConsequencesOfTabs(document.errors, body, blockTab);
  // Everyday slips (a line indented one space too far, a colon in a value, a [ left open) said at the slip itself.
  const explained = explainYamlErrors(problems, body);
  for (const slip of explained) error(slip.code, slip.message, slip.span, slip.hint);
  const explainedProblems = new Set(explained.flatMap((slip) => slip.explains));
  for (const problem of problems) {
    if (explainedProblems.has(problem)) continue;
    const hint = (problem.code === "DUPLICATE_KEY" ? duplicateKeyHint(document, body, problem.pos[0]) : undefined) ?? errorCodes[yamlErrorCode(problem.code)].fix;
    error(yamlErrorCode(problem.code), yamlMessage(problem.message), spanOf(problem.pos), hint);
  }
  for (const warning of document.warnings) {
    if (warningsAsErrors.has(warning.code)) {
      error(yamlErrorCode(warning.code), yamlMessage(warning.message), spanOf(warning.pos), "Briefsmith uses no YAML tags: remove the !tag");
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

/**
 * parseYamlFile, through a cache of files parsed before: a file whose text an earlier build parsed without
 * a problem gets its data back without being parsed, and its syntax tree (for pointing at a value in a
 * diagnostic) only if something asks for it.
 */
export function parseYamlFileCached(path: string, text: string, cache: ParsedYamlCache | undefined): { file: YamlFile; diagnostics: Diagnostic[] } {
  const data = cache?.data(text);
  if (data !== undefined) {
    let document: Document.Parsed | undefined;
    return {
      file: {
        path,
        text,
        data,
        get document() {
          return (document ??= parseYamlFile(path, text).file.document);
        },
      },
      diagnostics: [],
    };
  }
  const parsed = parseYamlFile(path, text);
  if (parsed.diagnostics.length === 0 && parsed.file.data !== undefined) cache?.remember(text, parsed.file.data);
  return parsed;
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


/** For a key given twice in a mapping: where it was first given, so the hint names both places. */
function duplicateKeyHint(document: Document.Parsed, text: string, offset: number): string | undefined {
  let hint: string | undefined;
  visit(document, {
    Map(_, map) {
      const pairs = map.items.filter((p) => isScalar(p.key));
      const duplicate = pairs.find((p) => (p.key as Scalar).range?.[0] === offset);
      if (duplicate === undefined) return undefined;
      const key = (duplicate.key as Scalar).value;
      const first = pairs.find((p) => (p.key as Scalar).value === key);
      const start = (first?.key as Scalar | undefined)?.range?.[0];
      if (first === duplicate || start === undefined) return undefined;
      hint = `"${String(key)}" is first given on line ${positionAt(text, start).line}; keep one of the two`;
      return visit.BREAK;
    },
  });
  return hint;
}

/** The first tab in a line's indentation before `end` (a tab before the line's first character that is not white space). */
function indentingTab(text: string, end: number): number | undefined {
  const match = /^[ \t]*\t[ \t]*(?=\S)/m.exec(text.slice(0, end));
  return match === null ? undefined : match.index + match[0].indexOf("\t");
}

/**
 * A tab indent makes the parser misread the rest of its line and what follows
 * (an implicit key, a missing value, a non-string key…): those errors are
 * consequences with hints that mislead. Keep the tab errors, and what comes
 * before the first of them.
 */
function withoutConsequencesOfTabs(errors: readonly YAMLParseError[], text: string, blockTab: number | undefined): YAMLParseError[] {
  const firstTab = blockTab ?? errors.filter((e) => e.code === "TAB_AS_INDENT").sort((a, b) => a.pos[0] - b.pos[0])[0]?.pos[0];
  if (firstTab === undefined) return [...errors];
  const lineStart = text.lastIndexOf("\n", firstTab - 1) + 1;
  return errors.filter((e) => e.code === "TAB_AS_INDENT" || e.pos[1] <= lineStart);
}

/**
 * A tab indenting the line of the first error, where the yaml package reports what the tab does rather than the tab:
 * the first line of a folded text (summary: >-) pasted with a tab was "Block scalar values in collections must be
 * indented" and "Implicit map keys need to be followed by map values", with hints about list items and quotes.
 * A tab after the spaces that indent a block's line is the text's own, and no error.
 */
function tabIndentingFirstError(errors: readonly YAMLParseError[], text: string): number | undefined {
  if (errors.length === 0 || errors.some((e) => e.code === "TAB_AS_INDENT")) return undefined;
  const first = Math.min(...errors.map((e) => e.pos[0]));
  const lineStart = text.lastIndexOf("\n", first - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const tab = indent.indexOf("\t");
  return tab < 0 ? undefined : lineStart + tab;
}

function yamlMessage(message: string): string {
  // The yaml package appends " at line L, column C" and a code frame; we print our own.
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
