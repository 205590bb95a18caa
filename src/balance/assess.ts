import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locate } from "../load/yaml-locate.js";
import type { BriefModel } from "../model.js";
import type { CheckedBrief, ValidBrief } from "../validate/brief.js";
import { fileTextOf, locateInExtract, termSpan } from "../validate/origins.js";
import { brokenItems, itemKey } from "../validate/scope.js";
import type { Lexicon } from "./lexicon.js";
import type { ErrorCode } from "../errors/codes.js";
import { plural } from "../text/plural.js";
import { joinWords } from "../text/prose.js";
import { weightLies } from "./due-weight.js";
import { measureBalance, type BalancePolicy, type BalanceProblem, type BalanceProblemCode, type BalanceReport } from "./measure.js";

/** The policy a brief gets when it names none: memos are held to strict balance. */
function balancePolicyOf(brief: ValidBrief): BalancePolicy {
  return brief.balance ?? (brief.layout === "memo" ? "strict" : "warn");
}

/**
 * Measure a selected brief's balance under its policy, and turn each problem
 * into a diagnostic that points at the text it is about: a claim in the
 * extract, or the brief's own summary or theme list.
 */
export function assessBalance(checked: CheckedBrief, model: BriefModel, lexicon: Lexicon): { report: BalanceReport; diagnostics: Diagnostic[] } {
  const { brief, corpus } = checked;
  const extract = corpus.extract;
  // Shown wherever printed: an assumption printed under key assumptions is shown, and no fix to suggest.
  const shownClaims = new Set(model.themes.flatMap((t) => t.viewpoints.flatMap((v) => v.shownClaims.map((c) => c.id))));
  // A claim with errors (a misspelt theme, a misquote) is never a fix to suggest: the brief could not show it as it is.
  const broken = brokenItems(corpus.diagnostics);
  const unshown = new Map<string, { id: string; text: string }[]>();
  for (const theme of model.themes) {
    for (const viewpoint of extract.themes.find((t) => t.id === theme.id)?.viewpoints ?? []) {
      const candidates = extract.claims.filter(
        (c) => c.theme === theme.id && c.viewpoint === viewpoint.id && !shownClaims.has(c.id) && !broken.has(itemKey({ kind: "claim", id: c.id })),
      );
      unshown.set(
        viewpoint.id,
        candidates.map((c) => ({ id: c.id, text: c.text })),
      );
    }
  }
  const report = measureBalance(model, {
    lexicon,
    policy: balancePolicyOf(brief),
    thresholds: {
      ...(brief.balance_thresholds?.underweight_ratio !== undefined ? { underweightRatio: brief.balance_thresholds.underweight_ratio } : {}),
      ...(brief.balance_thresholds?.tilt_difference !== undefined ? { tiltDifference: brief.balance_thresholds.tilt_difference } : {}),
    },
    unshown,
  });
  const diagnostics = [...report.problems.map((problem) => toDiagnostic(problem, report, checked, model)), ...noticeDiagnostics(model, checked)];
  return { report, diagnostics };
}

/**
 * What selection left out or noticed about dates, as warnings that point at the reason, whatever the balance
 * policy: a fact's date; for a source cited after the brief's date, the brief's date: if it sets one (the
 * likelier slip), else the source's.
 */
function noticeDiagnostics(model: BriefModel, checked: CheckedBrief): Diagnostic[] {
  const { extract, origins } = checked.corpus;
  const briefDate = { file: checked.file.path, span: locate(checked.file, ["date"]) };
  return model.notices.map((notice): Diagnostic => {
    const { kind, id, field } = notice.subject;
    const item = kind === "fact" ? extract.facts.find((f) => f.id === id) : checked.brief.date === undefined ? extract.sources.find((s) => s.id === id) : undefined;
    return {
      severity: "warning",
      code: `SELECT_${notice.code}`,
      message: notice.message,
      ...(item === undefined ? briefDate : locateInExtract(origins, item, field)),
      hint:
        kind === "fact"
          ? "a brief dated before a fact cannot know it; set a later date: in the brief if it is meant to include it"
          : checked.brief.date === undefined
            ? // The date it is built for: SOURCE_DATE_EPOCH's or today's, for brief build and the library alike, or the one a program gave renderBrief.
              "the brief sets no date:, so it takes the date it is built for (SOURCE_DATE_EPOCH's when it is set, else today's; a program may give renderBrief its own); correct the source's date if it is wrong, or give the brief a date: on or after it"
            : "a brief dated before a source it cites could not have known it; set its date: on or after the source's",
    };
  });
}

function toDiagnostic(problem: BalanceProblem, report: BalanceReport, checked: CheckedBrief, model: BriefModel): Diagnostic {
  const policy = report.policy;
  // A question shown with one view is fixed in viewpoints:, by the views the brief leaves out, not by claims.
  const leftOut = problem.code === "MISSING_VIEWPOINT" ? (model.themes.find((t) => t.id === problem.themeId)?.viewpointsLeftOut ?? []) : [];
  // A side the brief's own exclude_claims thins: that list is the cause, and where to look.
  const excluded = problem.code === "UNDERWEIGHT_VIEWPOINT" || problem.code === "EMPTY_VIEWPOINT" ? excludedClaimsOf(problem.viewpointId, checked) : [];
  const where = excluded.length > 0 ? { file: checked.file.path, span: locate(checked.file, ["exclude_claims"], "key") } : (subjectPlace(problem, checked) ?? problemPlace(problem, checked));
  // The claims the brief itself leaves out are said as that, not offered as claims to add.
  const fixing = problem.fixes.filter((f) => !excluded.includes(f.claimId));
  const fixes = fixing.length > 0 ? `claims in the extract that would fix it: ${fixing.map((f) => `${f.claimId} (${f.words} words)`).join(", ")}` : undefined;
  const cause =
    excluded.length === 0
      ? hintFor(problem, report)
      : problem.code === "EMPTY_VIEWPOINT"
        ? `exclude_claims leaves out ${joinWords(excluded)}, ${excluded.length === 1 ? "the only claim" : "every claim"} of this side: show ${excluded.length === 1 ? "it" : "some of them"}, or leave the viewpoint out`
        : `exclude_claims leaves out ${joinWords(excluded)} of this side: show ${excluded.length === 1 ? "it" : "some of them"}, or trim the other sides`;
  const hint = leftOut.length > 0 ? `add ${joinWords(leftOut.map((v) => `"${v.id}"`), "or")} to viewpoints` : [fixes, cause].filter((h) => h !== undefined).join("; ") || undefined;
  return {
    severity: policy === "strict" ? problem.severity : "warning",
    code: balanceCode(problem.code),
    message: problem.message,
    ...where,
    hint,
  };
}

type Place = { file: string; span: { start: number; end: number } };

/** Where the text a problem is about is: the brief's field, or the claim, fact, theme or viewpoint in the extract (undefined when it has none, or it is not found). */
function subjectPlace(problem: BalanceProblem, checked: CheckedBrief): Place | undefined {
  const { file } = checked;
  const { extract, origins } = checked.corpus;
  const subject = problem.subject;
  // The item the text is of, in the extract: the caret below is placed in its file's text.
  let item: object | undefined;
  let place: Place | undefined;
  if (subject?.kind === "brief") place = { file: file.path, span: locate(file, [subject.field]) };
  else if (subject?.kind === "claim" || subject?.kind === "fact") {
    item = (subject.kind === "claim" ? extract.claims : extract.facts).find((c) => c.id === subject.id);
    place = item ? locateInExtract(origins, item, subject.field) : undefined;
  } else if (subject?.kind === "theme") {
    item = extract.themes.find((t) => t.id === subject.id);
    place = item ? locateInExtract(origins, item, subject.field) : undefined;
  } else if (subject?.kind === "viewpoint") {
    const theme = extract.themes.find((t) => t.viewpoints.some((v) => v.id === subject.id));
    item = theme;
    const index = theme?.viewpoints.findIndex((v) => v.id === subject.id) ?? -1;
    place = theme ? locateInExtract(origins, theme, ["viewpoints", index, subject.field]) : undefined;
  }
  if (place === undefined || subject?.term === undefined) return place;
  const text = item === undefined ? file.text : fileTextOf(origins, item);
  return { file: place.file, span: termSpan(text, place.span, subject.term) };
}

/**
 * Where a problem without a text of its own is: the viewpoint or theme as the
 * brief lists it, else as the extract defines it; the brief's choice of
 * themes or viewpoints only for problems of the brief as a whole.
 */
function problemPlace(problem: BalanceProblem, checked: CheckedBrief): Place {
  const { file, brief } = checked;
  const { extract, origins } = checked.corpus;
  const viewpointIndex = problem.viewpointId === undefined || brief.viewpoints === "all" ? -1 : brief.viewpoints.indexOf(problem.viewpointId);
  if (viewpointIndex >= 0) return { file: file.path, span: locate(file, ["viewpoints", viewpointIndex]) };
  // A theme-wide problem (a side missing) in a brief that picks its viewpoints: the pick is what to change.
  if (problem.viewpointId === undefined && brief.viewpoints !== "all") return { file: file.path, span: locate(file, ["viewpoints"], "key") };
  const themeIndex = problem.themeId === undefined || brief.themes === "all" ? -1 : brief.themes.indexOf(problem.themeId);
  if (themeIndex >= 0) return { file: file.path, span: locate(file, ["themes", themeIndex]) };
  const theme = extract.themes.find((t) => t.id === problem.themeId);
  if (theme !== undefined) {
    const index = theme.viewpoints.findIndex((v) => v.id === problem.viewpointId);
    return locateInExtract(origins, theme, index >= 0 ? ["viewpoints", index, "id"] : "id");
  }
  return { file: file.path, span: locate(file, [brief.viewpoints !== "all" ? "viewpoints" : "themes"], "key") };
}

/** The claims of a viewpoint that the brief's exclude_claims leaves out. */
function excludedClaimsOf(viewpointId: string | undefined, checked: CheckedBrief): string[] {
  const excluded = new Set(checked.brief.exclude_claims ?? []);
  return checked.corpus.extract.claims.filter((c) => c.viewpoint === viewpointId && excluded.has(c.id)).map((c) => c.id);
}

/** The ICD 203 likelihood scale's words, as the hints offer them: one row, in order. */
const likelihoodScale = "almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain";

function hintFor(problem: BalanceProblem, report: BalanceReport): string | undefined {
  switch (problem.code) {
    case "MISSING_VIEWPOINT":
      return "select viewpoints on both sides of the question";
    case "UNDERWEIGHT_VIEWPOINT": {
      const theme = report.themes.find((t) => t.themeId === problem.themeId);
      const side = theme?.viewpoints.find((v) => v.id === problem.viewpointId);
      // The view the weight of opinion lies with, given equal room: room by weight is the answer, not equal airtime
      // by trimming (a staffer followed "show fewer of the other sides'", and the leading view got the fewest claims).
      const weight = theme?.weight;
      const byWeight =
        weight !== undefined && report.space === "equal" && weight.leading === problem.viewpointId && (weight.verdict === "lies-with" || weight.verdict === "leans-toward")
          ? `; ${weightLies(weight.verdict)} this view: space: proportional gives each view room in proportion to it`
          : "";
      if (side !== undefined && side.claims < side.claimsInExtract) {
        return `this side shows ${side.claims} of its ${side.claimsInExtract} claims: raise claims_per_viewpoint, or trim the other sides${byWeight}`;
      }
      const all = side?.claimsInExtract === 1 ? "the one claim" : `all ${plural(side?.claimsInExtract ?? 0, "claim")}`;
      return `this side already shows ${all} the extract has for it: add claims for it to the extract, or show fewer of the other sides' (a lower claims_per_viewpoint)${byWeight}`;
    }
    case "TILTED_LANGUAGE":
      return "report every side in the same neutral verbs (says, argues, notes)";
    case "RECOMMENDATION_IN_SYNTHESIS":
      // Not "a recommendation: section": a staffer added one to sections:, which has none.
      return "state the range of views here, or give the brief a recommendation: field of its own, beside summary: and assessment:";
    case "OFF_SCALE_LIKELIHOOD":
      // A staffer's "may possibly" was told to "use one row" of a scale she had never heard of.
      return `say how likely in the scale's words (${likelihoodScale}), or leave "${problem.subject?.term ?? "it"}" out`;
    case "MIXED_ESTIMATIVE_ROWS":
      return `use one row of the ICD 203 scale: ${likelihoodScale}`;
    case "LIKELIHOOD_WITH_CONFIDENCE":
      return "state the likelihood and the confidence in separate sentences";
    case "ASSESSMENT_WITHOUT_LIKELIHOOD":
      // In the words of any topic: the hint is read in every project, not only the example's.
      return `say how likely the judgment is in one of the ICD 203 words (${likelihoodScale}), as in "… is likely within a year."`;
    case "ASSESSMENT_WITHOUT_CONFIDENCE":
      return "for example: \"We have moderate confidence in this judgment.\"";
    default:
      return undefined;
  }
}

function balanceCode(code: BalanceProblemCode): ErrorCode {
  return `BALANCE_${code}`;
}
