import type { ThemeModel } from "../model.js";
import { countOf, joinWords, numbersAlike, numberWord } from "../text/prose.js";
import { notSetOutSentence, viewName, type DueWeight } from "./due-weight.js";
import type { BalanceProblem } from "./problem.js";

/**
 * The Balance note of a document, question by question, written for its
 * reader: how much space each view gets, what each rests on, and where the
 * weight of the sources lies when the document does not say so elsewhere
 * (said twice, it reads as two findings). No ids, no policy names, no word counts: a
 * view's space is said in words ("about half as much"), as a reader would.
 */

/** What the note needs of a viewpoint's measures. */
interface Measured {
  readonly label: string;
  readonly words: number;
  readonly claims: number;
  readonly sources: number;
  readonly perspectives: number;
  readonly fairShareRatio: number;
  readonly targetShare: number;
  readonly tilt: { readonly score: number; readonly words: readonly string[] };
}

/** How a view's space compares with the others', as a reader would say it: "about half as much". */
export function proportionInWords(ratio: number): string {
  if (ratio < 0.3) return "less than a third as much";
  const named: readonly [number, string][] = [
    [1 / 3, "a third"],
    [0.4, "two-fifths"],
    [0.5, "half"],
    [0.6, "three-fifths"],
    [2 / 3, "two-thirds"],
    [0.75, "three-quarters"],
    [0.8, "four-fifths"],
    // A brief may set underweight_ratio near 1: a view just short of it is "about nine-tenths", not four-fifths.
    [0.9, "nine-tenths"],
  ];
  const [, nearest] = named.reduce((best, entry) => (Math.abs(entry[0] - ratio) < Math.abs(best[0] - ratio) ? entry : best));
  return `about ${nearest} as much`;
}

const averageWords = (viewpoints: readonly Measured[]) => viewpoints.reduce((sum, v) => sum + v.words, 0) / Math.max(1, viewpoints.length);

function spaceSentence(viewpoints: readonly Measured[], thresholds: { underweightRatio: number }, space: "equal" | "proportional", inExtract: number): string {
  const shown = viewpoints.filter((v) => v.claims > 0 || v.words > 0);
  if (shown.length < 2) {
    // The views a brief leaves out are the sources' too: "only" says nothing of how many there are.
    const of = inExtract > shown.length ? `, of the ${numberWord(inExtract)} views the sources give` : "";
    return `Only ${shown.length === 1 ? viewName(shown[0]!.label) : "no view"} is set out here${of}.`;
  }
  const proportional = space === "proportional" && viewpoints.some((v) => Math.abs(v.targetShare - 1 / viewpoints.length) > 0.01);
  const short = viewpoints.filter((v) => v.fairShareRatio < thresholds.underweightRatio);
  if (short.length > 0) {
    const others = viewpoints.filter((v) => !short.includes(v));
    const subject = `${joinWords(short.map((v) => viewName(v.label)))} ${short.length === 1 ? "gets" : "get"} less space than ${proportional ? (short.length === 1 ? "its share" : "their shares") : others.length === 1 ? "the other view" : "the other views"}`;
    // Against an equal share, how much the others get; against a share by weight, the share itself.
    const ratio = proportional ? Math.min(...short.map((v) => v.fairShareRatio)) : averageWords(short) / Math.max(1, averageWords(others));
    return `${subject}: ${proportionInWords(ratio)}.`;
  }
  if (proportional) {
    const most = viewpoints.reduce((a, b) => (b.words > a.words ? b : a));
    return `Space follows the weight of opinion in the sources: ${viewName(most.label)} gets the most.`;
  }
  // Equal space, as the note's lead promises: said there once for every question (balanceLead), not again under each.
  return space === "proportional" ? "Each view gets about the same space (the sources do not count every view’s holders, so the space is equal)." : "";
}

function sourcesSentence(viewpoints: readonly Measured[]): string {
  const shown = viewpoints.filter((v) => v.claims > 0);
  if (shown.length === 0) return "";
  const counts = new Set(shown.map((v) => v.sources));
  if (shown.length === 1) return `It rests on ${countOf(shown[0]!.sources, "source")}.`;
  if (counts.size === 1) {
    const n = shown[0]!.sources;
    // Not "both sources": two each need not be the same two (a corpus of three, the views on different pairs).
    return `Each view rests on ${countOf(n, "source")}.`;
  }
  const [first, ...rest] = shown;
  const write = numbersAlike(shown.map((v) => v.sources));
  return `${viewName(first!.label)} rests on ${countOf(first!.sources, "source", { write })}, ${joinWords(rest.map((v) => `${viewName(v.label)} on ${write(v.sources)}`))}.`;
}

/**
 * The views whose printed claims all come from one holder. Said of this document ("here"): the sources may give the
 * view more holders, as the weight statement says, and "argued by a single voice" read as contradicting it.
 */
function voicesSentence(viewpoints: readonly Measured[]): string {
  const single = viewpoints.filter((v) => v.claims > 0 && v.perspectives === 1);
  if (single.length === 0) return "";
  return `Here, ${joinWords(single.map((v) => viewName(v.label)))} ${single.length === 1 ? "rests" : "each rest"} on one holder’s arguments.`;
}

/** The note's sentences for one question. */
export function balanceNote(
  theme: ThemeModel,
  viewpoints: readonly Measured[],
  context: { weight: DueWeight | undefined; problems: readonly BalanceProblem[]; thresholds: { underweightRatio: number }; space: "equal" | "proportional" },
): string[] {
  const sentences = [spaceSentence(viewpoints, context.thresholds, context.space, theme.viewpointsInExtract), sourcesSentence(viewpoints), voicesSentence(viewpoints)];
  const empty = theme.viewpoints.filter((v) => v.shownClaims.length === 0);
  if (empty.length > 0) {
    sentences.push(`The sources carry no argument for ${joinWords(empty.map((v) => viewName(v.label)))}${theme.coverageNote ? "; the coverage note says why" : ""}.`);
  }
  const tilted = context.problems.find((p) => p.code === "TILTED_LANGUAGE");
  if (tilted !== undefined) {
    const view = viewpoints.find((v) => v.tilt.score === Math.max(...viewpoints.map((x) => x.tilt.score)));
    if (view) sentences.push(`Our wording for ${viewName(view.label)} uses loaded words (${joinWords([...new Set(view.tilt.words)])}).`);
  }
  // Where the weight lies, once: here only when the document does not say it with the question or in its bottom line.
  if (context.weight !== undefined) sentences.push(context.weight.summary);
  // Otherwise the views left out are said here too (the summary says them): the note must not read as if the
  // views set out were all there are. One view set out says it in its own sentence, above.
  else if (theme.viewpoints.length > 1) sentences.push(notSetOutSentence(theme.viewpointsInExtract, theme.viewpointsLeftOut.map((v) => v.label)) ?? "");
  return sentences.filter((s) => s !== "");
}
