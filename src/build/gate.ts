import type { Lexicon } from "../balance/lexicon.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import type { BriefModel } from "../model.js";
import type { CheckedBrief } from "../validate/brief.js";
import { blocksCorpus, brokenItems, itemKey } from "../validate/scope.js";
import { assembleBrief, type AssembledBrief } from "./assemble-brief.js";
import { checkedBrief, preparedBriefId, type PreparedBrief } from "./prepare.js";

/**
 * The one gate. Whether a brief may be built is decided here and nowhere
 * else: `brief build` (per brief, in its job), `brief validate`, `brief
 * balance` and renderBrief all ask these functions, so they refuse exactly the
 * same briefs. tests/unit/build/gate.test.ts proves it for every kind of
 * refusal.
 *
 * A brief is refused when
 * - it has problems of its own (schema, unknown theme or viewpoint, …);
 * - its corpus has a problem that stops every brief of it (validate/scope.ts);
 * - it shows a claim or fact with a problem of its own (a misquote, a wrong
 *   locator, a copied paraphrase): decided after selection, so
 *   `claims_per_viewpoint` counts, and a brief that does not show the item
 *   builds;
 * - it is unbalanced under the strict policy.
 * Problems that are about what the extract leaves out (coverage, a viewpoint
 * without claims) refuse no brief; like every error they fail the run.
 */

/** Why a brief is not built: the status the build records, one line for people, and the problems behind it. */
export interface Refusal {
  readonly status: "invalid" | "unbalanced";
  /** "shows claim x, which has an error", "corpus c has errors that stop every brief of it", … */
  readonly reason: string;
  /** The problems that decide it. Those of the corpus are the corpus's own, to be reported once per run. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface GatedBrief extends AssembledBrief {
  /** Undefined when the brief may be built. */
  readonly refusal: Refusal | undefined;
}

export interface GateContext {
  /** The date printed when the brief sets none. */
  readonly date: string;
  readonly lexicon: Lexicon;
}

/** Select and measure a checked brief, and decide whether it may be built. Pure. */
export function gateBrief(checked: CheckedBrief, context: GateContext): GatedBrief {
  const assembled = assembleBrief(checked, context);
  // The corpus's broken claims and facts, by item, read once for both questions below.
  const broken = brokenItems(checked.corpus.diagnostics);
  const refused = (reason: string, items: readonly { diagnostics: Diagnostic[] }[]): GatedBrief => ({
    ...assembled,
    refusal: { status: "invalid", reason, diagnostics: items.flatMap((s) => s.diagnostics) },
  });
  const shown = brokenItemsShown(broken, assembled.model);
  if (shown.length > 0) {
    return refused(`it shows ${describeItems(shown.map((s) => s.label))}, which ${shown.length === 1 ? "has" : "have"} errors`, shown);
  }
  const unplaced = unplacedClaims(broken, checked, assembled.model);
  if (unplaced.length > 0) {
    const named = `${describeItems(unplaced.map((s) => s.label))}, of a question it shows, ${unplaced.length === 1 ? "names" : "name"}`;
    return refused(`${named} an unknown viewpoint or perspective, so which claims it would show is not known`, unplaced);
  }
  if (assembled.balance.policy === "strict" && assembled.balance.verdict === "unbalanced") {
    return { ...assembled, refusal: { status: "unbalanced", reason: "it is unbalanced, and its balance policy is strict", diagnostics: assembled.diagnostics } };
  }
  return { ...assembled, refusal: undefined };
}

/** A prepared brief judged: built or not, and why; `gated` when it got as far as selection. */
export interface BriefJudgement {
  readonly id: string;
  readonly file: string;
  readonly refusal: Refusal | undefined;
  readonly gated: GatedBrief | undefined;
  /** The brief's own problems and its balance problems (errors and warnings); its corpus's are the corpus's. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Judge a prepared brief without building it: its own problems, its corpus,
 * then (when both allow) selection, the items shown and balance.
 */
export function judgeBrief(prepared: PreparedBrief, context: GateContext): BriefJudgement {
  const id = preparedBriefId(prepared);
  const file = prepared.file?.path ?? prepared.shown;
  const checked = checkedBrief(prepared);
  if (checked !== undefined) {
    const gated = gateBrief(checked, context);
    return { id, file, refusal: gated.refusal, gated, diagnostics: [...prepared.diagnostics, ...gated.diagnostics] };
  }
  return { id, file, refusal: refusalBeforeSelection(prepared), gated: undefined, diagnostics: prepared.diagnostics };
}

/** Why a brief that never reaches selection is refused: its own problems, or its corpus's. */
export function refusalBeforeSelection(prepared: PreparedBrief): Refusal {
  if (prepared.brief === undefined || errorCount(prepared.diagnostics) > 0) {
    const count = errorCount(prepared.diagnostics);
    return { status: "invalid", reason: count === 1 ? "it has an error" : `it has ${count} errors`, diagnostics: prepared.diagnostics };
  }
  const corpus = prepared.brief.corpus;
  return {
    status: "invalid",
    reason: `its corpus "${corpus}" has errors that stop every brief of it`,
    diagnostics: prepared.corpus?.diagnostics.filter(blocksCorpus) ?? [],
  };
}

/** The broken claims and facts a selected brief shows, each with its problems. */
function brokenItemsShown(broken: ReadonlyMap<string, Diagnostic[]>, model: BriefModel): { label: string; diagnostics: Diagnostic[] }[] {
  if (broken.size === 0) return [];
  const shown = [
    ...model.themes.flatMap((t) => t.viewpoints.flatMap((v) => v.shownClaims.map((c) => ({ kind: "claim" as const, id: c.id })))),
    ...model.facts.map((f) => ({ kind: "fact" as const, id: f.id })),
  ];
  return shown.flatMap((item) => {
    const diagnostics = broken.get(itemKey(item));
    return diagnostics === undefined ? [] : [{ label: `${item.kind} "${item.id}"`, diagnostics }];
  });
}

/** Errors that keep selection from weighing a claim as its author meant: it cannot be placed under its view, or ranked by its holders. */
const placingCodes: ReadonlySet<string> = new Set(["EXTRACT_UNKNOWN_VIEWPOINT", "EXTRACT_UNKNOWN_PERSPECTIVE"]);

/**
 * The claims of the questions a brief shows that selection could not weigh (a misspelt viewpoint or
 * perspective). The brief does not show them, but it might have, had they been right: before, it was built
 * without a word, another claim in their place.
 */
function unplacedClaims(broken: ReadonlyMap<string, Diagnostic[]>, checked: CheckedBrief, model: BriefModel): { label: string; diagnostics: Diagnostic[] }[] {
  // Which claims are chosen changes a brief that prints them, a one-pager (it lists their sources), and any brief that
  // prints a due-weight statement (the bottom line, the Balance note: it names their holders); not one of key facts alone.
  const weighs = model.printsClaims || model.layout === "one-pager" || model.sections.bluf || model.sections.balance;
  if (broken.size === 0 || !weighs) return [];
  const themes = new Set(model.themes.map((t) => t.id));
  const excluded = new Set(checked.brief.exclude_claims ?? []);
  return checked.corpus.extract.claims.flatMap((claim) => {
    if (!themes.has(claim.theme) || excluded.has(claim.id)) return [];
    const diagnostics = broken.get(itemKey({ kind: "claim", id: claim.id }))?.filter((d) => placingCodes.has(d.code));
    return diagnostics === undefined || diagnostics.length === 0 ? [] : [{ label: `claim "${claim.id}"`, diagnostics }];
  });
}

/** "claim "a"", "claim "a" and fact "b"", "claim "a", claim "b" and 3 more". */
function describeItems(labels: readonly string[]): string {
  if (labels.length === 1) return labels[0]!;
  if (labels.length <= 3) return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
  return `${labels.slice(0, 2).join(", ")} and ${labels.length - 2} more`;
}
