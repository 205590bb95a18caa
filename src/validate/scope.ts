import type { Diagnostic, ItemRef } from "../diagnostics/diagnostic.js";
import type { ErrorCode } from "../errors/codes.js";

/**
 * What a problem found in a corpus stops. Three reaches:
 *
 * - an **item** (a claim or fact: a misquote, a wrong locator, a copied
 *   paraphrase, an unknown reference): briefs that show the item are
 *   refused, and for a claim whose viewpoint or perspective is unknown,
 *   briefs that show its question (src/build/gate.ts); the others build;
 * - the **extract's completeness** (paragraph coverage below the target, a
 *   viewpoint no claim argues): no brief is wrong because of it, so none is
 *   refused, but the run fails until the extract is completed;
 * - the **whole corpus** (YAML or schema errors, duplicate ids, a missing
 *   source text, …): nothing in it can be trusted, so no brief of it builds.
 *
 * Every error, whatever its reach, fails the run (exit 1) and is reported
 * once, not once per brief.
 */
export type CorpusProblemReach = "item" | "completeness" | "corpus";

/** Errors about what the extract leaves out, not about anything a brief shows. */
const completenessCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["EXTRACT_LOW_COVERAGE", "EXTRACT_ORPHAN_VIEWPOINT", "EXTRACT_UNCOVERED_PARAGRAPH"]);

function reachOf(diagnostic: Diagnostic): CorpusProblemReach {
  if (diagnostic.item !== undefined) return "item";
  return completenessCodes.has(diagnostic.code) ? "completeness" : "corpus";
}

/** Does this problem stop every brief of its corpus? */
export function blocksCorpus(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === "error" && reachOf(diagnostic) === "corpus";
}

/** "claim:alliance-01": one key per item, claims and facts apart. */
export function itemKey(item: ItemRef): string {
  return `${item.kind}:${item.id}`;
}

/** The errors of each broken claim or fact, by item key. */
export function brokenItems(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const broken = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== "error" || d.item === undefined) continue;
    const key = itemKey(d.item);
    broken.set(key, [...(broken.get(key) ?? []), d]);
  }
  return broken;
}
