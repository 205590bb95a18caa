import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { ExtractFileSchema, extractSections, type CorpusInfo, type Extract } from "../schema/extract.js";
import type { Origin, Origins } from "./origins.js";
import { diagnosticsFromZod } from "./zod-diagnostics.js";

export interface MergedExtract {
  readonly extract: Extract | undefined;
  readonly origins: Origins;
  readonly diagnostics: Diagnostic[];
}

/**
 * Record where an item was written, and every object inside it (a theme's
 * viewpoints, a fact's bears_on): a diagnostic may point at any of them.
 */
function recordOrigins(origins: Map<object, Origin>, item: object, origin: Origin): void {
  const pending: [object, Origin][] = [[item, origin]];
  while (pending.length > 0) {
    const [value, at] = pending.pop()!;
    origins.set(value, at);
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== null && typeof inner === "object") pending.push([inner as object, { file: at.file, path: [...at.path, Array.isArray(value) ? Number(key) : key] }]);
    }
  }
}

/**
 * Validate each file of a corpus against the schema and merge their sections
 * into one extract. Reports every schema problem of every file.
 */
export function mergeExtractFiles(files: readonly YamlFile[], corpusLabel: string, someFilesUnreadable = false): MergedExtract {
  const diagnostics: Diagnostic[] = [];
  const origins = new Map<object, Origin>();
  // The sections' items, each already parsed (defaults and all) by the file schema: the merged extract is
  // made of them as they are, with no second parse of the whole, and each keeps its origin.
  const merged: Omit<Extract, "corpus"> = { sources: [], perspectives: [], themes: [], claims: [], facts: [], glossary: [] };
  let corpus: CorpusInfo | undefined;
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
        corpus = value as CorpusInfo;
        continue;
      }
      (value as object[]).forEach((item, index) => {
        recordOrigins(origins, item, { file, path: [section, index] });
        (merged[section] as object[]).push(item);
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
  if (diagnostics.length > 0 || corpus === undefined) return { extract: undefined, origins, diagnostics };
  return { extract: { corpus, ...merged }, origins, diagnostics };
}
