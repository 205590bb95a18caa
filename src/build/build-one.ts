import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Lexicon } from "../balance/lexicon.js";
import type { BalanceReport } from "../balance/measure.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { documentHash } from "../incremental/hash.js";
import { sha256 } from "../text/sha256.js";
import { displayPath } from "../load/project.js";
import type { ManifestEntry } from "../output/manifest.js";
import { removeIfAsWritten, sameContent } from "../output/same-content.js";
import { describeWriteError, fileOfWriteError, writeFilesAtomic } from "../output/write-atomic.js";
import type { DocumentPrinter } from "../print/printer.js";
import { printWithContents, renderTried } from "../render/contents.js";
import type { RenderHtml } from "../render/render.js";
import type { OutputFormat } from "../schema/brief.js";
import { renderDocx } from "../docx/render-docx.js";
import type { WordLetterhead } from "../load/word-letterhead.js";
import { changesBetween, contentOf } from "./content.js";
import { formatOf, outputPaths, type Output } from "./outputs.js";
import { gateBrief } from "./gate.js";
import { noticesToKeep } from "./selection-notices.js";
import type { YamlFile } from "../load/yaml-file.js";
import { templateFailureDiagnostic } from "./template-failure.js";
import type { BalanceSummary, BriefResult, Job } from "./types.js";

/** What one job needs of the build: how to render and print, where to write, and the settings that shape the document. */
export interface JobContext {
  readonly render: RenderHtml;
  /** The offices' letterheads in Word, by template: a brief's Word document is put on its template's. */
  readonly letterheads: ReadonlyMap<string, WordLetterhead>;
  /** The printer, started on first need: a build that writes no PDF never starts a browser. */
  readonly printer: () => Promise<DocumentPrinter>;
  readonly lexicon: Lexicon;
  readonly outDir: string;
  readonly cwd: string;
  /** The project folder: the manifest keeps the places of selection's notices relative to it. */
  readonly root: string;
  /** The date printed on briefs that set none. */
  readonly date: string;
  readonly timeoutMs: number;
  /** The browser, fonts and code, hashed: with the HTML and the print settings, what names a printed document. */
  readonly printSetup: string;
  /** Fires when documents still printing are to be abandoned (the build is stopping). */
  readonly abandon?: AbortSignal | undefined;
  /**
   * Lets as many documents print at once as the printer has tabs: briefs rendered ahead wait here, in the
   * order they were rendered, and the wait is measured so that a brief's reported time leaves it out.
   */
  readonly printSlot: <T>(print: () => Promise<T>) => Promise<{ value: T; waitedMs: number }>;
  /**
   * Lets the next brief in hand start: called as this brief's document is given to the printer, or, when it prints
   * none, once it is rendered (its Word file and its writing then overlap the next brief's work).
   */
  readonly handOff?: (() => void) | undefined;
}

function summarise(report: BalanceReport): BalanceSummary {
  return { policy: report.policy, verdict: report.verdict, problems: report.problems.length };
}

/** The order outputs are listed in a manifest entry. */
const outputOrder: readonly OutputFormat[] = ["pdf", "html", "docx"];

/** The order new outputs are renamed into place: the PDF, the one a failure must least leave replaced alone, last. */
const renameOrder: readonly OutputFormat[] = ["docx", "html", "pdf"];

/**
 * Build one brief: select, check balance, render, and print unless the
 * document is the one the last build printed, then write the formats it is
 * built into (PDF, HTML, Word). A user-facing failure (unbalanced, timeout,
 * crash, unwritable output) comes back as a result; only a bug throws.
 */
export async function buildOne(job: Job, context: JobContext): Promise<BriefResult> {
  const started = performance.now();
  /** Time spent waiting for a tab to be free, left out of the brief's own time. */
  let waited = 0;
  const elapsed = () => performance.now() - started - waited;
  const { checked, inputs, previous, formats } = job;
  const file = checked.file.path;
  const { model, balance, diagnostics, refusal } = gateBrief(checked, { date: context.date, lexicon: context.lexicon });
  const base = { id: model.id, file, model, balance, balanceSummary: summarise(balance), inputs };
  if (refusal !== undefined) return { ...base, status: refusal.status, warnings: [], diagnostics: refusal.diagnostics, refusal: refusal.reason };
  const warnings: string[] = [];
  const wants = new Set(formats);
  const nameOf = (format: OutputFormat) => `${model.id}.${format}`;
  const pathOf = (format: OutputFormat) => join(context.outDir, nameOf(format));
  try {
    // The document as first rendered: with the print settings and setup it decides what is printed (a long
    // handout's table of contents is filled in from a first printing of this very HTML, render/contents.ts).
    const rendered = renderTried(context.render, model, balance);
    const htmlHash = sha256(rendered);
    const document = documentHash(htmlHash, { paper: model.paper, date: model.date }, context.printSetup);
    const content = contentOf(model, htmlHash, sha256(`${inputs.inputs.template}\n${inputs.inputs.code}`));
    // What a reader of the last PDF would find different: only when the document is not the one printed last time
    // (a claim edited where the template does not print it changes no document, and nothing a reader sees).
    const changes = previous?.content === undefined || previous.document === document ? undefined : changesBetween(previous.content, content);

    // The last build's outputs still on disk, byte for byte, that this build can keep. A file is still this brief's
    // (current) when it is the PDF or HTML of the same document (early cutoff: the inputs changed, not the document),
    // or the Word file of the same inputs. It may be kept (keepable) unless --force rewrites it: a format not asked
    // for stays, and stays listed, but not a PDF beside an HTML written anew without its table of contents. Only the
    // keepable files are hashed.
    const current = (format: OutputFormat) => (format === "docx" ? previous?.key === inputs.key : previous?.document === document);
    const keepable = (format: OutputFormat) => job.reuse || (!wants.has(format) && !(format === "pdf" && wants.has("html")));
    const intact = previous !== undefined ? await intactOutputs(previous, context.outDir, keepable) : new Map<OutputFormat, Output>();
    const keep = (format: OutputFormat): Output | undefined => (keepable(format) && current(format) ? intact.get(format) : undefined);

    // `hash`: the data's sha256 where it is known already.
    const fresh: { format: OutputFormat; data: string | Uint8Array; pages?: number; hash?: string }[] = [];
    const reused = new Map<OutputFormat, Output>();
    let printed = false;
    // What the printer said of the PDF (a document it shrank to fit, a request it blocked): said on every build that keeps it.
    let pdfWarnings: readonly string[] = [];
    if (wants.has("pdf")) {
      const pdf = keep("pdf");
      const html = keep("html");
      if (pdf !== undefined && (!wants.has("html") || html !== undefined)) {
        reused.set("pdf", pdf);
        if (html !== undefined) reused.set("html", html);
        pdfWarnings = previous?.pdf_warnings ?? [];
      } else {
        // A handout past six pages is printed again with a table of contents (render/contents.ts); the first rendering is reused.
        const printer = await context.printer();
        const result = await printWithContents(
          context.render,
          model,
          balance,
          async (page) => {
            context.handOff?.();
            const { value, waitedMs } = await context.printSlot(() =>
              printer.printDocument(page, { paper: model.paper, date: model.date, timeoutMs: context.timeoutMs, signal: context.abandon }),
            );
            waited += waitedMs;
            return value;
          },
          rendered,
        );
        printed = true;
        pdfWarnings = result.warnings;
        fresh.push({ format: "pdf", data: result.printed.pdf, pages: result.printed.pages });
        if (wants.has("html")) fresh.push({ format: "html", data: result.html });
      }
      warnings.push(...pdfWarnings);
    } else if (wants.has("html")) {
      // Without a PDF there are no pages: the HTML is the document as rendered, without a table of contents.
      const html = keep("html");
      if (html !== undefined) reused.set("html", html);
      else fresh.push({ format: "html", data: rendered, hash: htmlHash });
    }
    // Printed, it was handed off as it went to the printer; if not, its rendering is done.
    context.handOff?.();
    // The Word file is the one a staffer edits (tracked changes for clearance): one changed since the last build
    // wrote it is her work, and no build, --force included, writes over it.
    const editedByHand = new Set<OutputFormat>();
    if (wants.has("docx")) {
      const docx = keep("docx");
      if (docx !== undefined) reused.set("docx", docx);
      else {
        const found = await wordFileAt(pathOf("docx"), previous, context.outDir, intact.get("docx"));
        if (found === "edited") {
          editedByHand.add("docx");
          warnings.push(
            `${displayPath(pathOf("docx"), context.cwd)} was edited since it was written, so it is left as it is and no new Word file is written; to get one, move the edited file out of the output folder`,
          );
        } else {
          const data = await renderDocx(model, balance, { letterhead: context.letterheads.get(model.template) });
          const hash = sha256(data);
          // Inputs changed (a corpus edit elsewhere) but not the Word file: the one on disk stays, untouched, as the PDF of
          // the same document does; rewriting it changed its time and, on a nearly full disk, failed a brief that had nothing new.
          if (found !== "free" && found.sha256 === hash) reused.set("docx", found);
          else fresh.push({ format: "docx", data, hash });
        }
      }
    }

    // Every file, or none: a failure while writing leaves the last build's files as they were. The files are
    // renamed into place after all are written, and only once no target is a folder (a rename that must
    // fail); the PDF goes last, so a rename failing for another reason still leaves the last PDF as it was.
    fresh.sort((a, b) => renameOrder.indexOf(a.format) - renameOrder.indexOf(b.format));
    await writeOutputs(fresh.map((f) => ({ path: pathOf(f.format), data: f.data })), context.cwd);
    const outputs = new Map<OutputFormat, Output>(reused);
    for (const f of fresh) {
      const bytes = typeof f.data === "string" ? Buffer.byteLength(f.data) : f.data.byteLength;
      outputs.set(f.format, { path: nameOf(f.format), sha256: f.hash ?? sha256(f.data), bytes, mtime_ms: statSync(pathOf(f.format)).mtimeMs, ...(f.pages !== undefined ? { pages: f.pages } : {}) });
    }
    // Formats not asked for this time stay listed while they are still this brief's, untouched: a build with
    // --format docx does not forget yesterday's PDF.
    for (const format of outputOrder) {
      const other = wants.has(format) ? undefined : keep(format);
      if (other !== undefined) outputs.set(format, other);
    }
    // A Word file she edited stays listed, marked edited, with the hash Briefsmith wrote (the brief's line does not
    // name it: this build neither wrote nor kept it). Unlisted, the next build would take it for Briefsmith's own
    // (one changed without Word names no other program) and write over it; unmarked, it would pass for a current
    // file once the bytes Briefsmith wrote came back (her edits thrown away, a backup restored).
    const editedFile = editedByHand.has("docx") ? previous?.outputs.find((o) => o.path === nameOf("docx")) : undefined;
    const editedListed = editedFile === undefined ? undefined : { ...editedFile, edited: true as const };
    const listed = outputOrder.flatMap((format) => (outputs.has(format) ? [outputs.get(format)!] : format === "docx" && editedListed !== undefined ? [editedListed] : []));
    warnings.push(...(await removeStaleOutputs(previous, outputs, (format) => keepable(format) && current(format), editedByHand, context)));
    // Re-rendered with the same result: nothing printed, and every file written is what was there already.
    const same = !printed && fresh.every((f) => previous?.outputs.some((o) => o.path === nameOf(f.format) && o.sha256 === outputs.get(f.format)!.sha256));
    const status = same && job.reuse && previous !== undefined ? "rerendered" : "built";
    const notices = noticesToKeep(diagnostics, context);
    const entry: ManifestEntry = {
      id: model.id,
      file,
      status,
      key: inputs.key,
      inputs: inputs.inputs,
      ...(inputs.settings ? { settings: inputs.settings } : {}),
      document,
      content,
      outputs: listed,
      balance: summarise(balance),
      duration_ms: Math.round(elapsed()),
      // The corpus had errors in claims or facts this brief does not show: the next build must report them again.
      ...(errorCount(checked.corpus.diagnostics) > 0 ? { corpus_errors: errorCount(checked.corpus.diagnostics) } : {}),
      ...(notices.length > 0 ? { notices } : {}),
      ...(pdfWarnings.length > 0 ? { pdf_warnings: [...pdfWarnings] } : {}),
    };
    const pdf = outputs.get("pdf");
    return {
      ...base,
      ...outputPaths(outputs, context),
      ...(changes && status === "built" ? { changes } : {}),
      status,
      printed,
      pages: pdf?.pages,
      bytes: pdf?.bytes,
      durationMs: elapsed(),
      warnings,
      diagnostics,
      entry,
    };
  } catch (error) {
    if (!(error instanceof BriefsmithError)) throw error;
    return { ...base, status: "failed", warnings, error: located(error, checked.file), durationMs: elapsed() };
  }
}

/** A template's failure, said where validate says it (the brief's template: line); any other error as it is. */
function located(error: BriefsmithError, file: YamlFile): BriefsmithError {
  if (error.code !== "TEMPLATE_RENDER_FAILED" || error.diagnostics.length > 0) return error;
  return new BriefsmithError(error.code, error.message, {
    hint: error.hint,
    diagnostics: [templateFailureDiagnostic(file, file.path, error)],
    fileTexts: new Map([[file.path, file.text]]),
    cause: error.cause,
  });
}

/**
 * What is at the Word file's path: nothing Briefsmith need keep ("free"), the last build's file as it listed it,
 * or a staffer's ("edited"). Listed by the last build, it is hers once it is no longer as listed, or once a build
 * found it so. Not listed (its brief stopped asking for Word or was withdrawn, the manifest was lost, a build was
 * killed), the file's own seal says: Briefsmith's, unchanged, only while its parts are as sealed (docx/reproducible.ts).
 * A Word file of a Briefsmith from before the seal is kept too: nothing tells it from one a script changed.
 */
async function wordFileAt(path: string, previous: ManifestEntry | undefined, outDir: string, intact: Output | undefined): Promise<"free" | "edited" | Output> {
  if (!existsSync(path)) return "free";
  const at = (output: Output | undefined) => output !== undefined && join(outDir, output.path) === path;
  const listed = previous?.outputs.find((o) => formatOf(o.path) === "docx");
  // Once found edited, hers until she moves it out, whatever its bytes are now.
  if (at(listed) && listed!.edited === true) return "edited";
  // Found intact already (by the same sha256 check), it is not hashed again.
  if (at(listed)) return intact === listed || (await sameContent(path, listed!)) ? listed! : "edited";
  const lastBuilt = previous?.last_built?.outputs.find((o) => formatOf(o.path) === "docx");
  if (at(lastBuilt) && (await sameContent(path, lastBuilt!))) return "free";
  try {
    // Loaded here, not with the build: most builds write no Word file over another.
    const { unchangedSinceWritten } = await import("../docx/reproducible.js");
    return (await unchangedSinceWritten(await readFile(path))) ? "free" : "edited";
  } catch {
    return "free"; // not a file that can be read (a folder): writing there fails with its own message
  }
}

/** The last build's outputs of a brief, of the formats `wanted` takes, that are still on disk exactly as written (by their sha256). */
async function intactOutputs(previous: ManifestEntry, outDir: string, wanted: (format: OutputFormat) => boolean): Promise<Map<OutputFormat, Output>> {
  const found = new Map<OutputFormat, Output>();
  for (const output of previous.outputs) {
    const format = formatOf(output.path);
    // A file a staffer edited is never the last build's output, whatever its bytes.
    if (output.edited === true) continue;
    if (format !== undefined && wanted(format) && (await sameContent(join(outDir, output.path), output))) found.set(format, output);
  }
  return found;
}

/**
 * The last build's files of this brief that this build neither wrote nor keeps, because they no longer match
 * the brief (its text changed while its formats: or --format left the format out). A Word file from last
 * week beside today's PDF is one a staffer could send by mistake, and the manifest no longer lists it. It is
 * removed while it is as the last build wrote it; one changed since (edited by hand) is left, with a warning.
 * A file that still matches the brief stays where it is; changed by hand since, it is no longer listed, and
 * the staffer is told so.
 */
async function removeStaleOutputs(
  previous: ManifestEntry | undefined,
  written: ReadonlyMap<OutputFormat, Output>,
  current: (format: OutputFormat) => boolean,
  editedByHand: ReadonlySet<OutputFormat>,
  context: JobContext,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const output of previous?.outputs ?? []) {
    const format = formatOf(output.path);
    if (format === undefined || written.has(format) || editedByHand.has(format)) continue;
    const path = join(context.outDir, output.path);
    const shown = displayPath(path, context.cwd);
    if (current(format)) {
      // Still this brief's (the same document, or inputs), but not listed: it was changed since it was written.
      if (existsSync(path)) warnings.push(`${shown} was changed since it was written, so it is no longer listed; building the ${format} again replaces it`);
      continue;
    }
    const removal = await removeIfAsWritten(path, output);
    if (removal.outcome === "removed") warnings.push(`removed ${shown}, from an earlier version of this brief: this build writes no ${format} for it, and a build that does writes it anew`);
    else if (removal.outcome === "failed") warnings.push(`${shown} is from an earlier version of this brief and could not be removed: ${describeWriteError(removal.error)}`);
    else if (removal.outcome === "changed") {
      warnings.push(`${shown} is from an earlier version of this brief and was changed since it was written: it is left as it is, but it no longer matches the brief`);
    }
  }
  return warnings;
}

/** Write outputs atomically; a failure is OUTPUT_NOT_WRITABLE naming the file and the reason (ENOSPC: no space left on device). */
async function writeOutputs(files: readonly { path: string; data: string | Uint8Array }[], cwd: string): Promise<void> {
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    const failed = fileOfWriteError(files, error);
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(failed.path, cwd)}: ${describeWriteError(error)}`, {
      hint: "check the output folder's permissions and free space, or choose another with --out",
      cause: error,
    });
  }
}
