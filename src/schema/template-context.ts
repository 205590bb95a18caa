import { z } from "zod";
import { BalanceReportSchema } from "./balance-report.js";
import { BriefModelSchema } from "./model.js";

/**
 * What a template sees, all of it: the brief's model, its balance report, the
 * style sheets, the generator's name, and a long handout's table of contents.
 * `brief schema model` prints this as a JSON Schema; the template checker
 * (src/validate/templates.ts) holds every template to it.
 */
export const ContentsEntrySchema = z
  .object({
    anchor: z.string().describe("the id of the heading it points to"),
    title: z.string(),
    page: z.number().int().min(1).optional().describe("its page, once the document has been printed once to find it"),
  })
  .meta({ id: "ContentsEntry", description: "an entry of a table of contents" });

export const TemplateContextSchema = z
  .object({
    brief: BriefModelSchema,
    balance: BalanceReportSchema,
    styles: z.string().describe("the style sheets, in the order they apply: Briefsmith's base, its layout's, then the project's; print with {{{styles}}} inside <style>"),
    generator: z.string().describe('"Briefsmith": for <meta name="generator">'),
    contents: z.array(ContentsEntrySchema).optional().describe("a handout's table of contents, when it runs long enough to need one (handout layout only)"),
  })
  .meta({ id: "TemplateContext", description: "what a Briefsmith template sees" });
