import { createHash } from "node:crypto";
import type { BalanceReport } from "../balance/measure.js";
import { prepareBriefs } from "../build/prepare.js";
import { usableCorpus, type CorpusReading } from "../build/load-corpus.js";
import { renderBrief, rendererFor } from "../build/render-brief.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { displayPath, readBriefFileText } from "../load/project.js";
import type { WordLetterhead } from "../load/word-letterhead.js";
import type { BriefModel } from "../model.js";
import type { DocumentPrinter } from "../print/printer.js";
import { printWithContents } from "../render/contents.js";
import type { ReadonlyExtract } from "../schema/extract.js";
import type { PreviewInputs } from "./inputs.js";

/** A brief rendered and printed: what the page shows while nothing is wrong. */
export interface GoodRendering {
  readonly html: string;
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly model: BriefModel;
  readonly balance: BalanceReport;
  /** The office's letterhead in Word of the brief's template, if it has one: the Word file is put on it. */
  readonly letterhead: WordLetterhead | undefined;
}

/** One attempt at rendering a brief, good or not. */
export interface PreviewAttempt {
  /** Set when the brief rendered and printed. */
  readonly rendering: GoodRendering | undefined;
  /** Errors that stopped it, or warnings (balance notes under warn, thin viewpoints, blocked requests) when it rendered. */
  readonly diagnostics: readonly Diagnostic[];
  /** Problems that are not about a file (the browser crashed, a template does not compile). */
  readonly failures: readonly string[];
  /** What the printer reports about a document it printed: requests it blocked. */
  readonly printWarnings: readonly string[];
  readonly fileTexts: ReadonlyMap<string, string>;
  /** The brief as parsed, for the composer: whatever it holds, valid or not. */
  readonly briefData: unknown;
  readonly briefText: string | undefined;
  /** The templates the brief may name (Briefsmith's and the project's), for the composer. */
  readonly templates?: readonly string[] | undefined;
  /** The corpus the brief names, as read (it may have problems), for the composer's lists of themes. */
  readonly corpusId: string | undefined;
  readonly extract: ReadonlyExtract | undefined;
  readonly timings: { readonly renderMs: number; readonly printMs: number };
}

export interface RenderContext {
  readonly root: string;
  readonly cwd: string;
  readonly inputs: PreviewInputs;
  readonly printer: DocumentPrinter;
  /** The date printed when the brief sets none (YYYY-MM-DD): today, or SOURCE_DATE_EPOCH's. */
  readonly date: () => string;
}

/**
 * A key over everything a rendering depends on: when it is the same as last
 * time (an editor that saved twice, a change in another corpus), there is
 * nothing to do.
 */
export function renderKey(briefText: string, corpusId: string | undefined, context: RenderContext): string {
  const corpusGeneration = corpusId === undefined ? -1 : context.inputs.corpusGeneration(corpusId);
  return createHash("sha256")
    .update(JSON.stringify([briefText, corpusId, corpusGeneration, context.inputs.sharedGeneration, context.date()]))
    .digest("hex");
}

/**
 * Read a brief file as the build does (one that leads outside the project is
 * refused unread); an editor saving by delete-and-create leaves it missing
 * for a moment, so a missing file is read once more.
 */
export async function readBriefText(path: string, context: { readonly root: string; readonly cwd: string }): Promise<string> {
  try {
    return await readBriefFileText(path, context.cwd, context.root);
  } catch (error) {
    if (!(error instanceof BriefsmithError && error.code === "FILE_NOT_FOUND")) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return readBriefFileText(path, context.cwd, context.root);
  }
}

/** The corpus a brief's text names, if it names one. */
export function namedCorpus(briefData: unknown): string | undefined {
  const corpus = (briefData as { corpus?: unknown } | undefined)?.corpus;
  return typeof corpus === "string" ? corpus : undefined;
}

/**
 * Render and print one brief the way `brief build` does: renderBrief refuses
 * what the build refuses (an invalid brief, a misquote in its corpus, an
 * unbalanced brief under the strict policy), with the same diagnostics. When
 * the corpus cannot be used, the brief and its corpus are checked as `brief
 * validate` checks them, so every problem is listed at once. `briefData` is
 * the text as parsed (the caller has parsed it for its render key).
 */
export async function attemptRendering(path: string, briefText: string, briefData: unknown, context: RenderContext): Promise<PreviewAttempt> {
  const started = performance.now();
  const shown = displayPath(path, context.cwd);
  const corpusId = namedCorpus(briefData);
  const reading = await context.inputs.knownCorpus(corpusId);
  const corpus = usableCorpus(reading);
  const templateNames = await context.inputs.templates().then((set) => [...set.templates.keys()].sort(), () => undefined);
  const base = { briefData, briefText, corpusId, extract: reading?.corpus?.extract, templates: templateNames };
  const timings = (printStarted?: number) => ({
    renderMs: (printStarted ?? performance.now()) - started,
    printMs: printStarted === undefined ? 0 : performance.now() - printStarted,
  });

  if (corpus === undefined) {
    const keep = context.inputs.corpusKeeper();
    const checked = await checkFully(path, context);
    if (checked.reading !== undefined) keep(checked.reading);
    return { ...base, extract: checked.reading?.corpus?.extract ?? base.extract, rendering: undefined, ...checked.problems, timings: timings() };
  }
  let rendered;
  let templates;
  try {
    let lexicon;
    [templates, lexicon] = await Promise.all([context.inputs.templates(), context.inputs.lexicon()]);
    rendered = await renderBrief(briefText, corpus, { file: shown, date: context.date(), templates, lexicon });
  } catch (error) {
    return { ...base, rendering: undefined, ...problemsOf(error), timings: timings() };
  }
  const printStarted = performance.now();
  try {
    // As `brief build` prints it: a handout past six pages again, with its table of contents filled in.
    const { model, balance } = rendered;
    const { html, printed, warnings } = await printWithContents(
      rendererFor(templates),
      model,
      balance,
      (page) => context.printer.printDocument(page, { paper: model.paper, date: model.date }),
      rendered.html,
    );
    return {
      ...base,
      rendering: { html, pdf: printed.pdf, pages: printed.pages, model, balance, letterhead: templates.letterheads.get(model.template) },
      diagnostics: rendered.diagnostics,
      failures: [],
      printWarnings: warnings,
      fileTexts: new Map([[shown, briefText], ...corpus.files.map((f): [string, string] => [f.path, f.text])]),
      timings: timings(printStarted),
    };
  } catch (error) {
    return { ...base, rendering: undefined, ...problemsOf(error), timings: timings(printStarted) };
  }
}

type Problems = Pick<PreviewAttempt, "diagnostics" | "failures" | "fileTexts" | "printWarnings">;

/** A failure as the page and the terminal show it: a BriefsmithError's diagnostics, or its own message; anything else is reported as it is. */
function problemsOf(error: unknown): Problems {
  if (error instanceof BriefsmithError) {
    const own: Diagnostic = { severity: "error", code: error.code, message: error.message, hint: error.hint };
    return { diagnostics: error.diagnostics.length > 0 ? error.diagnostics : [own], failures: [], fileTexts: error.fileTexts, printWarnings: [] };
  }
  // A template that does not compile, say: not the brief's fault, but the page must say what happened.
  return { diagnostics: [], failures: [error instanceof Error ? error.message : String(error)], fileTexts: new Map(), printWarnings: [] };
}

/** Check the brief and its corpus as `brief validate` does, reporting every problem. */
async function checkFully(path: string, context: RenderContext): Promise<{ problems: Problems; reading: CorpusReading | undefined }> {
  try {
    const preparation = await prepareBriefs([path], { root: context.root, cwd: context.cwd, templates: context.inputs.templates() });
    const problems = { diagnostics: preparation.diagnostics, failures: [], fileTexts: preparation.fileTexts, printWarnings: [] };
    return { problems, reading: preparation.briefs[0]?.corpus };
  } catch (error) {
    return { problems: problemsOf(error), reading: undefined };
  }
}
