import type { Claim } from "../schema/extract.js";
import { countWords } from "../text/words.js";

/** Rotate a list left by `by`, so that no viewpoint always comes first. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/**
 * Choose up to `limit` claims, spreading them across sources and perspectives:
 * round-robin over (source, perspective) groups, each group in extract order.
 * The chosen claims keep their extract order.
 */
export function chooseClaims(claims: readonly Claim[], limit: number): Claim[] {
  if (claims.length <= limit) return [...claims];
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.source}\u0000${claim.perspective}`;
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  // Order groups so sources alternate: the first group of each source, then the second, …
  const bySource = new Map<string, Claim[][]>();
  for (const group of groups.values()) bySource.set(group[0]!.source, [...(bySource.get(group[0]!.source) ?? []), group]);
  const orderedGroups: Claim[][] = [];
  for (let round = 0; orderedGroups.length < groups.size; round++) {
    for (const sourceGroups of bySource.values()) if (sourceGroups[round]) orderedGroups.push(sourceGroups[round]!);
  }
  const chosen = new Set<Claim>();
  for (let round = 0; chosen.size < limit; round++) {
    for (const group of orderedGroups) {
      if (chosen.size < limit && group[round]) chosen.add(group[round]!);
    }
  }
  return claims.filter((c) => chosen.has(c));
}

/**
 * Choose up to `limit` claims for each viewpoint of a theme so that the sides
 * come out even: start from claims spread across sources and perspectives,
 * then swap claims (longer for the lightest side, shorter for the heaviest)
 * while that narrows the gap in words and keeps as many sources. Deterministic.
 */
export function chooseBalancedClaims(claimsByViewpoint: readonly (readonly Claim[])[], limit: number): Claim[][] {
  const chosen = claimsByViewpoint.map((claims) => chooseClaims(claims, limit));
  const wordsOf = new Map(claimsByViewpoint.flat().map((c) => [c, countWords(c.text)]));
  const words = (claims: readonly Claim[]) => claims.reduce((n, c) => n + wordsOf.get(c)!, 0);
  const sources = (claims: readonly Claim[]) => new Set(claims.map((c) => c.source)).size;
  const spread = (selection: readonly (readonly Claim[])[]) => {
    const totals = selection.map(words);
    return Math.max(...totals) - Math.min(...totals);
  };
  for (let round = 0; round < 100 && chosen.length > 1; round++) {
    let best: { viewpoint: number; out: Claim; in: Claim; spread: number } | undefined;
    chosen.forEach((selection, viewpoint) => {
      const available = claimsByViewpoint[viewpoint]!.filter((c) => !selection.includes(c));
      for (const out of selection) {
        for (const candidate of available) {
          const swapped = selection.map((c) => (c === out ? candidate : c));
          if (sources(swapped) < sources(selection)) continue;
          const trial = chosen.map((s, i) => (i === viewpoint ? swapped : s));
          const value = spread(trial);
          if (value < (best?.spread ?? spread(chosen))) best = { viewpoint, out, in: candidate, spread: value };
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
