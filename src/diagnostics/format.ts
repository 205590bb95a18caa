import stringWidth from "string-width";
import { visibleLine as visible } from "../text/visible-text.js";
import { diagnosticKey, type Diagnostic, type Span } from "./diagnostic.js";

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, text.length);
  for (let i = 0; i < limit; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: limit - lineStart + 1 };
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  return { start, end: newline === -1 ? text.length : newline };
}

/** Lines longer than this are shown as a window around the span, so one long line cannot flood the terminal. */
const maxExcerptWidth = 160;

/** The source line of a span and a caret line under the span (clipped to that line, and to a window of a long line). */
function excerpt(text: string, span: Span): { line: number; source: string; underline: string } {
  const { line } = positionAt(text, span.start);
  const bounds = lineBounds(text, span.start);
  let source = text.slice(bounds.start, bounds.end).replace(/\r$/, "");
  let from = span.start - bounds.start;
  let to = Math.max(from + 1, Math.min(span.end, bounds.end) - bounds.start);
  if (source.length > maxExcerptWidth) {
    const windowStart = Math.max(0, from - 40);
    const windowEnd = Math.min(source.length, windowStart + maxExcerptWidth);
    const lead = windowStart > 0 ? "…" : "";
    source = lead + source.slice(windowStart, windowEnd) + (windowEnd < source.length ? "…" : "");
    from = from - windowStart + lead.length;
    to = Math.min(to - windowStart + lead.length, source.length);
  }
  // The carets stay under the span as a terminal draws the line (sanitised): tabs keep their width, and each
  // character takes as many columns as it is wide (two for 港, none for a combining accent).
  const pad = source
    .slice(0, from)
    .split("\t")
    .map((segment) => " ".repeat(columns(segment)))
    .join("\t");
  const marked = source.slice(from, Math.min(to, source.length));
  return { line, source, underline: pad + "^".repeat(Math.max(1, columns(marked))) };
}

/** The columns a terminal gives text as the diagnostic prints it, control characters made visible. */
const columns = (text: string) => stringWidth(visible(text));

/**
 * Render a diagnostic the way compilers do:
 *
 *     briefs/memo.yaml:4:5: error BRIEF_UNKNOWN_THEME: unknown theme "centrl-asia"
 *        4 |   - centrl-asia
 *          |     ^^^^^^^^^^^
 *       hint: did you mean "central-asia"?
 */
export function formatDiagnostic(diagnostic: Diagnostic, fileText?: string): string {
  const lines: string[] = [];
  let where = diagnostic.file ?? "";
  let snippet: ReturnType<typeof excerpt> | undefined;
  if (diagnostic.file !== undefined && diagnostic.span !== undefined && fileText !== undefined) {
    const position = positionAt(fileText, diagnostic.span.start);
    where = `${diagnostic.file}:${position.line}:${position.column}`;
    snippet = excerpt(fileText, diagnostic.span);
  }
  const head = `${diagnostic.severity} ${diagnostic.code}: ${visible(diagnostic.message)}`;
  lines.push(where === "" ? head : `${visible(where)}: ${head}`);
  if (snippet !== undefined) {
    const gutter = String(snippet.line).length;
    lines.push(`  ${String(snippet.line).padStart(gutter)} | ${visible(snippet.source)}`);
    lines.push(`  ${" ".repeat(gutter)} | ${snippet.underline}`);
  }
  if (diagnostic.hint !== undefined) lines.push(`  hint: ${visible(diagnostic.hint)}`);
  return lines.join("\n");
}

/** Diagnostics sorted by file then position, so reports are stable. */
function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * Problems two checks find in other words, by the code of the one left out and the code of the one kept when both are
 * at the same place: a viewpoint no claim argues is the extract's error, with its hint, and the strict brief's
 * balance problem at the same caret said it again.
 */
const sameProblem: ReadonlyMap<string, string> = new Map([["BALANCE_EMPTY_VIEWPOINT", "EXTRACT_ORPHAN_VIEWPOINT"]]);

/** Diagnostics sorted by place, each once (the same problem found by two checks is reported once). */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map<string, Diagnostic>();
  for (const d of sortDiagnostics(diagnostics)) unique.set(diagnosticKey(d), d);
  const place = (d: Diagnostic, code: string) => `${code}\n${d.file}\n${d.span?.start}`;
  const present = new Set([...unique.values()].map((d) => place(d, d.code)));
  return [...unique.values()].filter((d) => {
    const kept = sameProblem.get(d.code);
    return kept === undefined || d.span === undefined || !present.has(place(d, kept));
  });
}
