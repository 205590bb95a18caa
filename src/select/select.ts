import type { BriefModel, ClaimModel, FactModel, SourceModel, SourceRef, ThemeModel, ViewpointModel } from "../model.js";
import { sectionNames, type SectionName, type TemplateName } from "../schema/brief.js";
import type { Extract, Source, Theme } from "../schema/extract.js";
import { formatDate } from "../text/dates.js";
import type { ValidBrief } from "../validate/brief.js";
import { chooseBalancedClaims, rotate } from "./choose-claims.js";

/** The sections each template shows when a brief does not list its own. */
export const defaultSections: Readonly<Record<TemplateName, readonly SectionName[]>> = {
  memo: ["bluf", "themes", "facts", "sources", "balance"],
  handout: ["themes", "comparison", "facts", "questions", "glossary", "sources", "balance"],
  "one-pager": ["bluf", "themes", "sources", "balance"],
};

/** One collator for every brief: localeCompare with options builds a new one on each call, which showed in profiles. */
const glossaryOrder = new Intl.Collator("en", { sensitivity: "base" });

export interface SelectOptions {
  /** The date printed when the brief sets none (ISO YYYY-MM-DD). */
  readonly buildDate: string;
}

/**
 * Select the content of a brief from an extract. Pure and deterministic: the
 * same brief and extract give the same model, in the same order.
 */
export function selectBrief(brief: ValidBrief, extract: Extract, options: SelectOptions): BriefModel {
  const themes = chooseThemes(brief, extract);
  const citations = new CitationNumbers(extract.sources);
  const perspectiveLabel = new Map(extract.perspectives.map((p) => [p.id, p.label]));

  const themeModels: ThemeModel[] = themes.map((theme, themeIndex) => {
    const shown = theme.viewpoints.filter((v) => brief.viewpoints === "all" || brief.viewpoints.includes(v.id));
    const ordered = rotate(shown, themeIndex);
    const claimsOf = ordered.map((viewpoint) => extract.claims.filter((c) => c.theme === theme.id && c.viewpoint === viewpoint.id));
    const chosenOf = brief.claims_per_viewpoint === undefined ? claimsOf : chooseBalancedClaims(claimsOf, brief.claims_per_viewpoint);
    const viewpoints: ViewpointModel[] = ordered.map((viewpoint, viewpointIndex) => {
      const all = claimsOf[viewpointIndex]!;
      const chosen = chosenOf[viewpointIndex]!;
      const claims = chosen.map(
        (claim): ClaimModel => ({
          id: claim.id,
          kind: claim.kind,
          text: claim.text,
          quote: claim.quote,
          locator: claim.locator,
          source: citations.cite(claim.source),
          perspective: { id: claim.perspective, label: perspectiveLabel.get(claim.perspective) ?? claim.perspective },
          viewpointLabel: viewpoint.label,
          themeTitle: theme.title,
        }),
      );
      const sourceNames = [...new Set(claims.map((c) => c.source.shortName))];
      return { id: viewpoint.id, label: viewpoint.label, thesis: viewpoint.thesis, claims, claimsInExtract: all.length, sourceNames };
    });
    const facts = extract.facts
      .filter((f) => f.theme === theme.id)
      .map((fact): FactModel => {
        const bearings = ordered.map((v) => ({ viewpointId: v.id, viewpointLabel: v.label, bearing: fact.bears_on[v.id] ?? "neutral" }));
        return {
          id: fact.id,
          themeId: theme.id,
          date: fact.date,
          dateDisplay: fact.date === undefined ? undefined : formatDate(fact.date),
          text: fact.text,
          quote: fact.quote,
          locator: fact.locator,
          source: citations.cite(fact.source),
          bearings,
          diagnostic: new Set(bearings.map((b) => b.bearing)).size > 1,
          diagnosticity: rateDiagnosticity(bearings.map((b) => b.bearing)),
        };
      });
    return {
      id: theme.id,
      number: themeIndex + 1,
      title: theme.title,
      question: theme.question,
      coverageNote: theme.coverage_note,
      indicators: theme.indicators,
      viewpoints,
      viewpointsInExtract: theme.viewpoints.length,
      firstViewpointInExtract: theme.viewpoints[0]?.id,
      facts,
    };
  });

  const claims = themeModels.flatMap((t) => t.viewpoints.flatMap((v) => v.claims));
  const facts = sortFactsByDate(themeModels.flatMap((t) => t.facts));
  const sections = brief.sections ?? defaultSections[brief.template];
  const date = brief.date ?? options.buildDate;
  return {
    id: brief.id,
    title: brief.title,
    template: brief.template,
    marking: brief.marking,
    paper: brief.paper,
    date,
    dateDisplay: formatDate(date),
    to: brief.to,
    from: brief.from,
    summary: brief.summary,
    recommendation: brief.recommendation,
    corpus: { id: extract.corpus.id, title: extract.corpus.title, description: extract.corpus.description },
    sections: Object.fromEntries(sectionNames.map((name) => [name, sections.includes(name)])) as Record<SectionName, boolean>,
    themes: themeModels,
    facts,
    sources: citations.sources(claims, facts),
    glossary: [...extract.glossary].sort((a, b) => glossaryOrder.compare(a.term, b.term)),
    questions: brief.questions ?? themeModels.map((t) => t.question),
    assumptions: claims.filter((c) => c.kind === "assumption"),
    counts: {
      themes: themeModels.length,
      viewpoints: themeModels.reduce((n, t) => n + t.viewpoints.length, 0),
      claims: claims.length,
      facts: facts.length,
    },
  };
}

function chooseThemes(brief: ValidBrief, extract: Extract): Theme[] {
  if (brief.themes === "all") return extract.themes;
  const byId = new Map(extract.themes.map((t) => [t.id, t]));
  return brief.themes.map((id) => byId.get(id)).filter((t): t is Theme => t !== undefined);
}

function rateDiagnosticity(bearings: readonly string[]): "high" | "low" | "none" {
  if (new Set(bearings).size <= 1) return "none";
  return bearings.includes("consistent") && bearings.includes("inconsistent") ? "high" : "low";
}

function sortFactsByDate(facts: readonly FactModel[]): FactModel[] {
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

/** Numbers sources in order of first citation. */
class CitationNumbers {
  readonly #byId: ReadonlyMap<string, Source>;
  readonly #numbers = new Map<string, SourceRef>();

  constructor(sources: readonly Source[]) {
    this.#byId = new Map(sources.map((s) => [s.id, s]));
  }

  cite(id: string): SourceRef {
    let ref = this.#numbers.get(id);
    if (ref === undefined) {
      const source = this.#byId.get(id);
      ref = { id, number: this.#numbers.size + 1, shortName: source?.short_name ?? source?.publisher ?? id };
      this.#numbers.set(id, ref);
    }
    return ref;
  }

  sources(claims: readonly ClaimModel[], facts: readonly FactModel[]): SourceModel[] {
    return [...this.#numbers.values()].map((ref) => {
      const source = this.#byId.get(ref.id)!;
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
