import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { z } from "zod";
import { BriefSchema, TemplateId } from "../schema/brief.js";
import { Id } from "../schema/extract.js";

/**
 * The composer: the side panel's controls turned into edits of the brief
 * file. The yaml package's Document API finds the key to change and where its
 * value lies in the text (each node's range), and writes the new value; only
 * that stretch of the file is replaced, so every other byte (comments, key
 * order, quoting, a folded summary's line breaks) stays as its author wrote
 * it. Each result is parsed back and checked to hold exactly the change
 * asked for, or the edit is refused. Pure: text in, text out.
 */

/** One change from the panel. Themes and viewpoints are toggled one at a time, as checkboxes are. */
export const BriefEditSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("theme"), id: Id, selected: z.boolean() }),
  z.strictObject({ op: z.literal("viewpoint"), id: Id, selected: z.boolean() }),
  z.strictObject({ op: z.literal("template"), value: TemplateId }),
  z.strictObject({ op: z.literal("paper"), value: z.enum(["Letter", "A4"]) }),
  z.strictObject({
    op: z.literal("marking"),
    value: z
      .string()
      .trim()
      .min(1, "a marking must not be empty")
      .max(80, "a marking is at most 80 characters")
      .regex(/^[^\p{Cc}\p{Cf}]*$/u, "a marking is one line of text"),
  }),
  // null removes the key: every claim is shown.
  z.strictObject({ op: z.literal("claims_per_viewpoint"), value: z.number().int().min(1).max(50).nullable() }),
]);

export type BriefEdit = z.infer<typeof BriefEditSchema>;

/** What the composer needs to know of the corpus: its themes and their viewpoints, in the extract's order. */
export interface ThemeCatalog {
  readonly themes: readonly { readonly id: string; readonly viewpoints: readonly { readonly id: string }[] }[];
}

export type ComposeResult = { readonly ok: true; readonly text: string; readonly changed: boolean } | { readonly ok: false; readonly reason: string };

/** A key's new value: text or a number, a list of ids, or undefined to remove the key. */
type KeyValue = string | number | readonly string[] | undefined;

/** The order keys are added in when a brief lacks them: the schema's, which the README's example follows. */
const keyOrder: readonly string[] = Object.keys(BriefSchema.shape);

const corpusUnreadable = "the corpus cannot be read, so its themes are not known; fix the problems the page lists first";

/** Apply one edit to a brief's text. Refuses (with a reason a person can act on) rather than write a brief that cannot be read back. */
export function composeBrief(text: string, edit: BriefEdit, catalog: ThemeCatalog | undefined): ComposeResult {
  const parsed = parseBrief(text);
  if (typeof parsed === "string") return { ok: false, reason: parsed };
  const current = parsed.toJS() as Record<string, unknown>;
  const changes = plan(current, edit, catalog);
  if (typeof changes === "string") return { ok: false, reason: changes };
  let next = text;
  for (const [key, value] of changes) {
    const document = parseBrief(next);
    if (typeof document === "string") return { ok: false, reason: document };
    next = writeKey(next, document.contents as YAMLMap, key, value);
  }
  // The safety net: the new text must parse to the old data with exactly these keys changed.
  const expected: Record<string, unknown> = { ...current };
  for (const [key, value] of changes) {
    if (value === undefined) delete expected[key];
    else expected[key] = value;
  }
  const reread = parseBrief(next);
  if (typeof reread === "string" || !isDeepStrictEqual(reread.toJS(), expected)) {
    return { ok: false, reason: "this brief is written in a way the composer cannot edit safely; edit it in a text editor" };
  }
  return { ok: true, text: next, changed: next !== text };
}

function parseBrief(text: string): Document.Parsed | string {
  const document = parseDocument(text, { uniqueKeys: true, stringKeys: true, prettyErrors: false, logLevel: "error" });
  if (document.errors.length > 0) return "the brief has YAML errors; fix them first (the page lists them)";
  if (!isMap(document.contents) || document.contents.flow) return "the composer edits briefs written as one key per line";
  return document;
}

/** The keys an edit changes, and their new values; or why it cannot be made. */
function plan(current: Record<string, unknown>, edit: BriefEdit, catalog: ThemeCatalog | undefined): [string, KeyValue][] | string {
  switch (edit.op) {
    case "template":
    case "paper":
    case "marking":
      return current[edit.op] === edit.value ? [] : [[edit.op, edit.value]];
    case "claims_per_viewpoint":
      return current[edit.op] === (edit.value ?? undefined) ? [] : [[edit.op, edit.value ?? undefined]];
    case "theme":
      return catalog === undefined ? corpusUnreadable : planTheme(current, catalog, edit.id, edit.selected);
    case "viewpoint":
      return catalog === undefined ? corpusUnreadable : planViewpoint(current, catalog, edit.id, edit.selected);
  }
}

/** A brief's themes: or viewpoints: value as the ids it lists, or "all" (also when the key is absent, its default). */
export function selectedIds(value: unknown): "all" | string[] {
  return Array.isArray(value) ? value.map(String) : "all";
}

function planTheme(current: Record<string, unknown>, catalog: ThemeCatalog, id: string, selected: boolean): [string, KeyValue][] | string {
  const theme = catalog.themes.find((t) => t.id === id);
  if (theme === undefined) return `the corpus has no theme "${id}"`;
  const themes = selectedIds(current.themes);
  const chosen = themes === "all" ? catalog.themes.map((t) => t.id) : themes;
  if (chosen.includes(id) === selected) return [];
  const viewpoints = selectedIds(current.viewpoints);
  const own = theme.viewpoints.map((v) => v.id);
  if (selected) {
    // A listed set of viewpoints shows only what it names: a theme just added shows all its views.
    return viewpoints === "all"
      ? [["themes", [...chosen, id]]]
      : [
          ["themes", [...chosen, id]],
          ["viewpoints", [...viewpoints, ...own.filter((v) => !viewpoints.includes(v))]],
        ];
  }
  const remaining = chosen.filter((t) => t !== id);
  if (remaining.length === 0) return "a brief needs at least one theme";
  if (viewpoints === "all") return [["themes", remaining]];
  // Viewpoints of a theme no longer chosen would make the brief invalid; none left means every view of the themes chosen.
  const kept = viewpoints.filter((v) => !own.includes(v));
  return [
    ["themes", remaining],
    ["viewpoints", kept.length > 0 ? kept : "all"],
  ];
}

function planViewpoint(current: Record<string, unknown>, catalog: ThemeCatalog, id: string, selected: boolean): [string, KeyValue][] | string {
  const owner = catalog.themes.find((t) => t.viewpoints.some((v) => v.id === id));
  if (owner === undefined) return `the corpus has no viewpoint "${id}"`;
  const themes = selectedIds(current.themes);
  if (themes !== "all" && !themes.includes(owner.id)) {
    return `viewpoint "${id}" belongs to theme "${owner.id}", which the brief does not select: select the theme first`;
  }
  const chosenThemes = themes === "all" ? catalog.themes : catalog.themes.filter((t) => themes.includes(t.id));
  const viewpoints = selectedIds(current.viewpoints);
  const shown = viewpoints === "all" ? chosenThemes.flatMap((t) => t.viewpoints.map((v) => v.id)) : viewpoints;
  if (shown.includes(id) === selected) return [];
  const next = selected ? [...shown, id] : shown.filter((v) => v !== id);
  if (next.length === 0) return "a brief needs at least one viewpoint";
  return [["viewpoints", next]];
}

// ---- Writing one key into the text ----

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Just past the newline that ends the line `offset` is on (an offset already at a line's start stays). */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

/** A value as YAML writes it after "key: ", in the style the old value had where the new one allows it. */
function formatValue(value: string | number | readonly string[], style?: Scalar["type"]): string {
  const document = new Document({ key: value });
  const node = (document.contents as YAMLMap).items[0]!.value as Node;
  if (isSeq(node)) node.flow = true;
  if (isScalar(node) && (style === "PLAIN" || style === "QUOTE_DOUBLE" || style === "QUOTE_SINGLE")) node.type = style;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().slice("key: ".length);
}

function pairName(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** Where a pair's text ends: past the line its value ends on (a block value's last line included). */
function endOfPair(text: string, pair: Pair): number {
  const node = (pair.value ?? pair.key) as Node;
  return endOfLine(text, node.range![1]);
}

function writeKey(text: string, map: YAMLMap, key: string, value: KeyValue): string {
  const pair = map.items.find((p) => pairName(p) === key);
  if (value === undefined) return pair === undefined ? text : splice(text, startOfLine(text, (pair.key as Node).range![0]), endOfPair(text, pair), "");
  if (pair === undefined) return insertKey(text, map, key, value);
  const node = pair.value as Node | null;
  if (isSeq(node) && Array.isArray(value) && !node.flow) return writeBlockList(text, node.items as Node[], value);
  if (isScalar(node) && node.source === "" && node.range) {
    // "key:" with nothing after it (perhaps a comment): write the value after the colon.
    const at = node.range[0];
    return splice(text, at, at, `${text[at - 1] === ":" ? " " : ""}${formatValue(value)}${text[at] === "#" ? " " : ""}`);
  }
  if (!node?.range) return text;
  if (isSeq(node) && !node.flow) {
    // A block list becomes one value on the key's line.
    return splice(text, (pair.key as Node).range![1], endOfLine(text, node.range[1]), `: ${formatValue(value)}${lineEnding(text)}`);
  }
  // A scalar or a one-line [list]: replace the value's own characters; a comment after it stays.
  return splice(text, node.range[0], node.range[1], formatValue(value, isScalar(node) ? node.type : undefined));
}

/**
 * A block list ("- id" per line) keeps its lines: those of ids removed go,
 * new ids follow the last item at the same indentation, and comment lines
 * between items stay.
 */
function writeBlockList(text: string, items: readonly Node[], ids: readonly string[]): string {
  const eol = lineEnding(text);
  const first = startOfLine(text, items[0]!.range![0]);
  const last = endOfLine(text, items.at(-1)!.range![1]);
  const indent = /^[ \t]*/.exec(text.slice(first))![0];
  const kept: string[] = [];
  let lastItemLine = -1;
  const lines = text.slice(first, last).split(/(?<=\n)/);
  let offset = first;
  for (const line of lines) {
    const item = items.find((i) => i.range![0] >= offset && i.range![0] < offset + line.length);
    const id = item !== undefined && isScalar(item) ? String(item.value) : undefined;
    if (item === undefined || (id !== undefined && ids.includes(id))) {
      kept.push(line);
      if (item !== undefined) lastItemLine = kept.length - 1;
    }
    offset += line.length;
  }
  const present = items.filter(isScalar).map((i) => String(i.value));
  const added = ids.filter((id) => !present.includes(id)).map((id) => `${indent}- ${formatValue(id)}${eol}`);
  if (kept.length > 0 && !kept.at(-1)!.endsWith("\n")) kept[kept.length - 1] += eol;
  kept.splice(lastItemLine + 1, 0, ...added);
  return splice(text, first, last, kept.join(""));
}

/** Add a key on a line of its own, after the keys the schema puts before it, so a comment above the next key stays with it. */
function insertKey(text: string, map: YAMLMap, key: string, value: string | number | readonly string[]): string {
  const eol = lineEnding(text);
  const line = `${key}: ${formatValue(value)}${eol}`;
  const rank = keyOrder.indexOf(key);
  const before = map.items.filter((pair) => {
    const other = keyOrder.indexOf(pairName(pair));
    return other !== -1 && other < rank;
  });
  const after = before.at(-1) ?? map.items.at(-1);
  if (after === undefined) return text + (text === "" || text.endsWith("\n") ? "" : eol) + line;
  const at = endOfPair(text, after);
  const needsBreak = at === text.length && !text.endsWith("\n");
  return splice(text, at, at, (needsBreak ? eol : "") + line);
}
