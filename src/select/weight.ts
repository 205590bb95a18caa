import type { Holder } from "../model.js";
import type { Claim, Perspective, Prevalence, Source } from "../schema/extract.js";

/**
 * How widely a view is held, as its sources say: the order of the prevalence
 * scale (consensus highest, unstated lowest), and the rough share of a group
 * each word stands for, used only to divide space with `space: proportional`.
 */
export const prevalenceRank: Readonly<Record<Prevalence, number>> = { consensus: 6, most: 5, many: 4, some: 3, few: 2, one: 1, unstated: 0 };

/** The share of a group each word suggests: "most" about three in four, "some" about a third, "one" a single voice. */
const prevalenceShare: Readonly<Record<Prevalence, number>> = {
  consensus: 1,
  most: 0.75,
  many: 0.6,
  some: 0.35,
  few: 0.2,
  one: 0.1,
  unstated: 0,
};

/** A source as citations and attributions name it: its short name, else its publisher, else its id. */
export function sourceShortName(source: Source | undefined, id: string): string {
  return source?.short_name ?? source?.publisher ?? id;
}

/**
 * Everyone the extract says holds a view: one entry per perspective, with how
 * widely it is held and where it is said, strongest first (then by number of
 * claims, then extract order).
 */
export function holdersOf(claims: readonly Claim[], perspectives: ReadonlyMap<string, Perspective>, sources: ReadonlyMap<string, Source>): Holder[] {
  const byPerspective = new Map<string, { holder: Holder; order: number }>();
  claims.forEach((claim, order) => {
    const key = `${claim.perspective}\u0000${claim.source}`;
    const known = byPerspective.get(key);
    if (known !== undefined) {
      byPerspective.set(key, { ...known, holder: { ...known.holder, claims: known.holder.claims + 1 } });
      return;
    }
    const perspective = perspectives.get(claim.perspective);
    const source = sources.get(claim.source);
    byPerspective.set(key, {
      order,
      holder: {
        perspectiveId: claim.perspective,
        label: perspective?.label ?? claim.perspective,
        prevalence: perspective?.prevalence ?? "unstated",
        sourceId: claim.source,
        sourceName: sourceShortName(source, claim.source),
        sourceIsEvent: source?.event !== undefined,
        claims: 1,
      },
    });
  });
  return [...byPerspective.values()]
    .sort(
      (a, b) =>
        prevalenceRank[b.holder.prevalence] - prevalenceRank[a.holder.prevalence] || b.holder.claims - a.holder.claims || a.order - b.order,
    )
    .map((entry) => entry.holder);
}

/**
 * The holders a due-weight statement names for a view: the strongest of each
 * source (two sources at most), else the two strongest of its one source;
 * only those whose prevalence is stated. Selection shows a claim of each, so
 * the reader finds every holder the statement names.
 */
export function nameHolders(holders: readonly Holder[]): Holder[] {
  const stated = holders.filter((h) => h.prevalence !== "unstated");
  const bestPerSource = new Map<string, Holder>();
  for (const holder of stated) if (!bestPerSource.has(holder.sourceId)) bestPerSource.set(holder.sourceId, holder);
  if (bestPerSource.size > 1) return [...bestPerSource.values()].slice(0, 2);
  const seen = new Set<string>();
  return stated.filter((h) => !seen.has(h.label) && seen.add(h.label)).slice(0, 2);
}

/** The strongest stated prevalence among a view's holders ("unstated" when none says). */
export function strongestPrevalence(holders: readonly Holder[]): Prevalence {
  return holders[0]?.prevalence ?? "unstated";
}

/**
 * Target shares of space for the views of a question with `space:
 * proportional`: in proportion to how widely each is held, but never below
 * half an equal share. When any view's holders are not counted by its
 * sources, there is nothing to weigh it by, and every view gets an equal share.
 */
export function proportionalShares(prevalences: readonly Prevalence[]): number[] {
  const count = prevalences.length;
  if (count === 0) return [];
  const equal = Array<number>(count).fill(1 / count);
  const weights = prevalences.map((p) => prevalenceShare[p]);
  if (weights.some((w) => w === 0)) return equal;
  const floor = 0.5 / count;
  const fixed = new Set<number>();
  let shares = equal;
  // Views below the floor are raised to it; the rest share what is left in proportion to their weight.
  for (let round = 0; round <= count; round++) {
    const free = weights.map((w, i) => (fixed.has(i) ? 0 : w));
    const freeTotal = free.reduce((a, b) => a + b, 0);
    const left = 1 - fixed.size * floor;
    shares = weights.map((_, i) => (fixed.has(i) ? floor : (free[i]! / freeTotal) * left));
    const below = shares.findIndex((share, i) => !fixed.has(i) && share < floor);
    if (below === -1) break;
    fixed.add(below);
  }
  return shares;
}
