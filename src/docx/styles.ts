import {
  AlignmentType,
  BorderStyle,
  DocumentDefaults,
  ImportedXmlComponent,
  LevelFormat,
  LineRuleType,
  StyleForCharacter,
  StyleForParagraph,
  type ICharacterStyleOptions,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from "docx";
import type { LayoutName } from "../schema/brief.js";

/**
 * The Word styles of a document: Word's own (Title, Heading 1–3, Quote, List
 * Paragraph, Header, Footer, Endnote Text, Hyperlink) and a few named for what
 * they hold (Claim, Thesis, Question, Source…), each based on Normal or on one
 * of Word's, so a user restyles a whole document from the Styles pane: change
 * Heading 1 and every section heading follows. Every paragraph and run names a
 * style; the only direct formatting is what a style cannot say (a list's
 * number, a table's column widths).
 *
 * The fonts are those the PDF prints with (Liberation Serif and Sans); Word
 * substitutes Times New Roman and Arial where they are not installed.
 */

const serif = "Liberation Serif";
const sans = "Liberation Sans";
const mono = "Liberation Mono";

/** Style ids, as the document's XML names them. Word's built-in styles keep Word's ids. */
export const style = {
  normal: "Normal",
  title: "Title",
  heading1: "Heading1",
  heading2: "Heading2",
  heading3: "Heading3",
  quote: "Quote",
  listParagraph: "ListParagraph",
  header: "Header",
  footer: "Footer",
  documentKind: "DocumentKind",
  byline: "Byline",
  memoLabel: "MemoLabel",
  memoValue: "MemoValue",
  question: "Question",
  thesis: "Thesis",
  claim: "Claim",
  lead: "Lead",
  coverageNote: "CoverageNote",
  assessment: "Assessment",
  decisionLines: "DecisionLines",
  source: "Source",
  sourceQuality: "SourceQuality",
  balance: "Balance",
  tableText: "TableText",
  tableHeading: "TableHeading",
  provenance: "Provenance",
  classification: "ClassificationBlock",
  // Character styles
  quoteChar: "QuoteChar",
  kindLabel: "KindLabel",
  attribution: "Attribution",
  portionMark: "PortionMark",
  marking: "Marking",
  code: "CodeChar",
  hyperlink: "Hyperlink",
  // Table style
  table: "BriefTable",
} as const;

/** Numbering definitions: bullets, and decimal lists (each list restarts as an instance of its own). */
export const numberingRef = { bullet: "bullet", decimal: "decimal" } as const;

/** Type sizes by template, in points, as the style sheets set them (base.css, memo.css, …). */
interface Measures {
  readonly body: number;
  readonly line: number;
  readonly title: number;
}

const measures: Readonly<Record<LayoutName, Measures>> = {
  memo: { body: 10.5, line: 1.32, title: 11 },
  handout: { body: 10.5, line: 1.38, title: 17 },
  "one-pager": { body: 10, line: 1.3, title: 15 },
};

/** Points as Word's half-points. */
const half = (points: number) => Math.round(points * 2);
/** Points as twentieths of a point (twips). */
const twips = (points: number) => Math.round(points * 20);

const gray = "333333";
const rule = "888888";

export function documentStyles(template: LayoutName): IStylesOptions {
  const m = measures[template];
  const body = m.body;
  // CSS line-height is a multiple of the type size; Word's "auto" spacing a multiple of the font's own line (about 1.15 times the size for Liberation).
  const line = Math.round((240 * m.line) / 1.15);
  const para = (options: IParagraphStyleOptions): IParagraphStyleOptions => ({ quickFormat: true, ...withLineRule(options) });
  const paragraphStyles: IParagraphStyleOptions[] = [
    para({ id: style.normal, name: "Normal", run: { font: serif, size: half(body), color: "111111" }, paragraph: { spacing: { after: twips(body * 0.5), line } } }),
    para({
      id: style.title,
      name: "Title",
      basedOn: style.normal,
      next: style.normal,
      // The memo's title is its SUBJECT line: bold body type; the handout's and one-pager's, a heading.
      run: template === "memo" ? { font: serif, size: half(m.title), bold: true } : { font: sans, size: half(m.title), bold: true },
      paragraph: { spacing: { after: twips(template === "memo" ? 0 : 6), line: 240 }, keepNext: true },
    }),
    para({
      id: style.heading1,
      name: "Heading 1",
      basedOn: style.normal,
      next: style.normal,
      run: { font: sans, size: half(template === "one-pager" ? 11 : 13), bold: true, color: "111111" },
      paragraph: {
        spacing: { before: twips(template === "one-pager" ? 7 : 12), after: twips(4), line: 240 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
        border: template === "one-pager" ? undefined : { bottom: { style: BorderStyle.SINGLE, size: 6, color: rule, space: 1 } },
      },
    }),
    para({
      id: style.heading2,
      name: "Heading 2",
      basedOn: style.normal,
      next: style.normal,
      run: { font: sans, size: half(11), bold: true, color: "111111" },
      paragraph: { spacing: { before: twips(9), after: twips(2), line: 240 }, keepNext: true, keepLines: true, outlineLevel: 1 },
    }),
    para({
      id: style.heading3,
      name: "Heading 3",
      basedOn: style.normal,
      next: style.normal,
      run: { font: sans, size: half(10), bold: true, allCaps: true, color: gray },
      paragraph: { spacing: { before: twips(7), after: twips(2), line: 240 }, keepNext: true, keepLines: true, outlineLevel: 2 },
    }),
    para({ id: style.quote, name: "Quote", basedOn: style.normal, next: style.normal, link: style.quoteChar, run: { italics: true }, paragraph: { indent: { left: 432, right: 432 } } }),
    para({ id: style.listParagraph, name: "List Paragraph", basedOn: style.normal, paragraph: { indent: { left: 360, hanging: 260 }, spacing: { after: twips(body * 0.25) } } }),
    para({ id: style.header, name: "header", basedOn: style.normal, run: { font: sans, size: half(8), color: "444444" }, paragraph: { spacing: { after: 0, line: 240 } } }),
    para({ id: style.footer, name: "footer", basedOn: style.normal, run: { font: sans, size: half(8), color: "444444" }, paragraph: { spacing: { after: 0, line: 240 } } }),
    para({
      id: style.documentKind,
      name: "Document Kind",
      basedOn: style.normal,
      next: style.normal,
      run: { font: sans, size: half(template === "memo" ? 15 : 10), bold: true, allCaps: true, characterSpacing: template === "memo" ? 60 : 40 },
      paragraph: { alignment: template === "memo" ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: twips(8) }, keepNext: true },
    }),
    para({ id: style.byline, name: "Byline", basedOn: style.normal, run: { color: gray }, paragraph: { spacing: { after: twips(6) } } }),
    para({ id: style.memoLabel, name: "Memo Field Label", basedOn: style.normal, run: { font: sans, size: half(9.5), bold: true }, paragraph: { spacing: { before: twips(1.5), after: twips(1.5), line: 240 } } }),
    para({ id: style.memoValue, name: "Memo Field", basedOn: style.normal, paragraph: { spacing: { before: twips(1.5), after: twips(1.5) } } }),
    para({ id: style.question, name: "Question", basedOn: style.normal, next: style.normal, run: { italics: true }, paragraph: { keepNext: true, spacing: { after: twips(body * 0.4) } } }),
    para({ id: style.thesis, name: "Thesis", basedOn: style.normal, next: style.claim, run: { bold: true }, paragraph: { keepNext: true, spacing: { after: twips(body * 0.25) } } }),
    para({ id: style.claim, name: "Claim", basedOn: style.listParagraph, paragraph: { indent: { left: 0, hanging: 0 }, keepLines: true, spacing: { after: twips(body * 0.3) } } }),
    // A lead introduces what follows it: it stays on the page of the first item, never alone with its heading at a foot.
    para({ id: style.lead, name: "Section Lead", basedOn: style.normal, run: { size: half(body * 0.92), color: gray }, paragraph: { keepNext: true } }),
    para({ id: style.coverageNote, name: "Coverage Note", basedOn: style.normal, run: { size: half(body * 0.9), italics: true, color: gray } }),
    para({
      id: style.assessment,
      name: "Assessment",
      basedOn: style.normal,
      paragraph: { indent: { left: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 16, color: gray, space: 6 } }, spacing: { after: twips(body * 0.35) } },
    }),
    para({ id: style.decisionLines, name: "Decision Lines", basedOn: style.normal, run: { bold: true }, paragraph: { spacing: { before: twips(9), after: twips(4) } } }),
    para({ id: style.source, name: "Source", basedOn: style.normal, run: { size: half(9) }, paragraph: { indent: { left: 360, hanging: 360 }, keepNext: true, spacing: { after: twips(1.5) } } }),
    para({ id: style.sourceQuality, name: "Source Quality", basedOn: style.normal, run: { size: half(8.5) }, paragraph: { indent: { left: 360 }, spacing: { after: twips(5) } } }),
    para({ id: style.balance, name: "Balance Note", basedOn: style.normal, run: { size: half(body * 0.92) }, paragraph: { keepLines: true } }),
    para({ id: style.tableText, name: "Table Text", basedOn: style.normal, run: { size: half(9) }, paragraph: { spacing: { after: twips(2), line: 240 } } }),
    para({ id: style.tableHeading, name: "Table Heading", basedOn: style.tableText, run: { font: sans, bold: true }, paragraph: { keepNext: true } }),
    para({
      id: style.provenance,
      name: "Provenance",
      basedOn: style.normal,
      run: { size: half(8.5), color: "555555" },
      paragraph: { spacing: { before: twips(18) }, border: { top: { style: BorderStyle.SINGLE, size: 4, color: "AAAAAA", space: 4 } } },
    }),
    para({ id: style.classification, name: "Classification Authority", basedOn: style.normal, run: { size: half(9) }, paragraph: { spacing: { after: 0 }, keepNext: true, keepLines: true } }),
  ];
  const characterStyles: ICharacterStyleOptions[] = [
    { id: style.quoteChar, name: "Quote Char", link: style.quote, run: { italics: true } },
    { id: style.kindLabel, name: "Claim Kind", quickFormat: true, run: { font: sans, size: half(7), bold: true, allCaps: true, characterSpacing: 10 } },
    { id: style.attribution, name: "Attribution", quickFormat: true, run: { size: half(body * 0.88), color: gray } },
    { id: style.portionMark, name: "Portion Mark", quickFormat: true, run: {} },
    { id: style.marking, name: "Marking", quickFormat: true, run: { font: sans, size: half(9.5), bold: true, color: "111111", characterSpacing: 15 } },
    { id: style.code, name: "Code", run: { font: mono, size: half(body * 0.9) } },
    { id: style.hyperlink, name: "Hyperlink", uiPriority: 99, unhideWhenUsed: true, run: { color: "1F4E79", underline: {} } },
    { id: "EndnoteReference", name: "endnote reference", uiPriority: 99, unhideWhenUsed: true, run: { superScript: true } },
    { id: "FootnoteReference", name: "footnote reference", uiPriority: 99, unhideWhenUsed: true, run: { superScript: true } },
  ];
  const notes: IParagraphStyleOptions[] = [
    { id: "EndnoteText", name: "endnote text", basedOn: style.normal, uiPriority: 99, unhideWhenUsed: true, run: { size: half(8.8) }, paragraph: { spacing: { after: twips(2) } } },
    { id: "FootnoteText", name: "footnote text", basedOn: style.normal, uiPriority: 99, unhideWhenUsed: true, run: { size: half(8.8) }, paragraph: { spacing: { after: 0 } } },
  ];
  // docx's own default styles are replaced as a whole (its Title and headings are blue): every style is written here.
  return {
    importedStyles: [
      new DocumentDefaults({ run: { font: serif, size: half(body) }, paragraph: { spacing: { after: twips(body * 0.5), line, lineRule: LineRuleType.AUTO } } }),
      ...[...paragraphStyles, ...notes].map((options) => new StyleForParagraph(options)),
      ...characterStyles.map((options) => new StyleForCharacter(options)),
      tableStyle(),
    ],
  };
}

/**
 * A style's line spacing with its rule said: "auto", a multiple of the font's line. Word takes a spacing without
 * one as auto; LibreOffice as exact, and printed a two-line title's second line over its first.
 */
function withLineRule(options: IParagraphStyleOptions): IParagraphStyleOptions {
  const spacing = options.paragraph?.spacing;
  if (spacing?.line === undefined || spacing.lineRule !== undefined) return options;
  return { ...options, paragraph: { ...options.paragraph, spacing: { ...spacing, lineRule: LineRuleType.AUTO } } };
}

/**
 * The table style of the comparison, the evidence matrix and Markdown tables:
 * thin grey rules, the header row shaded and bold. docx writes no table styles
 * of its own, so it is written as Word's XML (w:style of type table).
 */
function tableStyle(): ImportedXmlComponent {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="6" w:space="0" w:color="777777"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("");
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="table" w:styleId="${style.table}">` +
      `<w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
      `<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>` +
      `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>` +
      `<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr>` +
      `</w:style>`,
  );
}

/** Bullets and decimal numbers, five levels deep, indented as the PDF's lists are. */
export function documentNumbering(): INumberingOptions {
  // Numbers get room for two digits and the full stop; bullets, for the bullet.
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, hanging: number) =>
    [0, 1, 2, 3, 4].map((level) => ({
      level,
      format,
      text: text(level),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 360 * (level + 1) + (hanging - 260), hanging } } },
    }));
  return {
    config: [
      { reference: numberingRef.bullet, levels: levels(LevelFormat.BULLET, (level) => ["•", "◦", "▪", "•", "◦"][level]!, 260) },
      { reference: numberingRef.decimal, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, 400) },
    ],
  };
}
