import { checkValidateOptions } from "./check-options.js";
import { resolve } from "node:path";
import { checkLexiconArgument, type Lexicon } from "../balance/lexicon.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { defaultBriefDate } from "../text/dates.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { loadProjectTemplates } from "../load/templates.js";
import { renderTried } from "../render/contents.js";
import { createRenderer, type RenderHtml } from "../render/render.js";
import { builtInLexicon } from "./built-ins.js";
import { judgeBrief, type BriefJudgement } from "./gate.js";
import { templateFailureDiagnostic } from "./template-failure.js";
import type { CorpusReading } from "./load-corpus.js";
import { prepareBriefs, type PreparedBrief } from "./prepare.js";

export interface ValidateOptions {
  /** Brief files or folders (default: the project's briefs/). */
  readonly paths?: readonly string[];
  /** The project folder, which holds sources/ and briefs/ (default: cwd). */
  readonly root?: string;
  /** The folder relative paths start from, and paths are shown from (default: the process's). */
  readonly cwd?: string;
  /** The date printed on briefs that set none, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's, else today's, as buildBriefs takes it): selection and balance depend on it only through the text. */
  readonly date?: string;
  /** For SOURCE_DATE_EPOCH, as buildBriefs takes it (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The balance word lists (default: Briefsmith's own). */
  readonly lexicon?: Lexicon;
  /** Briefsmith's own templates folder (default: the package's), as buildBriefs takes it: the project's templates/ folder is read over it. */
  readonly templatesDir?: string;
}

const validateOptionNames = { paths: true, root: true, cwd: true, date: true, env: true, lexicon: true, templatesDir: true } as const satisfies Record<keyof ValidateOptions, true>;

export interface ValidationResult {
  /** Every brief found, in order, with the build's verdict on it. */
  readonly briefs: readonly BriefJudgement[];
  readonly corpora: ReadonlyMap<string, CorpusReading>;
  /** The problems of the corpora: reported once, whichever briefs they stop. */
  readonly corpusDiagnostics: readonly Diagnostic[];
  /** The problems of the templates (Briefsmith's and the project's), warnings too: reported once, whichever briefs they stop. */
  readonly templateDiagnostics: readonly Diagnostic[];
  /** The text of every file read, by shown path. */
  readonly fileTexts: ReadonlyMap<string, string>;
}

/**
 * Everything `brief build` would refuse, without a browser and without
 * writing anything: every brief and corpus checked (schema, references,
 * quotes, coverage, copied paraphrase), every template of the project (its
 * syntax, fields, helpers, partials and assets), then each brief selected and measured
 * under its own balance policy, and judged by the same gate as the build.
 */
export async function validateBriefs(options: ValidateOptions = {}): Promise<ValidationResult> {
  checkValidateOptions(options, validateOptionNames);
  checkLexiconArgument("validateBriefs's lexicon", options.lexicon);
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root ?? ".");
  const templates = loadProjectTemplates(root, cwd, options.templatesDir);
  // Awaited by prepareBriefs; should it fail first (no such root), its error is the one said, and this one, left
  // unheard, must not end the program that called.
  templates.catch(() => undefined);
  const preparation = await prepareBriefs(options.paths ?? [resolve(root, "briefs")], { root, cwd, templates });
  const lexicon = options.lexicon ?? (await builtInLexicon());
  const context = { date: options.date ?? defaultBriefDate(options.env), lexicon };
  const render = createRenderer(preparation.templates, preparation.templateCheck);
  const briefs = preparation.briefs.map((prepared) => renderedToo(prepared, judgeBrief(prepared, context), render));
  return {
    briefs,
    corpora: preparation.corpora,
    corpusDiagnostics: [...preparation.corpora.values()].flatMap((c) => c.diagnostics),
    templateDiagnostics: preparation.templateDiagnostics,
    fileTexts: preparation.fileTexts,
  };
}

/**
 * A brief the gate lets through is rendered (HTML only, no browser), as the
 * build renders it first, its table of contents tried too: a template of the
 * project's own can pass every check and still fail while it runs
 * ({{join brief.title ", "}}), and the build then refuses the brief with
 * TEMPLATE_RENDER_FAILED. validate refuses it too, and so does the preview's index.
 */
export function renderedToo(prepared: PreparedBrief, judgement: BriefJudgement, render: RenderHtml): BriefJudgement {
  const gated = judgement.gated;
  if (judgement.refusal !== undefined || gated === undefined) return judgement;
  const failure = renderFailure(() => renderTried(render, gated.model, gated.balance));
  if (failure === undefined) return judgement;
  const diagnostic = templateFailureDiagnostic(prepared.file, judgement.file, failure);
  return { ...judgement, refusal: { status: "invalid", reason: "its template failed while rendering it", diagnostics: [diagnostic] }, diagnostics: [...judgement.diagnostics, diagnostic] };
}

/** The TEMPLATE_RENDER_FAILED error a rendering throws, if it does; any other error is a bug and goes on up. */
function renderFailure(run: () => unknown): BriefsmithError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof BriefsmithError) || error.code !== "TEMPLATE_RENDER_FAILED") throw error;
    return error;
  }
}

