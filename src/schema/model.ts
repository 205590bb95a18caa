import { z } from "zod";
import { layoutNames, sectionNames } from "./brief.js";
import { Bearing, ClaimKind, Prevalence } from "./extract.js";

/**
 * The BriefModel: everything a template may show, and nothing else. Built by
 * `select` from a brief and an extract; templates never see the raw extract.
 * Text fields marked Markdown are rendered by the render stage; every other
 * text is plain, as written, and gets its typography (quotes, dashes) when
 * rendered, so a second renderer (Word) can take the same model.
 *
 * Ids are for the program (anchors, the CLI, JSON); a document prints labels.
 *
 * This zod schema is the one source of the model: the TypeScript types
 * (src/model.ts) are inferred from it, `brief schema model` prints it as a
 * JSON Schema, the README's table of fields is made from it, and the template
 * checker (src/validate/templates.ts) refuses a template that uses a field it
 * does not list. A field optional here may be undefined in a model, but its key
 * is always there.
 */

const text = (description: string) => z.string().describe(description);
const markdown = (description: string) => z.string().describe(`Markdown: ${description}`);
const count = (description: string) => z.number().int().min(0).describe(description);

export const SourceRefSchema = z
  .object({
    id: z.string(),
    number: z.number().int().min(1).describe("the citation number, as printed in brackets"),
    shortName: text("the source's short name, as the text cites it"),
  })
  .meta({ id: "SourceRef", description: "a source as cited" });

export const HolderSchema = z
  .object({
    perspectiveId: z.string(),
    label: text('who holds the view, as the source puts it: "most panelists", "one Russian argument"'),
    prevalence: Prevalence.describe("how widely the source says the view is held"),
    sourceId: z.string(),
    sourceName: z.string(),
    sourceIsEvent: z.boolean().describe('the source reports an event (a panel, a workshop): "at the Carnegie panel" reads right'),
    claims: count("claims of this view the extract attributes to this perspective, shown or not"),
  })
  .meta({ id: "Holder", description: "who holds a view, as the extract attributes it: one perspective in one source" });

export const ClaimModelSchema = z
  .object({
    id: z.string(),
    kind: ClaimKind.describe("reporting, judgment or assumption"),
    text: markdown("the claim in our words"),
    quote: text("the source's verbatim words"),
    locator: z.number().int().min(1).describe("the paragraph of the source the quote is in"),
    source: SourceRefSchema,
    perspective: z.object({ id: z.string(), label: z.string() }).describe("who holds it"),
    attribution: text("the attribution to print: the perspective and source, or only the source when the text already names the perspective"),
    showQuote: z.boolean().describe("print the quote after the claim (inline citations, when the brief sets show_quotes: true and the quote is short enough)"),
    note: z.number().int().min(1).optional().describe("its endnote's number, with endnote citations"),
    viewpointLabel: z.string(),
    themeTitle: z.string(),
  })
  .meta({ id: "ClaimModel", description: "a claim printed" });

export const FactModelSchema = z
  .object({
    id: z.string(),
    themeId: z.string(),
    date: z.string().optional().describe("the fact's date as the extract gives it (YYYY, YYYY-MM or YYYY-MM-DD)"),
    dateDisplay: z.string().optional().describe('the date as printed: "4 February 2016"'),
    datePrefix: z.string().optional().describe("the date to print before the text: undefined when the text already says it (a date is printed once)"),
    text: markdown("the fact in our words"),
    quote: text("the source's verbatim words"),
    locator: z.number().int().min(1),
    source: SourceRefSchema,
    note: z.number().int().min(1).optional(),
    bearings: z
      .array(z.object({ viewpointId: z.string(), viewpointLabel: z.string(), bearing: Bearing }))
      .describe("one entry per viewpoint shown for the fact's theme, in display order: consistent, inconsistent or neutral"),
    diagnostic: z.boolean().describe("the fact is rated differently against the viewpoints shown, so it can tell them apart"),
    diagnosticity: z.enum(["high", "low", "none"]).describe("high: consistent with some views and inconsistent with others; low: some difference; none: the same for all"),
  })
  .meta({ id: "FactModel", description: "a key fact printed" });

export const NoteModelSchema = z
  .object({
    number: z.number().int().min(1),
    quote: text("the verbatim words a claim or fact rests on"),
    source: SourceRefSchema,
    locator: z.number().int().min(1),
  })
  .meta({ id: "NoteModel", description: "an endnote: the verbatim words a claim or fact rests on, with where they are" });

export const SourceModelSchema = SourceRefSchema.extend({
  title: z.string(),
  publisher: z.string(),
  kind: text('what the source is: "event summary", "report"'),
  event: z.string().optional(),
  dateDisplay: text('the date as printed, or "undated"'),
  dateNote: z.string().optional().describe("what the source says, or does not say, about its date"),
  place: z.string(),
  url: z.string().optional(),
  quality: text("our note on the source's quality"),
  citedClaims: count("claims printed in this document that cite the source"),
  citedFacts: count("facts printed in this document that cite the source"),
}).meta({ id: "SourceModel", description: "a source the document cites, numbered in order of first citation" });

export const ViewpointModelSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    thesis: z.string(),
    stance: z.string().optional().describe('verb phrase completing "most panelists …", for the due-weight statement'),
    claims: z.array(ClaimModelSchema).describe("claims printed with the view (assumptions go to their own section when the brief has one)"),
    shownClaims: z.array(ClaimModelSchema).describe("every claim of the view this brief shows, wherever printed: what balance measures"),
    claimsInExtract: count("claims of this viewpoint in the extract, before any per-viewpoint limit"),
    sourceNames: z.array(z.string()).describe("short names of the sources that argue this viewpoint, in citation order"),
    sourceRefs: z.array(SourceRefSchema).describe("the sources that argue this viewpoint, as cited"),
    holders: z.array(HolderSchema).describe("everyone the extract says holds this view, strongest prevalence first"),
    targetShare: z.number().min(0).max(1).describe("the share of the theme's space this view should get: 1/n with equal space, else in proportion to its weight"),
  })
  .meta({ id: "ViewpointModel", description: "one view on a question" });

export const LeftOutViewpointSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    stance: z.string().optional().describe('verb phrase completing "most panelists …", for the due-weight statement'),
    holders: z.array(HolderSchema).describe("everyone the extract says holds this view, strongest prevalence first"),
  })
  .meta({ id: "LeftOutViewpoint", description: "a view on a question in the extract that the brief does not show: weighed all the same, since the weight of the sources does not depend on what a brief selects" });

export const ThemeModelSchema = z
  .object({
    id: z.string(),
    number: z.number().int().min(1).describe("1, 2, … in printed order"),
    title: z.string(),
    question: z.string(),
    coverageNote: z.string().optional().describe("where the sources carry only one side, the extract says so here"),
    indicators: z.array(z.string()).describe("the analyst's own: what would tell the viewpoints apart"),
    viewpoints: z.array(ViewpointModelSchema).describe("in display order: the first position rotates from theme to theme"),
    viewpointsInExtract: count("viewpoints of the theme in the extract; a brief may show fewer"),
    viewpointsLeftOut: z.array(LeftOutViewpointSchema).describe("the theme's viewpoints in the extract this brief does not show, in the extract's order"),
    firstViewpointInExtract: z.string().optional().describe("the viewpoint the extract lists first"),
    facts: z.array(FactModelSchema).describe("the theme's key facts printed"),
  })
  .meta({ id: "ThemeModel", description: "a question (theme) and its views" });

export const SelectionNoticeSchema = z
  .object({
    code: z.enum(["FACT_AFTER_BRIEF_DATE", "SOURCE_AFTER_BRIEF_DATE"]),
    message: z.string(),
    subject: z.object({ kind: z.enum(["fact", "source"]), id: z.string(), field: z.string() }),
  })
  .meta({ id: "SelectionNotice", description: "what selection left out that an author may want to know about: for the CLI, never printed" });

export const ClassificationBlockModelSchema = z
  .object({
    classifiedBy: z.string(),
    derivedFrom: z.string(),
    reason: z.string().optional().describe("only for original classification"),
    declassifyOn: z.string(),
    lines: z
      .array(z.object({ label: text('"Classified By", "Derived From", "Reason", "Declassify On"'), text: z.string() }))
      .describe("the lines in the order a marked document prints them"),
  })
  .meta({ id: "ClassificationBlockModel", description: "the classification authority block of a marked document" });

export const BriefModelSchema = z
  .object({
    id: text("the brief's id (its file name): for the program, never printed"),
    title: z.string(),
    runningTitle: text("the title in the running header: the brief's short_title, else the title, the words before its colon, or the title cut at a word boundary"),
    template: text("the template the brief names: memo, handout, one-pager or a template of the project's own"),
    layout: z.enum(layoutNames).describe("the layout the template follows: memo, handout or one-pager"),
    marking: text("the marking printed at the top and bottom of every page (empty for marking: none)"),
    portionMark: z
      .string()
      .optional()
      .describe('the portion mark before each paragraph, heading, list item and table cell ("(U)", "(S//NF)"), when the brief asks for portion marks; print it with {{> portion}}'),
    classificationBlock: ClassificationBlockModelSchema.optional().describe("the classification authority block, printed by the classification section when the brief gives one"),
    paper: z.enum(["Letter", "A4"]),
    date: text("ISO date, YYYY-MM-DD"),
    dateDisplay: text('the date as printed: "4 February 2016"'),
    to: z.string().optional().describe("MEMORANDUM FOR"),
    from: z.string().optional().describe("FROM: the office"),
    summary: markdown("the staffer's own opening").optional(),
    assessment: markdown("the office's own assessment, printed apart from the sources' views").optional(),
    recommendation: markdown("only when the brief asks for a recommendation").optional(),
    decisionLines: z.array(z.string()).describe("a memo with a recommendation ends its bottom line with Approve / Disapprove / Discuss lines"),
    corpus: z.object({ id: z.string(), title: z.string(), description: z.string() }),
    coversCorpus: z.boolean().describe("the brief selects every theme of its corpus, so the corpus's description describes it"),
    sectionOrder: z.array(z.enum(sectionNames)).describe("the sections printed, in the order printed"),
    sections: z.record(z.enum(sectionNames), z.boolean()).describe("each section: printed or not"),
    weightIn: z.enum(["bluf", "themes"]).describe("where each question's due-weight statement is printed: the bottom line when there is one, else with the question"),
    citations: z.enum(["endnotes", "inline"]).describe("endnotes: quotes go to numbered notes; inline: the source and paragraph follow each claim, and its quote too where the brief sets show_quotes: true"),
    space: z.enum(["equal", "proportional"]).describe("space per view: equal shares, or in proportion to how widely the sources say each view is held"),
    credit: z.boolean().describe('print "Prepared with Briefsmith"'),
    printsClaims: z.boolean().describe("claims are printed (memo and handout with a themes or comparison section); a one-pager prints the theses only"),
    themes: z.array(ThemeModelSchema),
    facts: z.array(FactModelSchema).describe("the key facts printed, oldest first (undated last)"),
    sources: z.array(SourceModelSchema).describe("the sources the document cites, numbered in order of first citation in the printed order"),
    notes: z.array(NoteModelSchema).describe("endnotes, numbered in the printed order (empty with inline citations)"),
    glossary: z.array(z.object({ term: z.string(), definition: z.string() })).describe("the glossary printed: the terms that occur in the document, or every term with glossary: all"),
    questions: z.array(z.string()).describe("discussion questions printed by the questions section"),
    assumptions: z.array(ClaimModelSchema).describe('key assumptions: the claims of kind "assumption", printed in their own section when the brief has one'),
    counts: z.object({ themes: count("questions"), viewpoints: count("views"), claims: count("claims printed"), facts: count("facts printed"), sources: count("sources cited") }),
    notices: z.array(SelectionNoticeSchema).describe("what selection left out (facts dated after the brief): warnings for the CLI, never printed"),
  })
  .meta({ id: "BriefModel", description: "the brief, selected from its corpus: what the document prints" });
