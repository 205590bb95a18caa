import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { assessBalance } from "./balance/assess.js";
import { loadLexicon } from "./balance/lexicon.js";
import type { BalanceReport } from "./balance/measure.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { BriefsmithError } from "./errors.js";
import { displayPath } from "./load/project.js";
import type { BriefModel } from "./model.js";
import { writeFileAtomic } from "./output/write-atomic.js";
import { isBuildable, prepareBriefs, type PreparedBrief } from "./prepare.js";
import { findBrowser } from "./print/browser.js";
import { countPdfPages, PdfPrinter, puppeteerCachePath } from "./print/printer.js";
import { createRenderer, type RenderHtml } from "./render/render.js";
import { defaultTemplatesDir, loadTemplateSet } from "./render/templates.js";
import { selectBrief } from "./select.js";

export interface BuildOptions {
  /** Brief files or folders. */
  readonly paths: readonly string[];
  /** The project folder, which holds sources/. */
  readonly root: string;
  readonly cwd: string;
  readonly outDir: string;
  /** ISO date printed on briefs that set none. */
  readonly buildDate: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly browserPath?: string | undefined;
  readonly templatesDir?: string;
  readonly timeoutMs?: number;
  /** Called as each brief finishes, in order: the CLI prints progress from it. */
  readonly onBrief?: (result: BriefResult) => void;
}

export type BriefStatus = "built" | "invalid" | "unbalanced" | "failed";

export interface BriefResult {
  readonly id: string;
  /** The brief file, as shown to the user. */
  readonly file: string;
  readonly status: BriefStatus;
  readonly model?: BriefModel;
  readonly balance?: BalanceReport;
  readonly htmlPath?: string;
  readonly pdfPath?: string;
  readonly pages?: number;
  readonly bytes?: number;
  readonly durationMs?: number;
  /** Problems other than balance (blocked requests, overflowing pages); balance problems are in `balance`. */
  readonly warnings: readonly string[];
  /** Set when status is "failed". */
  readonly error?: BriefsmithError;
}

export interface BuildResult {
  readonly results: readonly BriefResult[];
  readonly diagnostics: readonly Diagnostic[];
  readonly fileTexts: ReadonlyMap<string, string>;
}

/** Documents that must fit on one page, by template. */
const onePageTemplates = new Set(["one-pager"]);

/**
 * Build briefs: prepare (load and check) → select → balance → render → print.
 * Invalid or unbalanced briefs are reported and skipped; the others still
 * build. Nothing is written for a brief that fails, and earlier output of that
 * brief is left as it was.
 */
export async function buildBriefs(options: BuildOptions): Promise<BuildResult> {
  const preparation = await prepareBriefs(options.paths, { root: options.root, cwd: options.cwd });
  const diagnostics: Diagnostic[] = [...preparation.diagnostics];
  const results: BriefResult[] = [];
  const ready: { prepared: PreparedBrief; model: BriefModel; balance: BalanceReport }[] = [];
  const emit = (result: BriefResult) => {
    results.push(result);
    options.onBrief?.(result);
  };

  const lexicon = await loadLexicon();
  for (const prepared of preparation.briefs) {
    const file = prepared.file?.path ?? displayPath(prepared.path, options.cwd);
    const id = prepared.brief?.id ?? file;
    if (!isBuildable(prepared)) {
      emit({ id, file, status: "invalid", warnings: [] });
      continue;
    }
    const model = selectBrief(prepared.brief, prepared.corpus.extract, { buildDate: options.buildDate });
    const { report: balance, diagnostics: balanceDiagnostics } = assessBalance(prepared, model, lexicon);
    if (balance.policy === "strict" && balance.verdict === "unbalanced") {
      diagnostics.push(...balanceDiagnostics);
      emit({ id, file, status: "unbalanced", model, balance, warnings: [] });
      continue;
    }
    ready.push({ prepared, model, balance });
  }
  if (ready.length === 0) return { results, diagnostics, fileTexts: preparation.fileTexts };

  const outDir = resolve(options.cwd, options.outDir);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot create the output folder ${displayPath(outDir, options.cwd)}`, {
      hint: "choose another folder with --out",
      cause: error,
    });
  }
  const render = createRenderer(await loadTemplateSet(options.templatesDir ?? defaultTemplatesDir));
  const location = await findBrowser({ explicitPath: options.browserPath, env: options.env, puppeteerCachePath });
  const printer = await PdfPrinter.launch(location);
  try {
    for (const { prepared, model, balance } of ready) {
      emit(await buildOne(prepared, model, balance, { render, printer, outDir, options }));
    }
  } finally {
    await printer.close();
  }
  return { results, diagnostics, fileTexts: preparation.fileTexts };
}

async function buildOne(
  prepared: PreparedBrief,
  model: BriefModel,
  balance: BalanceReport,
  context: { render: RenderHtml; printer: PdfPrinter; outDir: string; options: BuildOptions },
): Promise<BriefResult> {
  const started = performance.now();
  const file = prepared.file!.path;
  // Balance problems stay in the balance report (brief balance prints them); these are the rest.
  const warnings: string[] = [];
  const htmlPath = join(context.outDir, `${model.id}.html`);
  const pdfPath = join(context.outDir, `${model.id}.pdf`);
  try {
    const html = context.render(model, balance);
    const printed = await context.printer.print({ id: model.id, html, paper: model.paper, timeoutMs: context.options.timeoutMs ?? 60_000 });
    for (const url of printed.blockedRequests) warnings.push(`blocked a request for ${url}`);
    const pages = countPdfPages(printed.pdf);
    if (onePageTemplates.has(model.template) && pages > 1) {
      warnings.push(`a ${model.template} should fit on one page but runs to ${pages}; select fewer themes or set claims_per_viewpoint`);
    }
    await writeOutput(htmlPath, html, context.options.cwd);
    await writeOutput(pdfPath, printed.pdf, context.options.cwd);
    return {
      id: model.id,
      file,
      status: "built",
      model,
      balance,
      htmlPath: displayPath(htmlPath, context.options.cwd),
      pdfPath: displayPath(pdfPath, context.options.cwd),
      pages,
      bytes: printed.pdf.byteLength,
      durationMs: performance.now() - started,
      warnings,
    };
  } catch (error) {
    const failure =
      error instanceof BriefsmithError
        ? error
        : error instanceof Error && /timeout|Timed out/i.test(error.message)
          ? new BriefsmithError("PRINT_TIMEOUT", `printing timed out: ${error.message.split("\n")[0]}`, { cause: error })
          : error instanceof Error && /Target closed|Protocol error|Connection closed|crash/i.test(error.message)
            ? new BriefsmithError("BROWSER_CRASHED", `the browser failed while printing: ${error.message.split("\n")[0]}`, { cause: error })
            : undefined;
    if (failure === undefined) throw error;
    return { id: model.id, file, status: "failed", model, balance, warnings, error: failure, durationMs: performance.now() - started };
  }
}

async function writeOutput(path: string, data: string | Uint8Array, cwd: string): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)} (${code})`, {
      hint: "check the output folder's permissions, or choose another with --out",
      cause: error,
    });
  }
}
