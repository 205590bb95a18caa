import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Lexicon } from "../balance/lexicon.js";
import type { BalanceReport } from "../balance/measure.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { sha256 } from "../incremental/hash.js";
import { displayPath } from "../load/project.js";
import type { ManifestEntry } from "../output/manifest.js";
import { writeFileAtomic } from "../output/write-atomic.js";
import type { DocumentPrinter } from "../print/printer.js";
import { printWithContents } from "../render/contents.js";
import type { RenderHtml } from "../render/render.js";
import { gateBrief } from "./gate.js";
import type { BalanceSummary, BriefResult, Job } from "./types.js";

/** Documents that must fit on one page, by template. */
const onePageTemplates = new Set(["one-pager"]);

/** What one job needs of the build: how to render and print, where to write, and the settings that shape the document. */
export interface JobContext {
  readonly render: RenderHtml;
  readonly printer: DocumentPrinter;
  readonly lexicon: Lexicon;
  readonly outDir: string;
  readonly cwd: string;
  /** The date printed on briefs that set none. */
  readonly date: string;
  readonly timeoutMs: number;
}

function summarise(report: BalanceReport): BalanceSummary {
  return { policy: report.policy, verdict: report.verdict, problems: report.problems.length };
}

/**
 * Build one brief: select, check balance, render, print, and write its HTML
 * and PDF. A user-facing failure (unbalanced, timeout, crash, unwritable
 * output) comes back as a result; only a bug throws.
 */
export async function buildOne(job: Job, context: JobContext): Promise<BriefResult> {
  const started = performance.now();
  const { checked, inputs } = job;
  const file = checked.file.path;
  const { model, balance, diagnostics, refusal } = gateBrief(checked, context);
  const base = { id: model.id, file, model, balance, balanceSummary: summarise(balance), inputs };
  if (refusal !== undefined) return { ...base, status: refusal.status, warnings: [], diagnostics: refusal.diagnostics, refusal: refusal.reason };
  const warnings: string[] = [];
  const htmlName = `${model.id}.html`;
  const pdfName = `${model.id}.pdf`;
  try {
    // A handout past six pages is printed again with a table of contents (render/contents.ts).
    const { html, printed } = await printWithContents(context.render, model, balance, (page) =>
      context.printer.printDocument(page, { paper: model.paper, date: model.date, timeoutMs: context.timeoutMs }),
    );
    warnings.push(...printed.warnings);
    if (onePageTemplates.has(model.template) && printed.pages > 1) {
      warnings.push(`a ${model.template} should fit on one page but runs to ${printed.pages}; select fewer themes or set claims_per_viewpoint`);
    }
    const htmlTime = await writeOutput(join(context.outDir, htmlName), html, context.cwd);
    const pdfTime = await writeOutput(join(context.outDir, pdfName), printed.pdf, context.cwd);
    const durationMs = performance.now() - started;
    const entry: ManifestEntry = {
      id: model.id,
      file,
      status: "built",
      key: inputs.key,
      inputs: inputs.inputs,
      outputs: [
        { path: pdfName, sha256: sha256(printed.pdf), bytes: printed.pdf.byteLength, mtime_ms: pdfTime, pages: printed.pages },
        { path: htmlName, sha256: sha256(html), bytes: Buffer.byteLength(html), mtime_ms: htmlTime },
      ],
      balance: summarise(balance),
      duration_ms: Math.round(durationMs),
      ...(errorCount(checked.corpus.diagnostics) > 0 ? { corpus_errors: errorCount(checked.corpus.diagnostics) } : {}),
    };
    return {
      ...base,
      status: "built",
      htmlPath: displayPath(join(context.outDir, htmlName), context.cwd),
      pdfPath: displayPath(join(context.outDir, pdfName), context.cwd),
      pages: printed.pages,
      bytes: printed.pdf.byteLength,
      durationMs,
      warnings,
      diagnostics,
      entry,
    };
  } catch (error) {
    if (!(error instanceof BriefsmithError)) throw error;
    return { ...base, status: "failed", warnings, error, durationMs: performance.now() - started };
  }
}

/** Write an output atomically; its modification time, for the manifest. */
async function writeOutput(path: string, data: string | Uint8Array, cwd: string): Promise<number> {
  try {
    await writeFileAtomic(path, data);
    return (await stat(path)).mtimeMs;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)} (${code})`, {
      hint: "check the output folder's permissions, or choose another with --out",
      cause: error,
    });
  }
}
