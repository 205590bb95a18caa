import type { BriefModel, ThemeModel } from "./model.js";

/** A viewpoint below this share of an equal split of words is underweight. */
export const defaultUnderweightRatio = 0.8;

export interface ViewpointBalance {
  readonly id: string;
  readonly label: string;
  readonly claims: number;
  readonly words: number;
  /** Share of the theme's claim words. */
  readonly share: number;
  /** share ÷ equal share: 1 is exactly fair, below the threshold is underweight. */
  readonly fairShareRatio: number;
  readonly sources: number;
  readonly perspectives: number;
}

export type BalanceProblemCode = "MISSING_VIEWPOINT" | "EMPTY_VIEWPOINT" | "UNDERWEIGHT_VIEWPOINT";

export interface BalanceProblem {
  readonly severity: "error" | "warning";
  readonly code: BalanceProblemCode;
  readonly themeId: string;
  readonly viewpointId: string | undefined;
  readonly message: string;
}

export interface ThemeBalance {
  readonly themeId: string;
  readonly title: string;
  readonly viewpointsShown: number;
  readonly viewpointsInExtract: number;
  readonly firstViewpoint: string | undefined;
  readonly viewpoints: readonly ViewpointBalance[];
}

export interface BalanceReport {
  readonly verdict: "balanced" | "unbalanced";
  readonly themes: readonly ThemeBalance[];
  readonly problems: readonly BalanceProblem[];
}

/** Words in a piece of our own text (Markdown markup is not words). */
export function countWords(text: string): number {
  return text
    .replace(/\]\([^)]*\)/g, " ") // a link's target is not words a reader reads
    .replace(/[*_`#>[\]()]/g, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Measure how evenly a brief presents the viewpoints of each theme. Pure: the
 * report depends only on the model. A theme with fewer than two viewpoints, or
 * a viewpoint with no attributed claim, makes the brief unbalanced (unless the
 * theme's coverage note says the sources carry only one side).
 */
export function measureBalance(model: BriefModel, underweightRatio = defaultUnderweightRatio): BalanceReport {
  const problems: BalanceProblem[] = [];
  const themes = model.themes.map((theme) => measureTheme(theme, underweightRatio, problems));
  return { verdict: problems.some((p) => p.severity === "error") ? "unbalanced" : "balanced", themes, problems };
}

function measureTheme(theme: ThemeModel, underweightRatio: number, problems: BalanceProblem[]): ThemeBalance {
  const words = theme.viewpoints.map((v) => v.claims.reduce((n, c) => n + countWords(c.text), 0));
  const total = words.reduce((a, b) => a + b, 0);
  const equalShare = theme.viewpoints.length === 0 ? 0 : 1 / theme.viewpoints.length;
  const viewpoints = theme.viewpoints.map((viewpoint, index): ViewpointBalance => {
    const share = total === 0 ? 0 : words[index]! / total;
    return {
      id: viewpoint.id,
      label: viewpoint.label,
      claims: viewpoint.claims.length,
      words: words[index]!,
      share,
      fairShareRatio: equalShare === 0 ? 0 : share / equalShare,
      sources: new Set(viewpoint.claims.map((c) => c.source.id)).size,
      perspectives: new Set(viewpoint.claims.map((c) => c.perspective.id)).size,
    };
  });
  const explained = theme.coverageNote !== undefined;
  if (theme.viewpoints.length < 2) {
    problems.push({
      severity: "error",
      code: "MISSING_VIEWPOINT",
      themeId: theme.id,
      viewpointId: undefined,
      message: `theme "${theme.id}" shows ${theme.viewpoints.length} of its ${theme.viewpointsInExtract} viewpoints; a balanced brief shows at least two`,
    });
  }
  for (const viewpoint of viewpoints) {
    if (viewpoint.claims === 0) {
      problems.push({
        severity: explained ? "warning" : "error",
        code: "EMPTY_VIEWPOINT",
        themeId: theme.id,
        viewpointId: viewpoint.id,
        message: `viewpoint "${viewpoint.id}" of theme "${theme.id}" has no attributed claim${explained ? " (the theme's coverage note explains why)" : ""}`,
      });
    } else if (theme.viewpoints.length >= 2 && viewpoint.fairShareRatio < underweightRatio) {
      problems.push({
        severity: "warning",
        code: "UNDERWEIGHT_VIEWPOINT",
        themeId: theme.id,
        viewpointId: viewpoint.id,
        message: `viewpoint "${viewpoint.id}" of theme "${theme.id}" has ${Math.round(viewpoint.share * 100)}% of the words, ${viewpoint.fairShareRatio.toFixed(2)} of an equal share (threshold ${underweightRatio})`,
      });
    }
  }
  return {
    themeId: theme.id,
    title: theme.title,
    viewpointsShown: theme.viewpoints.length,
    viewpointsInExtract: theme.viewpointsInExtract,
    firstViewpoint: theme.viewpoints[0]?.id,
    viewpoints,
  };
}
