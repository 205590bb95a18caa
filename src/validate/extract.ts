import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { locate, type YamlFile, type YamlPath } from "../load/yaml-file.js";
import { ExtractFileSchema, ExtractSchema, extractSections, type Extract, type ExtractSection } from "../schema/extract.js";
import { checkQuote, type Paragraph } from "../text/paragraphs.js";
import { diagnosticsFromZod } from "./zod-diagnostics.js";

/** Where an item of the merged extract was written: for pointing diagnostics at it. */
export interface Origin {
  readonly file: YamlFile;
  readonly path: YamlPath;
}

/** Maps every item of a merged extract (by identity) to the place it came from. */
export type Origins = ReadonlyMap<object, Origin>;

export interface MergedExtract {
  readonly extract: Extract | undefined;
  readonly origins: Origins;
  readonly diagnostics: Diagnostic[];
}

/**
 * Validate each file of a corpus against the schema and merge their sections
 * into one extract. Reports every schema problem of every file.
 */
export function mergeExtractFiles(files: readonly YamlFile[], corpusLabel: string, someFilesUnreadable = false): MergedExtract {
  const diagnostics: Diagnostic[] = [];
  const origins = new Map<object, Origin>();
  const merged: Record<ExtractSection, unknown[]> = {
    corpus: [],
    sources: [],
    perspectives: [],
    themes: [],
    claims: [],
    facts: [],
    glossary: [],
  };
  let corpusOrigin: Origin | undefined;
  for (const file of files) {
    if (file.data === undefined || file.data === null) continue;
    const result = ExtractFileSchema.safeParse(file.data, { reportInput: true });
    if (!result.success) {
      diagnostics.push(...diagnosticsFromZod(result.error.issues, file, "EXTRACT", ExtractFileSchema));
      continue;
    }
    for (const section of extractSections) {
      const value = result.data[section];
      if (value === undefined) continue;
      if (section === "corpus") {
        if (corpusOrigin !== undefined) {
          diagnostics.push({
            severity: "error",
            code: "EXTRACT_DUPLICATE_CORPUS",
            message: `the corpus section is given twice (also in ${corpusOrigin.file.path})`,
            file: file.path,
            span: locate(file, ["corpus"], "key"),
            hint: "keep one corpus: section per corpus folder",
          });
          continue;
        }
        corpusOrigin = { file, path: ["corpus"] };
        origins.set(value, corpusOrigin);
        merged.corpus.push(value);
        continue;
      }
      (value as object[]).forEach((item, index) => {
        origins.set(item, { file, path: [section, index] });
        merged[section].push(item);
      });
    }
  }
  // A file that could not be read or parsed may hold the corpus section: its own error is the one to fix.
  if (corpusOrigin === undefined && diagnostics.length === 0 && !someFilesUnreadable) {
    diagnostics.push({
      severity: "error",
      code: "EXTRACT_MISSING_CORPUS",
      message: `no file in ${corpusLabel} has a corpus: section`,
      file: files[0]?.path ?? corpusLabel,
      hint: "add `corpus: {id: ..., title: ..., description: ...}` to one YAML file of the corpus",
    });
  }
  if (diagnostics.length > 0 || corpusOrigin === undefined) return { extract: undefined, origins, diagnostics };
  const extract = ExtractSchema.parse({ ...merged, corpus: merged.corpus[0] });
  // parse() returns new objects for the sections; carry the origins over by position.
  const remapped = new Map<object, Origin>();
  remapped.set(extract.corpus, corpusOrigin!);
  for (const section of extractSections) {
    if (section === "corpus") continue;
    (extract[section] as object[]).forEach((item, index) => {
      const origin = origins.get(merged[section][index] as object);
      if (origin !== undefined) remapped.set(item, origin);
    });
  }
  return { extract, origins: remapped, diagnostics };
}

function originOf(origins: Origins, item: object): Origin {
  const origin = origins.get(item);
  if (origin === undefined) throw new Error("extract item without an origin");
  return origin;
}

/** The file and span of a field of an extract item (or of the item itself). */
export function locateInExtract(origins: Origins, item: object, field: string | number | YamlPath = [], part: "key" | "value" = "value") {
  const origin = originOf(origins, item);
  const path = [...origin.path, ...(Array.isArray(field) ? field : [field])];
  return { file: origin.file.path, span: locate(origin.file, path, part) };
}

/** Every id referenced exists, and ids are unique within their kind (viewpoint ids across all themes). */
export function checkExtractReferences(extract: Extract, origins: Origins): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, where: { file: string; span: { start: number; end: number } }, hint?: string) =>
    diagnostics.push({ severity: "error", code, message, ...where, hint });

  const checkUnique = (kind: string, items: readonly object[], key: (item: object) => string, field = "id") => {
    const seen = new Map<string, object>();
    for (const item of items) {
      const id = key(item);
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, item);
        continue;
      }
      const firstAt = locateInExtract(origins, first, field);
      error(`EXTRACT_DUPLICATE_${kind.toUpperCase()}`, `${kind} "${id}" is defined twice`, locateInExtract(origins, item, field), `first defined in ${firstAt.file}`);
    }
  };
  checkUnique("source", extract.sources, (s) => (s as { id: string }).id);
  checkUnique("perspective", extract.perspectives, (s) => (s as { id: string }).id);
  checkUnique("theme", extract.themes, (s) => (s as { id: string }).id);
  checkUnique("claim", extract.claims, (s) => (s as { id: string }).id);
  checkUnique("fact", extract.facts, (s) => (s as { id: string }).id);
  checkUnique("term", extract.glossary, (s) => (s as { term: string }).term.toLowerCase(), "term");
  checkUnique("viewpoint", extract.themes.flatMap((t) => t.viewpoints), (v) => (v as { id: string }).id);

  const sourceIds = extract.sources.map((s) => s.id);
  const perspectiveById = new Map(extract.perspectives.map((p) => [p.id, p]));
  const themeById = new Map(extract.themes.map((t) => [t.id, t]));
  const themeIds = [...themeById.keys()];

  const checkSource = (item: { source: string }) => {
    if (!sourceIds.includes(item.source)) {
      error("EXTRACT_UNKNOWN_SOURCE", `unknown source "${item.source}"`, locateInExtract(origins, item, "source"), suggestionHint(item.source, sourceIds, "source"));
    }
  };
  const checkTheme = (item: { theme: string }) => {
    const theme = themeById.get(item.theme);
    if (theme === undefined) {
      error("EXTRACT_UNKNOWN_THEME", `unknown theme "${item.theme}"`, locateInExtract(origins, item, "theme"), suggestionHint(item.theme, themeIds, "theme"));
    }
    return theme;
  };

  for (const perspective of extract.perspectives) {
    if (perspective.source !== undefined) checkSource(perspective as { source: string });
  }
  for (const claim of extract.claims) {
    checkSource(claim);
    const theme = checkTheme(claim);
    if (theme !== undefined && !theme.viewpoints.some((v) => v.id === claim.viewpoint)) {
      error(
        "EXTRACT_UNKNOWN_VIEWPOINT",
        `theme "${theme.id}" has no viewpoint "${claim.viewpoint}"`,
        locateInExtract(origins, claim, "viewpoint"),
        suggestionHint(claim.viewpoint, theme.viewpoints.map((v) => v.id), "viewpoint"),
      );
    }
    const perspective = perspectiveById.get(claim.perspective);
    if (perspective === undefined) {
      error(
        "EXTRACT_UNKNOWN_PERSPECTIVE",
        `unknown perspective "${claim.perspective}"`,
        locateInExtract(origins, claim, "perspective"),
        suggestionHint(claim.perspective, [...perspectiveById.keys()], "perspective"),
      );
    } else if (perspective.source !== undefined && perspective.source !== claim.source) {
      error(
        "EXTRACT_PERSPECTIVE_SOURCE_MISMATCH",
        `perspective "${perspective.id}" belongs to source "${perspective.source}", but this claim cites "${claim.source}"`,
        locateInExtract(origins, claim, "perspective"),
        "attribute the claim as its own source does",
      );
    }
  }
  for (const fact of extract.facts) {
    checkSource(fact);
    const theme = checkTheme(fact);
    if (theme === undefined) continue;
    const viewpointIds = theme.viewpoints.map((v) => v.id);
    for (const viewpoint of Object.keys(fact.bears_on)) {
      if (!viewpointIds.includes(viewpoint)) {
        error(
          "EXTRACT_UNKNOWN_VIEWPOINT",
          `theme "${theme.id}" has no viewpoint "${viewpoint}"`,
          locateInExtract(origins, fact.bears_on, viewpoint, "key"),
          suggestionHint(viewpoint, viewpointIds, "viewpoint"),
        );
      }
    }
  }
  return diagnostics;
}

/** Ids of the sources, with the paragraphs of their texts. */
export type SourceParagraphs = ReadonlyMap<string, readonly Paragraph[]>;

/** Every quote is verbatim in its source, in the paragraph its locator names. */
export function checkExtractQuotes(extract: Extract, origins: Origins, paragraphsBySource: SourceParagraphs): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const item of [...extract.claims, ...extract.facts]) {
    const paragraphs = paragraphsBySource.get(item.source);
    if (paragraphs === undefined) continue; // unknown source or missing text: reported elsewhere
    const kind = "viewpoint" in item ? "claim" : "fact";
    if (item.locator > paragraphs.length) {
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_LOCATOR_OUT_OF_RANGE",
        message: `${kind} "${item.id}" points at paragraph ${item.locator}, but source "${item.source}" has ${paragraphs.length}`,
        ...locateInExtract(origins, item, "locator"),
        hint: "a paragraph is a non-empty line of the source text, counted from 1",
      });
    }
    const result = checkQuote(item.quote, paragraphs, item.locator);
    if (result.status === "wrong-paragraph") {
      const where = result.foundIn.length === 1 ? `paragraph ${result.foundIn[0]}` : `paragraphs ${result.foundIn.join(", ")}`;
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_WRONG_LOCATOR",
        message: `the quote of ${kind} "${item.id}" is not in paragraph ${item.locator} of "${item.source}"; it is in ${where}`,
        ...locateInExtract(origins, item, "locator"),
        hint: `set locator: ${result.foundIn[0]}`,
      });
    } else if (result.status === "not-found") {
      const hint =
        result.matchedWords > 0 && result.expected !== undefined
          ? `the first ${result.matchedWords} word${result.matchedWords === 1 ? "" : "s"} match paragraph ${result.bestParagraph}, where the source goes on "${result.expected}"`
          : "copy the quote from the source text exactly; only whitespace, typographic quotes and dashes may differ";
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_MISQUOTE",
        message: `the quote of ${kind} "${item.id}" is not verbatim in source "${item.source}"`,
        ...locateInExtract(origins, item, "quote"),
        hint,
      });
    }
  }
  for (const source of extract.sources) {
    const paragraphs = paragraphsBySource.get(source.id);
    if (paragraphs === undefined) continue;
    source.context_only.forEach((entry, index) => {
      if (entry.paragraph > paragraphs.length) {
        diagnostics.push({
          severity: "error",
          code: "EXTRACT_LOCATOR_OUT_OF_RANGE",
          message: `context_only names paragraph ${entry.paragraph}, but source "${source.id}" has ${paragraphs.length}`,
          ...locateInExtract(origins, source, ["context_only", index, "paragraph"]),
        });
      }
    });
  }
  return diagnostics;
}
