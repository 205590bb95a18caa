import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { assessBalance } from "./balance/assess.js";
import { defaultLexiconPath, loadLexicon, type Lexicon } from "./balance/lexicon.js";
import type { BalanceReport } from "./balance/measure.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { BriefsmithError } from "./errors.js";
import { CacheKeys, type BriefInputs } from "./incremental/cache-key.js";
import { codeFingerprint } from "./incremental/code-fingerprint.js";
import { sha256 } from "./incremental/hash.js";
import { briefFileBaseName, corpusDir, displayPath, findBriefFiles, loadYamlFile } from "./load/project.js";
import type { BriefModel } from "./model.js";
import type { Extract } from "./schema/extract.js";
import { manifestFileName, readManifestIfValid, shardOf, writeManifest, type Manifest, type ManifestEntry } from "./output/manifest.js";
import { writeFileAtomic } from "./output/write-atomic.js";
import { isBuildable, prepareBriefs, type PreparedBrief, type PreparedCorpus } from "./prepare.js";
import { findBrowser, type BrowserLocation } from "./print/browser.js";
import { PrintPool } from "./print/pool.js";
import { countPdfPages, puppeteerCachePath } from "./print/printer.js";
import { makePdfReproducible } from "./print/reproducible.js";
import type { RenderHtml } from "./render/render.js";
import { defaultTemplatesDir, loadTemplateSet } from "./render/templates.js";
import { selectBrief } from "./select.js";
import type { YamlFile } from "./load/yaml-file.js";
import { validateBriefFile, type ValidBrief } from "./validate/brief.js";
import { version } from "./version.js";

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
  /** Per brief, for printing. */
  readonly timeoutMs?: number;
  /** Rebuild even briefs whose inputs have not changed. */
  readonly force?: boolean;
  /** Stop scheduling briefs after the first failure. */
  readonly failFast?: boolean;
  /** Build only shard `index` of `count` (1-based), a stable partition by id. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Tabs printing at once (default: one per core, at most 4). */
  readonly concurrency?: number;
  /** Start a fresh browser after this many documents. */
  readonly restartAfter?: number;
  /** Called once the briefs to build are known. */
  readonly onStart?: (plan: { total: number; toPrint: number }) => void;
  /** Called as each brief finishes. */
  readonly onBrief?: (result: BriefResult) => void;
  /** For tests: each browser's process id as it starts. */
  readonly onBrowserLaunch?: (pid: number | undefined) => void;
}

export type BriefStatus = "built" | "unchanged" | "invalid" | "unbalanced" | "failed";

export interface BriefResult {
  readonly id: string;
  /** The brief file, as shown to the user. */
  readonly file: string;
  readonly status: BriefStatus;
  readonly model?: BriefModel;
  readonly balance?: BalanceReport;
  /** Policy, verdict and number of problems: known also for an unchanged brief, from the manifest. */
  readonly balanceSummary?: BalanceSummary;
  readonly inputs?: BriefInputs;
  readonly htmlPath?: string;
  readonly pdfPath?: string;
  readonly pages?: number;
  readonly bytes?: number;
  readonly durationMs?: number;
  /** Problems other than balance (blocked requests, overflowing pages); balance problems are in `balance`. */
  readonly warnings: readonly string[];
  /** Set when status is "failed". */
  readonly error?: BriefsmithError;
  /** The manifest entry written for this brief. */
  readonly entry?: ManifestEntry;
}

export interface BalanceSummary {
  readonly policy: BalanceReport["policy"];
  readonly verdict: BalanceReport["verdict"];
  readonly problems: number;
}

function summarise(report: BalanceReport): BalanceSummary {
  return { policy: report.policy, verdict: report.verdict, problems: report.problems.length };
}

export interface BuildResult {
  readonly results: readonly BriefResult[];
  readonly diagnostics: readonly Diagnostic[];
  readonly fileTexts: ReadonlyMap<string, string>;
  readonly manifestPath: string | undefined;
  /** Browsers started: 0 when nothing needed printing. */
  readonly browserLaunches: number;
}

/** Documents that must fit on one page, by template. */
const onePageTemplates = new Set(["one-pager"]);

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A brief to print. Selection and balance happen in the worker, so printing starts as soon as the first brief is planned. */
interface Job {
  readonly prepared: PreparedBrief & { file: YamlFile; brief: ValidBrief; corpus: PreparedCorpus & { extract: Extract } };
  readonly inputs: BriefInputs;
}

/**
 * Build briefs: prepare (load and check) → select → balance → render → print.
 * Invalid or unbalanced briefs are reported and skipped; a brief whose inputs
 * have not changed since the last build is not printed again; one failing
 * brief does not stop the others. Every file is written to a temporary name
 * and renamed, so earlier output survives any failure.
 */
export async function buildBriefs(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.cwd, options.outDir);
  const manifestPath = join(outDir, manifestFileName);
  // --force ignores what the last build left, but keeps its manifest: entries of briefs not built now stay listed.
  const manifest = await readManifestIfValid(manifestPath);
  const previous = options.force ? undefined : manifest;
  const browser = locateBrowserLazily(options);
  // One pool for the build, made on first need. When every brief will be printed (no previous
  // build, or --force), the browser starts at once, while the briefs are read and checked.
  let pool: PrintPool | undefined;
  const getPool = async () =>
    (pool ??= new PrintPool(await browser.location(), {
      size: options.concurrency ?? defaultConcurrency(),
      restartAfter: options.restartAfter ?? 200,
      onLaunch: options.onBrowserLaunch,
    }));
  if (previous === undefined) await getPool().then((p) => p.warmUp(), () => undefined);

  try {
    const templateSet = await loadTemplateSet(options.templatesDir ?? defaultTemplatesDir);
    const keys = new CacheKeys({
      templateSet,
      lexiconHash: sha256(await readFile(defaultLexiconPath, "utf8")),
      code: await codeFingerprint(),
      browser: browser.fingerprint,
    });
    // The nightly common case: nothing changed. Then no extract is parsed, no quote checked, no browser started.
    const allUnchanged = previous === undefined ? undefined : await unchangedWithoutParsing(options, previous, outDir, keys);
    if (allUnchanged !== undefined) {
      options.onStart?.({ total: allUnchanged.length, toPrint: 0 });
      for (const result of allUnchanged) options.onBrief?.(result);
      await writeManifestFile(manifestPath, nextManifest(manifest, allUnchanged, options), options.cwd);
      return { results: allUnchanged, diagnostics: [], fileTexts: new Map(), manifestPath: displayPath(manifestPath, options.cwd), browserLaunches: 0 };
    }

    const preparation = await prepareBriefs(options.paths, { root: options.root, cwd: options.cwd });
    const shard = options.shard;
    const briefs = preparation.briefs.filter(
      (b) => shard === undefined || shardOf(b.brief?.id ?? briefFileBaseName(b.path), shard.count, sha256) === shard.index,
    );
    const plan = await planBuild(briefs, { options, previous, outDir, keys });
    const results: BriefResult[] = [];
    const emit = (result: BriefResult) => {
      results.push(result);
      options.onBrief?.(result);
    };
    options.onStart?.({ total: plan.upfront.length + plan.unchanged.length + plan.jobs.length, toPrint: plan.jobs.length });
    for (const result of [...plan.upfront, ...plan.unchanged]) emit(result);
    const balanceDiagnostics: Diagnostic[] = [];

    if (plan.jobs.length > 0) {
      try {
        await mkdir(outDir, { recursive: true });
      } catch (error) {
        throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot create the output folder ${displayPath(outDir, options.cwd)}`, {
          hint: "choose another folder with --out",
          cause: error,
        });
      }
      // Handlebars and marked load only when something is rendered.
      const { createRenderer } = await import("./render/render.js");
      const render = createRenderer(templateSet);
      const printPool = await getPool();
      const lexicon = await loadLexicon();
      await runJobs(plan.jobs, options.concurrency ?? defaultConcurrency(), options.failFast ?? false, async (job) => {
        const result = await buildOne(job, { render, pool: printPool, outDir, options, lexicon, balanceDiagnostics });
        emit(result);
        return result.status === "built";
      });
    }

    const order = new Map(briefs.map((b, i) => [b.brief?.id ?? briefFileBaseName(b.path), i]));
    results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    let writtenManifest: string | undefined;
    if (results.some((r) => r.status === "built" || r.status === "unchanged") || manifest !== undefined) {
      await writeManifestFile(manifestPath, nextManifest(manifest, results, options), options.cwd);
      writtenManifest = displayPath(manifestPath, options.cwd);
    }
    return {
      results,
      diagnostics: [...preparation.diagnostics, ...balanceDiagnostics],
      fileTexts: preparation.fileTexts,
      manifestPath: writtenManifest,
      browserLaunches: (pool as PrintPool | undefined)?.launches ?? 0,
    };
  } finally {
    // Whatever happens, the browser goes: a build must never leave Chromium running.
    await (pool as PrintPool | undefined)?.close();
  }
}

interface BuildPlan {
  /** Briefs that cannot be built: invalid, or unbalanced under a strict policy. */
  readonly upfront: BriefResult[];
  /** Briefs whose inputs and outputs are as the last build left them. */
  readonly unchanged: BriefResult[];
  readonly jobs: Job[];
}

/** Sort the briefs into those that cannot be built, those unchanged since the last build, and those to print. */
async function planBuild(
  briefs: readonly PreparedBrief[],
  context: { options: BuildOptions; previous: Manifest | undefined; outDir: string; keys: CacheKeys },
): Promise<BuildPlan> {
  const { options, previous, outDir } = context;
  const plan: BuildPlan = { upfront: [], unchanged: [], jobs: [] };
  for (const prepared of briefs) {
    const file = prepared.file?.path ?? displayPath(prepared.path, options.cwd);
    const id = prepared.brief?.id ?? briefFileBaseName(prepared.path);
    if (!isBuildable(prepared)) {
      plan.upfront.push({ id, file, status: "invalid", warnings: [] });
      continue;
    }
    const inputs = await context.keys.inputsFor({
      text: prepared.file.text,
      corpusDir: prepared.corpus.dir,
      template: prepared.brief.template,
      date: prepared.brief.date ?? options.buildDate,
    });
    const cached = await unchangedEntry(previous, id, inputs, outDir);
    if (cached !== undefined) {
      plan.unchanged.push(unchangedResult(id, file, inputs, cached, outDir, options.cwd));
      continue;
    }
    plan.jobs.push({ prepared, inputs });
  }
  return plan;
}

function unchangedResult(id: string, file: string, inputs: BriefInputs, entry: ManifestEntry, outDir: string, cwd: string): BriefResult {
  return {
    id,
    file,
    status: "unchanged",
    inputs,
    warnings: [],
    entry,
    balanceSummary: entry.balance,
    pdfPath: displayPath(join(outDir, `${id}.pdf`), cwd),
    pages: entry.outputs.find((o) => o.path.endsWith(".pdf"))?.pages,
  };
}

/**
 * When every brief (of this shard) is exactly as the last build left it, the
 * results, found from the raw bytes of the inputs; otherwise undefined, and
 * the full build runs. Only the small brief files are parsed, for their
 * corpus, template and date.
 */
async function unchangedWithoutParsing(options: BuildOptions, previous: Manifest, outDir: string, keys: CacheKeys): Promise<BriefResult[] | undefined> {
  const results: BriefResult[] = [];
  try {
    for (const path of await findBriefFiles(options.paths, options.cwd)) {
      const result = await unchangedBrief(path, options, previous, outDir, keys);
      if (result === undefined) return undefined;
      if (result === "other shard") continue;
      if (results.some((r) => r.id === result.id)) return undefined; // the full build reports the duplicate id
      results.push(result);
    }
  } catch {
    return undefined; // a missing path or corpus, an unreadable folder: the full build reports it, with its location
  }
  return results.length > 0 ? results : undefined;
}

/** One brief's unchanged result, "other shard", or undefined when it must be built (or checked) again. */
async function unchangedBrief(
  path: string,
  options: BuildOptions,
  previous: Manifest,
  outDir: string,
  keys: CacheKeys,
): Promise<BriefResult | "other shard" | undefined> {
  const loaded = await loadYamlFile(path, options.cwd);
  if (loaded.file === undefined || loaded.diagnostics.length > 0) return undefined;
  const { brief } = validateBriefFile(loaded.file, briefFileBaseName(path));
  if (brief === undefined) return undefined;
  if (options.shard !== undefined && shardOf(brief.id, options.shard.count, sha256) !== options.shard.index) return "other shard";
  const inputs = await keys.inputsFor({
    text: loaded.file.text,
    corpusDir: corpusDir(options.root, brief.corpus),
    template: brief.template,
    date: brief.date ?? options.buildDate,
  });
  const entry = await unchangedEntry(previous, brief.id, inputs, outDir);
  return entry === undefined ? undefined : unchangedResult(brief.id, loaded.file.path, inputs, entry, outDir, options.cwd);
}

async function writeManifestFile(path: string, manifest: Manifest, cwd: string): Promise<void> {
  await writeManifest(path, manifest).catch((error: unknown) => {
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)}`, { cause: error });
  });
}

/** Find the browser only once, and only if something needs it; its path and file time go into cache keys. */
function locateBrowserLazily(options: BuildOptions) {
  let found: Promise<BrowserLocation> | undefined;
  const location = () =>
    (found ??= findBrowser({ explicitPath: options.browserPath, env: options.env, puppeteerCachePath: () => puppeteerCachePath(options.env) }));
  let fingerprint: Promise<string> | undefined;
  return {
    location,
    // Finding no browser is not an error here: the fingerprint says so (which changes every key),
    // and the build fails with BROWSER_NOT_FOUND when it comes to print.
    fingerprint: () =>
      (fingerprint ??= location().then(
        async (l) => `${l.executablePath}@${(await stat(l.executablePath)).mtimeMs}`,
        () => "no browser",
      )),
  };
}

/** The previous manifest's entry for a brief, if its inputs are the same and its outputs are still there, unchanged. */
async function unchangedEntry(previous: Manifest | undefined, id: string, inputs: BriefInputs, outDir: string): Promise<ManifestEntry | undefined> {
  const entry = previous?.briefs.find((b) => b.id === id);
  if (entry === undefined || entry.key !== inputs.key || (entry.status !== "built" && entry.status !== "unchanged")) return undefined;
  for (const output of entry.outputs) {
    try {
      // Size and time, as make does: an output edited or replaced since it was written is rebuilt.
      // Whole seconds, because archives (a CI cache restoring last night's output) keep no more.
      const info = await stat(join(outDir, output.path));
      if (info.size !== output.bytes || Math.floor(info.mtimeMs / 1000) !== Math.floor(output.mtime_ms / 1000)) return undefined;
    } catch {
      return undefined;
    }
  }
  return entry;
}

/**
 * Run jobs with at most `concurrency` at once; with failFast, start no new job
 * after a failure. If a job throws (a bug), the others stop starting new jobs
 * and are waited for before the error goes on, so nothing runs on unobserved.
 */
async function runJobs<T>(jobs: readonly T[], concurrency: number, failFast: boolean, run: (job: T) => Promise<boolean>): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < jobs.length) {
      const job = jobs[next++]!;
      try {
        const ok = await run(job);
        if (!ok && failFast) stopped = true;
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failure !== undefined) throw failure.reason;
}

async function buildOne(
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

/**
 * The manifest after this build: this run's briefs replace their entries; a
 * brief that failed keeps its last good outputs listed (they are still on
 * disk) with its new status; other briefs are kept as they were, unless their
 * brief file is gone or they belong to another shard.
 */
function nextManifest(previous: Manifest | undefined, results: readonly BriefResult[], options: BuildOptions): Manifest {
  // Entries of briefs whose file is gone, or that belong to another shard now, are dropped.
  const kept = (previous?.briefs ?? []).filter(
    (e) =>
      existsSync(resolve(options.cwd, e.file)) &&
      (options.shard === undefined || shardOf(e.id, options.shard.count, sha256) === options.shard.index),
  );
  const entries = new Map(kept.map((e) => [e.id, e]));
  for (const result of results) {
    const old = entries.get(result.id);
    if (result.entry !== undefined) {
      entries.set(result.id, result.status === "unchanged" ? { ...result.entry, status: "unchanged" } : result.entry);
      continue;
    }
    entries.set(result.id, {
      id: result.id,
      file: result.file,
      status: result.status,
      ...(result.inputs ? { key: result.inputs.key, inputs: result.inputs.inputs } : {}),
      outputs: old?.outputs ?? [],
      ...(result.balanceSummary ? { balance: result.balanceSummary } : {}),
      ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
    });
  }
  return {
    generator: `briefsmith ${version}`,
    ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}),
    briefs: [...entries.values()],
  };
}
