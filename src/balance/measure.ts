import type { z } from "zod";
import type { BalanceReportSchema, BalanceThresholdsSchema, ThemeBalanceSchema, TiltCountSchema, ViewpointBalanceSchema } from "../schema/balance-report.js";
import type { DeepReadonly } from "../schema/deep-readonly.js";
import type { BriefModel, ClaimModel, ThemeModel, ViewpointModel } from "../model.js";
import { plural } from "../text/plural.js";
import { countWords } from "../text/words.js";
import { dueWeight } from "./due-weight.js";
import { checkAssessment, checkEstimativeLanguage, checkSynthesis } from "./language.js";
import { balanceNote } from "./note.js";
import { problem, type BalanceProblem, type BalanceSubject } from "./problem.js";

export type { BalanceProblem, BalanceProblemCode, BalanceSubject } from "./problem.js";
export type { DueWeight, ViewWeight, WeightVerdict } from "./due-weight.js";
import { withoutQuotedPassages } from "../text/phrases.js";
import { findTerms, type Lexicon, type TiltCategory } from "./lexicon.js";

export type BalancePolicy = BalanceReport["policy"];

export type BalanceThresholds = DeepReadonly<z.infer<typeof BalanceThresholdsSchema>>;

const defaultThresholds: BalanceThresholds = { underweightRatio: 0.8, tiltDifference: 2 };

const tiltWeights: Readonly<Record<TiltCategory, number>> = { loaded: 2, puffery: 1, hedges: 1 };

export type TiltCount = DeepReadonly<z.infer<typeof TiltCountSchema>>;
export type ViewpointBalance = DeepReadonly<z.infer<typeof ViewpointBalanceSchema>>;
export type ThemeBalance = DeepReadonly<z.infer<typeof ThemeBalanceSchema>>;
/** What the balance stage reports: types inferred from the zod schema in src/schema/balance-report.ts, which documents each field. */
export type BalanceReport = DeepReadonly<z.infer<typeof BalanceReportSchema>>;

/** Claims of the extract a brief could show but does not, per viewpoint id: the material for fixes. */
export type UnshownClaims = ReadonlyMap<string, readonly { readonly id: string; readonly text: string }[]>;

export function countTilt(text: string, lexicon: Lexicon): TiltCount {
  const own = withoutQuotedPassages(text);
  const counts = { loaded: 0, puffery: 0, hedges: 0 };
  const words: string[] = [];
  for (const category of Object.keys(counts) as TiltCategory[]) {
    const found = findTerms(own, lexicon.tilt[category]);
    counts[category] = found.length;
    words.push(...found.map((f) => f.term));
  }
  const score = counts.loaded * tiltWeights.loaded + counts.puffery * tiltWeights.puffery + counts.hedges * tiltWeights.hedges;
  return { ...counts, score, words };
}

/**
 * Measure how fairly a brief presents the viewpoints of each theme, and check
 * its own language against ICD 203. Pure: the report depends only on its
 * arguments. The policy decides what the problems mean: with "strict" any
 * error-level problem makes the brief unbalanced; with "warn" the same report
 * is made and the brief still builds; with "off" nothing is checked.
 */
export function measureBalance(
  model: BriefModel,
  options: { lexicon: Lexicon; policy?: BalancePolicy; thresholds?: Partial<BalanceThresholds>; unshown?: UnshownClaims },
): BalanceReport {
  const policy = options.policy ?? "strict";
  const thresholds = { ...defaultThresholds, ...options.thresholds };
  const problems: BalanceProblem[] = [];
  const measured = model.printsClaims ? "claims" : "theses";
  const context = {
    thresholds,
    lexicon: options.lexicon,
    unshown: options.unshown ?? new Map(),
    measured,
    space: model.space,
    weightStated: weightPrinted(model) !== undefined,
    listedSources: new Set(model.sources.map((source) => source.id)),
  } as const;
  const themes = model.themes.map((theme) => measureTheme(theme, context, problems));
  checkOrder(model, problems);
  const estimativeRow = checkEstimativeLanguage(model, options.lexicon, problems);
  checkSynthesis(model, options.lexicon, problems);
  checkAssessment(model, options.lexicon, problems);
  const verdict = policy === "off" ? "not checked" : problems.some((p) => p.severity === "error") ? "unbalanced" : "balanced";
  return { policy, verdict, thresholds, measured, space: model.space, themes, problems: policy === "off" ? [] : problems, estimativeRow };
}

/** The texts printed for a view, which balance measures: its claims, or its thesis alone in a document that prints no claims. */
function printedTexts(viewpoint: ViewpointModel, measured: "claims" | "theses"): string[] {
  return measured === "claims" ? viewpoint.shownClaims.map((c) => c.text) : [viewpoint.thesis];
}

/**
 * The first text of a view with a tilting word, and the word: where to point. A staffer's loaded "insisted" in one
 * claim was reported at the brief's themes: line, with nothing to say which claim.
 */
function firstTilted(viewpoint: ViewpointModel, measured: "claims" | "theses", lexicon: Lexicon): BalanceSubject | undefined {
  const texts =
    measured === "claims"
      ? viewpoint.shownClaims.map((c) => ({ kind: "claim" as const, id: c.id, field: "text", text: c.text }))
      : [{ kind: "viewpoint" as const, id: viewpoint.id, field: "thesis", text: viewpoint.thesis }];
  for (const { text, ...subject } of texts) {
    const term = countTilt(text, lexicon).words[0];
    if (term !== undefined) return { ...subject, term };
  }
  return undefined;
}

interface ThemeMeasure {
  readonly thresholds: BalanceThresholds;
  readonly lexicon: Lexicon;
  readonly unshown: UnshownClaims;
  readonly measured: "claims" | "theses";
  readonly space: "equal" | "proportional";
  /** The document states where the weight lies itself (in its bottom line, or with each question): the note need not say it again. */
  readonly weightStated: boolean;
  /** The sources the document lists, by id: a weight statement naming another says it is not cited here. */
  readonly listedSources: ReadonlySet<string>;
}

/** Where a document prints each question's due-weight statement: in its bottom line, with the questions, or neither (its Balance note does). */
export function weightPrinted(model: Pick<BriefModel, "weightIn" | "sectionOrder">): "bluf" | "questions" | undefined {
  if (model.weightIn === "bluf") return model.sectionOrder.includes("bluf") ? "bluf" : undefined;
  return model.sectionOrder.includes("themes") || model.sectionOrder.includes("comparison") ? "questions" : undefined;
}

function measureTheme(theme: ThemeModel, context: ThemeMeasure, problems: BalanceProblem[]): ThemeBalance {
  const { thresholds, lexicon, unshown, measured } = context;
  const before = problems.length;
  const texts = theme.viewpoints.map((v) => printedTexts(v, measured));
  const words = texts.map((list) => list.reduce((n, text) => n + countWords(text), 0));
  const total = words.reduce((a, b) => a + b, 0);
  const equalShare = theme.viewpoints.length === 0 ? 0 : 1 / theme.viewpoints.length;
  const viewpoints = theme.viewpoints.map((viewpoint, index): ViewpointBalance => {
    const share = total === 0 ? 0 : words[index]! / total;
    const shown = viewpoint.shownClaims;
    const sources = new Set(shown.map((c) => c.source.id)).size;
    const perspectives = new Set(shown.map((c) => c.perspective.id)).size;
    const targetShare = viewpoint.targetShare > 0 ? viewpoint.targetShare : equalShare;
    return {
      id: viewpoint.id,
      label: viewpoint.label,
      claims: shown.length,
      claimsInExtract: viewpoint.claimsInExtract,
      words: words[index]!,
      share,
      targetShare,
      fairShareRatio: targetShare === 0 ? 0 : share / targetShare,
      sources,
      perspectives,
      thin: shown.length > 0 && (sources < 2 || perspectives < 2),
      attributed: shown.filter(isAttributed).length,
      tilt: texts[index]!.reduce(
        (sum, text) => {
          const tilt = countTilt(text, lexicon);
          return {
            loaded: sum.loaded + tilt.loaded,
            puffery: sum.puffery + tilt.puffery,
            hedges: sum.hedges + tilt.hedges,
            score: sum.score + tilt.score,
            words: [...sum.words, ...tilt.words],
          };
        },
        { loaded: 0, puffery: 0, hedges: 0, score: 0, words: [] as string[] },
      ),
    };
  });

  const explained = theme.coverageNote !== undefined;
  const fixesFor = (viewpointId: string, longerThan = 0) =>
    (unshown.get(viewpointId) ?? [])
      .map((c) => ({ claimId: c.id, words: countWords(c.text) }))
      .filter((c) => c.words > longerThan)
      .slice(0, 5);

  if (theme.viewpoints.length < 2) {
    const shownIds = new Set(theme.viewpoints.map((v) => v.id));
    const missing = [...unshown.keys()].filter((id) => !shownIds.has(id) && id.length > 0);
    problems.push(
      problem({
        severity: "error",
        code: "MISSING_VIEWPOINT",
        themeId: theme.id,
        message: `theme "${theme.id}" shows ${theme.viewpoints.length} of its ${theme.viewpointsInExtract} viewpoints; a balanced brief shows at least two`,
        fixes: missing.flatMap((id) => fixesFor(id)).slice(0, 5),
      }),
    );
  }
  for (const viewpoint of viewpoints) {
    const where = { themeId: theme.id, viewpointId: viewpoint.id };
    if (viewpoint.claims === 0) {
      problems.push(
        problem({
          ...where,
          severity: explained ? "warning" : "error",
          code: "EMPTY_VIEWPOINT",
          subject: { kind: "viewpoint", id: viewpoint.id, field: "id" },
          message: `viewpoint "${viewpoint.id}" of theme "${theme.id}" has no attributed claim${explained ? " (the theme's coverage note explains why)" : ""}`,
          fixes: fixesFor(viewpoint.id),
        }),
      );
      continue;
    }
    const belowFloor = context.space === "proportional" && viewpoint.share < equalShare / 2;
    if (theme.viewpoints.length >= 2 && (viewpoint.fairShareRatio < thresholds.underweightRatio || belowFloor)) {
      const due = context.space === "proportional" ? `its proportional share (${Math.round(viewpoint.targetShare * 100)}%)` : "an equal share";
      problems.push(
        problem({
          ...where,
          severity: "error",
          code: "UNDERWEIGHT_VIEWPOINT",
          message:
            `viewpoint "${viewpoint.id}" of theme "${theme.id}" has ${viewpoint.words} of ${total} words (${Math.round(viewpoint.share * 100)}%), ` +
            (belowFloor
              ? `below half an equal share, the floor with space: proportional`
              : `${ratioShown(viewpoint.fairShareRatio)} of ${due}; the threshold is ${thresholds.underweightRatio}`),
          fixes: fixesFor(viewpoint.id),
        }),
      );
    }
    if (viewpoint.thin) {
      problems.push(
        problem({
          ...where,
          severity: "warning",
          code: "THIN_VIEWPOINT",
          message: `viewpoint "${viewpoint.id}" of theme "${theme.id}" rests on ${plural(viewpoint.sources, "source")} and ${plural(viewpoint.perspectives, "perspective")}`,
        }),
      );
    }
  }
  if (viewpoints.length >= 2) {
    const scores = viewpoints.map((v) => v.tilt.score);
    const most = viewpoints[scores.indexOf(Math.max(...scores))]!;
    const least = viewpoints[scores.indexOf(Math.min(...scores))]!;
    if (most.tilt.score - least.tilt.score >= thresholds.tiltDifference) {
      problems.push(
        problem({
          severity: "error",
          code: "TILTED_LANGUAGE",
          themeId: theme.id,
          viewpointId: most.id,
          subject: firstTilted(theme.viewpoints.find((v) => v.id === most.id)!, measured, lexicon),
          message:
            `the text for viewpoint "${most.id}" of theme "${theme.id}" uses tilting words (${most.tilt.words.join(", ")}; score ${most.tilt.score}) ` +
            `that "${least.id}" does not (score ${least.tilt.score})`,
        }),
      );
    }
  }
  const weight = dueWeight(theme, context.listedSources);
  const own = problems.slice(before);
  return {
    themeId: theme.id,
    title: theme.title,
    viewpointsShown: theme.viewpoints.length,
    viewpointsInExtract: theme.viewpointsInExtract,
    firstViewpoint: theme.viewpoints[0]?.id,
    firstViewpointLabel: theme.viewpoints[0]?.label,
    viewpoints,
    passes: !own.some((p) => p.severity === "error"),
    weight,
    note: balanceNote(theme, viewpoints, { weight: context.weightStated ? undefined : weight, problems: own, thresholds, space: context.space }),
  };
}

function isAttributed(claim: ClaimModel): boolean {
  return claim.perspective.label.trim() !== "" && claim.source.shortName.trim() !== "" && claim.locator >= 1;
}

/** Across themes, the first position rotates: flag a brief whose every theme opens with its extract's first viewpoint. */
function checkOrder(model: BriefModel, problems: BalanceProblem[]): void {
  if (model.themes.length < 2) return;
  const opensWithFirst = model.themes.filter((t) => t.viewpoints[0] !== undefined && t.viewpoints[0].id === t.firstViewpointInExtract);
  if (opensWithFirst.length === model.themes.length) {
    problems.push(
      problem({
        severity: "warning",
        code: "SAME_SIDE_FIRST",
        message: `every theme opens with the viewpoint listed first in the extract; the first position should rotate`,
      }),
    );
  }
}

/**
 * A ratio as printed, to two places, rounded down: 0.799 against a threshold of 0.8 must not read "0.80". The
 * balance table prints it the same way as the messages (it rounded, and said 0.71 where the message said 0.70).
 */
export function ratioShown(x: number): string {
  return (Math.floor(x * 100) / 100).toFixed(2);
}


