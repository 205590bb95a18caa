import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { positionAt } from "../diagnostics/format.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { briefFileBaseName, corpusDir, displayPath, findBriefFiles, listCorpora } from "../load/project.js";
import { loadBriefFile } from "../load/yaml-files.js";
import type { ParsedYamlCache } from "../load/parsed-yaml-cache.js";
import { loadProjectTemplates, templateLayouts, type TemplateSet } from "../load/templates.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { checkBriefAgainstExtract, validateBriefFile, type BriefReferences, type CheckedBrief, type ValidBrief } from "../validate/brief.js";
import type { TemplateCheck } from "../validate/templates.js";
import { trustedTemplateCheck } from "../validate/trusted-templates.js";
import { readCorpus, usableCorpus, type CorpusReading } from "./load-corpus.js";

export interface PreparedBrief {
  readonly path: string;
  /** The path as the user is shown it (relative to the working folder): for a brief whose file could not be read too. */
  readonly shown: string;
  readonly file: YamlFile | undefined;
  readonly brief: ValidBrief | undefined;
  readonly corpus: CorpusReading | undefined;
  /** The brief's own problems (its corpus's are on the corpus). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface Preparation {
  readonly briefs: readonly PreparedBrief[];
  readonly corpora: ReadonlyMap<string, CorpusReading>;
  /** The templates the briefs were checked against: Briefsmith's and the project's. */
  readonly templates: TemplateSet;
  /** What the template checker found in each template (or what a build trusts of a set its manifest vouches for). */
  readonly templateCheck: TemplateCheck;
  /** Every problem of the templates (warnings too), once each. */
  readonly templateDiagnostics: readonly Diagnostic[];
  /** Every problem in every brief and template, and every error in every corpus, once each (the corpora's warnings are on the reading). */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, by shown path: for printing diagnostics with their source line. */
  readonly fileTexts: ReadonlyMap<string, string>;
}

/** Where a brief's id comes from, for messages: "briefs/a.yaml:3" (its id: line), or "briefs/a.yaml (its file name)". */
function idPlace(file: YamlFile, fromFileName: boolean): string {
  if (fromFileName) return `${file.path} (its file name)`;
  return `${file.path}:${positionAt(file.text, locate(file, ["id"]).start).line}`;
}

/** A prepared brief's id: the one it sets, else its file's name. */
export function preparedBriefId(prepared: PreparedBrief): string {
  return prepared.brief?.id ?? briefFileBaseName(prepared.path);
}

/** The brief, checked and with its checked corpus, when neither has an error; else undefined. */
export function checkedBrief(prepared: PreparedBrief): CheckedBrief | undefined {
  const { file, brief } = prepared;
  const corpus = usableCorpus(prepared.corpus);
  if (file === undefined || brief === undefined || corpus === undefined || errorCount(prepared.diagnostics) > 0) return undefined;
  return { file, brief, corpus };
}

/**
 * Load every brief under `paths` and every corpus they use, and check them all:
 * schema, references, quotes. Needs no browser. Reports every problem found.
 * `onValidBrief` is called for each brief that passes its own schema, before
 * any template is checked or corpus read: the build starts its browser then.
 */
export async function prepareBriefs(
  paths: readonly string[],
  options: {
    root: string;
    cwd: string;
    onValidBrief?: (brief: ValidBrief) => void;
    templates?: TemplateSet | Promise<TemplateSet>;
    /** Brief files already read (by the build's no-op check), by path: not read again. */
    loaded?: ReadonlyMap<string, ReturnType<typeof loadBriefFile>>;
    /**
     * The templates are the very ones (and this the very code) a build found no error in, as its manifest
     * records: they are not checked again.
     */
    templatesTrusted?: boolean;
    /** YAML files an earlier build parsed, by their text: those are not parsed again (their syntax tree is made
     * only for a message that points into one). */
    parsed?: ParsedYamlCache | undefined;
  },
): Promise<Preparation> {
  const briefPaths = await findBriefFiles(paths, options.cwd);
  if (briefPaths.length === 0) {
    throw new BriefsmithError("NO_BRIEFS", `no brief files (*.yaml) found in ${paths.join(", ")}`, {
      hint: "write a brief in briefs/<id>.yaml, or name brief files on the command line",
    });
  }
  const corpora = new Map<string, CorpusReading>();
  // A brief names a template of the project's own or one of Briefsmith's: both are known before any brief is checked.
  const templates = await (options.templates ?? loadProjectTemplates(options.root, options.cwd));
  const layouts = templateLayouts(templates);
  // Read every brief at once (file I/O overlaps) and check each against its schema, so the build can start
  // its browser at the first valid brief, before the template checker loads and the corpora are read.
  const loadedBriefs = await Promise.all(briefPaths.map((path) => options.loaded?.get(path) ?? loadBriefFile(path, options.cwd, options.root, { parsed: options.parsed })));
  const validated = loadedBriefs.map((loaded, index) => {
    const checked = loaded.file === undefined ? undefined : validateBriefFile(loaded.file, briefFileBaseName(briefPaths[index]!), layouts);
    if (checked?.brief !== undefined) options.onValidBrief?.(checked.brief);
    return checked;
  });
  // The template checker (Handlebars's parser and the model's JSON Schema) loads here, not with the build:
  // a build with nothing to do never checks a brief, and need not load it, nor one whose templates are trusted.
  const templateCheck = options.templatesTrusted
    ? trustedTemplateCheck(templates)
    : await import("../validate/templates.js").then(({ checkTemplates }) => checkTemplates(templates));
  const knownCorpora = await listCorpora(options.root);
  const briefs: PreparedBrief[] = [];
  // The brief file that last set each id, and its path: where in it is found only for a message that names it
  // (finding it takes the file's syntax tree).
  const seenIds = new Map<string, { file: YamlFile; path: string }>();
  for (const [index, path] of briefPaths.entries()) {
    const loaded = loadedBriefs[index]!;
    const diagnostics = [...loaded.diagnostics];
    const file = loaded.file;
    let brief: ValidBrief | undefined;
    let corpus: CorpusReading | undefined;
    // What the brief names in its corpus: checked even when another field of the brief is malformed.
    let references: BriefReferences | undefined;
    if (file !== undefined) {
      diagnostics.push(...validated[index]!.diagnostics);
      brief = validated[index]!.brief;
      references = brief ?? validated[index]!.references;
    }
    if (brief !== undefined && file !== undefined) {
      const templateProblems = templateCheck.templates.get(brief.template)?.errors ?? [];
      if (templateProblems.length > 0) {
        const { briefTemplateProblem } = await import("../validate/templates.js");
        diagnostics.push(briefTemplateProblem(brief.template, templateProblems, file.path, locate(file, ["template"])));
      }
      const other = seenIds.get(brief.id);
      if (other !== undefined) {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_DUPLICATE_ID",
          message: `brief id "${brief.id}" is also used by ${idPlace(other.file, brief.id === briefFileBaseName(other.path))}; both would write output/${brief.id}.pdf`,
          file: file.path,
          span: locate(file, brief.id === briefFileBaseName(path) ? [] : ["id"]),
          hint: `give one of the briefs another id (set id: in it, or rename its file)`,
        });
      }
      seenIds.set(brief.id, { file, path });
    }
    if (references !== undefined && file !== undefined) {
      if (knownCorpora.includes(references.corpus)) {
        corpus = corpora.get(references.corpus) ?? (await readCorpus(corpusDir(options.root, references.corpus), { cwd: options.cwd, parsed: options.parsed }));
        corpora.set(references.corpus, corpus);
        if (corpus.corpus !== undefined) diagnostics.push(...checkBriefAgainstExtract(references, file, corpus.corpus.extract));
      } else {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_UNKNOWN_CORPUS",
          message: `there is no corpus "${references.corpus}" (looked for ${displayPath(corpusDir(options.root, references.corpus), options.cwd)}/)`,
          file: file.path,
          span: locate(file, ["corpus"]),
          hint: knownCorpora.length > 0 ? suggestionHint(references.corpus, knownCorpora, "corpus") : "create the corpus under sources/<corpus>/",
        });
      }
    }
    briefs.push({ path, shown: displayPath(path, options.cwd), file, brief, corpus, diagnostics });
  }
  const fileTexts = new Map<string, string>();
  const allDiagnostics: Diagnostic[] = [];
  for (const corpus of corpora.values()) {
    for (const file of corpus.files) fileTexts.set(file.path, file.text);
    // The corpora's errors; their warnings (paragraphs no claim uses, a one-sided theme explained) are a reviewer's, for check and validate.
    allDiagnostics.push(...corpus.diagnostics.filter((d) => d.severity === "error"));
  }
  // The templates' problems, once, whichever briefs use them: a broken template fails the run like a broken corpus,
  // and its warnings (an image it names that would be missing, one whose SVG was cleaned) are the author's to see.
  const templateDiagnostics = templateCheck.diagnostics;
  for (const [path, text] of templates.fileTexts) fileTexts.set(path, text);
  allDiagnostics.push(...templateDiagnostics);
  for (const prepared of briefs) {
    if (prepared.file !== undefined) fileTexts.set(prepared.file.path, prepared.file.text);
    allDiagnostics.push(...prepared.diagnostics);
  }
  return { briefs, corpora, templates, templateCheck, templateDiagnostics, diagnostics: allDiagnostics, fileTexts };
}
