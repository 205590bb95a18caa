import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../../helpers/cli.js";

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly "continue-on-error"?: boolean;
}

/** The steps of a workflow's job that builds the briefs. */
function buildSteps(path: string): Step[] {
  const workflow = parse(readFileSync(join(repoRoot, path), "utf8")) as { jobs: Record<string, { steps?: Step[] }> };
  const job = Object.values(workflow.jobs).find((j) => j.steps?.some((s) => /\bbrief build\b/.test(s.run ?? "")));
  if (job?.steps === undefined) throw new Error(`${path} has no job that runs brief build`);
  return job.steps;
}

// A hostile CI run: a runner killed mid-build left its lock in the cached output, naming a host that was gone; the
// lock was never taken over, and every later night failed with OUTPUT_LOCKED and cached the same lock again.
describe.each([".github/workflows/nightly-briefs.yml", "data/starter/dot-github/workflows/nightly-briefs.yml"])("the nightly workflow %s", (path) => {
  it("forgets a lock restored with last night's output before it builds", () => {
    const steps = buildSteps(path);
    const restore = steps.findIndex((s) => s.uses?.startsWith("actions/cache/restore"));
    const forget = steps.findIndex((s) => /rm -f output\/\.briefsmith\.lock\b/.test(s.run ?? ""));
    const build = steps.findIndex((s) => /\bbrief build\b/.test(s.run ?? ""));
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(forget).toBeGreaterThan(restore);
    expect(build).toBeGreaterThan(forget);
  });

  // A hostile CI run: a validate step before the build failed on one misquote, so the build was skipped in every
  // shard; nothing was rebuilt, and the publish step (if: always()) shipped last night's files as tonight's.
  it("lets no check before the build skip it on a night", () => {
    const steps = buildSteps(path);
    const build = steps.findIndex((s) => /\bbrief build\b/.test(s.run ?? ""));
    const gates = steps.slice(0, build).filter((s) => /\bbrief (validate|check)\b/.test(s.run ?? ""));
    for (const gate of gates) expect(gate["continue-on-error"] === true || /github\.event_name == 'pull_request'/.test(gate.if ?? ""), gate.name).toBe(true);
    expect(steps[build]!.run).toContain("--reporter github");
  });
});
