/** An item whose key another item before it already has. */
export interface Duplicate<T> {
  readonly key: string;
  readonly item: T;
  readonly first: T;
}

/** Every item whose key repeats an earlier item's, with that earlier item: for "defined twice" errors. */
export function findDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): Duplicate<T>[] {
  const seen = new Map<string, T>();
  const duplicates: Duplicate<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item);
    else duplicates.push({ key, item, first });
  }
  return duplicates;
}
