import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { deepFreeze } from "../schema/deep-readonly.js";
import { checkOptionsArgument, checkTextArgument, invalidArgument } from "../errors/argument.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { displayPath, isFile, listCorpora, listYamlFiles } from "../load/project.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { loadYamlFile } from "../load/yaml-files.js";
import type { ParsedYamlCache } from "../load/parsed-yaml-cache.js";
import { fileLimits, isInside, readTextFile } from "../load/read-file.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { splitParagraphs, type Paragraph } from "../text/paragraphs.js";
import { plural } from "../text/plural.js";
import type { Corpus } from "../validate/corpus.js";
import { mergeExtractFiles } from "../validate/merge-extract.js";
import { locateInExtract } from "../validate/origins.js";
import { checkExtractQuotes } from "../validate/quotes.js";
import { checkExtractReferences } from "../validate/references.js";
import { blocksCorpus, brokenItems, itemKey } from "../validate/scope.js";
import { checkCorpus, defaultMinCoverage, type CorpusCheck } from "../check/check.js";

/** A corpus folder as read, with every problem found in it. */
export interface CorpusReading {
  readonly id: string;
  readonly dir: string;
  readonly files: readonly YamlFile[];
  /**
   * The corpus, once its files parsed and merged into an extract that matches
   * the schema; it may still have errors (a misquote, say), which are in its
   * diagnostics (see validate/scope.ts for what each stops).
   */
  readonly corpus: Corpus | undefined;
  /** Coverage, paraphrase and the tables `brief check` prints: there when the corpus is. */
  readonly check: CorpusCheck | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The corpus of a reading, unless a problem stops every brief of it: what
 * briefs may be built from. Problems of single claims or facts stop only the
 * briefs that show them; those are decided after selection (gate.ts).
 */
export function usableCorpus(reading: CorpusReading | undefined): Corpus | undefined {
  return reading?.corpus !== undefined && !reading.diagnostics.some(blocksCorpus) ? reading.corpus : undefined;
}

/**
 * Load a corpus folder and check it: its YAML files parsed and merged into one
 * extract, every reference resolved, every source text read, every quote
 * verbatim in the paragraph its locator names, paragraph coverage and copied
 * paraphrase. Throws a BriefsmithError (CORPUS_NOT_VALID) carrying every
 * problem, with the files' texts to print them from, when no brief can be
 * built from the corpus. Problems that stop only some briefs (a misquote in
 * one claim, low coverage) are in the corpus's `diagnostics`; renderBrief
 * refuses a brief that shows a broken claim or fact.
 */
export async function loadCorpus(dir: string, options: { cwd?: string } = {}): Promise<Corpus> {
  // "" would read the working folder as a corpus.
  if (typeof dir !== "string" || dir.trim() === "") throw invalidArgument("loadCorpus's folder", dir, "the path of a corpus folder");
  checkOptionsArgument("loadCorpus's options", options, { cwd: true });
  checkTextArgument("loadCorpus's cwd", options.cwd);
  const cwd = options.cwd ?? process.cwd();
  const reading = await readCorpus(resolve(cwd, dir), { cwd });
  const corpus = usableCorpus(reading);
  // Frozen: a claim changed after its quote was checked would print unchecked (renderBrief does not check again).
  if (corpus !== undefined) return { ...corpus, extract: deepFreeze(corpus.extract) };
  throw new BriefsmithError("CORPUS_NOT_VALID", `the corpus in ${displayPath(reading.dir, cwd)} has ${plural(errorCount(reading.diagnostics), "problem")}`, {
    diagnostics: reading.diagnostics,
    fileTexts: new Map(reading.files.map((f) => [f.path, f.text])),
  });
}

export interface ReadCorpusOptions {
  /** The folder paths are shown from. */
  readonly cwd: string;
  /** The paragraph coverage each source needs, from 0 to 1 (default 0.95). */
  readonly minCoverage?: number;
  /** Files an earlier build parsed, by their text: those are not parsed again. */
  readonly parsed?: ParsedYamlCache | undefined;
}

/** Read and check a corpus folder, returning its problems as data rather than throwing. */
export async function readCorpus(dir: string, options: ReadCorpusOptions): Promise<CorpusReading> {
  const id = basename(dir);
  const shownDir = displayPath(dir, options.cwd);
  const diagnostics: Diagnostic[] = [];
  const files: YamlFile[] = [];
  let paths: string[];
  try {
    paths = await listYamlFiles(dir, new Set(["texts"]));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    if (isFile(dir)) throw new BriefsmithError("PATH_NOT_A_FOLDER", `${shownDir} is a file, not a corpus folder`, { hint: `name the corpus's folder: ${displayPath(dirname(dir), options.cwd) || "."}` });
    // The corpora beside it, for a mistyped name (brief show SOURCE --corpus sino-rusian).
    const near = closestMatch(id, await listCorpora(dirname(dirname(dir))));
    throw new BriefsmithError("PATH_NOT_FOUND", `there is no corpus folder ${shownDir}`, {
      hint: near !== undefined ? `did you mean "${near}"?` : "a corpus is a folder under sources/, holding YAML files and texts/",
    });
  }
  for (const loaded of await Promise.all(paths.map((path) => loadYamlFile(path, options.cwd, { within: dir }, options.parsed)))) {
    diagnostics.push(...loaded.diagnostics);
    if (loaded.file !== undefined) files.push(loaded.file);
  }
  const merged = mergeExtractFiles(files, shownDir, paths.length > files.length || files.some((f) => f.data === undefined));
  diagnostics.push(...merged.diagnostics);
  const extract = merged.extract;
  if (extract === undefined) return { id, dir, files, corpus: undefined, check: undefined, diagnostics };

  if (extract.corpus.id !== id) {
    // Briefs name the corpus by its folder, and documents by its id: the two must agree.
    diagnostics.push({
      severity: "error",
      code: "EXTRACT_CORPUS_ID_MISMATCH",
      message: `the corpus id "${extract.corpus.id}" is not the name of its folder, "${id}"`,
      ...locateInExtract(merged.origins, extract.corpus, "id"),
      hint: `set id: ${id}, or rename the folder to ${extract.corpus.id}`,
    });
  }
  diagnostics.push(...checkExtractReferences(extract, merged.origins));
  const paragraphs = new Map<string, readonly Paragraph[]>();
  for (const source of extract.sources) {
    const origin = merged.origins.get(source)!;
    const relativeText = source.text ?? `texts/${source.id}.txt`;
    const textPath = join(dir, relativeText);
    // Located only for a problem: locating reads the file's syntax tree, which a file read from the parse cache builds on demand.
    const where = () => ({ file: origin.file.path, span: locate(origin.file, [...origin.path, source.text ? "text" : "id"]) });
    // An absolute path ("/tmp/x.txt") is taken as one in the corpus by join: it is refused as written, not sought there.
    if (isAbsolute(relativeText) || !isInside(dir, textPath)) {
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_TEXT_OUTSIDE_CORPUS",
        message: `the text of source "${source.id}" must be inside the corpus folder${isAbsolute(relativeText) ? ", given as a path from it (texts/NAME.txt), not from the disk's root" : ""}`,
        ...where(),
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
        ...where(),
        hint: error.code === "FILE_NOT_FOUND" ? `save the verbatim text of the source as ${displayPath(textPath, options.cwd)}` : error.hint,
      });
    }
  }
  const quoteProblems = checkExtractQuotes(extract, merged.origins, paragraphs);
  diagnostics.push(...quoteProblems);
  // A wrong locator leaves its paragraph uncovered: the coverage problems of its source say so, since they are printed first.
  const misquoted = brokenItems(quoteProblems);
  const sourcesWithQuoteErrors = new Set([
    ...extract.claims.filter((c) => misquoted.has(itemKey({ kind: "claim", id: c.id }))).map((c) => c.source),
    ...extract.facts.filter((f) => misquoted.has(itemKey({ kind: "fact", id: f.id }))).map((f) => f.source),
  ]);
  const check = checkCorpus({ id, extract, origins: merged.origins, paragraphs }, options.minCoverage ?? defaultMinCoverage, sourcesWithQuoteErrors);
  diagnostics.push(...check.diagnostics);
  return { id, dir, files, corpus: { id, dir, extract, origins: merged.origins, paragraphs, files, diagnostics }, check, diagnostics };
}
