import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Corpus } from "../validate/corpus.js";
import { fileTextOf, locateInExtract, termSpan } from "../validate/origins.js";
import { joinWords } from "../text/prose.js";
import { figuresInProse, figureWords } from "./figures.js";
import { measureCoverage, type SourceCoverage } from "./coverage.js";
import { claimsBySourceAndPerspective, claimsByViewpoint, type CountMatrix } from "./matrix.js";
import { copiedRunLimit, indexSourceWords, longestCopiedRun, type SourceWords } from "./paraphrase.js";
import { sourceShortName } from "../select/weight.js";

export const defaultMinCoverage = 0.95;

/** What brief source add writes where the document does not say: a brief must never print it. */
export const todo = "TODO";

const todoHints: Readonly<Record<string, string>> = {
  title: "the source's title, as it gives it",
  publisher: "who published it (an organisation, or the author)",
  kind: "what kind of document it is: report, hearing summary, article, panel summary, …",
  place: "where it was published or the event was held",
  quality: "your note on the source: who speaks, whether they are named, how the account was made",
  date_note: "what the source says, or does not say, about its date",
};

/** What `brief check` proves about one corpus, and what a reviewer needs to see. */
export interface CorpusCheck {
  readonly corpus: string;
  readonly counts: {
    readonly sources: number;
    readonly perspectives: number;
    readonly themes: number;
    readonly viewpoints: number;
    readonly claims: number;
    readonly facts: number;
    readonly glossary: number;
  };
  readonly coverage: readonly SourceCoverage[];
  readonly viewpoints: ReturnType<typeof claimsByViewpoint>;
  readonly perspectives: CountMatrix;
  /** The longest run of source words copied into any of our own texts. */
  readonly longestCopiedRun: number;
  /** Claims and facts whose quote could not be checked: their source's text could not be read (its own error says why). */
  readonly quotesUnchecked: number;
  /** The problems these checks found (the corpus's schema, reference and quote problems are the corpus's own). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Check a corpus's content beyond its references and quotes: orphan
 * viewpoints, paragraph coverage, and paraphrases that copy the source.
 * Every corpus read for briefs goes through it, so `brief check`,
 * `brief validate` and `brief build` report the same problems. Pure.
 */
export function checkCorpus(
  corpus: Pick<Corpus, "id" | "extract" | "origins" | "paragraphs">,
  minCoverage = defaultMinCoverage,
  /** Sources whose claims or facts have a wrong quote or locator: their coverage problems may follow from it. */
  sourcesWithQuoteErrors: ReadonlySet<string> = new Set(),
): CorpusCheck {
  const { extract, origins } = corpus;
  const diagnostics: Diagnostic[] = [];
  const viewpoints = claimsByViewpoint(extract);

  for (const theme of extract.themes) {
    theme.viewpoints.forEach((viewpoint, index) => {
      if (viewpoints.some((v) => v.viewpoint === viewpoint.id && v.claims > 0)) return;
      const explained = theme.coverage_note !== undefined;
      diagnostics.push({
        severity: explained ? "warning" : "error",
        code: "EXTRACT_ORPHAN_VIEWPOINT",
        message: `viewpoint "${viewpoint.id}" of theme "${theme.id}" has no claim${explained ? " (the theme's coverage note explains why)" : ""}`,
        ...locateInExtract(origins, theme, ["viewpoints", index, "id"]),
        hint: explained ? undefined : "add claims for it, or a coverage_note to the theme saying the sources carry only one side",
      });
    });
  }

  for (const source of extract.sources) {
    for (const [field, value] of Object.entries(source)) {
      if (value !== todo) continue;
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_TODO",
        message: `source "${source.id}" still has ${field}: ${todo}`,
        ...locateInExtract(origins, source, field),
        hint: todoHints[field] ?? "write what the source says",
      });
    }
  }

  // A counted perspective on two views of one question weighs for both, as if each had all of it.
  for (const theme of extract.themes) {
    const sidesOf = new Map<string, Set<string>>();
    for (const claim of extract.claims) {
      if (claim.theme !== theme.id) continue;
      sidesOf.set(claim.perspective, (sidesOf.get(claim.perspective) ?? new Set()).add(claim.viewpoint));
    }
    for (const [perspectiveId, sides] of sidesOf) {
      const perspective = extract.perspectives.find((p) => p.id === perspectiveId);
      if (perspective === undefined || sides.size < 2 || (perspective.prevalence ?? "unstated") === "unstated") continue;
      const labels = theme.viewpoints.filter((v) => sides.has(v.id)).map((v) => `"${v.label}"`);
      diagnostics.push({
        severity: "warning",
        code: "EXTRACT_PERSPECTIVE_ON_TWO_SIDES",
        message: `perspective "${perspective.id}" (${perspective.label}) holds claims of ${labels.join(" and ")} on "${theme.id}": its count weighs for each view as if it held only that one`,
        ...locateInExtract(origins, perspective, "id"),
        hint: "make two perspectives, one for each side, each with the label and prevalence the source gives that side",
      });
    }
  }

  // Two sources cited by one name: every attribution to either reads the same ("Harbour Board; Harbour Board").
  const citedAs = new Map<string, (typeof extract.sources)[number]>();
  for (const source of extract.sources) {
    const name = sourceShortName(source, source.id);
    // A name still TODO is no name yet: EXTRACT_TODO says so, once for each source.
    if (name === todo) continue;
    const other = citedAs.get(name.toLowerCase());
    if (other === undefined) {
      citedAs.set(name.toLowerCase(), source);
      continue;
    }
    diagnostics.push({
      severity: "warning",
      code: "EXTRACT_SHORT_NAME_SHARED",
      message: `sources "${other.id}" and "${source.id}" are both cited as "${name}", so a reader cannot tell their claims apart`,
      ...locateInExtract(origins, source, source.short_name === undefined ? "id" : "short_name"),
      hint: `give each its own short_name, as the text cites it: "${name} minutes", "${name} report"`,
    });
  }

  const coverage = measureCoverage(extract, corpus.paragraphs);
  for (const source of coverage) {
    const origin = extract.sources.find((s) => s.id === source.sourceId)!;
    const mayFollow = sourcesWithQuoteErrors.has(source.sourceId)
      ? `a claim or fact of "${source.sourceId}" has a wrong quote or locator (reported with it): mend that first, then check again`
      : undefined;
    for (const paragraph of source.uncovered) {
      diagnostics.push({
        severity: "warning",
        code: "EXTRACT_UNCOVERED_PARAGRAPH",
        message: `paragraph ${paragraph.paragraph} of "${source.sourceId}" is used by no claim or fact: "${paragraph.firstWords}"`,
        ...locateInExtract(origins, origin, "id"),
        hint: mayFollow ?? "extract it, or list it under context_only with a reason",
      });
    }
    if (source.ratio < minCoverage) {
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_LOW_COVERAGE",
        message: `only ${coveragePercent(source.ratio)} of the paragraphs of "${source.sourceId}" are covered or marked context_only (target ${Math.round(minCoverage * 100)}%)`,
        ...locateInExtract(origins, origin, "id"),
        ...(mayFollow === undefined ? {} : { hint: mayFollow }),
      });
    }
  }

  let longest = 0;
  // Claims and facts whose source has no text read: neither their quote nor their copying is measured.
  let quotesUnchecked = 0;
  const sourceWords = new Map<string, SourceWords>();
  for (const [id, paragraphs] of corpus.paragraphs) sourceWords.set(id, indexSourceWords(paragraphs.map((p) => p.text).join("\n")));
  for (const item of [...extract.claims, ...extract.facts]) {
    const kind = "viewpoint" in item ? "claim" : "fact";
    const leaning = leansOnNeighbours(item.text);
    if (leaning !== undefined) {
      diagnostics.push({
        severity: "warning",
        code: "EXTRACT_TEXT_NOT_STANDALONE",
        message: `the text of ${kind} "${item.id}" starts with "${leaning}", which points back to something before it`,
        ...locateInExtract(origins, item, "text"),
        hint: `a ${kind} is printed on its own, away from its neighbours in the extract: say whom or what "${leaning}" refers to`,
        item: { kind, id: item.id },
      });
    }
    const inProse = figuresInProse(item.text);
    if (inProse.length > 0) {
      const first = inProse[0]!;
      const place = locateInExtract(origins, item, "text");
      const opens = inProse.find((f) => f.kind === "starts-sentence");
      const counts = [...new Set(inProse.filter((f) => f.kind === "small-count").map((f) => f.figure))];
      diagnostics.push({
        severity: "warning",
        code: "EXTRACT_TEXT_FIGURE",
        message:
          opens !== undefined
            ? `the text of ${kind} "${item.id}" starts a sentence with a figure (${opens.figure})`
            : `the text of ${kind} "${item.id}" writes ${joinWords(counts)} as ${counts.length === 1 ? "a figure" : "figures"}, where prose has words`,
        file: place.file,
        span: termSpan(fileTextOf(origins, item), place.span, (opens ?? first).figure),
        hint:
          opens !== undefined
            ? "a document prints this text as written: begin the sentence another way, or write the number in words"
            : `a document prints this text as written: write counts under ten in words (${counts.map((c) => figureWords[Number(c)]).join(", ")}); figures stay for percentages, measures, money and dates`,
        item: { kind, id: item.id },
      });
    }
    // Copying is measured against the source's text; a source without one (an error of its own) is not.
    const words = sourceWords.get(item.source);
    if (words === undefined) {
      quotesUnchecked++;
      continue;
    }
    const run = longestCopiedRun(item.text, words);
    longest = Math.max(longest, run.length);
    if (run.length >= copiedRunLimit) {
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_COPIED_PARAPHRASE",
        message: `the text of ${kind} "${item.id}" copies ${run.length} consecutive words of its source: "${run.words}"`,
        ...locateInExtract(origins, item, "text"),
        hint: `put the source's words in quote, and say it in your own words in text (at most ${copiedRunLimit - 1} words in a row from the source)`,
        item: { kind, id: item.id },
      });
    }
  }

  return {
    corpus: corpus.id,
    counts: {
      sources: extract.sources.length,
      perspectives: extract.perspectives.length,
      themes: extract.themes.length,
      viewpoints: viewpoints.length,
      claims: extract.claims.length,
      facts: extract.facts.length,
      glossary: extract.glossary.length,
    },
    coverage,
    viewpoints,
    perspectives: claimsBySourceAndPerspective(extract),
    longestCopiedRun: longest,
    quotesUnchecked,
    diagnostics,
  };
}

/**
 * A coverage as a percentage with one decimal, rounded down, as the table and the message both print it: 79.96%
 * is below a target of 80%, and must not print as "80.0%".
 */
export function coveragePercent(ratio: number): string {
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}

/**
 * The words a text opens with that point back to a sentence before it ("They regard …", "On this account …",
 * "These Russians …"), or undefined. A claim is selected, reordered and printed under another heading than its
 * neighbours in the extract, so "they" has nothing to refer to. "Those who …" names its own referent.
 */
export function leansOnNeighbours(text: string): string | undefined {
  return /^(?:(?:They|Their|Them|He|She|His|Her|It|Its)\b|(?:This|These|That|Such)\s+\p{L}+|(?:On|In) (?:this|that|their|such) (?:account|view|reading|perspective)\b)/u.exec(text.trimStart())?.[0];
}
