import type { Diagnostic, ItemRef, Span } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import type { ErrorCode } from "../errors/codes.js";
import type { Extract } from "../schema/extract.js";
import { locateInExtract, type Origins } from "./origins.js";
import { findDuplicates } from "./unique.js";
import { positionAt } from "../diagnostics/format.js";

/** Every id referenced exists, and ids are unique within their kind (viewpoint ids across all themes). */
export function checkExtractReferences(extract: Extract, origins: Origins): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: ErrorCode, message: string, where: { file: string; span: Span }, hint?: string, item?: ItemRef) =>
    diagnostics.push({ severity: "error", code, message, ...where, hint, ...(item === undefined ? {} : { item }) });

  const reportDuplicates = <T extends object>(code: ErrorCode, kind: string, items: readonly T[], keyOf: (item: T) => string, field = "id") => {
    for (const { key, item, first } of findDuplicates(items, keyOf)) {
      error(code, `${kind} "${key}" is defined twice`, locateInExtract(origins, item, field), `first defined at ${describeLocation(origins, first, field)}`);
    }
  };
  reportDuplicates("EXTRACT_DUPLICATE_SOURCE", "source", extract.sources, (s) => s.id);
  reportDuplicates("EXTRACT_DUPLICATE_PERSPECTIVE", "perspective", extract.perspectives, (p) => p.id);
  reportDuplicates("EXTRACT_DUPLICATE_THEME", "theme", extract.themes, (t) => t.id);
  reportDuplicates("EXTRACT_DUPLICATE_CLAIM", "claim", extract.claims, (c) => c.id);
  reportDuplicates("EXTRACT_DUPLICATE_FACT", "fact", extract.facts, (f) => f.id);
  reportDuplicates("EXTRACT_DUPLICATE_TERM", "term", extract.glossary, (g) => g.term.toLowerCase(), "term");
  reportDuplicates("EXTRACT_DUPLICATE_VIEWPOINT", "viewpoint", extract.themes.flatMap((t) => t.viewpoints), (v) => v.id);

  const sourceIds = extract.sources.map((s) => s.id);
  const perspectiveById = new Map(extract.perspectives.map((p) => [p.id, p]));
  const themeById = new Map(extract.themes.map((t) => [t.id, t]));
  const themeIds = [...themeById.keys()];

  const checkSource = (item: { source: string }, ref?: ItemRef) => {
    if (!sourceIds.includes(item.source)) {
      error("EXTRACT_UNKNOWN_SOURCE", `unknown source "${item.source}"`, locateInExtract(origins, item, "source"), suggestionHint(item.source, sourceIds, "source"), ref);
    }
  };
  const checkTheme = (item: { theme: string }, ref: ItemRef) => {
    const theme = themeById.get(item.theme);
    if (theme === undefined) {
      error("EXTRACT_UNKNOWN_THEME", `unknown theme "${item.theme}"`, locateInExtract(origins, item, "theme"), suggestionHint(item.theme, themeIds, "theme"), ref);
    }
    return theme;
  };

  for (const perspective of extract.perspectives) {
    if (perspective.source !== undefined) checkSource(perspective as { source: string });
  }
  for (const claim of extract.claims) {
    const ref: ItemRef = { kind: "claim", id: claim.id };
    checkSource(claim, ref);
    const theme = checkTheme(claim, ref);
    if (theme !== undefined && !theme.viewpoints.some((v) => v.id === claim.viewpoint)) {
      error(
        "EXTRACT_UNKNOWN_VIEWPOINT",
        `theme "${theme.id}" has no viewpoint "${claim.viewpoint}"`,
        locateInExtract(origins, claim, "viewpoint"),
        suggestionHint(claim.viewpoint, theme.viewpoints.map((v) => v.id), "viewpoint"),
        ref,
      );
    }
    const perspective = perspectiveById.get(claim.perspective);
    if (perspective === undefined) {
      error(
        "EXTRACT_UNKNOWN_PERSPECTIVE",
        `unknown perspective "${claim.perspective}"`,
        locateInExtract(origins, claim, "perspective"),
        suggestionHint(claim.perspective, [...perspectiveById.keys()], "perspective"),
        ref,
      );
    } else if (perspective.source !== undefined && perspective.source !== claim.source) {
      error(
        "EXTRACT_PERSPECTIVE_SOURCE_MISMATCH",
        `perspective "${perspective.id}" belongs to source "${perspective.source}", but this claim cites "${claim.source}"`,
        locateInExtract(origins, claim, "perspective"),
        "attribute the claim as its own source does",
        ref,
      );
    }
  }
  for (const fact of extract.facts) {
    const ref: ItemRef = { kind: "fact", id: fact.id };
    checkSource(fact, ref);
    const theme = checkTheme(fact, ref);
    if (theme === undefined) continue;
    const viewpointIds = theme.viewpoints.map((v) => v.id);
    const bearsOn = fact.bears_on ?? {};
    for (const viewpoint of Object.keys(bearsOn)) {
      if (!viewpointIds.includes(viewpoint)) {
        error(
          "EXTRACT_UNKNOWN_VIEWPOINT",
          `theme "${theme.id}" has no viewpoint "${viewpoint}"`,
          locateInExtract(origins, bearsOn, viewpoint, "key"),
          suggestionHint(viewpoint, viewpointIds, "viewpoint"),
          ref,
        );
      }
    }
  }
  return diagnostics;
}

/** "file:line:col" of an extract item's field, for hints that send the reader to another place. */
function describeLocation(origins: Origins, item: object, field: string): string {
  const { file, span } = locateInExtract(origins, item, field);
  const text = origins.get(item)?.file.text;
  if (text === undefined) return file;
  const { line, column } = positionAt(text, span.start);
  return `${file}:${line}:${column}`;
}
