import type { Claim } from "../schema/extract.js";
import { countWords } from "../text/words.js";

/** Rotate a list left by `by`, so that no viewpoint always comes first. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** How strongly a claim's holder is attested (higher first); every claim 0 when the extract states no prevalence. */
export type ClaimRank = (claim: Claim) => number;

/**
 * Choose up to `limit` claims, spreading them across sources and perspectives:
 * round-robin over (source, perspective) groups, each group in extract order.
 * Groups alternate between sources, and within a round the most widely held
 * perspective comes first, so a view is shown through its strongest holders.
 * The chosen claims keep their extract order.
 */
export function chooseClaims(claims: readonly Claim[], limit: number, rankOf: ClaimRank = () => 0): Claim[] {
  if (claims.length <= limit) return [...claims];
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.source}\u0000${claim.perspective}`;
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  // Order groups so sources alternate: the first group of each source, then the second, …
  const bySource = new Map<string, Claim[][]>();
  const rankedGroups = [...groups.values()].sort((a, b) => rankOf(b[0]!) - rankOf(a[0]!));
  for (const group of rankedGroups) bySource.set(group[0]!.source, [...(bySource.get(group[0]!.source) ?? []), group]);
  const orderedGroups: Claim[][] = [];
  for (let round = 0; orderedGroups.length < groups.size; round++) {
    const roundGroups: Claim[][] = [];
    for (const sourceGroups of bySource.values()) if (sourceGroups[round]) roundGroups.push(sourceGroups[round]!);
    orderedGroups.push(...roundGroups.sort((a, b) => rankOf(b[0]!) - rankOf(a[0]!)));
  }
  const chosen = new Set<Claim>();
  for (let round = 0; chosen.size < limit; round++) {
    for (const group of orderedGroups) {
      if (chosen.size < limit && group[round]) chosen.add(group[round]!);
    }
  }
  return claims.filter((c) => chosen.has(c));
}

export interface BalancedChoice {
  /** Claims per viewpoint at most (one number for all, or one per viewpoint). */
  readonly limits: number | readonly number[];
  /** Claim ids always chosen (the brief's include_claims); they count toward the limit but may exceed it. */
  readonly pinned?: ReadonlySet<string>;
  /** The share of words each viewpoint should get (equal shares when absent). */
  readonly targets?: readonly number[];
  readonly rankOf?: ClaimRank;
}

/**
 * Choose claims for each viewpoint of a theme so that the sides come out at
 * their target shares (even by default): start from claims spread across
 * sources and perspectives, then swap claims while that brings each side's
 * words closer to its share and keeps as many sources. Pinned claims stay.
 * Deterministic.
 */
export function chooseBalancedClaims(claimsByViewpoint: readonly (readonly Claim[])[], choice: number | BalancedChoice): Claim[][] {
  const { limits, pinned = new Set<string>(), targets, rankOf } = typeof choice === "number" ? { limits: choice } : choice;
  const limitOf = (index: number) => (typeof limits === "number" ? limits : limits[index]!);
  const targetOf = (index: number) => targets?.[index] ?? 1 / claimsByViewpoint.length;
  const chosen = claimsByViewpoint.map((claims, index) => {
    const pins = claims.filter((c) => pinned.has(c.id));
    const rest = claims.filter((c) => !pinned.has(c.id));
    const picked = new Set([...pins, ...chooseClaims(rest, Math.max(0, limitOf(index) - pins.length), rankOf)]);
    return claims.filter((c) => picked.has(c));
  });
  const wordsOf = new Map(claimsByViewpoint.flat().map((c) => [c, countWords(c.text)]));
  const words = (claims: readonly Claim[]) => claims.reduce((n, c) => n + wordsOf.get(c)!, 0);
  const sources = (claims: readonly Claim[]) => new Set(claims.map((c) => c.source)).size;
  // Words per unit of target share: equal across viewpoints when every side has exactly its share.
  const spread = (selection: readonly (readonly Claim[])[]) => {
    const scaled = selection.map((claims, index) => words(claims) / targetOf(index));
    return Math.max(...scaled) - Math.min(...scaled);
  };
  for (let round = 0; round < 100 && chosen.length > 1; round++) {
    let best: { viewpoint: number; out: Claim; in: Claim; spread: number } | undefined;
    // What a swap must beat, measured once a round: the spread and each side's sources before any swap.
    const current = spread(chosen);
    chosen.forEach((selection, viewpoint) => {
      const available = claimsByViewpoint[viewpoint]!.filter((c) => !selection.includes(c));
      const sourcesBefore = sources(selection);
      for (const out of selection) {
        if (pinned.has(out.id)) continue;
        for (const candidate of available) {
          const swapped = selection.map((c) => (c === out ? candidate : c));
          if (sources(swapped) < sourcesBefore) continue;
          const trial = chosen.map((s, i) => (i === viewpoint ? swapped : s));
          const value = spread(trial);
          if (value < (best?.spread ?? current) - 1e-9) best = { viewpoint, out, in: candidate, spread: value };
        }
      }
    });
    if (best === undefined) break;
    const order = claimsByViewpoint[best.viewpoint]!;
    const { out, in: incoming } = best;
    chosen[best.viewpoint] = order.filter((c) => c === incoming || (c !== out && chosen[best!.viewpoint]!.includes(c)));
  }
  return chosen;
}
