import type { ReadonlyExtract } from "../schema/extract.js";

/** Counts of claims in a grid: rows × columns, with the labels in a stable order. */
export interface CountMatrix {
  readonly rows: readonly { readonly id: string; readonly label: string; readonly counts: readonly number[] }[];
  readonly columns: readonly { readonly id: string; readonly label: string }[];
}

/** Claims per theme and viewpoint: one row per viewpoint, grouped by theme. */
export function claimsByViewpoint(extract: ReadonlyExtract): { theme: string; viewpoint: string; label: string; claims: number; sources: number; perspectives: number }[] {
  return extract.themes.flatMap((theme) =>
    theme.viewpoints.map((viewpoint) => {
      const claims = extract.claims.filter((c) => c.theme === theme.id && c.viewpoint === viewpoint.id);
      return {
        theme: theme.id,
        viewpoint: viewpoint.id,
        label: viewpoint.label,
        claims: claims.length,
        sources: new Set(claims.map((c) => c.source)).size,
        perspectives: new Set(claims.map((c) => c.perspective)).size,
      };
    }),
  );
}

/** Claims per perspective (rows) and source (columns): who speaks in which source. */
export function claimsBySourceAndPerspective(extract: ReadonlyExtract): CountMatrix {
  const columns = extract.sources.map((s) => ({ id: s.id, label: s.short_name ?? s.id }));
  const rows = extract.perspectives
    .map((perspective) => ({
      id: perspective.id,
      label: perspective.label,
      counts: columns.map((column) => extract.claims.filter((c) => c.perspective === perspective.id && c.source === column.id).length),
    }))
    .filter((row) => row.counts.some((n) => n > 0));
  return { rows, columns };
}
