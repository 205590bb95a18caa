import type { ReadonlyExtract } from "../schema/extract.js";
import type { Paragraph } from "../text/paragraphs.js";

/** Paragraph coverage of one source: which paragraphs the extract uses, marks as context, or leaves out. */
export interface SourceCoverage {
  readonly sourceId: string;
  readonly paragraphs: number;
  /** Paragraph numbers cited by at least one claim or fact. */
  readonly used: readonly number[];
  readonly contextOnly: readonly { readonly paragraph: number; readonly reason: string }[];
  readonly uncovered: readonly { readonly paragraph: number; readonly firstWords: string }[];
  /** (used ∪ context only) ÷ paragraphs, from 0 to 1. */
  readonly ratio: number;
}

function firstWords(text: string, count = 10): string {
  const words = text.split(/\s+/);
  return words.slice(0, count).join(" ") + (words.length > count ? " …" : "");
}

export function measureCoverage(extract: ReadonlyExtract, paragraphsBySource: ReadonlyMap<string, readonly Paragraph[]>): SourceCoverage[] {
  return extract.sources.flatMap((source) => {
    const paragraphs = paragraphsBySource.get(source.id);
    if (paragraphs === undefined) return [];
    const used = new Set<number>();
    for (const item of [...extract.claims, ...extract.facts]) if (item.source === source.id) used.add(item.locator);
    const marked = new Set(source.context_only.map((c) => c.paragraph));
    const uncovered = paragraphs.filter((p) => !used.has(p.number) && !marked.has(p.number));
    const covered = paragraphs.length - uncovered.length;
    return [
      {
        sourceId: source.id,
        paragraphs: paragraphs.length,
        used: [...used].filter((n) => n <= paragraphs.length).sort((a, b) => a - b),
        contextOnly: source.context_only,
        uncovered: uncovered.map((p) => ({ paragraph: p.number, firstWords: firstWords(p.text) })),
        ratio: paragraphs.length === 0 ? 1 : covered / paragraphs.length,
      },
    ];
  });
}
