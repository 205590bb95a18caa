import type {
  BriefModel,
  ClassificationBlockModel,
  Holder,
  ClaimModel,
  FactModel,
  NoteModel,
  SelectionNotice,
  SourceModel,
  SourceRef,
  LeftOutViewpoint,
  ThemeModel,
  ViewpointModel,
} from "../model.js";
import { explicitPortionMark, portionMarkOf, printedMarking } from "../marking/portion-mark.js";
import { runningTitle } from "../text/prose.js";
import { sectionNames, type LayoutName, type SectionName } from "../schema/brief.js";
import type { Claim, Fact, Perspective, ReadonlyExtract, Source, Theme, Viewpoint } from "../schema/extract.js";
import { formatDate } from "../text/dates.js";
import type { ValidBrief } from "../validate/brief.js";
import { chooseBalancedClaims, rotate } from "./choose-claims.js";
import { termsUsed } from "./glossary.js";
import { quotesOverlap } from "./overlap.js";
import { holdersOf, nameHolders, prevalenceRank, proportionalShares, sourceShortName, strongestPrevalence } from "./weight.js";

/** The sections each layout prints, in this order, when a brief does not list its own. */
export const defaultSections: Readonly<Record<LayoutName, readonly SectionName[]>> = {
  memo: ["bluf", "themes", "facts", "assumptions", "sources", "balance"],
  handout: ["comparison", "facts", "questions", "glossary", "sources", "balance"],
  "one-pager": ["bluf", "themes", "sources", "balance"],
};

/** Memos carry their quotes in endnotes; handouts and one-pagers quote inline, as they always have. */
const defaultCitations: Readonly<Record<LayoutName, "endnotes" | "inline">> = { memo: "endnotes", handout: "inline", "one-pager": "inline" };

/** Memos and one-pagers are read in minutes: an inline quote longer than this is left to its citation. Handouts quote in full. */
const quoteWordLimits: Partial<Record<LayoutName, number>> = { memo: 30, "one-pager": 20 };

/** One collator for every brief: localeCompare with options builds a new one on each call, which showed in profiles. */
const glossaryOrder = new Intl.Collator("en", { sensitivity: "base" });

export interface SelectOptions {
  /** The date printed when the brief sets none (ISO YYYY-MM-DD). */
  readonly buildDate: string;
}

/** A theme's content chosen from the extract, before anything is numbered. */
interface ChosenTheme {
  readonly theme: Theme;
  readonly viewpoints: readonly {
    readonly viewpoint: Viewpoint;
    readonly chosen: readonly Claim[];
    /** Who holds the view among the candidates, strongest first: weighed once, for selection and for the model. */
    readonly holders: readonly Holder[];
    readonly targetShare: number;
  }[];
  readonly leftOut: readonly LeftOutViewpoint[];
  readonly facts: readonly Fact[];
}

/**
 * Select the content of a brief from an extract. Pure and deterministic: the
 * same brief and extract give the same model, in the same order. Everything
 * counted or numbered (sources, endnotes, the glossary, the counts) is what
 * the document prints, in the order it prints it.
 */
export function selectBrief(brief: ValidBrief, extract: ReadonlyExtract, options: SelectOptions): BriefModel {
  const date = brief.date ?? options.buildDate;
  const perspectives = new Map(extract.perspectives.map((p) => [p.id, p]));
  const sourcesById = new Map(extract.sources.map((s) => [s.id, s]));
  const citations = brief.citations ?? defaultCitations[brief.layout];
  const requested =
    brief.sections ?? sectionsByDefault(brief);
  const printsClaims = brief.layout !== "one-pager" && (requested.includes("themes") || requested.includes("comparison"));
  const assumptionsApart = printsClaims && requested.includes("assumptions");
  const notices: SelectionNotice[] = [];

  const chosenThemes = chooseThemes(brief, extract).map((theme, index) =>
    chooseTheme(theme, index, brief, extract, { perspectives, sourcesById, date, notices }),
  );
  // Claims printed in this document: a fact resting on the same words is not printed again.
  const shownClaims = printsClaims ? chosenThemes.flatMap((t) => t.viewpoints.flatMap((v) => v.chosen)) : [];
  // A fact repeats a claim when it rests on the same words of the same paragraph ("the gas deal signed in May 2014"
  // after a claim that calls that deal historic).
  const repeats = (fact: Fact) =>
    shownClaims.some((claim) => claim.source === fact.source && claim.locator === fact.locator && quotesOverlap(claim.quote, fact.quote));
  const themesWithFacts = chosenThemes.map((chosen) => ({ ...chosen, facts: chosen.facts.filter((fact) => !repeats(fact)) }));

  const printsFacts = requested.includes("facts");
  const cites = printsClaims || printsFacts || brief.layout === "one-pager";
  const order = sectionOrder(requested, cites);

  // Number sources and notes in the order the document prints what cites them.
  const numbering = new Numbering(sourcesById, citations === "endnotes");
  for (const section of order) {
    if ((section === "themes" || section === "comparison") && printsClaims) {
      for (const t of themesWithFacts) for (const v of t.viewpoints) for (const c of v.chosen) if (!(assumptionsApart && c.kind === "assumption")) numbering.cite(c);
    } else if (section === "themes" && brief.layout === "one-pager") {
      for (const t of themesWithFacts) for (const v of t.viewpoints) for (const c of v.chosen) numbering.citeSource(c.source);
    } else if (section === "facts" && printsFacts) {
      for (const t of themesWithFacts) for (const f of sortFactsByDate(t.facts)) numbering.cite(f);
    } else if (section === "assumptions" && assumptionsApart) {
      for (const t of themesWithFacts) for (const v of t.viewpoints) for (const c of v.chosen) if (c.kind === "assumption") numbering.cite(c);
    }
  }

  const maxQuoteWords = quoteWordLimits[brief.layout];
  const claimModel = (claim: Claim, theme: Theme, viewpoint: Viewpoint): ClaimModel => {
    const source = numbering.sourceRef(claim.source);
    const label = perspectives.get(claim.perspective)?.label ?? claim.perspective;
    const fits = maxQuoteWords === undefined || claim.quote.split(/\s+/).filter(Boolean).length <= maxQuoteWords;
    return {
      id: claim.id,
      kind: claim.kind,
      text: claim.text,
      quote: claim.quote,
      locator: claim.locator,
      source,
      perspective: { id: claim.perspective, label },
      // The source's name is not broken over two lines: "(Evening / Post)" read as two names (a reader's test).
      attribution: mentions(claim.text, label) ? unbroken(source.shortName) : `${label}, ${unbroken(source.shortName)}`,
      // A quotation after its paraphrase says the claim twice (a reader's test: all six in the seminar handout did, however
      // few words they shared): printed only when the brief asks for the sources' own words.
      showQuote: citations === "inline" && fits && brief.show_quotes,
      note: numbering.noteOf(claim),
      viewpointLabel: viewpoint.label,
      themeTitle: theme.title,
    };
  };

  const themeModels: ThemeModel[] = themesWithFacts.map(({ theme, viewpoints, leftOut, facts }, themeIndex) => {
    const viewpointModels = viewpoints.map(({ viewpoint, chosen, holders, targetShare }): ViewpointModel => {
      const shown = chosen.map((claim) => claimModel(claim, theme, viewpoint));
      const refs = uniqueRefs(shown.map((c) => c.source));
      return {
        id: viewpoint.id,
        label: viewpoint.label,
        thesis: viewpoint.thesis,
        stance: viewpoint.stance,
        claims: assumptionsApart ? shown.filter((c) => c.kind !== "assumption") : shown,
        shownClaims: shown,
        claimsInExtract: extract.claims.filter((c) => c.theme === theme.id && c.viewpoint === viewpoint.id).length,
        sourceNames: refs.map((r) => r.shortName),
        sourceRefs: refs,
        holders,
        targetShare,
      };
    });
    const factModels = printsFacts
      ? sortFactsByDate(facts).map((fact): FactModel => {
          const bearings = viewpoints.map(({ viewpoint: v }) => ({ viewpointId: v.id, viewpointLabel: v.label, bearing: fact.bears_on?.[v.id] ?? "neutral" }));
          const dateDisplay = fact.date === undefined ? undefined : formatDate(fact.date);
          return {
            id: fact.id,
            themeId: theme.id,
            date: fact.date,
            dateDisplay,
            // A date is printed once: not before a text that already gives its year.
            datePrefix: fact.date !== undefined && !fact.text.includes(fact.date.slice(0, 4)) ? dateDisplay : undefined,
            text: fact.text,
            quote: fact.quote,
            locator: fact.locator,
            source: numbering.sourceRef(fact.source),
            note: numbering.noteOf(fact),
            bearings,
            diagnostic: new Set(bearings.map((b) => b.bearing)).size > 1,
            diagnosticity: rateDiagnosticity(bearings.map((b) => b.bearing)),
          };
        })
      : [];
    return {
      id: theme.id,
      number: themeIndex + 1,
      title: theme.title,
      question: theme.question,
      coverageNote: theme.coverage_note,
      indicators: theme.indicators,
      viewpoints: viewpointModels,
      viewpointsInExtract: theme.viewpoints.length,
      viewpointsLeftOut: leftOut,
      firstViewpointInExtract: theme.viewpoints[0]?.id,
      facts: factModels,
    };
  });

  const printedClaims = printsClaims ? themeModels.flatMap((t) => t.viewpoints.flatMap((v) => v.shownClaims)) : [];
  const facts = themeModels.flatMap((t) => t.facts);
  const assumptions = assumptionsApart ? printedClaims.filter((c) => c.kind === "assumption") : [];
  const sections = Object.fromEntries(sectionNames.map((name) => [name, order.includes(name)])) as Record<SectionName, boolean>;
  const themesPrintQuestions = sections.themes || sections.comparison;
  const questions = brief.questions ?? (themesPrintQuestions ? [] : themeModels.map((t) => t.question));
  const sources = numbering.sources(printedClaims, facts);
  // Claims are kept whatever their source's date (a fact dated after the brief is left out, above), but a brief
  // that cites a source published after its own date says what it could not have known: the author is told.
  for (const { id } of sources) {
    const sourceDate = sourcesById.get(id)?.date;
    if (sourceDate !== undefined && !dateOnOrBefore(sourceDate, date)) {
      notices.push({
        code: "SOURCE_AFTER_BRIEF_DATE",
        message: `source "${id}" is dated ${formatDate(sourceDate)}, after the brief's date (${formatDate(date)}), and the brief cites it`,
        subject: { kind: "source", id, field: "date" },
      });
    }
  }
  const model: Omit<BriefModel, "glossary"> = {
    id: brief.id,
    title: brief.title,
    runningTitle: runningTitle(brief.title, brief.short_title),
    template: brief.template,
    layout: brief.layout,
    marking: printedMarking(brief.marking),
    portionMark: brief.portion_marks ? (brief.portion_mark !== undefined ? explicitPortionMark(brief.portion_mark) : portionMarkOf(brief.marking)) : undefined,
    classificationBlock: classificationBlock(brief.classification_block),
    paper: brief.paper,
    date,
    dateDisplay: formatDate(date),
    to: brief.to,
    from: brief.from,
    summary: brief.summary,
    assessment: brief.assessment,
    recommendation: brief.recommendation,
    decisionLines: brief.layout === "memo" && brief.recommendation !== undefined ? ["Approve", "Disapprove", "Discuss"] : [],
    corpus: { id: extract.corpus.id, title: extract.corpus.title, description: extract.corpus.description },
    coversCorpus: brief.themes === "all" || extract.themes.every((t) => brief.themes.includes(t.id)),
    sectionOrder: order,
    sections,
    weightIn: sections.bluf ? "bluf" : "themes",
    citations,
    space: brief.space,
    credit: brief.credit,
    printsClaims: printsClaims,
    themes: themeModels,
    facts,
    sources,
    notes: numbering.notes(),
    questions,
    assumptions,
    counts: {
      themes: themeModels.length,
      viewpoints: themeModels.reduce((n, t) => n + t.viewpoints.length, 0),
      claims: printedClaims.length,
      facts: facts.length,
      sources: sources.length,
    },
    notices,
  };
  const entries = [...extract.glossary].sort((a, b) => glossaryOrder.compare(a.term, b.term));
  return { ...model, glossary: brief.glossary === "all" ? entries : termsUsed(entries, printedTexts(model)) };
}

function chooseThemes(brief: ValidBrief, extract: ReadonlyExtract): readonly Theme[] {
  if (brief.themes === "all") return extract.themes;
  const byId = new Map(extract.themes.map((t) => [t.id, t]));
  return brief.themes.map((id) => byId.get(id)).filter((t): t is Theme => t !== undefined);
}

/** One theme's viewpoints (rotated), claims (chosen for balance, the brief's steering applied) and facts (evidence dated by the brief's date). */
function chooseTheme(
  theme: Theme,
  themeIndex: number,
  brief: ValidBrief,
  extract: ReadonlyExtract,
  context: {
    perspectives: ReadonlyMap<string, Perspective>;
    sourcesById: ReadonlyMap<string, Source>;
    date: string;
    notices: SelectionNotice[];
  },
): ChosenTheme {
  const excluded = new Set(brief.exclude_claims ?? []);
  const pinned = new Set(brief.include_claims ?? []);
  const shown = theme.viewpoints.filter((v) => brief.viewpoints === "all" || brief.viewpoints.includes(v.id));
  const ordered = rotate(shown, themeIndex);
  // A view's claims the brief may show, and who holds it among them.
  const claimsOf = (viewpoint: Viewpoint) => extract.claims.filter((c) => c.theme === theme.id && c.viewpoint === viewpoint.id && !excluded.has(c.id));
  const holdersAmong = (claims: readonly Claim[]) => holdersOf(claims, context.perspectives, context.sourcesById);
  const candidates = ordered.map(claimsOf);
  const holders = candidates.map(holdersAmong);
  // The weight of the sources does not depend on what a brief shows: the views it leaves out are weighed too.
  const leftOut = theme.viewpoints
    .filter((v) => !shown.includes(v))
    .map((viewpoint): LeftOutViewpoint => ({ id: viewpoint.id, label: viewpoint.label, stance: viewpoint.stance, holders: holdersAmong(claimsOf(viewpoint)) }));
  const prevalences = holders.map(strongestPrevalence);
  const targets = brief.space === "proportional" ? proportionalShares(prevalences) : ordered.map(() => 1 / Math.max(1, ordered.length));
  const rankOf = (claim: Claim) => prevalenceRank[context.perspectives.get(claim.perspective)?.prevalence ?? "unstated"];
  let chosen: readonly (readonly Claim[])[] = candidates;
  if (brief.claims_per_viewpoint !== undefined || brief.space === "proportional") {
    const perView = brief.claims_per_viewpoint ?? Math.max(0, ...candidates.map((c) => c.length));
    // Proportional space: the same total of claims, shared out by target share (at least one each).
    const limits =
      brief.space === "proportional"
        ? targets.map((share, i) => Math.min(candidates[i]!.length, Math.max(1, Math.round(perView * ordered.length * share))))
        : ordered.map(() => perView);
    // The holders the due-weight statement names are shown: a claim of each is kept, as the brief's own pins are.
    const named = new Set(pinned);
    candidates.forEach((claims, i) => {
      for (const holder of nameHolders(holders[i]!).slice(0, limits[i])) {
        const claim = claims.find((c) => c.perspective === holder.perspectiveId && c.source === holder.sourceId);
        if (claim !== undefined) named.add(claim.id);
      }
    });
    chosen = chooseBalancedClaims(candidates, { limits, pinned: named, targets, rankOf });
  }
  const facts = extract.facts.filter((fact) => {
    if (fact.theme !== theme.id || fact.kind === "context") return false;
    if (fact.date !== undefined && !dateOnOrBefore(fact.date, context.date)) {
      context.notices.push({
        code: "FACT_AFTER_BRIEF_DATE",
        message: `fact "${fact.id}" is dated ${formatDate(fact.date)}, after the brief's date (${formatDate(context.date)}), and is left out`,
        subject: { kind: "fact", id: fact.id, field: "date" },
      });
      return false;
    }
    return true;
  });
  return {
    theme,
    viewpoints: ordered.map((viewpoint, i) => ({ viewpoint, chosen: chosen[i]!, holders: holders[i]!, targetShare: targets[i]! })),
    leftOut,
    facts,
  };
}

/** A partial date (2016, 2016-05) is on or before a day when it may have begun by then: its first day is not later. */
function dateOnOrBefore(partial: string, day: string): boolean {
  const [year, month = "01", dayOfMonth = "01"] = partial.split("-");
  return `${year}-${month}-${dayOfMonth}` <= day;
}

/** The sections of a brief that lists none: its template's, with those its content asks for. */
function sectionsByDefault(brief: ValidBrief): readonly SectionName[] {
  const questions = withSection(defaultSections[brief.layout], "questions", brief.questions !== undefined, ["glossary", "sources", "balance"]);
  const glossary = withSection(questions, "glossary", brief.glossary === "all", ["sources", "balance"]);
  return withClassification(glossary, brief.classification_block !== undefined);
}

/**
 * `section` put into a template's default sections when the brief has content for it and lists no sections of its
 * own: before the first of `before` (the sections that close a document), else last. A brief that gives discussion
 * questions gets the questions section; one that asks for every term (glossary: all), a glossary.
 */
function withSection(sections: readonly SectionName[], section: SectionName, wanted: boolean, before: readonly SectionName[]): readonly SectionName[] {
  if (!wanted || sections.includes(section)) return sections;
  const at = sections.findIndex((s) => before.includes(s));
  return at === -1 ? [...sections, section] : [...sections.slice(0, at), section, ...sections.slice(at)];
}

/** A brief with a classification authority block and no sections of its own prints it last, as a marked document ends. */
function withClassification(sections: readonly SectionName[], hasBlock: boolean): readonly SectionName[] {
  return hasBlock ? [...sections, "classification"] : sections;
}

/** Sections that close a document: the sources go before them. */
const closingSections: ReadonlySet<SectionName> = new Set(["balance", "classification"]);

/** The brief's sections in its order; a document that cites always lists its sources (before the balance note and the classification block, if those come last). */
function sectionOrder(requested: readonly SectionName[], cites: boolean): SectionName[] {
  const order = [...requested];
  if (cites && !order.includes("sources")) {
    let at = order.length;
    while (at > 0 && closingSections.has(order[at - 1]!)) at--;
    order.splice(at, 0, "sources");
  }
  return order;
}

/** The classification authority block as a marked document prints it: Classified By, Derived From, Reason, Declassify On. */
function classificationBlock(block: ValidBrief["classification_block"]): ClassificationBlockModel | undefined {
  if (block === undefined) return undefined;
  const lines = [
    { label: "Classified By", text: block.classified_by },
    { label: "Derived From", text: block.derived_from },
    ...(block.reason === undefined ? [] : [{ label: "Reason", text: block.reason }]),
    { label: "Declassify On", text: block.declassify_on },
  ];
  return { classifiedBy: block.classified_by, derivedFrom: block.derived_from, reason: block.reason, declassifyOn: block.declassify_on, lines };
}

/**
 * The text names the perspective already, so the attribution need not say it again: it holds the label ("Most
 * panelists agreed…"), or opens with the speaker the label names in other words: the label's last word, its
 * noun ("An engineer doubts…" for "one engineer", "An economist points…" for "a transport economist"), most of
 * its words ("The staff union warns…" for "the staff union representative"), or its first two ("Those who see…"
 * for "those who view the relationship as robust"). Or, within its first clauses, it names the label's holder in
 * a phrase of its own: "Panellists concluded…" for "the panel", "…some participants cited…" for "various
 * participants", "…this Japanese view held…" for "one Japanese perspective" (a reader found each said twice).
 */
function mentions(text: string, label: string): boolean {
  if (text.toLowerCase().replace(/\s+/g, " ").includes(label.toLowerCase().replace(/\s+/g, " "))) return true;
  // A name is named by its own last word, and by no other rule: "Osei" in "Dr Kwame Osei" is not "Dr Amara Osei".
  const byName = namesByLastName(text, label);
  if (byName !== undefined) return byName;
  // Plurals and possessives compared as their stem; "various" and "this" are not plurals.
  const words = (phrase: string) => (phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => (quantifiers.has(word) ? word : word.replace(/(?:’s|'s|es|s)$/u, "")));
  const textWords = words(text);
  const opening = textWords.slice(0, 6);
  const named = words(label);
  if (named.length >= 2 && opening[0] === named[0] && opening[1] === named[1]) return true;
  // "Russians avoid…" does not say what "some Russians" says: a label's how-many must be in the text too, in its
  // own word or one that says as much ("some" for "various"), not any ("some exporters" for "most economists").
  if (countingWords.has(named[0]!) && !textWords.slice(0, clauseWords).some((word) => sameCount(word, named[0]!))) return false;
  const content = named.filter((word) => !quantifiers.has(word) && !qualifiers.has(word) && word !== "and");
  if (content.length === 0) return false;
  // A label that says which of them ("officials of the energy ministry", "analysts at the Carnegie Center") is not
  // named by its noun alone ("Officials worry…"): the reader would lose which.
  const qualified = named.some((word, i) => i > 0 && qualifiers.has(word));
  if (!qualified && opening.includes(content[content.length - 1]!)) return true;
  if (content.length >= 2 && content.filter((word) => opening.includes(word)).length * 3 >= content.length * 2) return true;
  return namesHolderInPhrase(textWords.slice(0, clauseWords), content);
}

/**
 * A holder whose label is a name ("Dr Amara Osei of the Cycle Campaign", "Councillor Ashcroft", "the Retail
 * Alliance"), named in the text by its last word, capitalised: "Dr Osei describes…" (a staffer's memo printed
 * "(Dr Amara Osei of the Cycle Campaign, …)" after it). A name is the label's words before what qualifies it,
 * every one capitalised; "German Marshall Fund staff" is no name, and undefined says the label is none.
 */
function namesByLastName(text: string, label: string): boolean | undefined {
  const words = label.trim().split(/\s+/);
  const qualifierAt = words.findIndex((word, i) => i > 0 && qualifiers.has(word.toLowerCase()));
  const name = (qualifierAt < 0 ? words : words.slice(0, qualifierAt)).filter((word, i) => !(i === 0 && /^the$/i.test(word)));
  if (name.length < 2 || !name.every((word) => /^\p{Lu}/u.test(word))) return undefined;
  const last = name[name.length - 1]!.replace(/(?:’s|'s)$/u, "");
  const opening = text.match(/[\p{L}\p{N}’']+/gu)?.slice(0, clauseWords) ?? [];
  // Another name ending the same is not this one: "Dr Kwame Osei" for "Dr Amara Osei", "the Cycle Alliance" for
  // "the Retail Alliance", "Conservative Party" for "the Labour Party" (a review). The word before it must be one
  // of the label's own, a title, an article or another small word capitalised to open the sentence, or in lower case.
  const own = new Set(name.map((word) => word.toLowerCase()));
  return opening.some((word, i) => {
    if (word.replace(/(?:’s|'s)$/u, "") !== last) return false;
    const before = opening[i - 1];
    return before === undefined || !/^\p{Lu}/u.test(before) || own.has(before.toLowerCase()) || beforeAName.has(before.toLowerCase());
  });
}

/** Capitalised words that may stand before a name without being part of another: titles, articles, a sentence's opening word. */
const beforeAName = new Set([
  ...["the", "a", "an", "dr", "mr", "mrs", "ms", "mx", "professor", "prof", "councillor", "cllr", "senator", "minister", "president", "judge"],
  ...["as", "in", "for", "to", "by", "from", "with", "when", "while", "after", "since", "unlike", "like", "according"],
]);

/** How far into a claim's text a holder it names is looked for: its opening clause or two. */
const clauseWords = 12;

/** Counting words that say as much as each other: the vague "some" and its like. */
const vagueSome = new Set(["some", "various", "several", "certain"]);
const sameCount = (written: string, word: string) => written === word || (vagueSome.has(written) && vagueSome.has(word));

/**
 * The label's holder named as a phrase of the text: most of its words found together, each as written, as a word
 * made from it for a person ("panellists" from "panel"), or as another word for a line of thought ("view" for
 * "perspective"). Not any longer word that starts the same: "Mayoral" names no mayor, "Pressure" no press.
 */
function namesHolderInPhrase(opening: readonly string[], holder: readonly string[]): boolean {
  const matches = (written: string, word: string) =>
    written === word || (written.startsWith(word) && /^(?:l?ist|er)$/.test(written.slice(word.length))) || (linesOfThought.has(word) && linesOfThought.has(written));
  // A phrase starts with one of the holder's words and runs a little longer than the holder ("US commentators and officials").
  return opening.some((first, start) => {
    if (!holder.some((word) => matches(first, word))) return false;
    const phrase = opening.slice(start, start + holder.length + 2);
    return holder.filter((word) => phrase.some((written) => matches(written, word))).length * 3 >= holder.length * 2;
  });
}

/** Words that say how many or which, not who: "one engineer", "the staff union representative". */
const quantifiers = new Set(["a", "an", "the", "one", "some", "most", "many", "several", "few", "all", "two", "three", "other", "certain", "various", "this", "these", "those"]);
/** Of those, the ones a reader needs from the attribution when the text does not say them: how widely a view is held. */
const countingWords = new Set(["some", "most", "many", "several", "few", "certain", "various"]);
/** Words after a holder that say which of them: "officials of the energy ministry", "analysts in Moscow". */
const qualifiers = new Set(["of", "in", "at", "from", "with", "who", "that", "on", "for"]);
/** Words a source uses for a line of thought rather than a person: one may stand for another. */
const linesOfThought = new Set(["view", "perspective", "position", "argument", "line", "school", "camp", "reading"]);

function uniqueRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const ref of refs) if (!seen.has(ref.id)) seen.set(ref.id, ref);
  return [...seen.values()];
}

/**
 * Every text the document prints that a glossary term could occur in. The indicators, key facts and discussion
 * questions only where their section is printed: a handout without a comparison defined "G7", which only an
 * indicator it did not print named (a reader's test).
 */
function printedTexts(model: Omit<BriefModel, "glossary">): string[] {
  const texts = [model.title, model.summary ?? "", model.assessment ?? "", model.recommendation ?? ""];
  if (model.sections.questions) texts.push(...model.questions);
  for (const theme of model.themes) {
    texts.push(theme.title, theme.question, theme.coverageNote ?? "");
    if (model.sections.comparison) texts.push(...theme.indicators);
    for (const viewpoint of theme.viewpoints) {
      texts.push(viewpoint.label, viewpoint.thesis, viewpoint.stance ?? "");
      if (model.printsClaims) for (const claim of viewpoint.shownClaims) texts.push(claim.text, claim.showQuote ? claim.quote : "");
    }
    if (model.sections.facts) for (const fact of theme.facts) texts.push(fact.text);
  }
  texts.push(...model.notes.map((n) => n.quote));
  return texts;
}

function rateDiagnosticity(bearings: readonly string[]): "high" | "low" | "none" {
  if (new Set(bearings).size <= 1) return "none";
  return bearings.includes("consistent") && bearings.includes("inconsistent") ? "high" : "low";
}

function sortFactsByDate(facts: readonly Fact[]): Fact[] {
  return facts
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => {
      const x = a.fact.date;
      const y = b.fact.date;
      if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || a.index - b.index;
      return x < y ? -1 : x > y ? 1 : a.index - b.index;
    })
    .map((entry) => entry.fact);
}

/** Numbers sources in order of first citation, and endnotes in the order printed. */
class Numbering {
  readonly #byId: ReadonlyMap<string, Source>;
  readonly #numbers = new Map<string, SourceRef>();
  readonly #notes = new Map<Claim | Fact, NoteModel>();
  readonly #endnotes: boolean;

  constructor(sources: ReadonlyMap<string, Source>, endnotes: boolean) {
    this.#byId = sources;
    this.#endnotes = endnotes;
  }

  citeSource(id: string): SourceRef {
    let ref = this.#numbers.get(id);
    if (ref === undefined) {
      ref = { id, number: this.#numbers.size + 1, shortName: sourceShortName(this.#byId.get(id), id) };
      this.#numbers.set(id, ref);
    }
    return ref;
  }

  /** A printed claim or fact: its source is cited, and with endnotes it gets the next note. */
  cite(item: Claim | Fact): void {
    const source = this.citeSource(item.source);
    if (this.#endnotes && !this.#notes.has(item)) {
      this.#notes.set(item, { number: this.#notes.size + 1, quote: item.quote, source, locator: item.locator });
    }
  }

  /** The source as cited; a source not printed anywhere still has its name (it is never numbered in print). */
  sourceRef(id: string): SourceRef {
    return this.#numbers.get(id) ?? { id, number: 0, shortName: sourceShortName(this.#byId.get(id), id) };
  }

  noteOf(item: Claim | Fact): number | undefined {
    return this.#notes.get(item)?.number;
  }

  notes(): NoteModel[] {
    return [...this.#notes.values()];
  }

  sources(claims: readonly ClaimModel[], facts: readonly FactModel[]): SourceModel[] {
    return [...this.#numbers.values()].flatMap((ref) => {
      const source = this.#byId.get(ref.id);
      // A claim or fact citing a source the extract does not have is an error of its own (EXTRACT_UNKNOWN_SOURCE):
      // the gate refuses a brief that shows it, after selection, which must not fail on it first.
      if (source === undefined) return [];
      return {
        ...ref,
        title: source.title,
        publisher: source.publisher,
        kind: source.kind,
        event: source.event,
        dateDisplay: source.date !== undefined ? formatDate(source.date) : "undated",
        dateNote: source.date_note,
        place: source.place,
        url: source.url,
        quality: source.quality,
        citedClaims: claims.filter((c) => c.source.id === ref.id).length,
        citedFacts: facts.filter((f) => f.source.id === ref.id).length,
      };
    });
  }
}

/** A short name kept on one line: its spaces no-break spaces. */
function unbroken(name: string): string {
  return name.replace(/ /g, "\u00a0");
}
