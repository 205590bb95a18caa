import type { z } from "zod";
import type { DueWeightSchema, ViewWeightSchema, weightVerdicts } from "../schema/balance-report.js";
import type { DeepReadonly } from "../schema/deep-readonly.js";
import type { Holder, ThemeModel, ViewpointModel } from "../model.js";
import { joinWords, numberWord, sentenceCase } from "../text/prose.js";
import { nameHolders, prevalenceRank, strongestPrevalence } from "../select/weight.js";

/**
 * Due weight: where the weight of the sources lies on a question, said plainly
 * and attributed, without endorsing any view. Balance is not equal airtime
 * (ICD 203: "accurately reflect the range and weight of views"): a view most
 * panelists hold and a view one argument puts forward are both stated, and
 * the statement says which is which. The weight comes only from the sources'
 * own words about how widely a view is held (each perspective's prevalence);
 * where they do not say, the statement says that instead of guessing. So it
 * is said as the weight of opinion in the sources: "the weight of the sources"
 * read to a staffer as the weight of their evidence, which her evidence review
 * called weak for the view most of them held.
 */

export type WeightVerdict = (typeof weightVerdicts)[number];
export type ViewWeight = DeepReadonly<z.infer<typeof ViewWeightSchema>>;
export type DueWeight = DeepReadonly<z.infer<typeof DueWeightSchema>>;

/** A view's name in running text: in quotation marks, as it heads its section. */
export function viewName(label: string): string {
  return `“${label}”`;
}

/** "the “Limited partnership” view"; for a label that has its own article, "the view “A live triangle”" (not "the “A live triangle” view"). */
export function theView(label: string): string {
  return /^(?:a|an|the)\s/i.test(label) ? `the view ${viewName(label)}` : `the ${viewName(label)} view`;
}

/**
 * Who holds a view, as the statement names them: "most panelists (Carnegie
 * panel) and some Russians (GMF workshop)". The source is named in brackets,
 * as every attribution in the document is: "at the GMF workshop" would be
 * wrong for the groups a synopsis reports on without their being there.
 */
function holdersPhrase(named: readonly Holder[], listed: ReadonlySet<string>): { text: string; singular: boolean } {
  const sources = [...new Set(named.map((h) => h.sourceId))];
  if (sources.length > 1) {
    return { text: joinWords(named.map((h) => `${h.label} (${sourceShown(h, listed)})`)), singular: false };
  }
  const labels = named.map((h) => h.label);
  return { text: `${joinWords(labels)} (${sourceShown(named[0]!, listed)})`, singular: named.length === 1 && named[0]!.prevalence === "one" };
}

/** The holders in brackets, source after each group: "most panelists, Carnegie panel; some Russians, GMF workshop". */
function briefHolders(named: readonly Holder[], listed: ReadonlySet<string>): string {
  const bySource = new Map<string, Holder[]>();
  for (const h of named) {
    const source = sourceShown(h, listed);
    bySource.set(source, [...(bySource.get(source) ?? []), h]);
  }
  return [...bySource].map(([source, holders]) => `${joinWords(holders.map((h) => h.label))}, ${source}`).join("; ");
}

/** When the caller does not say which sources the document lists: every source the theme's holders are in. */
function everySource(theme: ThemeModel): Set<string> {
  return new Set([...theme.viewpoints, ...theme.viewpointsLeftOut].flatMap((v) => v.holders.map((h) => h.sourceId)));
}

/** A holder's source as the statement names it; one the document does not list (a view left out) is said to be so. */
function sourceShown(holder: Holder, listed: ReadonlySet<string>): string {
  return listed.has(holder.sourceId) ? holder.sourceName : `${holder.sourceName}, not cited here`;
}

/** What the statement needs of a view, shown or left out: its label, stance and holders. */
type WeighedView = Pick<ViewpointModel, "id" | "label" | "stance" | "holders">;

function weighView(viewpoint: WeighedView, shown: boolean, countedSources: number): ViewWeight {
  const named = nameHolders(viewpoint.holders);
  return {
    viewpointId: viewpoint.id,
    label: viewpoint.label,
    shown,
    strength: strongestPrevalence(viewpoint.holders),
    named,
    uncounted: viewpoint.holders.filter((h) => h.prevalence === "unstated"),
    countedSources,
  };
}

/** Steps apart on the prevalence scale (most against one, consensus against some) where the weight clearly lies. */
const clearGap = 3;

/**
 * In how many sources each view is counted, less those where another view is held clearly more widely: a hearing
 * where most councillors hold one view and a single representative the other counts for the first only. Counting
 * it for both made a lone voice tip a question to "held in more of the sources". Closer than that (some
 * participants against one presentation), the source counts for both.
 */
function countedSources(views: readonly WeighedView[]): number[] {
  const strongest = views.map((view) => {
    const bySource = new Map<string, number>();
    for (const h of view.holders) if (h.prevalence !== "unstated") bySource.set(h.sourceId, Math.max(bySource.get(h.sourceId) ?? 0, prevalenceRank[h.prevalence]));
    return bySource;
  });
  return strongest.map((own) => [...own].filter(([source, rank]) => strongest.every((other) => (other.get(source) ?? 0) - rank < clearGap)).length);
}

const liesOrLeans = (verdict: "lies-with" | "leans-toward") => (verdict === "lies-with" ? "lies with" : "leans toward");

/** "the weight of opinion in the sources lies with" (or "leans toward"): how every statement of where it lies opens. */
export function weightLies(verdict: "lies-with" | "leans-toward"): string {
  return `the weight of opinion in the sources ${liesOrLeans(verdict)}`;
}

/** "in both sources", "in all three sources", or, when the views are not counted in every source of the question, "in more of the sources". */
function inMoreOf(views: readonly ViewWeight[], all: readonly WeighedView[]): string {
  const sources = new Set(all.flatMap((view) => view.holders.map((h) => h.sourceId))).size;
  if (!views.every((view) => view.countedSources === sources)) return "in more of the sources";
  return sources === 2 ? "in both sources" : `in all ${numberWord(sources)} sources`;
}

/**
 * Where the uncounted holders of a view speak: "at the GMF workshop", "at the Carnegie panel and the GMF workshop". A
 * source the document does not list is said to be so, as a named holder's is: the weight is the sources', not the
 * selection's, and an author's test found a memo saying a view was "also argued in Fiscal note", which it neither
 * cited nor listed.
 */
function wherePhrase(holders: readonly Holder[], listed: ReadonlySet<string>): string {
  const bySource = new Map(holders.map((h) => [h.sourceId, h]));
  // "(not cited here)" after the one place it is true of: ", not cited here" read as covering the places before it.
  const place = (h: Holder) => (listed.has(h.sourceId) ? h.sourceName : `${h.sourceName} (not cited here)`);
  const events = [...bySource.values()].filter((h) => h.sourceIsEvent).map((h) => `the ${place(h)}`);
  const others = [...bySource.values()].filter((h) => !h.sourceIsEvent).map(place);
  return [events.length > 0 ? `at ${joinWords(events)}` : "", others.length > 0 ? `in ${joinWords(others)}` : ""].filter(Boolean).join(" and ");
}

/**
 * "; the sources attribute it to most panellists (Carnegie panel) and some Russians (GMF workshop)". Of the view, not
 * "among them" (those who hold it): a reader read "the sources count one Russian argument and one presentation
 * among them" as arguments counted as people, and a source's holders are often arguments or presentations, to which
 * a view is attributed as well as to people; "the sources count … for it" read as mechanical to a senior reader.
 */
function attributedTo(view: ViewWeight, listed: ReadonlySet<string>): string {
  return `; the sources attribute it to ${holdersPhrase(view.named, listed).text}`;
}

/**
 * "those who hold the “X” view expect …; the sources attribute it to most panellists (Carnegie panel) and some
 * Russians (GMF workshop)", or, for a view with no stance, "… take the “X” view". A stance sums up what all of a
 * view's holders say, each of whom may have said only part of it, so it is said of those who hold the view, never
 * of the holders named: "(some Russians, GMF workshop): those who hold it see …" read as words put in those Russians'
 * mouths. A view of one holder too: "the cabinet member (Evening Post) is sure that … and worry about …" named no
 * view, and made only the first of its verbs agree (a staffer's test).
 */
function holdsClause(view: ViewWeight, { stance }: WeighedView, listed: ReadonlySet<string>): string {
  const { text, singular } = holdersPhrase(view.named, listed);
  if (stance === undefined) return sentenceCase(`${text} ${singular ? "takes" : "take"} ${theView(view.label)}`);
  return `Those who hold ${theView(view.label)} ${stance}${attributedTo(view, listed)}`;
}

/**
 * The counted views after the first, without stances, in one sentence: "The sources attribute the “B” view to one
 * panellist (Carnegie panel); the “C” view, to one presentation (GMF workshop)." A sentence each, "The sources
 * attribute …" over and over, read as a form filled in.
 */
function attributions(views: readonly ViewWeight[], listed: ReadonlySet<string>): string {
  // Views of the same holders together: "the “A”, “B” and “C” views each to one explanation (GMF workshop)", not the
  // same holders three times over (a reader's test).
  const byHolders = new Map<string, string[]>();
  for (const view of views) {
    const holders = holdersPhrase(view.named, listed).text;
    byHolders.set(holders, [...(byHolders.get(holders) ?? []), view.label]);
  }
  const groups = [...byHolders].map(([holders, labels]) =>
    labels.length === 1 ? { named: theView(labels[0]!), to: `to ${holders}` } : { named: `the ${joinWords(labels.map(viewName))} views`, to: `each to ${holders}` },
  );
  // "the “B” view to …; the “C” view, to …": the verb is not said again, so a comma stands for it.
  return `The sources attribute ${groups.map(({ named, to }, i) => `${named}${i === 0 ? "" : ","} ${to}`).join("; ")}.`;
}

/** The statement's opening: where the weight lies (or that only one view is set out), who holds that view, and (with `stances`) its stance. */
function leadSentence(lead: string, view: ViewWeight, { stance }: WeighedView, listed: ReadonlySet<string>, stances: boolean): string {
  if (stance === undefined) return `${lead}, held by ${holdersPhrase(view.named, listed).text}.`;
  if (!stances) return `${lead}, which the sources attribute to ${holdersPhrase(view.named, listed).text}.`;
  return `${lead}: those who hold it ${stance}${attributedTo(view, listed)}.`;
}

/** "Of the sources’ three views on this question, “X” is not set out here.": undefined when none is left out. */
export function notSetOutSentence(views: number, leftOut: readonly string[]): string | undefined {
  if (leftOut.length === 0) return undefined;
  return `Of the sources’ ${numberWord(views)} views on this question, ${joinWords(leftOut.map(viewName))} ${leftOut.length === 1 ? "is" : "are"} not set out here.`;
}

const compare = (a: ViewWeight, b: ViewWeight) => prevalenceRank[b.strength] - prevalenceRank[a.strength] || b.countedSources - a.countedSources;

/**
 * The due-weight statement for one question. Pure: the same theme gives the same words. `listed`: the sources the
 * document lists, by id; a holder named in another is said to be in a source not cited here. The views a brief leaves
 * out are weighed too, and the statement says they are not set out: weighed over the views shown alone, a memo
 * showing two of three views said the weight lay with one of them where the sources, counted whole, were divided.
 */
export function dueWeight(theme: ThemeModel, listed: ReadonlySet<string> = everySource(theme)): DueWeight {
  const all: readonly WeighedView[] = [...theme.viewpoints, ...theme.viewpointsLeftOut];
  const viewpointOf = new Map(all.map((v) => [v.id, v]));
  const counts = countedSources(all);
  // Array.prototype.sort is stable: display order, then the extract's for the views left out, breaks ties.
  const views = all.map((v, i) => weighView(v, i < theme.viewpoints.length, counts[i]!)).sort(compare);

  const [first, second] = views;
  let verdict: WeightVerdict;
  // Views held by fewer than three steps less widely, but in more of the sources: the counts point both ways.
  let inMoreSources: ViewWeight[] = [];
  if (views.length === 1) verdict = "one-view";
  else if (first === undefined || first.strength === "unstated") verdict = "unstated";
  else if (second === undefined) verdict = "lies-with";
  else {
    const gap = (view: ViewWeight) => prevalenceRank[first.strength] - prevalenceRank[view.strength];
    inMoreSources = views.slice(1).filter((v) => v.strength !== "unstated" && gap(v) < clearGap && v.countedSources > first.countedSources);
    // Three steps apart ("most" against "one", "consensus" against "some") is a clear weight; closer, or the
    // same strength from more sources, is a lean. "Some" in one source against single voices in two is neither:
    // a lean toward the first beside a Balance note saying the other rests on more sources reads as a contradiction.
    verdict =
      gap(second) >= clearGap ? "lies-with" : inMoreSources.length > 0 ? "divided" : gap(second) >= 1 || first.countedSources > second.countedSources ? "leans-toward" : "divided";
  }
  const held = (view: ViewWeight) => `${viewName(view.label)} (${briefHolders(view.named, listed)})`;
  // The counted views besides those two sides, when the counts point both ways.
  const alsoHeld = views.slice(1).filter((v) => v.strength !== "unstated" && !inMoreSources.includes(v));
  const pointsBothWays =
    inMoreSources.length === 0
      ? undefined
      : `The sources’ accounts point different ways: ${held(first!)} is held more widely, but ${joinWords(inMoreSources.map(held))} ${inMoreSources.length === 1 ? "is" : "are"} held ${inMoreOf(inMoreSources, all)}`;

  // Each sentence with and without the views' stances: beside the views' theses (a handout's question, a memo's
  // question without a bottom line) the stances said them twice, five lines apart.
  const sentences: ((stances: boolean) => readonly string[])[] = [];
  const say = (sentence: string) => sentences.push(() => [sentence]);
  // The other counted views: with stances, a sentence each; without, one sentence that attributes those shown, and a
  // sentence each, stance and all, for those left out, whose theses the page does not print (a review).
  const sayHolders = (others: readonly ViewWeight[]) => {
    const withStance = (view: ViewWeight) => `${holdsClause(view, viewpointOf.get(view.viewpointId)!, listed)}.`;
    if (others.length === 0) return;
    sentences.push((stances) => {
      if (stances) return others.map(withStance);
      const shown = others.filter((view) => view.shown);
      return [...(shown.length > 0 ? [attributions(shown, listed)] : []), ...others.filter((view) => !view.shown).map(withStance)];
    });
  };
  const counted = views.filter((v) => v.strength !== "unstated");
  const uncounted = views.filter((v) => v.strength === "unstated");
  if (verdict === "lies-with" || verdict === "leans-toward") {
    const lead = sentenceCase(`${weightLies(verdict)} ${theView(first!.label)}`);
    sentences.push((stances) => [leadSentence(lead, first!, viewpointOf.get(first!.viewpointId)!, listed, stances || !first!.shown)]);
    sayHolders(counted.slice(1));
  } else if (verdict === "one-view") {
    // A brief that shows one side (under a warn policy) weighs nothing against it, and says so.
    const only = first!;
    sentences.push((stances) => [
      only.named.length > 0
        ? leadSentence(`Only ${theView(only.label)} is set out here`, only, viewpointOf.get(only.viewpointId)!, listed, stances)
        : `Only ${theView(only.label)} is set out here${only.uncounted.length > 0 ? `, argued ${wherePhrase(only.uncounted, listed)}` : ""}.`,
    ]);
  } else if (verdict === "divided" && pointsBothWays !== undefined) {
    // Each view named with the holders the sources count, and no stance: what a view's holders say as a whole is
    // not what any one counted group said.
    say(`${pointsBothWays}.`);
    sayHolders(alsoHeld);
  } else if (verdict === "divided") {
    // Said as what it measures, how widely each view is held: "no view clearly more weight" read as a claim of
    // parity in a memo that printed twelve claims of one view and one of the other.
    say("By the sources’ own account, no view is held clearly more widely than another.");
    sayHolders(counted);
  } else {
    say(`The sources do not say how widely ${views.length > 2 ? "any of these views is" : "either view is"} held.`);
  }
  // Counted views that also rest on uncounted arguments in the sources that count them: said once, for all of them.
  const sourcesCounting = new Map(counted.map((v) => [v, new Set(v.named.map((h) => h.sourceId))]));
  const countedIn = (view: ViewWeight) => sourcesCounting.get(view)!;
  const alsoUncounted = counted.filter((v) => v.uncounted.some((h) => countedIn(v).has(h.sourceId) && !v.named.some((n) => n.perspectiveId === h.perspectiveId)));
  if (alsoUncounted.length > 0 && verdict !== "one-view") {
    const alsoGiven =
      alsoUncounted.length === views.length
        ? `On ${views.length === 2 ? "both sides" : "every side"}, the sources also give arguments without saying how widely they are held.`
        : alsoUncounted.length === counted.length && (counted.length === 1 || counted.length === views.length)
          ? `For ${counted.length === 1 ? "it" : counted.length === 2 ? "both" : "each of them"}, the sources also give arguments without saying how widely they are held.`
          : `For ${joinWords(alsoUncounted.map((v) => viewName(v.label)))}, the sources also give arguments without saying how widely they are held.`;
    say(alsoGiven);
  }
  const summary =
    verdict === "lies-with" || verdict === "leans-toward"
      ? `By the sources’ own account of who holds each view, the weight ${liesOrLeans(verdict)} ${viewName(first!.label)}.`
      : verdict === "divided"
        ? pointsBothWays !== undefined
          ? `By the sources’ own account, one view is held more widely and ${inMoreSources.length === 1 ? "another" : "others"} in more of the sources.`
          : "By the sources’ own account, no view is held clearly more widely than another."
        : verdict === "one-view"
          ? "With one view set out, nothing is weighed against it."
          : "The sources do not say how widely the views are held.";
  // Views no source counts: said once per place they are argued ("Both views are argued at the Council hearing").
  const byPlace = new Map<string, ViewWeight[]>();
  for (const view of verdict === "one-view" ? [] : uncounted) {
    if (view.uncounted.length === 0) continue;
    const place = wherePhrase(view.uncounted, listed);
    byPlace.set(place, [...(byPlace.get(place) ?? []), view]);
  }
  // Uncounted arguments in a source that counts none of a view's holders: said with the place. The Balance note says
  // the view rests on that source too, and a lean toward a view counted in one source, beside a note saying the
  // other rests on two, read as a contradiction while nothing said the second source gives no count.
  const alsoArguedAt = new Map<string, ViewWeight[]>();
  for (const view of verdict === "one-view" ? [] : counted) {
    const elsewhere = view.uncounted.filter((h) => !countedIn(view).has(h.sourceId));
    if (elsewhere.length === 0) continue;
    const place = wherePhrase(elsewhere, listed);
    alsoArguedAt.set(place, [...(alsoArguedAt.get(place) ?? []), view]);
  }
  const names = (group: readonly ViewWeight[]) => joinWords(group.map((v) => viewName(v.label)));
  const without = counted.length > 0 ? ", with no word on how widely they are held" : "";
  for (const [place, group] of byPlace) {
    const subject =
      group.length === views.length
        ? views.length === 2 ? "Both views are" : `All ${numberWord(views.length)} views are`
        : group.length === 1
          ? `${sentenceCase(theView(group[0]!.label))} is`
          : `The ${joinWords(group.map((v) => viewName(v.label)))} views are`;
    // Counted views argued here too, without a count, in the same sentence: "…, and so is “Yes”, with no word …".
    const also = alsoArguedAt.get(place) ?? [];
    alsoArguedAt.delete(place);
    if (also.length > 0) {
      const either = group.length + also.length === 2 ? "either is" : "any of them is";
      // "and so is the “Yes” view": "and so is “Yes”" read as the word yes (a review).
      const alsoNamed = also.length === 1 ? theView(also[0]!.label) : `the ${names(also)} views`;
      say(`${subject} argued ${place}, and so ${also.length === 1 ? "is" : "are"} ${alsoNamed}, with no word there on how widely ${either} held.`);
    } else say(`${subject} argued ${place}${group.length === 1 ? without.replace("they are", "it is") : without}.`);
  }
  // One sentence for all places: "“X” is also argued at the GMF workshop and “Y” at the Carnegie panel, with no word …".
  const [firstPlace, ...otherPlaces] = alsoArguedAt;
  if (firstPlace !== undefined) {
    const [place, group] = firstPlace;
    const one = otherPlaces.length === 0 && group.length === 1;
    const first = `${sentenceCase(names(group))} ${group.length === 1 ? "is" : "are"} also argued ${place}`;
    say(`${joinWords([first, ...otherPlaces.map(([where, views]) => `${names(views)} ${where}`)])}, with no word there on how widely ${one ? "it is" : "they are"} held.`);
  }
  // The views the brief leaves out, said first: a reader must not take the views set out for all there are, nor
  // read the weighing that follows as a contest between the views on the page (a reader's test).
  const leftOut = views.filter((v) => !v.shown);
  const notSetOut = notSetOutSentence(views.length, leftOut.map((v) => v.label));
  if (notSetOut !== undefined) sentences.unshift(() => [notSetOut]);
  const short =
    verdict === "lies-with" || verdict === "leans-toward"
      ? `${sentenceCase(weightLies(verdict))} ${held(first!)}${
          counted.length > 1 ? ` rather than ${joinWords(counted.slice(1).map(held), "or")}` : ""
        }.`
      : verdict === "one-view"
        ? `Only ${viewName(first!.label)} is set out here.`
        : verdict === "divided"
        ? pointsBothWays !== undefined
          ? `${pointsBothWays}${alsoHeld.length > 0 ? `; ${joinWords(alsoHeld.map(held))} ${alsoHeld.length === 1 ? "is" : "are"} held too` : ""}.`
          : `By the sources’ own account, no view is held clearly more widely than another: ${joinWords(counted.map(held))}.`
        : `The sources do not say how widely ${views.length > 2 ? "any of these views is" : "either view is"} held.`;
  // A view no source counts is still one of the views: the short form names it too, rather than leave it out.
  // Only a view some argument is given for: one the extract gives no claim is argued nowhere.
  const unweighed = counted.length > 0 && verdict !== "one-view" ? uncounted.filter((v) => v.uncounted.length > 0) : [];
  const shortWithAll =
    unweighed.length === 0
      ? short
      : `${short} ${sentenceCase(joinWords(unweighed.map((v) => viewName(v.label))))} ${unweighed.length === 1 ? "is" : "are"} argued with no word on how widely ${unweighed.length === 1 ? "it is" : "they are"} held.`;
  const withLeftOut = (text: string) => (notSetOut === undefined ? text : `${notSetOut} ${text}`);
  const withStances = sentences.flatMap((sentence) => sentence(true));
  return {
    themeId: theme.id,
    verdict,
    leading: verdict === "lies-with" || verdict === "leans-toward" ? first!.viewpointId : undefined,
    views,
    sentences: withStances,
    text: withStances.join(" "),
    attributed: sentences.flatMap((sentence) => sentence(false)).join(" "),
    summary: withLeftOut(summary),
    short: withLeftOut(shortWithAll),
  };
}
