import {
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { decodeHTML } from "entities";
import type { Token, Tokens } from "marked";
import type { BalanceReport } from "../balance/measure.js";
import type { BriefModel } from "../model.js";
import { isAllowedLink, markdownBlockTokens, markdownInlineTokens } from "../render/markdown.js";
import { typographic, typographicMarkdown } from "../render/typography.js";
import { numberingRef, style } from "./styles.js";

/**
 * The building blocks of a Word document made from a BriefModel: paragraphs
 * that carry the portion mark, headings in Word's heading styles, lists with
 * Word's numbering, tables in the document's table style, and Markdown turned
 * into Word runs from marked's tokens (the same lexer, typography and link
 * policy as the HTML: raw HTML is text, links keep http, https and mailto).
 */

/** What a section writer needs: the model, its balance report, and the lists and notes of the document being built. */
export class DocxContext {
  readonly model: BriefModel;
  readonly balance: BalanceReport;
  /** The text width of the page, in twips: tables and tab stops are laid out to it. */
  readonly textWidth: number;
  #listInstances = 0;
  /** Ordered lists that start at a number other than one, by start: each needs a numbering definition of its own. */
  readonly decimalStarts = new Set<number>();

  constructor(model: BriefModel, balance: BalanceReport, textWidth: number) {
    this.model = model;
    this.balance = balance;
    this.textWidth = textWidth;
  }

  /** The numbering of a new ordered list from `start`: a fresh instance (its numbers start again), and a definition of its own when it does not start at one. */
  orderedList(start: number): { readonly reference: string; readonly instance: number } {
    if (start !== 1) this.decimalStarts.add(start);
    return { reference: start === 1 ? numberingRef.decimal : decimalReference(start), instance: ++this.#listInstances };
  }
}

export type Runs = ParagraphChild[];

/** Plain text as printed: typographic quotes and dashes (the HTML's `t`). */
export function text(value: string, options: { bold?: boolean; italics?: boolean; style?: string } = {}): TextRun {
  return new TextRun({ text: typographic(value), ...options });
}

/** Text used as written: it is already typographic (a phrase, a quotation, a sentence built in wording.ts). */
export function raw(value: string, options: { bold?: boolean; italics?: boolean; style?: string } = {}): TextRun {
  return new TextRun({ text: value, ...options });
}

/** The portion mark and the space after it, as the first runs of a portion; nothing in an unmarked document. */
function markRuns(context: DocxContext): Runs {
  const mark = context.model.portionMark;
  return mark === undefined ? [] : [new TextRun({ text: mark, style: style.portionMark }), new TextRun(" ")];
}

type ParagraphOptions = Omit<IParagraphOptions, "children" | "text">;

/** A paragraph of the document: a portion, so it starts with the portion mark. */
export function portion(context: DocxContext, paragraphStyle: string, runs: Runs, options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({ style: paragraphStyle, ...options, children: [...markRuns(context), ...runs] });
}

/** A paragraph that is not a portion: the form's own labels (MEMORANDUM, the address block, decision lines), the classification block. */
export function unmarked(paragraphStyle: string, runs: Runs, options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({ style: paragraphStyle, ...options, children: runs });
}

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A heading in Word's heading style (the PDF's h2 is Heading 1: the document's title is the Title). */
export function heading(context: DocxContext, level: 1 | 2 | 3, runs: Runs | string): Paragraph {
  const children = typeof runs === "string" ? [text(runs)] : runs;
  return new Paragraph({ heading: headingLevels[level], children: [...markRuns(context), ...children] });
}

/** A bulleted list item (level 0 unless nested). */
export function bulletItem(context: DocxContext, runs: Runs, level = 0, paragraphStyle: string = style.listParagraph): Paragraph {
  return portion(context, paragraphStyle, runs, { numbering: { reference: numberingRef.bullet, level } });
}

/** Items of one numbered list, numbered from `start`. */
export function numberedItems(context: DocxContext, items: readonly Runs[], start = 1, level = 0): Paragraph[] {
  const { reference, instance } = context.orderedList(start);
  return items.map((runs) => portion(context, style.listParagraph, runs, { numbering: { reference, level, instance } }));
}

export function decimalReference(start: number): string {
  return `${numberingRef.decimal}-from-${start}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** Column widths given in proportion (1, 1, 2), in twips that share the text width. */
function columnTwips(widths: readonly number[], textWidth: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.round((w / total) * textWidth));
}

export interface CellContent {
  readonly paragraphs: readonly Paragraph[];
  readonly shading?: string;
  readonly verticalAlign?: "top" | "center";
}

/**
 * A table in the document's table style: its rules, cell margins and shaded
 * header row come from the style alone, so restyling "Brief Table" restyles
 * every table. Header rows repeat on each page; rows are kept whole unless
 * `splitRows` says a row may run over a page (a column of claims can be
 * longer than one).
 */
export function styledTable(
  context: DocxContext,
  options: { headerRows: readonly (readonly CellContent[])[]; rows: readonly (readonly CellContent[])[]; widths: readonly number[]; splitRows?: boolean },
): Table {
  const widths = columnTwips(options.widths, context.textWidth);
  const cell = (content: CellContent, index: number) =>
    new TableCell({
      children: content.paragraphs.length > 0 ? [...content.paragraphs] : [new Paragraph({ style: style.tableText })],
      width: { size: widths[index]!, type: WidthType.DXA },
      ...(content.shading ? { shading: { fill: content.shading, color: "auto", type: "clear" as const } } : {}),
      ...(content.verticalAlign === "center" ? { verticalAlign: "center" as const } : {}),
    });
  const rows = [
    ...options.headerRows.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(cell) })),
    ...options.rows.map((cells) => new TableRow({ cantSplit: !options.splitRows, children: cells.map(cell) })),
  ];
  const table = new Table({
    style: style.table,
    rows,
    columnWidths: widths,
    width: { size: context.textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
  return withoutDirectBorders(table);
}

/**
 * docx writes every table's borders as direct formatting (single lines by
 * default), which would override the table style's: they are taken out, so the
 * style decides. Checked by the unit tests (no w:tblBorders on a styled table).
 */
function withoutDirectBorders(table: Table): Table {
  const properties = (table as unknown as { root: { root?: unknown[] }[] }).root[0]?.root;
  const index = properties?.findIndex((child) => child instanceof TableBorders) ?? -1;
  if (properties === undefined || index < 0) throw new Error("docx wrote no table borders where they were expected");
  properties.splice(index, 1);
  return table;
}

/** A table with no rules at all (the memo's header block), but the one under it. */
export function borderlessTable(rows: readonly (readonly Paragraph[])[], widths: readonly number[], textWidth: number): Table {
  const twips = columnTwips(widths, textWidth);
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({ cantSplit: true, children: cells.map((paragraph, index) => new TableCell({ children: [paragraph], width: { size: twips[index]!, type: WidthType.DXA } })) }),
    ),
    columnWidths: twips,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { ...TableBorders.NONE, bottom: { style: "single", size: 12, color: "111111" } },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly style?: string;
}

/** Inline Markdown (claim and fact text), with our typography, as Word runs. */
export function inlineMarkdown(markdown: string, format: RunFormat = {}): Runs {
  return inlineRuns(markdownInlineTokens(typographicMarkdown(markdown)), format);
}

function inlineRuns(tokens: readonly Token[], format: RunFormat): Runs {
  const runs: Runs = [];
  const run = (value: string, extra: RunFormat = {}) => runs.push(new TextRun({ text: value, ...format, ...extra }));
  for (const token of tokens) {
    switch (token.type) {
      case "strong":
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, { ...format, bold: true }));
        break;
      case "em":
        runs.push(...inlineRuns((token as Tokens.Em).tokens, { ...format, italics: true }));
        break;
      case "del":
        runs.push(...inlineRuns((token as Tokens.Del).tokens, { ...format, strike: true }));
        break;
      case "codespan":
        // marked prints a code span's text as typed, entities and all.
        run((token as Tokens.Codespan).text, { style: style.code });
        break;
      case "br":
        runs.push(new TextRun({ break: 1 }));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const inner = inlineRuns(link.tokens, { ...format, style: style.hyperlink });
        // Any other target (javascript:, data:, file:, a relative path) is dropped, its text kept: as in the HTML.
        if (isAllowedLink(link.href)) runs.push(new ExternalHyperlink({ link: link.href, children: inner as TextRun[] }));
        else runs.push(...inlineRuns(link.tokens, format));
        break;
      }
      case "image":
        run((token as Tokens.Image).text);
        break;
      case "html":
      case "tag":
        // Raw HTML is data: shown as typed, never markup.
        run((token as Tokens.HTML).text);
        break;
      case "escape":
        run((token as Tokens.Escape).text);
        break;
      case "text": {
        const t = token as Tokens.Text;
        if (t.tokens !== undefined && t.tokens.length > 0) runs.push(...inlineRuns(t.tokens, format));
        // Entities (&amp;, &#8212;) read as a browser reads them; after an escaped tag, marked keeps the text raw.
        else run(t.escaped ? t.text : decodeHTML(t.text));
        break;
      }
      default:
        run(decodeHTML("text" in token && typeof token.text === "string" ? token.text : token.raw));
    }
  }
  return runs;
}

/**
 * Block Markdown (a summary, an assessment, a recommendation) as Word
 * paragraphs in `paragraphStyle`: each paragraph and list item a portion.
 * A heading becomes a bold paragraph and a block quote Word's Quote style,
 * as the HTML shows them.
 */
export function blockMarkdown(context: DocxContext, markdown: string, paragraphStyle: string): FileChild[] {
  return blocks(context, markdownBlockTokens(typographicMarkdown(markdown)), paragraphStyle);
}

function blocks(context: DocxContext, tokens: readonly Token[], paragraphStyle: string, listLevel = 0): FileChild[] {
  const out: FileChild[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "space":
        break;
      case "paragraph":
      case "text":
        out.push(portion(context, paragraphStyle, textRuns(token as Tokens.Paragraph | Tokens.Text)));
        break;
      case "heading":
        out.push(portion(context, paragraphStyle, inlineRuns((token as Tokens.Heading).tokens, { bold: true })));
        break;
      case "blockquote":
        out.push(...blocks(context, (token as Tokens.Blockquote).tokens, style.quote, listLevel));
        break;
      case "list":
        out.push(...list(context, token as Tokens.List, listLevel));
        break;
      case "code":
        out.push(portion(context, paragraphStyle, lines((token as Tokens.Code).text, style.code)));
        break;
      case "table":
        out.push(markdownTable(context, token as Tokens.Table));
        break;
      case "hr":
        break;
      default:
        // Raw HTML blocks and anything else: the text as typed.
        out.push(portion(context, paragraphStyle, lines("text" in token && typeof token.text === "string" ? token.text : token.raw)));
    }
  }
  return out;
}

/** A paragraph's or a text block's runs: its inline tokens, or, when it has none, its text as a browser reads it. */
function textRuns(token: Tokens.Paragraph | Tokens.Text): Runs {
  return token.tokens ? inlineRuns(token.tokens, {}) : [new TextRun(decodeHTML(token.text))];
}

function lines(value: string, runStyle?: string): Runs {
  return value.split("\n").map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...(runStyle ? { style: runStyle } : {}) }));
}

/** A Markdown list as Word list paragraphs: bullets, or numbers from the list's start; nested lists one level in. */
function list(context: DocxContext, token: Tokens.List, level: number): FileChild[] {
  const start = typeof token.start === "number" ? token.start : 1;
  const numbering = token.ordered ? { ...context.orderedList(start), level: Math.min(level, 4) } : { reference: numberingRef.bullet, level: Math.min(level, 4) };
  const out: FileChild[] = [];
  for (const item of token.items) {
    let first = true;
    for (const child of item.tokens) {
      if (child.type === "list") {
        out.push(...list(context, child as Tokens.List, level + 1));
      } else if (child.type === "text" || child.type === "paragraph") {
        const runs = textRuns(child as Tokens.Paragraph | Tokens.Text);
        // The item's first paragraph carries the bullet or number; a loose item's next paragraphs align with its text.
        out.push(portion(context, style.listParagraph, runs, first ? { numbering } : { indent: { left: 360 * (level + 1) } }));
        first = false;
      } else if (child.type !== "space") {
        out.push(...blocks(context, [child], style.listParagraph, level + 1));
      }
    }
  }
  return out;
}

function markdownTable(context: DocxContext, token: Tokens.Table): Table {
  const cell = (c: Tokens.TableCell, header: boolean): CellContent => ({
    paragraphs: [portion(context, header ? style.tableHeading : style.tableText, inlineRuns(c.tokens, {}))],
  });
  return styledTable(context, {
    headerRows: [token.header.map((c) => cell(c, true))],
    rows: token.rows.map((row) => row.map((c) => cell(c, false))),
    widths: token.header.map(() => 1),
  });
}
