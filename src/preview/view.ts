import type { BalanceReport } from "../balance/measure.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, positionAt, uniqueDiagnostics } from "../diagnostics/format.js";
import type { BriefModel } from "../model.js";
import { templateNames } from "../schema/brief.js";
import type { ReadonlyExtract } from "../schema/extract.js";
import { visibleText } from "../text/visible-text.js";
import { selectedIds } from "./composer.js";

/**
 * What the preview page is sent about a brief: plain JSON, made here from
 * the library's types, so the page's script never sees (or depends on) them.
 */

/** One problem, with the text exactly as the terminal prints it. */
export interface ProblemView {
  readonly severity: "error" | "warning";
  readonly code: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** formatDiagnostic's text: file:line:col, the line, the caret, the hint. */
  readonly text: string;
}

export interface ViewpointBalanceView {
  readonly label: string;
  readonly claims: number;
  readonly claimsInExtract: number;
  readonly words: number;
  readonly sharePercent: number;
  readonly fairShareRatio: number;
  readonly sources: number;
  readonly perspectives: number;
  readonly thin: boolean;
  readonly tiltWords: readonly string[];
}

export interface ThemeBalanceView {
  readonly title: string;
  readonly question: string | undefined;
  readonly passes: boolean;
  readonly firstViewpointLabel: string | undefined;
  readonly viewpointsShown: number;
  readonly viewpointsInExtract: number;
  readonly viewpoints: readonly ViewpointBalanceView[];
  /** Where the weight of the sources lies on the question, as the document states it. */
  readonly dueWeight: string;
}

export interface BalanceView {
  readonly verdict: BalanceReport["verdict"];
  readonly policy: BalanceReport["policy"];
  /** Each view's due share: equal, or in proportion to the weight of its holders. */
  readonly space: BalanceReport["space"];
  readonly underweightRatio: number;
  readonly themes: readonly ThemeBalanceView[];
  readonly problems: readonly { readonly severity: "error" | "warning"; readonly message: string }[];
}

export interface ComposerView {
  /** Why the panel cannot edit the brief now (its YAML is broken), if it cannot. */
  readonly unavailable: string | undefined;
  readonly template: string | undefined;
  readonly templates: readonly string[];
  readonly paper: string;
  readonly marking: string;
  readonly claimsPerViewpoint: number | null;
  /** The version of the brief's text this view shows (write-brief.ts briefVersion): an edit sends it as If-Match. */
  readonly version?: string | undefined;
  /** The corpus's themes, each with its viewpoints, marked as the brief selects them. */
  readonly themes: readonly {
    readonly id: string;
    readonly title: string;
    readonly selected: boolean;
    readonly viewpoints: readonly { readonly id: string; readonly label: string; readonly selected: boolean }[];
  }[];
}

export interface OutputView {
  readonly format: string;
  readonly label: string;
}

export interface BriefView {
  readonly name: string;
  readonly file: string;
  /** Bumped whenever anything here changes. */
  readonly revision: number;
  readonly status: "starting" | "ok" | "problems";
  /** The revision whose PDF the page should show: the last good one. */
  readonly pdfRevision: number | undefined;
  readonly title: string | undefined;
  readonly paper: string | undefined;
  readonly pages: number | undefined;
  /** When this view was made (milliseconds since 1970): the page shows it, the benchmark times from it. */
  readonly publishedAt: number | undefined;
  /** Milliseconds to render (read, check, select, balance, HTML) and to print the last good rendering. */
  readonly timings: { readonly renderMs: number; readonly printMs: number } | undefined;
  readonly problems: readonly ProblemView[];
  readonly warnings: readonly ProblemView[];
  readonly balance: BalanceView | undefined;
  readonly composer: ComposerView;
  readonly outputs: readonly OutputView[];
}

/** Diagnostics sorted by place, each once, formatted as the CLI prints them. */
export function problemViews(diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string>): ProblemView[] {
  return uniqueDiagnostics(diagnostics).map((d) => {
    const text = d.file === undefined ? undefined : fileTexts.get(d.file);
    const position = text !== undefined && d.span !== undefined ? positionAt(text, d.span.start) : undefined;
    return { severity: d.severity, code: d.code, file: d.file, line: position?.line, column: position?.column, text: formatDiagnostic(d, text) };
  });
}

/** A failure that is not about a place in a file, shown in the same list. */
export function failureView(message: string): ProblemView {
  return { severity: "error", code: undefined, file: undefined, line: undefined, column: undefined, text: `error: ${visibleText(message)}` };
}

export function balanceView(report: BalanceReport, model: BriefModel): BalanceView {
  return {
    verdict: report.verdict,
    policy: report.policy,
    space: report.space,
    underweightRatio: report.thresholds.underweightRatio,
    themes: report.themes.map((theme) => {
      const themeModel = model.themes.find((t) => t.id === theme.themeId);
      return {
        title: theme.title,
        question: themeModel?.question,
        passes: theme.passes,
        firstViewpointLabel: theme.firstViewpointLabel,
        viewpointsShown: theme.viewpointsShown,
        viewpointsInExtract: theme.viewpointsInExtract,
        viewpoints: theme.viewpoints.map((v) => ({
          label: v.label,
          claims: v.claims,
          claimsInExtract: v.claimsInExtract,
          words: v.words,
          sharePercent: Math.round(v.share * 100),
          fairShareRatio: Math.round(v.fairShareRatio * 100) / 100,
          sources: v.sources,
          perspectives: v.perspectives,
          thin: v.thin,
          tiltWords: v.tilt.words,
        })),
        dueWeight: theme.weight.text,
      };
    }),
    problems: report.problems.map((p) => ({ severity: p.severity, message: p.message })),
  };
}

/** The composer's controls, from the brief as written (valid or not) and the corpus's themes. */
export function composerView(briefData: unknown, extract: ReadonlyExtract | undefined, unavailable: string | undefined, templates: readonly string[] = templateNames): ComposerView {
  const brief = (typeof briefData === "object" && briefData !== null && !Array.isArray(briefData) ? briefData : {}) as Record<string, unknown>;
  const themes = selectedIds(brief.themes);
  const viewpoints = selectedIds(brief.viewpoints);
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  return {
    unavailable,
    template: typeof brief.template === "string" ? brief.template : undefined,
    templates,
    paper: text(brief.paper, "Letter"),
    marking: text(brief.marking, "UNCLASSIFIED"),
    claimsPerViewpoint: typeof brief.claims_per_viewpoint === "number" ? brief.claims_per_viewpoint : null,
    themes: (extract?.themes ?? []).map((theme) => {
      const selected = themes === "all" || themes.includes(theme.id);
      return {
        id: theme.id,
        title: theme.title,
        selected,
        viewpoints: theme.viewpoints.map((v) => ({ id: v.id, label: v.label, selected: selected && (viewpoints === "all" || viewpoints.includes(v.id)) })),
      };
    }),
  };
}
