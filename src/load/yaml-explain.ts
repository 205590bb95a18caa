import { parseDocument, type YAMLParseError } from "yaml";
import { positionAt } from "../diagnostics/format.js";
import type { Span } from "../diagnostics/diagnostic.js";

/** A YAML syntax error said as the person who typed it would see it: where the slip is, and how to mend it. */
export interface ExplainedYamlError {
  /** The parser's errors this one stands for: they are not reported apart. */
  readonly explains: readonly YAMLParseError[];
  readonly code: "YAML_BAD_INDENT" | "YAML_BLOCK_AS_IMPLICIT_KEY" | "YAML_MISSING_CHAR" | "YAML_UNEXPECTED_TOKEN";
  readonly message: string;
  readonly span: Span;
  readonly hint: string;
}

interface Line {
  readonly start: number;
  readonly text: string;
  readonly indent: number;
}

/**
 * The yaml package reports some everyday slips where they end, in its own terms: a line indented one space too
 * far is "Nested mappings are not allowed in compact mappings" on the line above, with a hint about keys; a
 * list opened with [ and not closed is "Flow sequence … must be sufficiently indented" on the next line; a key
 * moved left ends its list item, and the lines after it are blamed. These are recognised and said at the slip
 * itself; everything else is reported as the parser says it.
 */
export function explainYamlErrors(errors: readonly YAMLParseError[], text: string): ExplainedYamlError[] {
  const lines = splitLines(text);
  const explained: ExplainedYamlError[] = [];
  const taken = new Set<YAMLParseError>();
  for (const error of errors) {
    if (taken.has(error)) continue;
    const at = positionAt(text, error.pos[0]).line - 1;
    const found =
      overIndented(error, lines, at) ??
      underIndentedKey(error, lines, at) ??
      misalignedItem(error, lines, at) ??
      itemLeftOfList(error, lines, at) ??
      colonInValue(error, lines, at) ??
      unclosedFlow(error, lines, at) ??
      quoteInsideQuotes(error, lines, at) ??
      quotedOpening(error, lines, at) ??
      unindentedBlock(lines, at);
    if (found === undefined) continue;
    // Errors of the same slip (the parser often reports two) go with it.
    const explains = errors.filter((other) => other === error || (!taken.has(other) && found.covers(other)));
    for (const other of explains) taken.add(other);
    explained.push({ ...found.explanation, explains });
  }
  return explained;
}

interface Found {
  readonly explanation: Omit<ExplainedYamlError, "explains">;
  /** Whether another of the parser's errors is a consequence of the same slip. */
  readonly covers: (other: YAMLParseError) => boolean;
}

/** `key: value` with the value on the same line (not a block to come, not a quoted or flow value the slip is not about). */
const keyWithInlineValue = /^\s*(?:- )?[^\s#:'"[{][^:#]*:\s+[^\s|>#&*!'"[{]/;
const keyLine = /^\s*(?:- )?[^\s#:'"][^:#]*:(?:\s|$)/;

/** A `key: …` line indented further than the `key: value` line above it: YAML reads it as more of that value. */
function overIndented(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "BLOCK_AS_IMPLICIT_KEY" && error.code !== "MULTILINE_IMPLICIT_KEY") return undefined;
  for (let index = at + 1; index <= at + 2 && index < lines.length; index++) {
    const line = lines[index]!;
    const above = previousContentLine(lines, index);
    if (above === undefined || !keyLine.test(line.text) || !keyWithInlineValue.test(above.text)) continue;
    // The column of the key above: after its "- " when it opens a list item, as its item's other keys are.
    const expected = keyColumn(above);
    if (line.indent <= expected) continue;
    // The line above is the slip when it alone is out of line: indented less than the key before it, which this
    // line agrees with (a key of a list item moved left, which ends the item early).
    const aboveIndex = lines.indexOf(above);
    const before = previousContentLine(lines, aboveIndex);
    if (before !== undefined && keyLine.test(before.text) && keyColumn(before) === line.indent && above.indent < line.indent) {
      return dedented(above, line.indent, lines, aboveIndex);
    }
    return {
      explanation: {
        code: "YAML_BAD_INDENT",
        message: `this line is indented ${line.indent - expected === 1 ? "one space" : `${line.indent - expected} spaces`} more than the line above it, so YAML reads it as more of that line's value`,
        span: { start: line.start, end: line.start + line.indent },
        hint: `indent it as the line above: ${expected} space${expected === 1 ? "" : "s"}`,
      },
      covers: (other) => other.pos[0] >= above.start && other.pos[0] <= line.start + line.text.length,
    };
  }
  return undefined;
}

/**
 * A key of a list item indented less than the item's other keys: YAML ends the item there, and reports the
 * lines after it. `keysAt` is the column of the item's keys.
 */
function dedented(line: Line, keysAt: number, lines: readonly Line[], index: number): Found {
  const short = keysAt - line.indent;
  // The parser's complaints run on until the next line that is back at the list's own level (the next "- ").
  let end = line.start + line.text.length;
  for (let next = index + 1; next < lines.length; next++) {
    const following = lines[next]!;
    end = following.start + following.text.length;
    if (following.text.trim() !== "" && following.indent < keysAt) break;
  }
  return {
    explanation: {
      code: "YAML_BAD_INDENT",
      message: `this line is indented ${short === 1 ? "one space" : `${short} spaces`} less than the other keys of its item, so YAML ends the item here`,
      span: { start: line.start, end: line.start + Math.max(1, line.indent) },
      hint: `indent it as the line above: ${keysAt} space${keysAt === 1 ? "" : "s"}`,
    },
    covers: (other) => other.pos[0] >= line.start && other.pos[0] <= end,
  };
}

/** A key indented less than the keys above it in the same item, but not back at the list's level: "Sequence item without - indicator". */
function underIndentedKey(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "MISSING_CHAR" || !error.message.startsWith("Sequence item without - indicator")) return undefined;
  const line = lines[at]!;
  const above = previousContentLine(lines, at);
  if (above === undefined || !keyLine.test(line.text) || !keyLine.test(above.text)) return undefined;
  const keysAt = keyColumn(above);
  return line.indent < keysAt ? dedented(line, keysAt, lines, at) : undefined;
}

/**
 * The items of a list whose "- " are not in one column: the parser takes the first item's column as the list's,
 * and reports the next item, though the first may be the one out of line. The one that differs from the items
 * after it is the slip.
 */
function misalignedItem(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "BAD_INDENT" || !error.message.startsWith("All sequence items must start at the same column")) return undefined;
  const reported = lines[at]!;
  if (!isItem(reported)) return undefined;
  // The item above whose list this one is most likely of: of the lists above (one may be nested in an item, as
  // "tags:" in a claim), the one whose column is closest; the nearest such item.
  const itemAbove = (from: number) => {
    let best: Line | undefined;
    for (let index = from - 1; index >= 0; index--) {
      const line = lines[index]!;
      if (!isContent(line)) continue;
      if (line.indent < Math.min(reported.indent, lines[from]!.indent) && !isItem(line)) break;
      if (isItem(line) && line.indent !== reported.indent && (best === undefined || Math.abs(line.indent - reported.indent) < Math.abs(best.indent - reported.indent))) best = line;
    }
    return best;
  };
  const first = itemAbove(at);
  const next = lines.slice(at + 1).find((line) => isItem(line) && line.indent <= reported.indent + 1 && line.indent >= Math.min(reported.indent, first?.indent ?? 0));
  const [slip, column] = first !== undefined && next !== undefined && next.indent === reported.indent ? [first, reported.indent] : [reported, first?.indent ?? reported.indent];
  const off = slip.indent - column;
  return {
    explanation: {
      code: "YAML_BAD_INDENT",
      message: `this list item's "-" is ${Math.abs(off) === 1 ? "one space" : `${Math.abs(off)} spaces`} ${off > 0 ? "right" : "left"} of the other items' of its list`,
      span: { start: slip.start + slip.indent, end: slip.start + slip.indent + 1 },
      hint: `start it with "- " ${column} space${column === 1 ? "" : "s"} in, as the other items`,
    },
    covers: (other) => other.pos[0] >= Math.min(slip.start, reported.start) && other.pos[0] <= reported.start + reported.text.length,
  };
}

/**
 * A list item's "-" left of the items above it, yet right of the key that holds the list: YAML reads it as a key
 * of a mapping in the key's value, and reports four errors in its own terms ("A block sequence may not be used
 * as an implicit map key", …).
 */
function itemLeftOfList(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "BLOCK_AS_IMPLICIT_KEY") return undefined;
  const line = lines[at]!;
  const above = previousContentLine(lines, at);
  if (!isItem(line) || above === undefined || !isItem(above) || above.indent <= line.indent) return undefined;
  // The lists it may belong to: those of the items above, up to the key that holds the outermost. A list nested in
  // an item is one of them ("tags:" in a claim), so the nearest item is not always its list's: the closest column is.
  const columns = new Set<number>();
  for (let index = at - 1; index >= 0; index--) {
    const candidate = lines[index]!;
    if (!isContent(candidate)) continue;
    if (isItem(candidate)) columns.add(candidate.indent);
    else if (candidate.indent < line.indent) break;
  }
  const column = [...columns].sort((a, b) => Math.abs(a - line.indent) - Math.abs(b - line.indent) || a - b)[0]!;
  const off = column - line.indent;
  const spaces = Math.abs(off) === 1 ? "one space" : `${Math.abs(off)} spaces`;
  return {
    explanation: {
      code: "YAML_BAD_INDENT",
      message: `this list item's "-" is ${spaces} ${off > 0 ? "left" : "right"} of the other items' of its list, so YAML cannot read it as one of them`,
      span: { start: line.start + line.indent, end: line.start + line.indent + 1 },
      hint: `start it with "- " ${column} space${column === 1 ? "" : "s"} in, as the other items`,
    },
    covers: onLine(line),
  };
}

/** `text: High-street traders: fear …`: a second ": " in a plain value starts another key. */
function colonInValue(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "BLOCK_AS_IMPLICIT_KEY") return undefined;
  const line = lines[at]!;
  const match = /^(\s*(?:- )?[^\s#:'"][^:#]*:\s+)([^\s'"[{|>][^#]*?:\s.*)$/.exec(line.text);
  if (match === null) return undefined;
  const start = line.start + match[1]!.length;
  const key = match[1]!.trim();
  // The value ends where a comment begins; the comment stays after the quotes. JSON's string syntax is YAML's
  // double-quoted one: backslashes and quotes come out escaped.
  const { end } = codeOf(line.text);
  const comment = line.text.slice(end).trim();
  const mended = `${key} ${JSON.stringify(line.text.slice(match[1]!.length, end).trim())}${comment === "" ? "" : ` ${comment}`}`;
  return {
    explanation: {
      code: "YAML_BLOCK_AS_IMPLICIT_KEY",
      message: 'this value holds ": ", which YAML reads as the start of another key',
      span: { start, end: line.start + line.text.length },
      hint: parses(mended) ? `put the value in double quotes: ${mended}` : "put the value in double quotes",
    },
    covers: onLine(line),
  };
}

/** `themes: [charge` and nothing to close it: the parser stops at the next line; the slip is the [ left open. */
function unclosedFlow(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  const closer = /^Flow (sequence|mapping) in block collection must be sufficiently indented and end with a ([\]}])/.exec(error.message);
  if (error.code !== "BAD_INDENT" || closer === null) return undefined;
  const opener = closer[2] === "]" ? "[" : "{";
  // The last line before the error that leaves a bracket open, outside quotes and comments.
  for (let index = at; index >= 0; index--) {
    const line = lines[index]!;
    if (line.start >= error.pos[0]) continue;
    const code = codeOf(line.text);
    const open = unclosedOpeners(code.characters, opener, closer[2]!);
    if (open.length === 0) continue;
    const start = line.start + open[0]!;
    // Every bracket left open on the line is closed; a mend that still would not parse (the list goes on over
    // lines) is not offered.
    const written = line.text.slice(0, code.end).trimEnd();
    const mended = `${written.slice(line.indent)}${closer[2]!.repeat(open.length)}`;
    return {
      explanation: {
        code: "YAML_MISSING_CHAR",
        message: `this ${closer[1] === "sequence" ? "list" : "mapping"} is opened with ${opener} but not closed with ${closer[2]}`,
        span: { start, end: start + 1 },
        hint:
          parses(mended) && !written.endsWith(",")
            ? `close it with ${closer[2]} after its last item: ${mended}`
            : `close it with ${closer[2]} after its last item`,
      },
      covers: (other) => other.pos[0] >= start,
    };
  }
  return undefined;
}

/** A line's characters outside quotes, each with its column, up to a comment (" #" outside quotes), and where that comment begins. */
function codeOf(text: string): { characters: [number, string][]; end: number } {
  const characters: [number, string][] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      return { characters, end: i };
    } else {
      characters.push([i, c]);
    }
  }
  return { characters, end: text.length };
}

/** Whether a mend, as one line, is YAML without an error: a hint never offers one that is not. */
function parses(line: string): boolean {
  return parseDocument(line).errors.length === 0;
}

/** The openers that no closer matches, outermost first, among a line's characters outside quotes and comments. */
function unclosedOpeners(characters: readonly [number, string][], opener: string, closer: string): number[] {
  const open: number[] = [];
  for (const [i, c] of characters) {
    if (c === opener) open.push(i);
    else if (c === closer) open.pop();
  }
  return open;
}

function keyColumn(line: Line): number {
  const item = /^-\s+/.exec(line.text.slice(line.indent));
  return line.indent + (item?.[0].length ?? 0);
}

/** A line that opens a list item: "- …" after its indent. */
function isItem(line: Line): boolean {
  return /^-(\s|$)/.test(line.text.slice(line.indent));
}

/** A line that says something: not blank, not a comment. */
function isContent(line: Line): boolean {
  return line.text.trim() !== "" && !line.text.trimStart().startsWith("#");
}

/** Covers the errors the parser reported on this line: the same slip, said again. */
function onLine(line: Line): Found["covers"] {
  return (other) => other.pos[0] >= line.start && other.pos[0] <= line.start + line.text.length;
}

function previousContentLine(lines: readonly Line[], index: number): Line | undefined {
  for (let above = index - 1; above >= 0; above--) {
    const line = lines[above]!;
    if (isContent(line)) return line;
  }
  return undefined;
}

/**
 * A value in quotes with the same quote inside it: `title: 'The port's future'` or `title: "Say "yes" now"`. The
 * inner quote ends the value, and the parser reports "Unexpected scalar at node end" after it.
 */
function quoteInsideQuotes(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "UNEXPECTED_TOKEN") return undefined;
  const line = lines[at]!;
  const opened = /^(\s*(?:- )?(?:[^\s#:'"][^:#]*:\s+)?)(['"])/.exec(line.text);
  if (opened === null) return undefined;
  const quote = opened[2]!;
  const valueStart = opened[1]!.length;
  // Where the quoted value ends as YAML reads it: the next quote (in single quotes, '' is an escaped quote).
  let end = valueStart + 1;
  for (; end < line.text.length; end++) {
    if (quote === '"' && line.text[end] === "\\") end++;
    else if (line.text[end] === quote && !(quote === "'" && line.text[end + 1] === "'")) break;
    else if (quote === "'" && line.text[end] === "'") end++;
  }
  // A quote that ends the value early is followed by more of it on the line, and a last quote closes that (a
  // comment may follow it).
  const last = line.text.search(new RegExp(`${quote}\\s*(?:\\s#.*)?$`));
  const rest = line.text.slice(end + 1, last + 1).trim();
  if (end >= line.text.length || last <= end || rest === "" || rest.startsWith("#")) return undefined;
  const slip = line.start + end;
  // The value as it should be written: its inner quotes escaped.
  const inner = line.text.slice(valueStart + 1, last);
  const mended = quote === "'" ? `'${inner.replace(/'+/g, (run) => (run.length % 2 === 0 ? run : `${run}'`))}'` : `"${inner.replace(/(?<!\\)"/g, '\\"')}"`;
  return {
    explanation: {
      code: "YAML_UNEXPECTED_TOKEN",
      message: quote === "'" ? "this ' ends the value begun with ' before it, so what follows is out of place" : 'this " ends the value begun with " before it, so what follows is out of place',
      span: { start: slip, end: slip + 1 },
      hint:
        quote === "'"
          ? `inside '…' an apostrophe is written twice: ${mended}; or put the value in double quotes`
          : `inside "…" a quote is written \\": ${mended}; or put the value in single quotes, or use typographic quotes (“ ”)`,
    },
    covers: onLine(line),
  };
}

/**
 * A value that opens with a quotation mark and goes on after its closing one: `quote: "treat us …" and called`. YAML
 * reads the value to the closing mark, and the words after it are out of place ("Unexpected scalar at node end").
 */
function quotedOpening(error: YAMLParseError, lines: readonly Line[], at: number): Found | undefined {
  if (error.code !== "UNEXPECTED_TOKEN") return undefined;
  const line = lines[at]!;
  // A key or a list item's dash before the value: a line that starts with a quote may be a quoted key, or the second
  // line of a value begun above, and neither is a value that opens here.
  const opened = /^(\s*(?:- )?(?:[^\s#:'"][^:#]*:\s+)|\s*- )(['"])/.exec(line.text);
  if (opened === null) return undefined;
  const quote = opened[2]!;
  const valueStart = opened[1]!.length;
  const close = line.text.indexOf(quote, valueStart + 1);
  const value = line.text.slice(valueStart).trimEnd();
  const rest = line.text.slice(close + 1).trim();
  if (close < 0 || rest === "" || rest.startsWith("#") || / #/.test(rest) || value.endsWith(quote)) return undefined;
  // An escaped quote ('' in single quotes, \" in double) is no closing one: the slip is elsewhere.
  if ((quote === "'" && line.text[close + 1] === "'") || (quote === '"' && line.text.slice(valueStart + 1, close).includes("\\"))) return undefined;
  const mended = quote === '"' ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return {
    explanation: {
      code: "YAML_UNEXPECTED_TOKEN",
      message: `this ${quote} ends the value begun with ${quote}, so the words after it are out of place`,
      span: { start: line.start + close, end: line.start + close + 1 },
      hint: `a value that opens with ${quote} ends at the next ${quote}: put it all in ${quote === '"' ? "single" : "double"} quotes: ${opened[1]!.trimStart()}${mended}`,
    },
    covers: onLine(line),
  };
}

/** `key: >-` or `key: |`, the text of a block to come on the lines below. */
const blockKey = /^(\s*(?:- )?)([^\s#:'"][^:#]*):\s*([|>][-+1-9]*)\s*(?:#.*)?$/;

/**
 * The text of a block (`summary: >-`) written flush with its key, not indented under it: YAML reads its first line
 * as a key, and said "implicit keys need to be on a single line", with a hint to put the key on one line.
 */
function unindentedBlock(lines: readonly Line[], at: number): Found | undefined {
  // The block's key: the nearest line above the error that opens a block, with lines of text only between.
  let keyAt = at;
  while (keyAt >= 0 && at - keyAt <= 50 && !(isContent(lines[keyAt]!) && (blockKey.test(lines[keyAt]!.text) || keyWithInlineValue.test(lines[keyAt]!.text)))) keyAt--;
  const above = lines[keyAt];
  const block = above === undefined ? null : blockKey.exec(above.text);
  if (above === undefined || block === null) return undefined;
  const first = lines[keyAt + 1];
  // Text, not the next key after an empty block (`summary: >-` then `sections:`, whose slip is elsewhere).
  if (first === undefined || !isContent(first) || first.indent > keyColumn(above) || keyLine.test(first.text) || isItem(first)) return undefined;
  // The text runs to the next key of the mapping, or to a line indented as the text should have been.
  const next = lines.findIndex((l, i) => i > keyAt && isContent(l) && (l.indent > keyColumn(above) || keyWithInlineValue.test(l.text) || blockKey.test(l.text)));
  const end = next < 0 ? Number.POSITIVE_INFINITY : lines[next]!.start;
  const opener = `${block[2]}: ${block[3]}`;
  return {
    explanation: {
      code: "YAML_BAD_INDENT",
      message: `the text under "${opener}" is not indented under it, so YAML reads it as a key, not as the text`,
      span: { start: first.start + first.indent, end: first.start + first.text.length },
      hint: `indent the lines of text under "${opener}" by two spaces, more than the key`,
    },
    covers: (other) => other.pos[0] >= first.start && other.pos[0] < end,
  };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    lines.push({ start, text: line, indent: line.length - line.trimStart().length });
    start += raw.length + 1;
  }
  return lines;
}
