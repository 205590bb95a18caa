/**
 * A pure function of a text, remembered: the briefs of one corpus print and
 * measure the same claims, labels and theses again and again, and a build of
 * forty briefs spent a third of its own time doing the same work twice. At
 * most `limit` results are kept; past that, the memory starts afresh, so a
 * long-running preview does not grow without end.
 */
export function rememberText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined && !results.has(text)) {
      if (results.size >= limit) results.clear();
      result = compute(text);
      results.set(text, result);
    }
    return result as T;
  };
}
