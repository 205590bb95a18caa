import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.js";
import { idMaxLength, idPattern } from "./id-pattern.js";
import { calendarDayProblem } from "../text/dates.js";

/**
 * The structured extract of a corpus: one schema for the whole format, split
 * across any number of YAML files in `sources/<corpus>/`. Every object is
 * strict, so a misspelt key is an error rather than silently ignored data.
 */

/** The bound on a theme's viewpoints, in the schema's own words: validate/zod-diagnostics.ts gives its hint by them. */
export const tooFewViewpoints = "a theme needs at least two viewpoints to be argued";

export const Id = z
  .string()
  // The length said too: a 100-character id of good characters was told only what characters to use.
  .regex(idPattern, `an id is lower-case letters, digits and single hyphens, at most ${idMaxLength} characters (for example "central-asia")`);

/**
 * A date written in one of the forms a field takes, of a day (or month) the calendar has: "a date is
 * YYYY-MM-DD" for what is not written so; "there is no month 13" and "February 2016 has 29 days" for what is
 * written so but is no date (saying the form again to someone who wrote it was no help).
 */
export function calendarDate(forms: RegExp, formMessage: string) {
  // The form as a pattern, which the JSON Schema keeps (editors check it as the file is typed); the rest in code.
  return z.string().regex(forms, formMessage).superRefine((value, context) => {
    const fail = (message: string) => context.addIssue({ code: "invalid_format", format: "date", message, input: value });
    if (!forms.test(value)) return;
    const problem = calendarDayProblem(value);
    if (problem !== undefined) fail(problem);
  });
}

/** A calendar date as written in sources: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = calendarDate(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD");

const Text = z.string().trim().min(1, "must not be empty");

export const CorpusInfoSchema = z.strictObject({
  id: Id,
  title: Text,
  description: Text,
});

export const ContextOnlySchema = z.strictObject({
  paragraph: z.number().int().min(1),
  reason: Text,
});

export const SourceSchema = z
  .strictObject({
    id: Id,
    title: Text,
    short_name: Text.max(60).optional().describe("how attributions name the source, e.g. \"GMF workshop\"; defaults to the publisher"),
    publisher: Text,
    kind: Text.describe("panel summary, workshop synopsis, report, …"),
    event: Text.optional(),
    date: PartialDate.optional(),
    date_note: Text.optional().describe("what the source says, or does not say, about its date"),
    place: Text,
    url: z.url({ protocol: /^https?$/, error: "a source's address is an http:// or https:// address (a file is given by text:)" }).optional(),
    text: Text.describe("path of the verbatim text, relative to the corpus folder").optional(),
    quality: Text.describe("who speaks, whether they are named, how the account was produced"),
    context_only: z.array(ContextOnlySchema).default([]),
  })
  .refine((source) => source.date !== undefined || source.date_note !== undefined, {
    message: "a source needs a date, or a date_note saying why it has none",
    path: ["date"],
  });

/**
 * How widely a perspective is held, in the source's own words: "panelists
 * agreed" (consensus), "most panelists" (most), "many Russians" (many), "some
 * Russians" (some), "a few" (few), "one panelist" (one), or a source that does
 * not say (unstated). Strongest first.
 */
const prevalenceScale = ["consensus", "most", "many", "some", "few", "one", "unstated"] as const;
export const Prevalence = z.enum(prevalenceScale);

export const PerspectiveSchema = z.strictObject({
  id: Id,
  label: Text.describe(
    "who holds the view, as the source attributes it, as a noun phrase a sentence can start with: \"one panelist\", \"some Russians\", \"all panelists\"",
  ),
  source: Id.optional().describe("the source this perspective appears in, when it is specific to one"),
  description: Text.optional(),
  prevalence: Prevalence.optional().describe(
    "how widely the view is held, from the source's own wording: consensus (\"panelists agreed\") | most (\"most panelists\") | many | some (\"some Russians\") | few | one (\"one panelist\") | unstated (the source does not say; the default)",
  ),
});

export const ViewpointSchema = z.strictObject({
  id: Id,
  label: Text,
  thesis: Text,
  stance: Text.max(300)
    .optional()
    .describe(
      "what holders of the view say, as a verb phrase in the plural that completes \"most panelists …\": \"expect cooperation to stop well short of an alliance\"; used in the due-weight statement",
    ),
});

export const ThemeSchema = z.strictObject({
  id: Id,
  title: Text,
  question: Text,
  viewpoints: z.array(ViewpointSchema).min(2, tooFewViewpoints),
  coverage_note: Text.optional().describe("where the sources carry only one side, say so here"),
  indicators: z.array(Text).default([]).describe("the analyst's own: what would tell the viewpoints apart"),
});

export const ClaimKind = z.enum(["reporting", "judgment", "assumption"]);

export const ClaimSchema = z.strictObject({
  id: Id,
  theme: Id,
  viewpoint: Id,
  source: Id,
  perspective: Id,
  kind: ClaimKind,
  text: Text.describe("Markdown, in our own words"),
  quote: Text.describe("verbatim from the source text"),
  locator: z.number().int().min(1).describe("paragraph: the n-th non-empty line of the source text"),
});

export const Bearing = z.enum(["consistent", "inconsistent", "neutral"]);

/** A fact that bears on the views (evidence), or one that only sets the scene: the event itself, a date of publication (context). */
export const FactKind = z.enum(["evidence", "context"]);

export const FactSchema = z.strictObject({
  id: Id,
  theme: Id,
  kind: FactKind.default("evidence").describe(
    "evidence (default): a fact that bears on the views; context: the event itself, a date of publication, never a key fact or an ACH row",
  ),
  date: PartialDate.optional().describe("when it happened: a fact dated after the brief's date is left out of that brief, with a warning"),
  text: Text.describe("Markdown, in our own words"),
  source: Id,
  quote: Text,
  locator: z.number().int().min(1),
  bears_on: z.record(Id, Bearing).optional().describe("viewpoint id → consistent | inconsistent | neutral (an evidence fact needs it; a context fact, never a row of the evidence matrix, does not)"),
}).refine((fact) => fact.kind === "context" || fact.bears_on !== undefined, {
  message: "an evidence fact needs bears_on: how it bears on each view of its theme",
  path: ["bears_on"],
});

export const GlossaryEntrySchema = z.strictObject({
  term: Text,
  definition: Text,
});

/** The whole extract of a corpus, once its files are merged. */
export const ExtractSchema = z.strictObject({
  corpus: CorpusInfoSchema,
  sources: z.array(SourceSchema).default([]),
  perspectives: z.array(PerspectiveSchema).default([]),
  themes: z.array(ThemeSchema).default([]),
  claims: z.array(ClaimSchema).default([]),
  facts: z.array(FactSchema).default([]),
  glossary: z.array(GlossaryEntrySchema).default([]),
});

/** One YAML file of a corpus: any subset of the sections, merged with the other files. */
export const ExtractFileSchema = ExtractSchema.partial();

/** The items of an extract, read-only as the stages after loading take them. */
export type CorpusInfo = DeepReadonly<z.infer<typeof CorpusInfoSchema>>;
export type Source = DeepReadonly<z.infer<typeof SourceSchema>>;
export type Perspective = DeepReadonly<z.infer<typeof PerspectiveSchema>>;
export type Prevalence = z.infer<typeof Prevalence>;
export type FactKind = z.infer<typeof FactKind>;
export type Viewpoint = DeepReadonly<z.infer<typeof ViewpointSchema>>;
export type Theme = DeepReadonly<z.infer<typeof ThemeSchema>>;
export type ClaimKind = z.infer<typeof ClaimKind>;
export type Claim = DeepReadonly<z.infer<typeof ClaimSchema>>;
export type Bearing = z.infer<typeof Bearing>;
export type Fact = DeepReadonly<z.infer<typeof FactSchema>>;
export type GlossaryEntry = DeepReadonly<z.infer<typeof GlossaryEntrySchema>>;
export type Extract = z.infer<typeof ExtractSchema>;
/** An extract as the stages after loading take it: read-only all the way down (loadCorpus hands out a frozen one). */
export type ReadonlyExtract = DeepReadonly<Extract>;

export const extractSections = ["corpus", "sources", "perspectives", "themes", "claims", "facts", "glossary"] as const;
