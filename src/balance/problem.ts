/** What the balance stage reports: one problem, and which text of the brief or extract it is about. */

export type BalanceProblemCode =
  | "MISSING_VIEWPOINT"
  | "EMPTY_VIEWPOINT"
  | "UNDERWEIGHT_VIEWPOINT"
  | "THIN_VIEWPOINT"
  | "SAME_SIDE_FIRST"
  | "TILTED_LANGUAGE"
  | "OFF_SCALE_LIKELIHOOD"
  | "MIXED_ESTIMATIVE_ROWS"
  | "LIKELIHOOD_WITH_CONFIDENCE"
  | "RECOMMENDATION_IN_SYNTHESIS"
  | "ASSESSMENT_WITHOUT_LIKELIHOOD"
  | "ASSESSMENT_WITHOUT_CONFIDENCE";

/** Which text of the brief or extract a problem is about, so the caller can point at it. */
export interface BalanceSubject {
  readonly kind: "claim" | "fact" | "theme" | "viewpoint" | "brief";
  readonly id: string;
  readonly field: string;
}

export interface BalanceProblem {
  /** "error" problems fail a strict brief; "warning" problems never do. */
  readonly severity: "error" | "warning";
  readonly code: BalanceProblemCode;
  readonly themeId: string | undefined;
  readonly viewpointId: string | undefined;
  readonly subject: BalanceSubject | undefined;
  readonly message: string;
  /** Claims in the extract, not shown, that would fix the problem. */
  readonly fixes: readonly { readonly claimId: string; readonly words: number }[];
}

/** A problem with no theme, viewpoint, subject or fixes unless given. */
export function problem(fields: Partial<BalanceProblem> & Pick<BalanceProblem, "severity" | "code" | "message">): BalanceProblem {
  return { themeId: undefined, viewpointId: undefined, subject: undefined, fixes: [], ...fields };
}
