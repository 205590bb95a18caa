import { z } from "zod";
import { Id, calendarDate } from "./extract.js";

import { sectionNames, templateNames, type LayoutName, type SectionName } from "./names.js";
export { layoutNames, sectionNames, templateNames, type LayoutName, type SectionName } from "./names.js";

// Apart, so that reading a manifest (which names formats) does not load the brief's schemas.
import { outputFormats, type OutputFormat } from "./formats.js";
export { outputFormats, type OutputFormat } from "./formats.js";

/** What a brief builds into when it does not say. */
const defaultFormats: readonly OutputFormat[] = ["pdf", "html"];

/** The sections each layout can print; any other is refused, with the reason below. */
export const layoutSections: Readonly<Record<LayoutName, readonly SectionName[]>> = {
  memo: ["bluf", "themes", "facts", "assumptions", "questions", "glossary", "sources", "balance", "classification"],
  handout: ["bluf", "themes", "comparison", "facts", "assumptions", "questions", "glossary", "sources", "balance", "classification"],
  "one-pager": ["bluf", "themes", "sources", "balance", "classification"],
};

/** Why a layout refuses a section: the error says it, so the user knows what to use instead. */
export const layoutRefusals: Readonly<Partial<Record<LayoutName, Partial<Record<SectionName, string>>>>> = {
  memo: { comparison: "a memo sets the views out in turn (themes); the side-by-side comparison table is a handout section" },
  "one-pager": {
    comparison: "a one-pager has no room for a comparison table; use a handout",
    facts: "a one-pager has no room for key facts; use a memo or a handout",
    assumptions: "a one-pager prints no claims, so it has no key assumptions; use a memo",
    questions: "a one-pager has no room for discussion questions; use a handout",
    glossary: "a one-pager has no room for a glossary; use a memo or a handout",
  },
};

/**
 * A template's name: one of Briefsmith's own, or a template of the project's
 * (templates/<name>.hbs). Never a path. Whether it exists is checked against
 * the project's templates when the brief is validated (BRIEF_UNKNOWN_TEMPLATE).
 */
export const TemplateId = z
  .union([z.enum(templateNames).describe("one of Briefsmith's own templates"), Id.describe("a template of the project's own: templates/<name>.hbs")])
  .describe("memo | handout | one-pager, or the name of a template of the project's own (templates/<name>.hbs), which follows one of those layouts");

const Text = z.string().trim().min(1, "must not be empty");

const IsoDate = calendarDate(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD, for example 2016-02-15");

/** The classification authority block of a marked document (32 CFR 2001.21; DoDM 5200.01 Vol. 2). */
const ClassificationBlock = z
  .strictObject({
    classified_by: Text.max(200).describe("who classified it: name and position, or a personal identifier"),
    derived_from: Text.max(300).describe("the source or classification guide the marking derives from"),
    reason: Text.max(200).optional().describe("the reason for classification (original classification only), for example 1.4(c)"),
    declassify_on: Text.max(100).describe("a date, an event, or an exemption"),
  })
  .describe("the classification authority block, printed as a section (by default at the end; place it with sections: classification)");

/** A brief definition: briefs/<id>.yaml. */
export const BriefSchema = z
  .strictObject({
    id: Id.optional().describe("defaults to the file name"),
    title: Text.max(200),
    short_title: Text.max(60)
      .optional()
      .describe("the title in the running header at the top of each page; defaults to the title, cut at a word boundary"),
    template: TemplateId,
    corpus: Id,
    themes: z.union([z.literal("all"), z.array(Id).min(1, "list at least one theme, or write: all")]).default("all"),
    viewpoints: z.union([z.literal("all"), z.array(Id).min(1, "list at least one viewpoint, or write: all")]).default("all"),
    to: Text.max(200).optional(),
    from: Text.max(200).optional(),
    date: IsoDate.optional().describe("defaults to the build date; a fixed date makes the output reproducible"),
    marking: Text.max(80).default("UNCLASSIFIED").describe("the banner at the top and bottom of every page; none for no banner"),
    portion_marks: z
      .boolean()
      .default(false)
      .describe("true heads each paragraph, heading, list item and table cell with the portion mark of the marking: (U), (C), (S), (TS), (CUI), with its controls (U//FOUO)"),
    portion_mark: Text.max(60)
      .regex(/^\(?[A-Z0-9][A-Z0-9 ,/-]*\)?$/, "a portion mark is capital letters, digits, spaces, commas, hyphens and slashes, for example U//FOUO")
      .optional()
      .describe("the portion mark to print when the marking is not one Briefsmith can abbreviate (with portion_marks: true), for example OS for OFFICIAL-SENSITIVE"),
    classification_block: ClassificationBlock.optional(),
    paper: z.enum(["Letter", "A4"]).default("Letter"),
    formats: z
      .array(z.enum(outputFormats))
      .min(1, "list at least one format: pdf, html or docx")
      .default([...defaultFormats])
      .describe("the files to build: pdf, html, docx (Word); default [pdf, html]; brief build --format overrides it for one run"),
    claims_per_viewpoint: z.number().int().min(1).max(50).optional(),
    include_claims: z
      .array(Id)
      .min(1)
      .optional()
      .describe("claim ids always shown, whatever claims_per_viewpoint chooses; balance is still measured on the result"),
    exclude_claims: z.array(Id).min(1).optional().describe("claim ids never shown; balance is still measured on the result"),
    sections: z
      .array(z.enum(sectionNames))
      .min(1)
      .optional()
      .describe("the sections to print, in the order given; defaults to the template's own list"),
    space: z
      .enum(["equal", "proportional"])
      .default("equal")
      .describe(
        "equal (default): every view of a question gets about the same space; proportional: space follows how widely the sources say each view is held, no view below half an equal share",
      ),
    citations: z
      .enum(["endnotes", "inline"])
      .optional()
      .describe("endnotes (the default for memos): numbered notes carry each quote with its source and paragraph; inline (the default otherwise): quotes in the text"),
    show_quotes: z
      .boolean()
      .default(false)
      .describe(
        "true prints each claim's quotation after it where citations are inline (handouts, one-pagers), for a seminar that reads the sources' own words; by default a claim is said once, in our words, with its source and paragraph",
      ),
    glossary: z
      .enum(["used", "all"])
      .default("used")
      .describe("used (default): the glossary lists only terms that occur in the document; all: every term of the corpus"),
    credit: z.boolean().default(false).describe("true prints a line saying the document was prepared with Briefsmith"),
    summary: Text.max(2000).optional().describe("an opening paragraph in your own words, printed at the head of the bottom line"),
    assessment: Text.max(4000)
      .optional()
      .describe(
        "the office's own assessment, in your words (Markdown): printed in the bottom line, labelled as yours and apart from the sources' views; it states a likelihood (ICD 203 scale) and a confidence level, in separate sentences",
      ),
    questions: z
      .array(Text.max(500))
      .min(1)
      .optional()
      .describe("discussion questions; without them the questions section prints the themes' questions only where no other section does"),
    recommendation: Text.max(4000)
      .optional()
      .describe(
        "a recommendation, in your own words: printed at the end of the bottom line, with Approve / Disapprove / Discuss lines in a memo; without it the document recommends nothing",
      ),
    balance: z.enum(["strict", "warn", "off"]).optional().describe("strict stops an unbalanced brief; default strict for memos, warn otherwise"),
    balance_thresholds: z
      .strictObject({
        underweight_ratio: z.number().min(0).max(1).optional(),
        tilt_difference: z.number().int().min(1).max(100).optional(),
      })
      .optional(),
  })
  .superRefine((brief, context) => {
    // What a brief may print depends on its template's layout, known only once the project's templates are: validate/brief.ts.
    const listedOnce = (list: readonly string[], key: "sections" | "formats", noun: string) =>
      list.forEach((value, index) => {
        if (list.indexOf(value) !== index) context.addIssue({ code: "custom", path: [key, index], message: `${noun} ${value} is listed twice; list each ${noun} once` });
      });
    const sections = brief.sections ?? [];
    listedOnce(sections, "sections", "section");
    if (sections.includes("themes") && sections.includes("comparison")) {
      context.addIssue({
        code: "custom",
        path: ["sections", sections.indexOf("comparison")],
        message: "themes and comparison print the same claims; list one of them",
      });
    }
    listedOnce(brief.formats, "formats", "format");
    if (brief.portion_mark !== undefined && !brief.portion_marks) {
      context.addIssue({ code: "custom", path: ["portion_mark"], message: "it is printed only with portion_marks: true; add that, or remove portion_mark" });
    }
    // Every layout prints the classification section: these checks need no template.
    if (brief.classification_block !== undefined && brief.sections !== undefined && !sections.includes("classification")) {
      context.addIssue({
        code: "custom",
        path: ["classification_block"],
        message: "it is printed in the classification section, which sections does not list; add classification to sections, or remove classification_block",
      });
    }
    if (brief.classification_block === undefined && sections.includes("classification")) {
      context.addIssue({
        code: "custom",
        path: ["sections", sections.indexOf("classification")],
        message: "the classification section prints the brief's classification_block, which it does not give; add classification_block: {classified_by, derived_from, declassify_on}",
      });
    }
    const excluded = new Set(brief.exclude_claims ?? []);
    (brief.include_claims ?? []).forEach((id, index) => {
      if (excluded.has(id)) {
        context.addIssue({ code: "custom", path: ["include_claims", index], message: `claim "${id}" is both included and excluded; keep it in one list` });
      }
    });
  });

export type Brief = z.infer<typeof BriefSchema>;
/** A brief's fields as a program writes them: those with a default may be left out. */
export type BriefInput = z.input<typeof BriefSchema>;
