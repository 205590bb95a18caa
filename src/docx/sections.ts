import { EndnoteReferenceRun, ExternalHyperlink, Paragraph, Tab, TabStopType, TextRun, type FileChild } from "docx";
import type { ClaimModel, FactModel, NoteModel, SourceModel, ThemeModel } from "../model.js";
import { isAllowedLink } from "../render/markdown.js";
import { asSentence, runInHeading } from "../text/prose.js";
import { quotation, quoteEnd, quoteLead, typographic } from "../render/typography.js";
import {
  achLead,
  achLeftOutLine,
  assessmentLabel,
  balanceLead,
  bearingSymbols,
  creditLine,
  endorsementLine,
  kindLabels,
  phrases,
  readingNote,
} from "../render/wording.js";
import type { SectionName } from "../schema/brief.js";
import {
  blockMarkdown,
  bulletItem,
  heading,
  inlineMarkdown,
  numberedItems,
  portion,
  raw,
  styledTable,
  text,
  unmarked,
  type CellContent,
  type DocxContext,
  type Runs,
} from "./blocks.js";
import { style } from "./styles.js";

/**
 * The sections of a document, as Word paragraphs and tables: each writer
 * prints what the HTML partial of the same name prints (templates/partials),
 * with the same words from the same functions (wording.ts, prose.ts, the
 * balance report). A layout (memo, handout, one-pager) may replace a section
 * with its own version, as a template does with a partial of its own.
 */
export type SectionWriter = (context: DocxContext) => FileChild[];

/** The due-weight statement of a question, from the balance report. */
export function weightOf(context: DocxContext, themeId: string) {
  return context.balance.themes.find((t) => t.themeId === themeId)?.weight;
}

/** "(perspective, source)" and the endnote's number, or inline "(perspective, source [n], para. N)". */
function citationRuns(item: { readonly note?: number | undefined; readonly source: { readonly number: number }; readonly locator: number }, who: string): Runs {
  if (item.note !== undefined) return [text(`(${who})`, { style: style.attribution }), new EndnoteReferenceRun(item.note)];
  return [text(`(${who} [${item.source.number}], para.\u00a0${item.locator})`, { style: style.attribution })];
}

/** A claim: its kind, our paraphrase, its quote where the brief asks for quotes (inline citations), who says it and where. */
function claimRuns(claim: ClaimModel, options: { prefix?: Runs; kind?: boolean } = {}): Runs {
  return [
    ...(options.prefix ?? []),
    ...(options.kind === false ? [] : [raw(kindLabels[claim.kind] ?? claim.kind, { style: style.kindLabel }), raw(" ")]),
    ...inlineMarkdown(claim.text),
    ...(claim.showQuote ? [raw(` ${quoteLead(claim.quote)}`), raw(quotation(claim.quote), { style: style.quoteChar })] : []),
    raw(" "),
    ...citationRuns(claim, claim.attribution),
    ...(claim.showQuote && quoteEnd(claim.quote) !== "" ? [raw(quoteEnd(claim.quote))] : []),
  ];
}

/** A fact: its date when the text does not give it, the text, its source and where. */
function factRuns(fact: FactModel): Runs {
  return [
    ...(fact.datePrefix !== undefined ? [raw(`${fact.datePrefix}.`, { bold: true }), raw(" ")] : []),
    ...inlineMarkdown(fact.text),
    raw(" "),
    ...citationRuns(fact, fact.source.shortName),
  ];
}

/** An endnote's text, as the PDF's notes print it: "GMF workshop [1], para. 10: “…”". */
export function noteParagraph(context: DocxContext, note: NoteModel): Paragraph {
  return portion(context, "EndnoteText", [text(` ${note.source.shortName} [${note.source.number}], para.\u00a0${note.locator}: `), raw(quotation(note.quote))]);
}

function coverageNote(context: DocxContext, theme: ThemeModel): FileChild[] {
  if (theme.coverageNote === undefined) return [];
  return [portion(context, style.coverageNote, [raw(phrases.coverage, { bold: true }), raw(" "), text(asSentence(theme.coverageNote))])];
}

/**
 * A question's due-weight statement: in the bottom line with the views' stances; with the question itself (`attributed`)
 * without them, as the views' theses follow it at once.
 */
function weightStatement(context: DocxContext, theme: ThemeModel, form: "text" | "attributed"): FileChild[] {
  const weight = weightOf(context, theme.id);
  return weight === undefined ? [] : [portion(context, style.normal, [text(weight[form])])];
}

/** Our assessment and recommendation, labelled as ours, apart from the sources' views; a memo adds its decision lines. */
export function assessmentAndRecommendation(context: DocxContext, decisionLines: boolean): FileChild[] {
  const { model } = context;
  const out: FileChild[] = [];
  if (model.assessment !== undefined) {
    out.push(portion(context, style.assessment, [text(assessmentLabel(model), { bold: true })], { keepNext: true }));
    out.push(...blockMarkdown(context, model.assessment, style.assessment));
  }
  if (model.recommendation !== undefined) {
    out.push(portion(context, style.assessment, [raw(phrases.recommendation, { bold: true })], { keepNext: true }));
    out.push(...blockMarkdown(context, model.recommendation, style.assessment));
    if (decisionLines && model.decisionLines.length > 0) out.push(decisionLinesParagraph(context));
  }
  return out;
}

/** Approve ____  Disapprove ____  Discuss ____: each line a tab stop with an underscore leader, where the reader writes. */
function decisionLinesParagraph(context: DocxContext): Paragraph {
  const inch = 1440;
  const stops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number; leader?: "underscore" }[] = [];
  const runs: Runs = [];
  let at = 0;
  for (const [index, word] of context.model.decisionLines.entries()) {
    // The word's width at about 0.09 in a letter, then a line of 1.1 in, then a gap.
    at += Math.round((word.length * 0.095 + 0.1) * inch);
    const lineEnd = at + Math.round(1.1 * inch);
    stops.push({ type: TabStopType.LEFT, position: lineEnd, leader: "underscore" });
    // A space before the line: "Approve___" ran the word into it.
    runs.push(raw(`${word} `), new TextRun({ children: [new Tab()] }));
    at = lineEnd + Math.round(0.3 * inch);
    if (index < context.model.decisionLines.length - 1) {
      stops.push({ type: TabStopType.LEFT, position: at });
      runs.push(new TextRun({ children: [new Tab()] }));
    }
  }
  return new Paragraph({ style: style.decisionLines, tabStops: stops, children: runs });
}

/** The bottom line: the summary, each question's due-weight statement, the word on endorsement, our assessment and recommendation. */
export const bluf: SectionWriter = (context) => {
  const { model } = context;
  const out: FileChild[] = [heading(context, 1, model.layout === "memo" ? phrases.blufMemo : phrases.bluf)];
  if (model.summary !== undefined) out.push(...blockMarkdown(context, model.summary, style.normal));
  if (model.themes.length === 1) {
    out.push(...weightStatement(context, model.themes[0]!, "text"));
  } else {
    for (const theme of model.themes) {
      const weight = weightOf(context, theme.id);
      out.push(bulletItem(context, [text(runInHeading(theme.title), { bold: true }), raw(" "), ...(weight ? [text(weight.text)] : [])]));
    }
  }
  out.push(portion(context, style.lead, [text(endorsementLine(model))]));
  out.push(...assessmentAndRecommendation(context, true));
  return out;
};

/** A question's numbered heading, the question, its due-weight statement when the bottom line does not carry it, and its coverage note. */
function themeHead(context: DocxContext, theme: ThemeModel): FileChild[] {
  return [
    heading(context, 1, `${theme.number}. ${theme.title}`),
    portion(context, style.question, [text(theme.question)]),
    ...(context.model.weightIn === "themes" ? weightStatement(context, theme, "attributed") : []),
    ...coverageNote(context, theme),
  ];
}

/** Each question in turn: its heading and question, then each view with its thesis and claims. */
export const themes: SectionWriter = (context) => {
  const out: FileChild[] = [];
  for (const theme of context.model.themes) {
    out.push(...themeHead(context, theme));
    for (const viewpoint of theme.viewpoints) {
      out.push(heading(context, 2, viewpoint.label));
      out.push(portion(context, style.thesis, [text(viewpoint.thesis)]));
      if (viewpoint.claims.length > 0) {
        for (const claim of viewpoint.claims) out.push(portion(context, style.claim, claimRuns(claim)));
      } else if (viewpoint.shownClaims.length === 0) {
        out.push(portion(context, style.coverageNote, [raw(phrases.noArgumentForView)]));
      }
    }
  }
  return out;
};

/** The handout's side-by-side comparison: per question, a table with a column per view (label and thesis as header rows), then the analyst's indicators. */
export const comparison: SectionWriter = (context) => {
  const out: FileChild[] = [];
  for (const theme of context.model.themes) {
    out.push(...themeHead(context, theme));
    const labels: CellContent[] = theme.viewpoints.map((v) => ({ paragraphs: [portion(context, style.tableHeading, [text(v.label)])] }));
    const theses: CellContent[] = theme.viewpoints.map((v) => ({ paragraphs: [portion(context, style.tableText, [text(v.thesis, { bold: true })])], shading: "F6F6F6" }));
    const claims: CellContent[] = theme.viewpoints.map((v) => ({
      paragraphs:
        v.claims.length > 0
          ? v.claims.map((claim) => portion(context, style.tableText, claimRuns(claim)))
          : v.shownClaims.length === 0
            ? [portion(context, style.tableText, [raw(phrases.noArgumentInColumn, { italics: true })])]
            : [],
    }));
    out.push(styledTable(context, { headerRows: [labels, theses], rows: [claims], widths: theme.viewpoints.map(() => 1), splitRows: true }));
    if (theme.indicators.length > 0) {
      out.push(heading(context, 3, phrases.indicators));
      out.push(portion(context, style.coverageNote, [raw(phrases.indicatorsNote)]));
      for (const indicator of theme.indicators) out.push(bulletItem(context, [text(indicator)]));
    }
  }
  return out;
};

/** Key facts, oldest first, per question when there are several. */
export const facts: SectionWriter = (context) => {
  const { model } = context;
  if (model.facts.length === 0) return [];
  const out: FileChild[] = [heading(context, 1, phrases.keyFacts)];
  for (const theme of model.themes) {
    if (theme.facts.length === 0) continue;
    if (model.themes.length !== 1) out.push(heading(context, 2, theme.title));
    for (const fact of theme.facts) out.push(bulletItem(context, factRuns(fact)));
  }
  return out;
};

/** The handout's evidence: per question, a matrix of facts against the views (Heuer's analysis of competing hypotheses). */
export const evidenceMatrix: SectionWriter = (context) => {
  const { model } = context;
  if (model.facts.length === 0) return [];
  const lead: Runs = achLead().map((part) =>
    "bearing" in part ? raw(bearingSymbols[part.bearing]!, { bold: true }) : "emphasis" in part ? raw(part.emphasis, { italics: true }) : raw(part.text),
  );
  const out: FileChild[] = [heading(context, 1, phrases.evidence), portion(context, style.normal, lead)];
  for (const theme of model.themes) {
    if (theme.facts.length === 0) continue;
    out.push(heading(context, 2, theme.title));
    const head: CellContent[] = [
      { paragraphs: [portion(context, style.tableHeading, [raw(phrases.achFact)])] },
      ...theme.viewpoints.map((v) => ({ paragraphs: [portion(context, style.tableHeading, [text(v.label)])] })),
      { paragraphs: [portion(context, style.tableHeading, [raw(phrases.achDiagnostic)])] },
    ];
    const rows = theme.facts.map((fact): CellContent[] => [
      { paragraphs: [portion(context, style.tableText, factRuns(fact))] },
      ...fact.bearings.map((b) => ({
        paragraphs: [portion(context, style.tableText, [raw(bearingSymbols[b.bearing] ?? "?", { bold: true })], { alignment: "center" })],
        verticalAlign: "center" as const,
      })),
      { paragraphs: [portion(context, style.tableText, [raw(fact.diagnostic ? fact.diagnosticity : phrases.notDiagnostic)])] },
    ]);
    // The fact column takes what the views' narrow columns leave.
    out.push(styledTable(context, { headerRows: [head], rows, widths: [3.0, ...theme.viewpoints.map(() => 1.1), 1.05] }));
    if (theme.viewpointsLeftOut.length > 0) out.push(portion(context, style.normal, [text(achLeftOutLine(theme.viewpointsLeftOut.map((v) => v.label)))]));
  }
  return out;
};

/** Key assumptions: what the views take for granted, each with its view's name. */
export const assumptions: SectionWriter = (context) => {
  const { model } = context;
  if (model.assumptions.length === 0) return [];
  return [
    heading(context, 1, phrases.assumptions),
    portion(context, style.lead, [raw(phrases.assumptionsLead)]),
    ...model.assumptions.map((claim) => portion(context, style.claim, claimRuns(claim, { kind: false, prefix: [text(`${claim.viewpointLabel}:`, { italics: true }), raw(" ")] }))),
  ];
};

export const questions: SectionWriter = (context) => {
  const { model } = context;
  if (model.questions.length === 0) return [];
  return [heading(context, 1, phrases.questions), ...numberedItems(context, model.questions.map((q) => [text(q)]))];
};

export const glossary: SectionWriter = (context) => {
  const { model } = context;
  if (model.glossary.length === 0) return [];
  return [
    heading(context, 1, phrases.glossary),
    ...model.glossary.map((entry) => portion(context, style.normal, [text(entry.term, { bold: true }), raw(": "), text(entry.definition)], { keepLines: true })),
  ];
};

/** A source as the list of sources prints it: "[n] publisher, title, event, place, date." and its address. */
function sourceLine(source: SourceModel): Runs {
  const runs: Runs = [raw(`[${source.number}]`), raw(" "), text(`${source.publisher}, `), text(source.title, { italics: true })];
  if (source.event !== undefined) runs.push(text(`, ${source.event}`));
  runs.push(text(`, ${source.place}, ${source.dateDisplay}.`));
  if (source.url !== undefined) {
    runs.push(raw(" "));
    runs.push(isAllowedLink(source.url) ? new ExternalHyperlink({ link: source.url, children: [raw(source.url, { style: style.hyperlink })] }) : raw(source.url));
  }
  return runs;
}

/** The sources cited, with what each is and how far to trust it. */
export const sources: SectionWriter = (context) => {
  const { model } = context;
  if (model.sources.length === 0) return [];
  const out: FileChild[] = [heading(context, 1, phrases.sources)];
  for (const source of model.sources) {
    out.push(portion(context, style.source, sourceLine(source)));
    const quality: Runs = [text(asSentence(source.kind), { bold: true }), raw(" ")];
    if (source.dateNote !== undefined) quality.push(raw(phrases.sourceDate, { italics: true }), raw(" "), text(asSentence(source.dateNote)), raw(" "));
    quality.push(text(asSentence(source.quality)));
    out.push(portion(context, style.sourceQuality, quality));
  }
  return out;
};

/** The Balance note: how the document presents each question, in the reader's words. */
export const balance: SectionWriter = (context) => [
  heading(context, 1, phrases.balanceNote),
  portion(context, style.balance, [text(balanceLead(context.model, context.balance))]),
  ...context.balance.themes.map((theme) => portion(context, style.balance, [text(runInHeading(theme.title), { bold: true }), raw(" "), raw(theme.note.map(typographic).join(" "))])),
];

/** The classification authority block: not a portion, so it carries no portion mark. */
export const classification: SectionWriter = (context) => {
  const block = context.model.classificationBlock;
  if (block === undefined) return [];
  return block.lines.map((line, index) => unmarked(style.classification, [text(`${line.label}: ${line.text}`)], index === 0 ? { spacing: { before: 280 } } : {}));
};

/**
 * The closing lines: how to read the citations (a document that cites
 * inline; with endnotes it heads the notes, and a handout gives it in its
 * overview) and the tool credit when asked.
 */
export function footerNote(context: DocxContext): FileChild[] {
  const { model } = context;
  const out: FileChild[] = [];
  const reading = readingNote(model, context.balance);
  if (model.citations !== "endnotes" && model.layout !== "handout" && reading !== "") out.push(portion(context, style.provenance, [raw(reading)]));
  if (model.credit) out.push(portion(context, style.provenance, [text(creditLine(model))]));
  return out;
}

/**
 * The notes' heading and how to read them. Word prints endnotes after the
 * last paragraph of the document, so this comes last and the notes follow it
 * (the PDF has them before the sources).
 */
export function notesHeading(context: DocxContext): FileChild[] {
  const { model } = context;
  if (model.notes.length === 0) return [];
  const reading = readingNote(model, context.balance);
  return [heading(context, 1, phrases.notes), ...(reading === "" ? [] : [portion(context, style.lead, [raw(reading)])])];
}

/** Every section's writer, as the shared partials print them; a layout overrides some. */
export const sharedSections: Readonly<Record<SectionName, SectionWriter>> = {
  bluf,
  themes,
  comparison,
  facts,
  assumptions,
  questions,
  glossary,
  sources,
  balance,
  classification,
};
