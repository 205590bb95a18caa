/**
 * The helpers a template may call: Briefsmith's own and four of Handlebars's
 * (if, unless, each, with, and lookup). There are no others: a project cannot
 * add JavaScript. Each is described once here, with how many values it takes
 * and what it gives; the renderer (src/render/helpers.ts) implements exactly
 * these, the template checker holds templates to them, and the README lists them.
 */

/** What a helper gives, as a JSON Schema the template checker can follow into ({{#with (weight id)}}{{text}}{{/with}}). */
export type HelperResult = { readonly type: "string" | "boolean" | "number" } | { readonly $ref: string };

export interface HelperSignature {
  /** The fewest and most values it takes (not counting a block). */
  readonly params: readonly [min: number, max: number];
  /** A block helper ({{#each}}…{{/each}}); the others are called as {{name …}} or (name …). */
  readonly block: boolean;
  readonly result: HelperResult;
  /** The positions of the values that must be lists: given text or a number, the template checker says so where it is written. */
  readonly lists?: readonly number[];
  /** The positions of the values it prints or reads as text: given a list or a mapping, the checker says so ("[object Object]"). */
  readonly scalars?: readonly number[];
  /** What it does, for the README. */
  readonly doc: string;
}

const text: HelperResult = { type: "string" };
const html: HelperResult = { type: "string" };
const flag: HelperResult = { type: "boolean" };

/** Handlebars's own helpers that templates may use; `log` is not among them (a document writes nothing to the console). */
const handlebarsHelpers = {
  if: { params: [1, 1], block: true, result: text, doc: "{{#if value}}…{{else}}…{{/if}}: prints its block when the value is not empty (false, undefined, \"\", 0 and [] are empty)" },
  unless: { params: [1, 1], block: true, result: text, doc: "{{#unless value}}…{{/unless}}: the opposite of if" },
  each: { params: [1, 1], block: true, result: text, doc: "{{#each list}}…{{/each}}: its block once per item, the item as the context; @index, @first and @last inside" },
  with: { params: [1, 1], block: true, result: text, doc: "{{#with value}}…{{/with}}: its block with the value as the context, when it is not empty" },
  lookup: { params: [2, 2], block: false, scalars: [1], result: text, doc: "(lookup object key): a field chosen by a value" },
} as const satisfies Record<string, HelperSignature>;

const briefsmithHelpers = {
  t: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{t text}}: plain text as printed: typographic quotes and dashes, HTML escaped" },
  md: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{md text}}: Markdown inline (emphasis, links), escaped" },
  mdBlock: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{mdBlock text}}: Markdown paragraphs and lists, escaped" },
  quotation: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{quotation quote}}: a verbatim quote in quotation marks, quotes inside it made single" },
  quoteLead: { params: [1, 1], block: false, scalars: [0], result: text, doc: '{{quoteLead quote}}: "In the source’s words, " before a quote that starts in lower case after our sentence, else nothing' },
  quoteEnd: { params: [1, 1], block: false, scalars: [0], result: text, doc: "{{quoteEnd quote}}: a full stop after a quote's citation when the quote does not end its sentence itself, else nothing" },
  cssString: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{cssString text}}: text as a CSS string, for content: in @page rules" },
  bannerRules: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{bannerRules brief.marking}}: inside @page, the marking's banner boxes at the top and bottom centre; a long marking set smaller, on even lines" },
  eq: { params: [2, 2], block: false, result: flag, doc: "(eq a b): whether two values are the same" },
  count: { params: [2, 2], block: false, scalars: [0, 1], result: text, doc: '{{count number "noun"}}: "three questions", "12 claims"' },
  numberWord: { params: [1, 1], block: false, scalars: [0], result: text, doc: '{{numberWord number}}: "three", "12"' },
  runIn: { params: [1, 1], block: false, scalars: [0], result: html, doc: '{{runIn title}}: a title run in before text: "Economic and energy ties."' },
  sentence: { params: [1, 1], block: false, scalars: [0], result: html, doc: "{{sentence text}}: the text with a capital" },
  fullStop: { params: [1, 1], block: false, scalars: [0], result: text, doc: "{{fullStop text}}: a full stop to write after the text, unless it ends with its own (. ! ? …), else nothing" },
  kindLabel: { params: [1, 1], block: false, scalars: [0], result: text, doc: "{{kindLabel kind}}: Reporting, Judgment or Assumption" },
  bearingSymbol: { params: [1, 1], block: false, scalars: [0], result: text, doc: "{{bearingSymbol bearing}}: C, I or N" },
  phrase: {
    params: [1, 1],
    block: false,
    scalars: [0],
    result: text,
    doc: '{{phrase "name"}}: a fixed word or sentence of the documents, as the Word output says it too ("blufMemo": "Bottom line up front", "sources", "notes", …: src/render/wording.ts)',
  },
  achLead: { params: [0, 0], block: false, result: html, doc: "{{achLead}}: the evidence matrix's lead: how to read C, I and N" },
  achLeftOut: { params: [1, 1], block: false, lists: [0], result: text, doc: "{{achLeftOut viewpointsLeftOut}}: under a question's evidence matrix, the views the brief leaves out, said not to be rated" },
  join: { params: [1, 2], block: false, result: text, lists: [0], scalars: [1], doc: '{{join list ", "}}: the items of a list with a separator' },
  pageSize: { params: [1, 1], block: false, scalars: [0], result: text, doc: "{{pageSize brief.paper}}: the CSS page size (letter or A4)" },
  weight: { params: [1, 1], block: false, scalars: [0], result: { $ref: "#/definitions/DueWeight" }, doc: "(weight theme.id): the question's due-weight statement (text, short, sentences, …)" },
  balanceTheme: { params: [1, 1], block: false, scalars: [0], result: { $ref: "#/definitions/ThemeBalance" }, doc: "(balanceTheme theme.id): the question's balance figures" },
  sectionPartial: {
    params: [1, 1],
    block: false,
    scalars: [0],
    result: text,
    doc: "{{> (sectionPartial section) @root}}: the partial that prints a section: TEMPLATE-SECTION, else LAYOUT-SECTION, else section-SECTION",
  },
  documentNoun: { params: [0, 0], block: false, result: text, doc: '{{documentNoun}}: "memo", "handout" or "paper"' },
  citedLine: { params: [1, 1], block: false, result: text, doc: "{{citedLine source}}: what the document cites a source for" },
  sourcesLine: { params: [0, 0], block: false, result: text, doc: "{{sourcesLine}}: the sentence that introduces the sources" },
  overviewLead: { params: [0, 0], block: false, result: text, doc: "{{overviewLead}}: the handout overview's first sentence" },
  endorsementLine: { params: [0, 0], block: false, result: text, doc: "{{endorsementLine}}: the bottom line's word that the views are the sources', and where the office's own judgment is" },
  assessmentLabel: { params: [0, 0], block: false, result: text, doc: '{{assessmentLabel}}: "Our assessment (FROM)"' },
  readingNote: { params: [0, 0], block: false, result: text, doc: "{{readingNote}}: how to read the citations" },
  creditLine: { params: [0, 0], block: false, result: text, doc: '{{creditLine}}: "Prepared with Briefsmith …"' },
  balanceLead: { params: [0, 0], block: false, result: text, doc: "{{balanceLead}}: the Balance note's first sentence" },
  balanceLine: { params: [0, 0], block: false, result: text, doc: "{{balanceLine}}: a one-pager's balance sentence" },
  asset: {
    params: [1, 1],
    block: false,
    result: html,
    doc: '{{asset "logo.svg"}}: an image of templates/assets/ as a data: URI, for <img src="…"> (a quoted file name, never a path)',
  },
} as const satisfies Record<string, HelperSignature>;

export type BriefsmithHelperName = keyof typeof briefsmithHelpers;

export const templateHelpers: Readonly<Record<string, HelperSignature>> = { ...handlebarsHelpers, ...briefsmithHelpers };

/** Handlebars's data variables a template may use, and where. */
export const dataVariables = {
  root: "anywhere: the template's whole context (@root.brief.title)",
  index: "inside each: the item's position, from 0",
  key: "inside each over a mapping: the item's key",
  first: "inside each: true for the first item",
  last: "inside each: true for the last item",
} as const;
