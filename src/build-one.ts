import { stat } from "node:fs/promises";
import { join } from "node:path";
import { assessBalance } from "./balance/assess.js";
import type { Lexicon } from "./balance/lexicon.js";
import type { BalanceReport } from "./balance/measure.js";
import type { BalanceSummary, BriefResult, BuildOptions } from "./build.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { BriefsmithError } from "./errors.js";
import { sha256 } from "./incremental/hash.js";
import type { Job } from "./incremental/plan.js";
import { displayPath } from "./load/project.js";
import type { ManifestEntry } from "./output/manifest.js";
import { writeFileAtomic } from "./output/write-atomic.js";
import type { PrintPool } from "./print/pool.js";
import { countPdfPages } from "./print/printer.js";
import { makePdfReproducible } from "./print/reproducible.js";
import type { RenderHtml } from "./render/render.js";
import { selectBrief } from "./select.js";

/** Documents that must fit on one page, by template. */
const onePageTemplates = new Set(["one-pager"]);

function summarise(report: BalanceReport): BalanceSummary {
  return { policy: report.policy, verdict: report.verdict, problems: report.problems.length };
}

/**
 * Build one brief: select, check balance, render, print, and write its HTML
 * and PDF. A user-facing failure (unbalanced, timeout, crash, unwritable
 * output) comes back as a result; only a bug throws.
 */
export async function buildOne(
  job: Job,
  context: { render: RenderHtml; pool: PrintPool; outDir: string; options: BuildOptions; lexicon: Lexicon; balanceDiagnostics: Diagnostic[] },
): Promise<BriefResult> {
  const started = performance.now();
  const { prepared, inputs } = job;
  const file = prepared.file.path;
  const model = selectBrief(prepared.brief, prepared.corpus.extract, { buildDate: context.options.buildDate });
  const { report: balance, diagnostics } = assessBalance(prepared, model, context.lexicon);
  if (balance.policy === "strict" && balance.verdict === "unbalanced") {
    context.balanceDiagnostics.push(...diagnostics);
    return { id: model.id, file, status: "unbalanced", model, balance, balanceSummary: summarise(balance), inputs, warnings: [] };
  }
  const warnings: string[] = [];
  const htmlName = `${model.id}.html`;
  const pdfName = `${model.id}.pdf`;
  const base = { id: model.id, file, model, balance, balanceSummary: summarise(balance), inputs };
  try {
    const html = context.render(model, balance);
    const request = { id: model.id, html, paper: model.paper, timeoutMs: context.options.timeoutMs ?? 60_000 };
    let printed;
    try {
      printed = await context.pool.print(request);
    } catch (error) {
      // A crashed browser is replaced; the brief that was in flight gets one more try.
      if (!(error instanceof BriefsmithError && error.code === "BROWSER_CRASHED")) throw error;
      printed = await context.pool.print(request);
    }
    for (const url of printed.blockedRequests) warnings.push(`blocked a request for ${url}`);
    const pdf = makePdfReproducible(printed.pdf, new Date(`${model.date}T00:00:00Z`));
    const pages = countPdfPages(pdf);
    if (onePageTemplates.has(model.template) && pages > 1) {
      warnings.push(`a ${model.template} should fit on one page but runs to ${pages}; select fewer themes or set claims_per_viewpoint`);
    }
    const htmlTime = await writeOutput(join(context.outDir, htmlName), html, context.options.cwd);
    const pdfTime = await writeOutput(join(context.outDir, pdfName), pdf, context.options.cwd);
    const durationMs = performance.now() - started;
    const entry: ManifestEntry = {
      id: model.id,
      file,
      status: "built",
      key: inputs.key,
      inputs: inputs.inputs,
      outputs: [
        { path: pdfName, sha256: sha256(pdf), bytes: pdf.byteLength, mtime_ms: pdfTime, pages },
        { path: htmlName, sha256: sha256(html), bytes: Buffer.byteLength(html), mtime_ms: htmlTime },
      ],
      balance: summarise(balance),
      duration_ms: Math.round(durationMs),
    };
    return {
      ...base,
      status: "built",
      htmlPath: displayPath(join(context.outDir, htmlName), context.options.cwd),
      pdfPath: displayPath(join(context.outDir, pdfName), context.options.cwd),
      pages,
      bytes: pdf.byteLength,
      durationMs,
      warnings,
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
