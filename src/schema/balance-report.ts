import { z } from "zod";
import { Prevalence } from "./extract.js";
import { HolderSchema } from "./model.js";

/**
 * The balance report: what the balance stage measured of a BriefModel, and the
 * due-weight statement of each question. Templates see it as `balance` (the
 * Balance note) and through the `weight` and `balanceTheme` helpers; the CLI
 * and `--json` print it. One zod schema, as for the model (src/schema/model.ts):
 * the types are inferred from it.
 */

export const balanceProblemCodes = [
  "MISSING_VIEWPOINT",
  "EMPTY_VIEWPOINT",
  "UNDERWEIGHT_VIEWPOINT",
  "THIN_VIEWPOINT",
  "SAME_SIDE_FIRST",
  "TILTED_LANGUAGE",
  "OFF_SCALE_LIKELIHOOD",
  "MIXED_ESTIMATIVE_ROWS",
  "LIKELIHOOD_WITH_CONFIDENCE",
  "RECOMMENDATION_IN_SYNTHESIS",
  "ASSESSMENT_WITHOUT_LIKELIHOOD",
  "ASSESSMENT_WITHOUT_CONFIDENCE",
] as const;

export const BalanceSubjectSchema = z
  .object({
    kind: z.enum(["claim", "fact", "theme", "viewpoint", "brief"]),
    id: z.string(),
    field: z.string(),
    term: z.string().optional().describe("the word or phrase in that text the problem is about, as found (a loaded word, a recommending verb)"),
  })
  .describe("which text of the brief or extract a problem is about");

export const BalanceProblemSchema = z
  .object({
    severity: z.enum(["error", "warning"]).describe('"error" problems fail a strict brief; "warning" problems never do'),
    code: z.enum(balanceProblemCodes),
    themeId: z.string().optional(),
    viewpointId: z.string().optional(),
    subject: BalanceSubjectSchema.optional(),
    message: z.string(),
    fixes: z.array(z.object({ claimId: z.string(), words: z.number().int().min(0) })).describe("claims in the extract, not shown, that would fix the problem"),
  })
  .meta({ id: "BalanceProblem", description: "one balance problem: for the CLI; a document prints the Balance note instead" });

export const weightVerdicts = ["lies-with", "leans-toward", "divided", "unstated", "one-view"] as const;

export const ViewWeightSchema = z
  .object({
    viewpointId: z.string(),
    label: z.string(),
    shown: z.boolean().describe("false for a view of the question in the extract that the brief leaves out: weighed all the same"),
    strength: Prevalence.describe('the strongest prevalence its holders are given ("unstated" when no source counts them)'),
    named: z.array(HolderSchema).describe("the holders the statement names (stated prevalence, at most two)"),
    uncounted: z.array(HolderSchema).describe("holders whose sources do not say how widely they hold the view"),
    countedSources: z.number().int().min(0).describe("sources with a stated holder of the view, less those where another view is held clearly more widely"),
  })
  .meta({ id: "ViewWeight", description: "how widely one view is held, by the sources' own words" });

export const DueWeightSchema = z
  .object({
    themeId: z.string(),
    verdict: z.enum(weightVerdicts),
    leading: z.string().optional().describe("the view the weight lies with or leans toward"),
    views: z.array(ViewWeightSchema).describe("views, weightiest first"),
    sentences: z.array(z.string()).describe("the statement, sentence by sentence"),
    text: z.string().describe("the statement as one text"),
    attributed: z
      .string()
      .describe("the statement naming who holds each view without the views' stances, for a page that prints each view's thesis under it (a question's own statement)"),
    summary: z.string().describe("one sentence for the Balance note, when the document does not state the weight with the question or in its bottom line"),
    short: z.string().describe("the statement in one sentence, for a document with no room for more (a one-pager's bottom line)"),
  })
  .meta({ id: "DueWeight", description: "where the weight of the sources lies on a question, said plainly and attributed, without endorsing any view" });

export const TiltCountSchema = z
  .object({
    loaded: z.number().int().min(0),
    puffery: z.number().int().min(0),
    hedges: z.number().int().min(0),
    score: z.number().min(0).describe("weighted: loaded words count 2, puffery and hedges 1"),
    words: z.array(z.string()),
  })
  .meta({ id: "TiltCount", description: "loaded words in our own text for one view" });

export const ViewpointBalanceSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    claims: z.number().int().min(0),
    claimsInExtract: z.number().int().min(0),
    words: z.number().int().min(0).describe("words printed for the view: its claims, or its thesis where only theses are printed (a one-pager)"),
    share: z.number().min(0).max(1).describe("share of the theme's printed words"),
    targetShare: z.number().min(0).max(1).describe("the share the view should have: equal, or in proportion to its weight with space: proportional"),
    fairShareRatio: z.number().min(0).describe("share ÷ target share: 1 is exactly its due, below the threshold is underweight"),
    sources: z.number().int().min(0),
    perspectives: z.number().int().min(0),
    thin: z.boolean().describe("argued from a single source or a single perspective"),
    attributed: z.number().int().min(0).describe("claims that name both who holds them and where (perspective, source and paragraph)"),
    tilt: TiltCountSchema,
  })
  .meta({ id: "ViewpointBalance", description: "what one view gets of a question's space" });

export const ThemeBalanceSchema = z
  .object({
    themeId: z.string(),
    title: z.string(),
    viewpointsShown: z.number().int().min(0),
    viewpointsInExtract: z.number().int().min(0),
    firstViewpoint: z.string().optional(),
    firstViewpointLabel: z.string().optional(),
    viewpoints: z.array(ViewpointBalanceSchema),
    passes: z.boolean(),
    weight: DueWeightSchema.describe("where the weight of the sources lies on this question"),
    note: z.array(z.string()).describe("the Balance note's sentences for this question, written for a reader: no ids, no policy names"),
  })
  .meta({ id: "ThemeBalance", description: "one question's balance" });

export const BalanceThresholdsSchema = z.object({
  underweightRatio: z.number().min(0).max(1).describe("a viewpoint below this share of an equal split of words is underweight (0.8: the fair-summarisation convention)"),
  tiltDifference: z.number().describe("tilt scores differing by this much between viewpoints of a theme are an asymmetry"),
});

export const BalanceReportSchema = z
  .object({
    policy: z.enum(["strict", "warn", "off"]),
    verdict: z.enum(["balanced", "unbalanced", "not checked"]).describe('"balanced" when no error-level problem; "not checked" with policy off'),
    thresholds: BalanceThresholdsSchema,
    measured: z.enum(["claims", "theses"]).describe("what the words are counted on: the claims printed, or the theses where a document prints no claims"),
    space: z.enum(["equal", "proportional"]),
    themes: z.array(ThemeBalanceSchema),
    problems: z.array(BalanceProblemSchema),
    estimativeRow: z.string().optional().describe("the ICD 203 row our likelihood words come from, if any are used"),
  })
  .meta({ id: "BalanceReport", description: "what the balance stage measured of the brief" });
