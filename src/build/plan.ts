import { entryById, inShard, type Shard } from "../output/manifest.js";
import { refusalBeforeSelection } from "./gate.js";
import { checkedBrief, preparedBriefId, type PreparedBrief } from "./prepare.js";
import type { BriefResult, Job } from "./types.js";
import { formatsOf, keyOf, unchangedEntry, unchangedResult, type PlanContext } from "./unchanged.js";

export interface BuildPlan {
  /** Briefs that cannot be built: invalid, or in an invalid corpus. */
  readonly upfront: BriefResult[];
  /** Briefs whose inputs and outputs are as the last build left them. */
  readonly unchanged: BriefResult[];
  readonly jobs: Job[];
}

/** Sort the briefs into those that cannot be built, those unchanged since the last build, and those to print. */
export async function planBuild(briefs: readonly PreparedBrief[], context: PlanContext): Promise<BuildPlan> {
  const plan: BuildPlan = { upfront: [], unchanged: [], jobs: [] };
  for (const prepared of briefs) {
    const id = preparedBriefId(prepared);
    const file = prepared.file?.path ?? prepared.shown;
    const checked = checkedBrief(prepared);
    if (checked === undefined) {
      // Why, and the problems behind it (its own, or its corpus's), for --json and the reporters.
      const refusal = refusalBeforeSelection(prepared);
      plan.upfront.push({ id, file, status: "invalid", warnings: [], refusal: refusal.reason, diagnostics: refusal.diagnostics });
      continue;
    }
    const inputs = await keyOf(checked.brief, checked.file, context);
    const formats = formatsOf(checked.brief, context);
    const cached = await unchangedEntry(context.previous, id, inputs, formats, context);
    if (cached !== undefined) {
      plan.unchanged.push(unchangedResult(id, file, cached, inputs, context));
      continue;
    }
    plan.jobs.push({ checked, inputs, formats, previous: context.last === undefined ? undefined : entryById(context.last, id), reuse: context.previous !== undefined });
  }
  return plan;
}

/** Briefs of this build's shard, in the order given. */
export function briefsOfShard(briefs: readonly PreparedBrief[], shard: Shard | undefined): PreparedBrief[] {
  return briefs.filter((b) => inShard(preparedBriefId(b), shard));
}

