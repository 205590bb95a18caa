import type { SectionName, TemplateName } from "./schema/brief.js";
import type { Bearing, ClaimKind, Prevalence } from "./schema/extract.js";

/**
 * The BriefModel: everything a template may show, and nothing else. Built by
 * `select` from a brief and an extract; templates never see the raw extract.
 * Text fields marked Markdown are rendered by the render stage; every other
 * text is plain, as written, and gets its typography (quotes, dashes) when
 * rendered, so a second renderer (Word) can take the same model.
 *
 * Ids are for the program (anchors, the CLI, JSON); a document prints labels.
 */
export interface BriefModel {
  readonly id: string;
  readonly title: string;
  /** The title in the running header: the brief's short_title, or the title cut at a word boundary. */
  readonly runningTitle: string;
  readonly template: TemplateName;
  readonly marking: string;
  /** The portion mark heading each paragraph, heading, list item and table cell ("(U)", "(S//NF)"), when the brief asks for portion marks. */
  readonly portionMark: string | undefined;
  /** The classification authority block, printed by the classification section when the brief gives one. */
  readonly classificationBlock: ClassificationBlockModel | undefined;
  readonly paper: "Letter" | "A4";
  /** ISO date (YYYY-MM-DD) and as printed ("4 February 2016"). */
  readonly date: string;
  readonly dateDisplay: string;
  readonly to: string | undefined;
  readonly from: string | undefined;
  /** Markdown, the staffer's own opening. */
  readonly summary: string | undefined;
  /** Markdown: the office's own assessment, printed apart from the sources' views. */
  readonly assessment: string | undefined;
  /** Markdown; only when the brief asks for a recommendation. */
  readonly recommendation: string | undefined;
  /** A memo with a recommendation ends its bottom line with Approve / Disapprove / Discuss lines. */
  readonly decisionLines: readonly string[];
  readonly corpus: { readonly id: string; readonly title: string; readonly description: string };
  /** The brief selects every theme of its corpus, so the corpus's description describes it. */
  readonly coversCorpus: boolean;
  /** The sections printed, in the order printed. */
  readonly sectionOrder: readonly SectionName[];
  readonly sections: Readonly<Record<SectionName, boolean>>;
  /** Where each question's due-weight statement is printed: the bottom line when there is one, else with the question */
  readonly weightIn: "bluf" | "themes";
  /** endnotes: quotes go to numbered notes; inline: a quote follows its claim where it adds wording. */
  readonly citations: "endnotes" | "inline";
  /** Space per view: equal shares, or in proportion to how widely the sources say each view is held. */
  readonly space: "equal" | "proportional";
  /** Print "Prepared with Briefsmith". */
  readonly credit: boolean;
  /** Claims are printed (memo and handout with a themes or comparison section); a one-pager prints the theses only. */
  readonly printsClaims: boolean;
  readonly themes: readonly ThemeModel[];
  /** The key facts printed, oldest first (undated last): context facts, facts dated after the brief and facts that repeat a claim are left out. */
  readonly facts: readonly FactModel[];
  /** The sources the document cites, numbered in order of first citation in the printed order. */
  readonly sources: readonly SourceModel[];
  /** Endnotes, numbered in the printed order (empty with inline citations). */
  readonly notes: readonly NoteModel[];
  /** The glossary printed: the terms that occur in the document, or every term with glossary: all. */
  readonly glossary: readonly { readonly term: string; readonly definition: string }[];
  /** Discussion questions printed by the questions section: the brief's, else the themes' when no other section prints them. */
  readonly questions: readonly string[];
  /** Key assumptions: the claims of kind "assumption", printed in their own section when the brief has one (and then not among the views). */
  readonly assumptions: readonly ClaimModel[];
  readonly counts: {
    readonly themes: number;
    readonly viewpoints: number;
    readonly claims: number;
    readonly facts: number;
    readonly sources: number;
  };
  /** What selection left out that an author may want to know about (facts dated after the brief): warnings for the CLI, never printed. */
  readonly notices: readonly SelectionNotice[];
}

/** The classification authority block: each line as printed ("Classified By: …"), and the fields. */
export interface ClassificationBlockModel {
  readonly classifiedBy: string;
  readonly derivedFrom: string;
  readonly reason: string | undefined;
  readonly declassifyOn: string;
  /** The lines in the order a marked document prints them. */
  readonly lines: readonly { readonly label: string; readonly text: string }[];
}

export interface SelectionNotice {
  readonly code: "FACT_AFTER_BRIEF_DATE";
  readonly message: string;
  readonly subject: { readonly kind: "fact"; readonly id: string; readonly field: string };
}

export interface ThemeModel {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly question: string;
  readonly coverageNote: string | undefined;
  readonly indicators: readonly string[];
  /** In display order: the first position rotates from theme to theme. */
  readonly viewpoints: readonly ViewpointModel[];
  /** Viewpoints of the theme in the extract; a brief may show fewer. */
  readonly viewpointsInExtract: number;
  /** The viewpoint the extract lists first: the order check compares against it. */
  readonly firstViewpointInExtract: string | undefined;
  /** The theme's key facts printed (see BriefModel.facts). */
  readonly facts: readonly FactModel[];
}

/** Who holds a view, as the extract attributes it: one perspective in one source. */
export interface Holder {
  readonly perspectiveId: string;
  /** As the source puts it: "most panelists", "one Russian argument". */
  readonly label: string;
  readonly prevalence: Prevalence;
  readonly sourceId: string;
  readonly sourceName: string;
  /** The source reports an event (a panel, a workshop): "at the Carnegie panel" reads right; otherwise "(Report)". */
  readonly sourceIsEvent: boolean;
  /** Claims of this view the extract attributes to this perspective (whether or not this brief shows them). */
  readonly claims: number;
}

export interface ViewpointModel {
  readonly id: string;
  readonly label: string;
  readonly thesis: string;
  /** Verb phrase completing "most panelists …", for the due-weight statement. */
  readonly stance: string | undefined;
  /** Claims printed with the view (assumptions go to their own section when the brief has one). */
  readonly claims: readonly ClaimModel[];
  /** Every claim of the view this brief shows, wherever printed: what balance measures. */
  readonly shownClaims: readonly ClaimModel[];
  /** Claims of this viewpoint in the extract, before any per-viewpoint limit. */
  readonly claimsInExtract: number;
  /** Short titles of the sources that argue this viewpoint, in citation order. */
  readonly sourceNames: readonly string[];
  /** The sources that argue this viewpoint, as cited (for a one-pager's theme lines). */
  readonly sourceRefs: readonly SourceRef[];
  /** Everyone the extract says holds this view, strongest prevalence first. */
  readonly holders: readonly Holder[];
  /** The share of the theme's space this view should get: 1/n with equal space, else in proportion to its weight. */
  readonly targetShare: number;
}

export interface SourceRef {
  readonly id: string;
  /** 1-based citation number, as printed in brackets. */
  readonly number: number;
  readonly shortName: string;
}

export interface ClaimModel {
  readonly id: string;
  readonly kind: ClaimKind;
  /** Markdown. */
  readonly text: string;
  readonly quote: string;
  readonly locator: number;
  readonly source: SourceRef;
  readonly perspective: { readonly id: string; readonly label: string };
  /** The attribution to print: the perspective and source, or only the source when the text already names the perspective. */
  readonly attribution: string;
  /** Print the quote after the claim (inline citations, when it adds wording our paraphrase does not have and is short enough). */
  readonly showQuote: boolean;
  /** Endnote number with endnote citations. */
  readonly note: number | undefined;
  readonly viewpointLabel: string;
  readonly themeTitle: string;
}

export interface FactModel {
  readonly id: string;
  readonly themeId: string;
  readonly date: string | undefined;
  readonly dateDisplay: string | undefined;
  /** The date printed before the text: undefined when the text already says it (a date is printed once). */
  readonly datePrefix: string | undefined;
  /** Markdown. */
  readonly text: string;
  readonly quote: string;
  readonly locator: number;
  readonly source: SourceRef;
  readonly note: number | undefined;
  /** One entry per viewpoint shown for the fact's theme, in display order. */
  readonly bearings: readonly { readonly viewpointId: string; readonly viewpointLabel: string; readonly bearing: Bearing }[];
  /** Heuer: a fact rated the same against every viewpoint shown cannot tell them apart. */
  readonly diagnostic: boolean;
  /** "high": consistent with some views and inconsistent with others; "low": some difference; "none": the same for all. */
  readonly diagnosticity: "high" | "low" | "none";
}

/** An endnote: the verbatim words a claim or fact rests on, with where they are. */
export interface NoteModel {
  readonly number: number;
  readonly quote: string;
  readonly source: SourceRef;
  readonly locator: number;
}

export interface SourceModel extends SourceRef {
  readonly title: string;
  readonly publisher: string;
  readonly kind: string;
  readonly event: string | undefined;
  /** The date as printed, or "undated". */
  readonly dateDisplay: string;
  /** What the source says, or does not say, about its date. */
  readonly dateNote: string | undefined;
  readonly place: string;
  readonly url: string | undefined;
  readonly quality: string;
  /** Claims and facts printed in this document that cite the source. */
  readonly citedClaims: number;
  readonly citedFacts: number;
}
