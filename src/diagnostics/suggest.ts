import { pluralNoun } from "../text/plural.js";

/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The closest candidate to a misspelt value, if one is close enough to be a
 * plausible typo: within a third of the word's length, or a prefix of it.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(value.length, best.candidate.length) / 3));
  const isPrefix = value.length >= 3 && best.candidate.toLowerCase().startsWith(value.toLowerCase());
  return best.distance <= limit || isPrefix ? best.candidate : undefined;
}

/**
 * A hint for an unknown value: "did you mean …?", or the list of allowed
 * values; with `alwaysList`, both (for short fixed lists such as enums).
 */
export function suggestionHint(value: string, given: readonly string[], noun = "value", alwaysList = false): string {
  // An id defined twice (reported on its own) is offered once.
  const allowed = [...new Set(given)];
  const match = closestMatch(value, allowed);
  if (allowed.length === 0) return `there is no ${noun} to refer to`;
  const shown = allowed.slice(0, 12).map((a) => `"${a}"`).join(", ");
  const more = allowed.length > 12 ? `, and ${allowed.length - 12} more` : "";
  if (match === undefined) return `allowed ${pluralNoun(noun)}: ${shown}${more}`;
  return alwaysList ? `did you mean "${match}"? (allowed: ${shown}${more})` : `did you mean "${match}"?`;
}
