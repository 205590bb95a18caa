import { stringify } from "yaml";
import { checkLexiconArgument, type Lexicon } from "../balance/lexicon.js";
import type { BalanceReport } from "../balance/measure.js";
import { errorCount, type Diagnostic } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { briefFileBaseName } from "../load/project.js";
import { templateLayouts, type TemplateSet } from "../load/templates.js";
import { parseYamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import type { BriefModel } from "../model.js";
import { renderTried } from "../render/contents.js";
import { createRenderer, type RenderHtml } from "../render/render.js";
import { checkDateArgument, checkOptionsArgument, checkTextArgument, invalidArgument } from "../errors/argument.js";
import { checkTemplateSetArgument } from "./check-options.js";
import { defaultBriefDate } from "../text/dates.js";
import { plural } from "../text/plural.js";
import { checkBriefAgainstExtract, validateBriefFile } from "../validate/brief.js";
import type { BriefInput } from "../schema/brief.js";
import type { Corpus } from "../validate/corpus.js";
import { blocksCorpus } from "../validate/scope.js";
import { briefTemplateProblem, checkTemplates, templateErrors } from "../validate/templates.js";
import { gateBrief } from "./gate.js";
import { builtInLexicon, builtInTemplates } from "./built-ins.js";

export interface RenderBriefOptions {
  /** The date printed when the brief sets none, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's, else today on the machine's calendar, as buildBriefs takes it). */
  readonly date?: string;
  /** The brief's file name: diagnostics name it, and its base name is the id when the brief sets none (default "brief.yaml"). */
  readonly file?: string;
  /** The templates to render with (default: Briefsmith's own); loadTemplates({ project: "templates" }) reads a project's over them. */
  readonly templates?: TemplateSet;
  /** The balance word lists (default: Briefsmith's own). */
  readonly lexicon?: Lexicon;
}

export interface RenderedBrief {
  /** The document, complete and self-contained: styles inline, nothing to fetch. */
  readonly html: string;
  /** Everything the template saw. */
  readonly model: BriefModel;
  readonly balance: BalanceReport;
  /** Warnings: balance notes under a warn policy, thin viewpoints and the like. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The text of each file the diagnostics point into, by the path they name: the brief (for one given as fields,
   * the YAML renderBrief made of them) and the corpus's files. positionAt or formatDiagnostic place a span in it.
   */
  readonly fileTexts: ReadonlyMap<string, string>;
}

const renderBriefOptionNames = { date: true, file: true, templates: true, lexicon: true } as const satisfies Record<keyof RenderBriefOptions, true>;

/** One compiled renderer per template set, however many briefs it renders. */
const renderers = new WeakMap<TemplateSet, RenderHtml>();

/**
 * Render a brief to HTML in memory: the brief (YAML text, or the same data as
 * an object) is validated against its corpus, its content selected, its
 * balance measured, and the document rendered. Reads no project file and
 * writes nothing; Briefsmith's own templates and word lists are read from its
 * package on first use. A brief with problems, one that shows a claim or fact
 * with problems (a misquote, say: the corpus's diagnostics list them), or one
 * unbalanced under the strict policy, is a BriefsmithError (BRIEF_NOT_VALID,
 * BRIEF_UNBALANCED) carrying every diagnostic and the texts to print them
 * from. The decision is the one `brief build` makes (gate.ts).
 */
export async function renderBrief(brief: string | BriefInput, corpus: Corpus, options: RenderBriefOptions = {}): Promise<RenderedBrief> {
  if (typeof corpus !== "object" || corpus === null || !("extract" in corpus)) throw invalidArgument("renderBrief's corpus", corpus, "a corpus loadCorpus returned");
  if (typeof brief !== "string" && (typeof brief !== "object" || brief === null)) throw invalidArgument("renderBrief's brief", brief, "a brief's YAML text or its fields");
  checkOptionsArgument("renderBrief's options", options, renderBriefOptionNames);
  if (options.date !== undefined) checkDateArgument("renderBrief's date", options.date);
  checkTextArgument("renderBrief's file", options.file);
  const fileName = options.file ?? "brief.yaml";
  if (corpus.diagnostics.some(blocksCorpus)) {
    throw new BriefsmithError("CORPUS_NOT_VALID", `the corpus "${corpus.id}" has problems that stop every brief of it`, {
      diagnostics: corpus.diagnostics,
      fileTexts: new Map(corpus.files.map((f) => [f.path, f.text])),
    });
  }
  checkLexiconArgument("renderBrief's lexicon", options.lexicon);
  checkTemplateSetArgument("renderBrief's templates", options.templates);
  const parsed = parseYamlFile(fileName, typeof brief === "string" ? brief : briefText(brief));
  const file = parsed.file;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const [templates, lexicon] = await Promise.all([options.templates ?? builtInTemplates(), options.lexicon ?? builtInLexicon()]);
  const validated = validateBriefFile(file, briefFileBaseName(fileName), templateLayouts(templates));
  diagnostics.push(...validated.diagnostics);
  const templateProblems = validated.brief === undefined ? [] : templateErrors(templates, validated.brief.template);
  if (validated.brief !== undefined && templateProblems.length > 0) {
    diagnostics.push(briefTemplateProblem(validated.brief.template, templateProblems, file.path, locate(file, ["template"])), ...templateProblems);
  }
  if (validated.brief !== undefined && validated.brief.corpus !== corpus.id) {
    diagnostics.push({
      severity: "error",
      code: "BRIEF_UNKNOWN_CORPUS",
      message: `the brief uses corpus "${validated.brief.corpus}", but it was given corpus "${corpus.id}"`,
      file: file.path,
      span: locate(file, ["corpus"]),
      hint: `render it with the corpus "${validated.brief.corpus}", or change corpus: to "${corpus.id}"`,
    });
  } else if (validated.brief !== undefined) {
    diagnostics.push(...checkBriefAgainstExtract(validated.brief, file, corpus.extract));
  } else if (validated.references !== undefined && validated.references.corpus === corpus.id) {
    // Another field is malformed: what the brief names in the corpus is checked too, so every problem is said at once.
    diagnostics.push(...checkBriefAgainstExtract(validated.references, file, corpus.extract));
  }
  const fileTexts = new Map([[file.path, file.text], ...corpus.files.map((f): [string, string] => [f.path, f.text]), ...templates.fileTexts]);
  if (validated.brief === undefined || errorCount(diagnostics) > 0) {
    throw new BriefsmithError("BRIEF_NOT_VALID", `${fileName} has ${plural(errorCount(diagnostics), "problem")}`, { diagnostics, fileTexts });
  }
  const gated = gateBrief({ file, brief: validated.brief, corpus }, { date: options.date ?? defaultBriefDate(), lexicon });
  if (gated.refusal !== undefined) {
    const unbalanced = gated.refusal.status === "unbalanced";
    throw new BriefsmithError(unbalanced ? "BRIEF_UNBALANCED" : "BRIEF_NOT_VALID", `${fileName} is not rendered: ${gated.refusal.reason}`, {
      diagnostics: gated.refusal.diagnostics,
      fileTexts,
    });
  }
  return { html: renderTried(rendererFor(templates), gated.model, gated.balance), model: gated.model, balance: gated.balance, diagnostics: gated.diagnostics, fileTexts };
}

/** The renderer of a template set, compiled once: renderBrief's, for a caller that renders the same brief again (a long handout's contents). */
export function rendererFor(templates: TemplateSet): RenderHtml {
  let render = renderers.get(templates);
  if (render === undefined) renderers.set(templates, (render = createRenderer(templates, checkTemplates(templates))));
  return render;
}

/** A brief's fields as YAML text, to be read as a brief file is; a value YAML cannot hold (a function) is the program's mistake. */
function briefText(fields: Readonly<Record<string, unknown>>): string {
  try {
    // No anchors and aliases: an object that holds itself is the program's mistake (it cannot be written out at
    // all), not a brief's, and was told of "the alias *a1" in YAML it never wrote.
    return stringify(fields, { aliasDuplicateObjects: false });
  } catch {
    throw invalidArgument("renderBrief's brief", fields, "a brief's YAML text or its fields (text, numbers, lists and mappings)");
  }
}
