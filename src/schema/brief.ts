import { z } from "zod";
import { Id, realCalendarDay } from "./extract.js";

/** The templates a brief can name. A brief names one; it is never a path. */
export const templateNames = ["memo", "handout", "one-pager"] as const;

/** The sections a brief can ask for; templates show those they support, in their own order. */
export const sectionNames = ["bluf", "themes", "facts", "comparison", "questions", "glossary", "sources", "balance"] as const;

const Text = z.string().trim().min(1, "must not be empty");

const IsoDate = realCalendarDay(z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, "a date is YYYY-MM-DD, for example 2016-02-15"));

/** A brief definition: briefs/<id>.yaml. */
export const BriefSchema = z.strictObject({
  id: Id.optional().describe("defaults to the file name"),
  title: Text.max(200),
  template: z.enum(templateNames),
  corpus: Id,
  themes: z.union([z.literal("all"), z.array(Id).min(1, "list at least one theme, or write: all")]).default("all"),
  viewpoints: z.union([z.literal("all"), z.array(Id).min(1, "list at least one viewpoint, or write: all")]).default("all"),
  to: Text.max(200).optional(),
  from: Text.max(200).optional(),
  date: IsoDate.optional().describe("defaults to the build date; a fixed date makes the output reproducible"),
  marking: Text.max(80).default("UNCLASSIFIED"),
  paper: z.enum(["Letter", "A4"]).default("Letter"),
  claims_per_viewpoint: z.number().int().min(1).max(50).optional(),
  sections: z.array(z.enum(sectionNames)).min(1).optional().describe("defaults to every section the template has"),
  summary: Text.max(2000).optional().describe("an opening paragraph in your own words, printed before the bottom line"),
  questions: z.array(Text.max(500)).optional().describe("discussion questions for a handout; the themes' questions when absent"),
  recommendation: Text.max(4000)
    .optional()
    .describe("a recommendation, in your own words; without it the memo states the range of views and recommends nothing"),
  balance: z.enum(["strict", "warn", "off"]).optional().describe("strict stops an unbalanced brief; default strict for memos, warn otherwise"),
  balance_thresholds: z
    .strictObject({
      underweight_ratio: z.number().min(0).max(1).optional(),
      tilt_difference: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
});

export type Brief = z.infer<typeof BriefSchema>;
export type TemplateName = (typeof templateNames)[number];
export type SectionName = (typeof sectionNames)[number];
