import { mkdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseLexicon, readLexiconText } from "./balance/lexicon.js";
import type { BalanceReport } from "./balance/measure.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { BriefsmithError } from "./errors.js";
import { CacheKeys, type BriefInputs } from "./incremental/cache-key.js";
import { codeFingerprint } from "./incremental/code-fingerprint.js";
import { fontFingerprint, listFontFolders } from "./incremental/font-fingerprint.js";
import { sha256 } from "./incremental/hash.js";
import { planBuild, unchangedWithoutParsing } from "./incremental/plan.js";
import { briefFileBaseName, displayPath } from "./load/project.js";
import type { BriefModel } from "./model.js";
import { manifestFileName, readManifestIfValid, shardOf, writeManifest, type Manifest, type ManifestEntry } from "./output/manifest.js";
import { nextManifest } from "./output/next-manifest.js";
import { prepareBriefs } from "./prepare.js";
import { findBrowser, type BrowserLocation } from "./print/browser.js";
import { PrintPool } from "./print/pool.js";
import { puppeteerCachePaths } from "./print/printer.js";
import { defaultTemplatesDir, loadTemplateSet } from "./render/templates.js";
import { runJobs } from "./run-jobs.js";

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
  /** Where the fonts are, for the cache key; the system's font folders by default. */
  readonly fontFolders?: readonly string[];
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

export interface BuildResult {
  readonly results: readonly BriefResult[];
  readonly diagnostics: readonly Diagnostic[];
  readonly fileTexts: ReadonlyMap<string, string>;
  readonly manifestPath: string | undefined;
  /** Browsers started: 0 when nothing needed printing. */
  readonly browserLaunches: number;
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
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
      env: options.env,
    }));
  if (previous === undefined) await getPool().then((p) => p.warmUp(), () => undefined);

  try {
    // Independent reads, all at once: every build, the no-op one too, waits for them.
    const [templateSet, lexiconText, fonts, code] = await Promise.all([
      loadTemplateSet(options.templatesDir ?? defaultTemplatesDir),
      readLexiconText(),
      fontFingerprint(options.fontFolders ?? listFontFolders(process.platform, options.env)),
      codeFingerprint(),
    ]);
    const keys = new CacheKeys({ templateSet, fonts, lexiconHash: sha256(lexiconText), code, browser: browser.fingerprint });
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
      // Selection, rendering (Handlebars, marked) and printing load only when something is printed.
      const { buildOne } = await import("./build-one.js");
      const { createRenderer } = await import("./render/render.js");
      const render = createRenderer(templateSet);
      const printPool = await getPool();
      const lexicon = parseLexicon(lexiconText);
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

async function writeManifestFile(path: string, manifest: Manifest, cwd: string): Promise<void> {
  await writeManifest(path, manifest).catch((error: unknown) => {
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)}`, { cause: error });
  });
}

/** Find the browser only once, and only if something needs it; its path and file time go into cache keys. */
function locateBrowserLazily(options: BuildOptions) {
  let found: Promise<BrowserLocation> | undefined;
  const location = () =>
    (found ??= findBrowser({ explicitPath: options.browserPath, env: options.env, puppeteerCachePaths: () => puppeteerCachePaths(options.env) }));
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
