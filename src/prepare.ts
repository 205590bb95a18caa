import { join } from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { errorCount } from "./diagnostics/diagnostic.js";
import { suggestionHint } from "./diagnostics/suggest.js";
import { BriefsmithError } from "./errors.js";
import {
  briefFileBaseName,
  corpusDir,
  displayPath,
  findBriefFiles,
  isInside,
  listCorpora,
  listYamlFiles,
  loadYamlFile,
} from "./load/project.js";
import { fileLimits, readTextFile } from "./load/read-file.js";
import { locate, type YamlFile } from "./load/yaml-file.js";
import type { Extract } from "./schema/extract.js";
import { splitParagraphs, type Paragraph } from "./text/paragraphs.js";
import { checkBriefAgainstExtract, validateBriefFile, type ValidBrief } from "./validate/brief.js";
import { checkExtractQuotes, checkExtractReferences, mergeExtractFiles, type Origins } from "./validate/extract.js";

/** A corpus loaded and checked: the extract, and the paragraphs of each source text. */
export interface PreparedCorpus {
  readonly id: string;
  readonly dir: string;
  readonly files: readonly YamlFile[];
  readonly extract: Extract | undefined;
  readonly origins: Origins;
  readonly paragraphs: ReadonlyMap<string, readonly Paragraph[]>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface PreparedBrief {
  readonly path: string;
  readonly file: YamlFile | undefined;
  readonly brief: ValidBrief | undefined;
  readonly corpus: PreparedCorpus | undefined;
  /** The brief's own problems (its corpus's are on the corpus). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface Preparation {
  readonly briefs: readonly PreparedBrief[];
  readonly corpora: ReadonlyMap<string, PreparedCorpus>;
  /** Every problem in every brief and corpus, once each. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, by shown path: for printing diagnostics with their source line. */
  readonly fileTexts: ReadonlyMap<string, string>;
}

/** Is a prepared brief ready to build: no error in the brief, nor in its corpus? */
export function isBuildable(prepared: PreparedBrief): prepared is PreparedBrief & {
  file: YamlFile;
  brief: ValidBrief;
  corpus: PreparedCorpus & { extract: Extract };
} {
  return (
    prepared.file !== undefined &&
    prepared.brief !== undefined &&
    prepared.corpus?.extract !== undefined &&
    errorCount(prepared.diagnostics) === 0 &&
    errorCount(prepared.corpus.diagnostics) === 0
  );
}

/**
 * Load every brief under `paths` and every corpus they use, and check them all:
 * schema, references, quotes. Needs no browser. Reports every problem found.
 */
export async function prepareBriefs(paths: readonly string[], options: { root: string; cwd: string }): Promise<Preparation> {
  const briefPaths = await findBriefFiles(paths, options.cwd);
  if (briefPaths.length === 0) {
    throw new BriefsmithError("NO_BRIEFS", `no brief files (*.yaml) found in ${paths.join(", ")}`, {
      hint: "write a brief in briefs/<id>.yaml, or name brief files on the command line",
    });
  }
  const corpora = new Map<string, PreparedCorpus>();
  const knownCorpora = await listCorpora(options.root);
  const briefs: PreparedBrief[] = [];
  const seenIds = new Map<string, string>();
  // Read every brief at once: file I/O overlaps, then checking runs in order.
  const loadedBriefs = await Promise.all(briefPaths.map((path) => loadYamlFile(path, options.cwd)));
  for (const [index, path] of briefPaths.entries()) {
    const loaded = loadedBriefs[index]!;
    const diagnostics = [...loaded.diagnostics];
    const file = loaded.file;
    let brief: ValidBrief | undefined;
    let corpus: PreparedCorpus | undefined;
    if (file !== undefined) {
      const validated = validateBriefFile(file, briefFileBaseName(path));
      diagnostics.push(...validated.diagnostics);
      brief = validated.brief;
    }
    if (brief !== undefined && file !== undefined) {
      const other = seenIds.get(brief.id);
      if (other !== undefined) {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_DUPLICATE_ID",
          message: `brief id "${brief.id}" is also used by ${other}; both would write output/${brief.id}.pdf`,
          file: file.path,
          span: locate(file, brief.id === briefFileBaseName(path) ? [] : ["id"]),
          hint: "give one of the briefs another id",
        });
      }
      seenIds.set(brief.id, file.path);
      if (knownCorpora.includes(brief.corpus)) {
        corpus = corpora.get(brief.corpus) ?? (await prepareCorpus(brief.corpus, options));
        corpora.set(brief.corpus, corpus);
        if (corpus.extract !== undefined) diagnostics.push(...checkBriefAgainstExtract(brief, file, corpus.extract));
      } else {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_UNKNOWN_CORPUS",
          message: `there is no corpus "${brief.corpus}" (looked for ${displayPath(corpusDir(options.root, brief.corpus), options.cwd)}/)`,
          file: file.path,
          span: locate(file, ["corpus"]),
          hint: knownCorpora.length > 0 ? suggestionHint(brief.corpus, knownCorpora, "corpus") : "create the corpus under sources/<corpus>/",
        });
      }
    }
    briefs.push({ path, file, brief, corpus, diagnostics });
  }
  const fileTexts = new Map<string, string>();
  const allDiagnostics: Diagnostic[] = [];
  for (const corpus of corpora.values()) {
    for (const file of corpus.files) fileTexts.set(file.path, file.text);
    allDiagnostics.push(...corpus.diagnostics);
  }
  for (const prepared of briefs) {
    if (prepared.file !== undefined) fileTexts.set(prepared.file.path, prepared.file.text);
    allDiagnostics.push(...prepared.diagnostics);
  }
  return { briefs, corpora, diagnostics: allDiagnostics, fileTexts };
}

/** Load one corpus folder: its YAML files, merged and checked, and its source texts. */
export async function prepareCorpus(id: string, options: { root: string; cwd: string }): Promise<PreparedCorpus> {
  const dir = corpusDir(options.root, id);
  const shownDir = displayPath(dir, options.cwd);
  const diagnostics: Diagnostic[] = [];
  const files: YamlFile[] = [];
  const paths = await listYamlFiles(dir, new Set(["texts"]));
  for (const loaded of await Promise.all(paths.map((path) => loadYamlFile(path, options.cwd, { within: dir })))) {
    diagnostics.push(...loaded.diagnostics);
    if (loaded.file !== undefined) files.push(loaded.file);
  }
  const merged = mergeExtractFiles(files, shownDir, paths.length > files.length || files.some((f) => f.data === undefined));
  diagnostics.push(...merged.diagnostics);
  const paragraphs = new Map<string, readonly Paragraph[]>();
  const extract = merged.extract;
  if (extract !== undefined) {
    diagnostics.push(...checkExtractReferences(extract, merged.origins));
    for (const source of extract.sources) {
      const origin = merged.origins.get(source)!;
      const relativeText = source.text ?? `texts/${source.id}.txt`;
      const textPath = join(dir, relativeText);
      const where = { file: origin.file.path, span: locate(origin.file, [...origin.path, source.text ? "text" : "id"]) };
      if (!isInside(dir, textPath)) {
        diagnostics.push({
          severity: "error",
          code: "EXTRACT_TEXT_OUTSIDE_CORPUS",
          message: `the text of source "${source.id}" must be inside the corpus folder`,
          ...where,
          hint: `put it under ${shownDir}/texts/`,
        });
        continue;
      }
      try {
        // `within`: a symbolic link in the corpus must not read a file elsewhere on the disk.
        const text = await readTextFile(textPath, fileLimits.textBytes, displayPath(textPath, options.cwd), { within: dir });
        paragraphs.set(source.id, splitParagraphs(text));
      } catch (error) {
        if (!(error instanceof BriefsmithError)) throw error;
        diagnostics.push({
          severity: "error",
          code: error.code === "FILE_NOT_FOUND" ? "EXTRACT_MISSING_TEXT" : error.code,
          message: `source "${source.id}": ${error.message}`,
          ...where,
          hint: error.code === "FILE_NOT_FOUND" ? `save the verbatim text of the source as ${displayPath(textPath, options.cwd)}` : error.hint,
        });
      }
    }
    diagnostics.push(...checkExtractQuotes(extract, merged.origins, paragraphs));
  }
  return { id, dir, files, extract, origins: merged.origins, paragraphs, diagnostics };
}
