import type { z } from "zod";
import type { BalanceProblemSchema, BalanceSubjectSchema, balanceProblemCodes } from "../schema/balance-report.js";
import type { DeepReadonly } from "../schema/deep-readonly.js";
/** What the balance stage reports: one problem, and which text of the brief or extract it is about. */

export type BalanceProblemCode = (typeof balanceProblemCodes)[number];

/** Which text of the brief or extract a problem is about, so the caller can point at it. */
export type BalanceSubject = DeepReadonly<z.infer<typeof BalanceSubjectSchema>>;

export type BalanceProblem = DeepReadonly<z.infer<typeof BalanceProblemSchema>>;

/** A problem with no theme, viewpoint, subject or fixes unless given. */
export function problem(fields: Partial<BalanceProblem> & Pick<BalanceProblem, "severity" | "code" | "message">): BalanceProblem {
  return { themeId: undefined, viewpointId: undefined, subject: undefined, fixes: [], ...fields };
}
