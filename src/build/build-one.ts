import { statSync } from "node:fs";
import { join } from "node:path";
import type { Lexicon } from "../balance/lexicon.js";
import type { BalanceReport } from "../balance/measure.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { documentHash, sha256 } from "../incremental/hash.js";
import { displayPath } from "../load/project.js";
import type { ManifestEntry } from "../output/manifest.js";
import { sameContent } from "../output/same-content.js";
import { describeWriteError, writeFilesAtomic } from "../output/write-atomic.js";
import type { DocumentPrinter } from "../print/printer.js";
import { printWithContents } from "../render/contents.js";
import type { RenderHtml } from "../render/render.js";
import { changesBetween, contentOf } from "./content.js";
import { gateBrief } from "./gate.js";
import type { BalanceSummary, BriefResult, Job } from "./types.js";

/** Documents that must fit on one page, by layout. */
const onePageLayouts = new Set(["one-pager"]);

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
  /** The browser, fonts and code, hashed: with the HTML and the print settings, what names a printed document. */
  readonly printSetup: string;
  /** Fires when documents still printing are to be abandoned (the build is stopping). */
  readonly abandon?: AbortSignal | undefined;
}

function summarise(report: BalanceReport): BalanceSummary {
  return { policy: report.policy, verdict: report.verdict, problems: report.problems.length };
}

/**
 * Build one brief: select, check balance, render, and print unless the
 * document is the one the last build printed, then write its HTML and PDF. A
 * user-facing failure (unbalanced, timeout, crash, unwritable output) comes
 * back as a result; only a bug throws.
 */
export async function buildOne(job: Job, context: JobContext): Promise<BriefResult> {
  const started = performance.now();
  const { checked, inputs, previous } = job;
  const file = checked.file.path;
  const { model, balance, diagnostics, refusal } = gateBrief(checked, context);
  const content = contentOf(model);
  const base = { id: model.id, file, model, balance, balanceSummary: summarise(balance), inputs };
  if (refusal !== undefined) return { ...base, status: refusal.status, warnings: [], diagnostics: refusal.diagnostics, refusal: refusal.reason };
  const warnings: string[] = [];
  const htmlName = `${model.id}.html`;
  const pdfName = `${model.id}.pdf`;
  const htmlPath = join(context.outDir, htmlName);
  const pdfPath = join(context.outDir, pdfName);
  const shown = { htmlPath: displayPath(htmlPath, context.cwd), pdfPath: displayPath(pdfPath, context.cwd) };
  try {
    // The document as first rendered: with the print settings and setup it decides what is printed (a long
    // handout's table of contents is filled in from a first printing of this very HTML, render/contents.ts).
    const rendered = context.render(model, balance);
    const document = documentHash(rendered, { paper: model.paper, date: model.date }, context.printSetup);
    // What a reader of the last PDF would find different: only when the document is not the one printed last time
    // (a claim edited where the template does not print it changes no document, and nothing a reader sees).
    const changes = previous?.content === undefined || previous.document === document ? undefined : changesBetween(previous.content, content);
    const entryOf = (status: "built" | "rerendered", outputs: ManifestEntry["outputs"]): ManifestEntry => ({
      id: model.id,
      file,
      status,
      key: inputs.key,
      inputs: inputs.inputs,
      document,
      content,
      outputs,
      balance: summarise(balance),
      duration_ms: Math.round(performance.now() - started),
      // The corpus had errors in claims or facts this brief does not show: the next build must report them again.
      ...(errorCount(checked.corpus.diagnostics) > 0 ? { corpus_errors: errorCount(checked.corpus.diagnostics) } : {}),
    });

    // Early cutoff: the inputs changed, but not the document. The PDF and HTML on disk are the ones this
    // document printed to last time (checked by their hashes), so they are kept as they are.
    const kept = job.reuse && previous?.document === document ? await keptOutputs(previous, context.outDir) : undefined;
    if (kept !== undefined) {
      const entry = entryOf("rerendered", kept);
      const pdf = kept.find((o) => o.path.endsWith(".pdf"));
      return { ...base, ...shown, status: "rerendered", pages: pdf?.pages, bytes: pdf?.bytes, durationMs: performance.now() - started, warnings, diagnostics, entry };
    }

    // A handout past six pages is printed again with a table of contents (render/contents.ts); the first rendering is reused.
    const renderOnce: RenderHtml = (m, b, options) => (options === undefined && m === model && b === balance ? rendered : context.render(m, b, options));
    const { html, printed } = await printWithContents(renderOnce, model, balance, (page) =>
      context.printer.printDocument(page, { paper: model.paper, date: model.date, timeoutMs: context.timeoutMs, signal: context.abandon }),
    );
    warnings.push(...printed.warnings);
    if (onePageLayouts.has(model.layout) && printed.pages > 1) {
      warnings.push(`a ${model.layout} should fit on one page but runs to ${printed.pages}; select fewer themes or set claims_per_viewpoint`);
    }
    // Both files, or neither: a failure while writing leaves the last build's pair as it was.
    await writeOutputs([{ path: htmlPath, data: html }, { path: pdfPath, data: printed.pdf }], context.cwd);
    const [htmlTime, pdfTime] = await Promise.all([mtimeOf(htmlPath), mtimeOf(pdfPath)]);
    const entry = entryOf("built", [
      { path: pdfName, sha256: sha256(printed.pdf), bytes: printed.pdf.byteLength, mtime_ms: pdfTime, pages: printed.pages },
      { path: htmlName, sha256: sha256(html), bytes: Buffer.byteLength(html), mtime_ms: htmlTime },
    ]);
    return { ...base, ...shown, ...(changes ? { changes } : {}), status: "built", pages: printed.pages, bytes: printed.pdf.byteLength, durationMs: performance.now() - started, warnings, diagnostics, entry };
  } catch (error) {
    if (!(error instanceof BriefsmithError)) throw error;
    return { ...base, status: "failed", warnings, error, durationMs: performance.now() - started };
  }
}

/** The last build's outputs of a brief, if both files on disk are still exactly them (by their sha256). */
async function keptOutputs(previous: ManifestEntry, outDir: string): Promise<ManifestEntry["outputs"] | undefined> {
  const outputs = previous.outputs;
  if (!outputs.some((o) => o.path.endsWith(".pdf")) || !outputs.some((o) => o.path.endsWith(".html"))) return undefined;
  const intact = await Promise.all(outputs.map((output) => sameContent(join(outDir, output.path), output)));
  return intact.every(Boolean) ? outputs : undefined;
}

async function mtimeOf(path: string): Promise<number> {
  return statSync(path).mtimeMs;
}

/** Write outputs atomically; a failure is OUTPUT_NOT_WRITABLE naming the file and the reason (ENOSPC: no space left on device). */
async function writeOutputs(files: readonly { path: string; data: string | Uint8Array }[], cwd: string): Promise<void> {
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    const target = (error as { path?: string }).path;
    const failed = files.find((f) => target !== undefined && target.includes(`.${f.path.split("/").pop()}.`)) ?? files[0]!;
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(failed.path, cwd)}: ${describeWriteError(error)}`, {
      hint: "check the output folder's permissions and free space, or choose another with --out",
      cause: error,
    });
  }
}
