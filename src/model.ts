import type { SectionName, TemplateName } from "./schema/brief.js";
import type { Bearing, ClaimKind } from "./schema/extract.js";

/**
 * The BriefModel: everything a template may show, and nothing else. Built by
 * `select` from a brief and an extract; templates never see the raw extract.
 * Text fields marked Markdown are rendered by the render stage.
 */
export interface BriefModel {
  readonly id: string;
  readonly title: string;
  readonly template: TemplateName;
  readonly marking: string;
  readonly paper: "Letter" | "A4";
  /** ISO date (YYYY-MM-DD) and as printed ("4 February 2016"). */
  readonly date: string;
  readonly dateDisplay: string;
  readonly to: string | undefined;
  readonly from: string | undefined;
  readonly summary: string | undefined;
  /** Markdown; only when the brief asks for a recommendation. */
  readonly recommendation: string | undefined;
  readonly corpus: { readonly id: string; readonly title: string; readonly description: string };
  readonly sections: Readonly<Record<SectionName, boolean>>;
  readonly themes: readonly ThemeModel[];
  /** Every fact of the selected themes, oldest first (undated last). */
  readonly facts: readonly FactModel[];
  /** The sources cited, numbered in order of first citation. */
  readonly sources: readonly SourceModel[];
  readonly glossary: readonly { readonly term: string; readonly definition: string }[];
  readonly questions: readonly string[];
  /** Key assumptions: the claims of kind "assumption" shown in this brief. */
  readonly assumptions: readonly ClaimModel[];
  readonly counts: { readonly themes: number; readonly viewpoints: number; readonly claims: number; readonly facts: number };
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
  readonly facts: readonly FactModel[];
}

export interface ViewpointModel {
  readonly id: string;
  readonly label: string;
  readonly thesis: string;
  readonly claims: readonly ClaimModel[];
  /** Claims of this viewpoint in the extract, before any per-viewpoint limit. */
  readonly claimsInExtract: number;
  /** Short titles of the sources that argue this viewpoint, in citation order. */
  readonly sourceNames: readonly string[];
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
  readonly viewpointLabel: string;
  readonly themeTitle: string;
}

export interface FactModel {
  readonly id: string;
  readonly themeId: string;
  readonly date: string | undefined;
  readonly dateDisplay: string | undefined;
  /** Markdown. */
  readonly text: string;
  readonly quote: string;
  readonly locator: number;
  readonly source: SourceRef;
  /** One entry per viewpoint shown for the fact's theme, in display order. */
  readonly bearings: readonly { readonly viewpointId: string; readonly viewpointLabel: string; readonly bearing: Bearing }[];
  /** Heuer: a fact rated the same against every viewpoint shown cannot tell them apart. */
  readonly diagnostic: boolean;
  /** "high": consistent with some views and inconsistent with others; "low": some difference; "none": the same for all. */
  readonly diagnosticity: "high" | "low" | "none";
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
  readonly citedClaims: number;
  readonly citedFacts: number;
}
