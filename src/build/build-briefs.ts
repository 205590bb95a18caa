import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseLexicon } from "../balance/lexicon.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { CacheKeys } from "../incremental/cache-key.js";
import { codeFingerprint } from "../incremental/code-fingerprint.js";
import { fontFingerprint, listFontFolders } from "../incremental/font-fingerprint.js";
import { sha256 } from "../incremental/hash.js";
import { lexiconPath, readLexiconText } from "../load/package-files.js";
import { displayPath } from "../load/project.js";
import { loadTemplates } from "../load/templates.js";
import { manifestFileName, readManifestIfValid, writeManifest, type Manifest } from "../output/manifest.js";
import type { BrowserLocation } from "../print/browser.js";
import { browserFingerprint, createPrinter, locateBrowser, type DocumentPrinter, type Env } from "../print/printer.js";
import { isoDate, momentOfEpoch } from "../text/dates.js";
import { nextManifest } from "./next-manifest.js";
import { briefsOfShard, planBuild, unchangedWithoutParsing, type PlanContext } from "./plan.js";
import { prepareBriefs, preparedBriefId } from "./prepare.js";
import { runJobs } from "./run-jobs.js";
import type { BriefResult, BuildOptions, BuildResult } from "./types.js";

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Build briefs: prepare (load and check) → select → balance → render → print.
 * Invalid or unbalanced briefs are reported and skipped; a brief whose inputs
 * have not changed since the last build is not printed again; one failing
 * brief does not stop the others. Every file is written to a temporary name
 * and renamed, so earlier output survives any failure. This is the one place
 * that orders the build's I/O.
 */
export async function buildBriefs(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const root = resolve(cwd, options.root ?? ".");
  const paths = options.paths ?? [join(root, "briefs")];
  const outDir = resolve(cwd, options.outDir ?? join(root, "output"));
  const date = options.date ?? dateFromEnvironment(env);
  const jobs = options.jobs ?? defaultConcurrency();
  const manifestPath = join(outDir, manifestFileName);
  // --force ignores what the last build left, but keeps its manifest: entries of briefs not built now stay listed.
  const manifest = await readManifestIfValid(manifestPath);
  const previous = options.force ? undefined : manifest;
  const browser = lazyBrowser(options.browser, env);
  // The build's own printer is made on first need. When every brief will be printed (no previous
  // build, or --force), the browser starts as soon as one brief passes its schema, while the
  // corpora are read and checked; a build of only invalid briefs starts none.
  let ownPrinter: Promise<DocumentPrinter> | undefined;
  const printer = (): Promise<DocumentPrinter> =>
    options.printer !== undefined
      ? Promise.resolve(options.printer)
      : (ownPrinter ??= browser.location().then((location) =>
          createPrinter({
            browser: location.executablePath,
            env,
            jobs,
            restartAfter: options.restartAfter ?? 200,
            ...(options.onBrowserLaunch ? { onLaunch: options.onBrowserLaunch } : {}),
          }),
        ));

  try {
    // Independent reads, all at once: every build, the no-op one too, waits for them.
    const [templateSet, lexiconText, fonts, code] = await Promise.all([
      loadTemplates(options.templatesDir),
      readLexiconText(),
      fontFingerprint(options.fontFolders ?? listFontFolders(process.platform, env)),
      codeFingerprint(),
    ]);
    const external = options.printer;
    const printerFingerprint = external === undefined ? browser.fingerprint : () => external.fingerprint();
    const keys = new CacheKeys({ templateSet, fonts, lexiconHash: sha256(lexiconText), code, browser: printerFingerprint });
    const planContext: PlanContext = { root, cwd, outDir, date, shard: options.shard, previous, keys };
    // The nightly common case: nothing changed. Then no extract is parsed, no quote checked, no browser started.
    const allUnchanged = previous === undefined ? undefined : await unchangedWithoutParsing(paths, { ...planContext, previous });
    if (allUnchanged !== undefined) {
      options.onStart?.({ total: allUnchanged.length, toPrint: 0 });
      for (const result of allUnchanged) options.onBrief?.(result);
      await writeManifestFile(manifestPath, nextManifest(manifest, allUnchanged, { cwd, shard: options.shard }), cwd);
      return { results: allUnchanged, diagnostics: [], fileTexts: new Map(), manifestPath: displayPath(manifestPath, cwd), browserLaunches: 0 };
    }

    const warmUp = () => {
      if (previous === undefined && options.printer === undefined) printer().catch(() => undefined);
    };
    const preparation = await prepareBriefs(paths, { root, cwd, onValidBrief: warmUp });
    const briefs = briefsOfShard(preparation.briefs, options.shard);
    const plan = await planBuild(briefs, planContext);
    const results: BriefResult[] = [];
    const emit = (result: BriefResult) => {
      results.push(result);
      options.onBrief?.(result);
    };
    options.onStart?.({ total: plan.upfront.length + plan.unchanged.length + plan.jobs.length, toPrint: plan.jobs.length });
    for (const result of [...plan.upfront, ...plan.unchanged]) emit(result);

    if (plan.jobs.length > 0) {
      try {
        await mkdir(outDir, { recursive: true });
      } catch (error) {
        throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot create the output folder ${displayPath(outDir, cwd)}`, {
          hint: "choose another folder with --out",
          cause: error,
        });
      }
      // Selection, rendering (Handlebars, marked) and printing load only when something is printed.
      const [{ buildOne }, { createRenderer }] = await Promise.all([import("./build-one.js"), import("../render/render.js")]);
      const context = {
        render: createRenderer(templateSet),
        printer: await printer(),
        lexicon: parseLexicon(lexiconText, lexiconPath),
        outDir,
        cwd,
        date,
        timeoutMs: options.timeoutMs ?? 60_000,
      };
      await runJobs(plan.jobs, jobs, options.failFast ?? false, async (job) => {
        const result = await buildOne(job, context);
        emit(result);
        return result.status === "built";
      });
    }

    const order = new Map(briefs.map((b, i) => [preparedBriefId(b), i]));
    results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    let writtenManifest: string | undefined;
    if (results.some((r) => r.status === "built" || r.status === "unchanged") || manifest !== undefined) {
      await writeManifestFile(manifestPath, nextManifest(manifest, results, { cwd, shard: options.shard }), cwd);
      writtenManifest = displayPath(manifestPath, cwd);
    }
    return {
      results,
      diagnostics: [...preparation.diagnostics, ...results.flatMap((r) => (r.status === "unbalanced" ? (r.diagnostics ?? []) : []))],
      fileTexts: preparation.fileTexts,
      manifestPath: writtenManifest,
      browserLaunches: (await settled(ownPrinter))?.launches ?? options.printer?.launches ?? 0,
    };
  } finally {
    // Whatever happens, the build's own browser goes: a build must never leave Chromium running.
    await (await settled(ownPrinter))?.close();
  }
}

/** A promise's value, or undefined if it is not there or failed. */
async function settled<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  return promise?.catch(() => undefined);
}

async function writeManifestFile(path: string, manifest: Manifest, cwd: string): Promise<void> {
  await writeManifest(path, manifest).catch((error: unknown) => {
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)}`, { cause: error });
  });
}

/** Find the browser only once, and only if something needs it; its path and file time go into cache keys. */
function lazyBrowser(explicitPath: string | undefined, env: Env) {
  let found: Promise<BrowserLocation> | undefined;
  const location = () => (found ??= locateBrowser(explicitPath, env));
  let fingerprint: Promise<string> | undefined;
  return {
    location,
    // Finding no browser is not an error here: the fingerprint says so (which changes every key),
    // and the build fails with BROWSER_NOT_FOUND when it comes to print.
    fingerprint: () =>
      (fingerprint ??= location().then(browserFingerprint, () => "no browser")),
  };
}

/** The date printed on briefs that set none: SOURCE_DATE_EPOCH's when it is set, otherwise today's. */
function dateFromEnvironment(env: Env): string {
  return isoDate(momentOfEpoch(env.SOURCE_DATE_EPOCH ?? "") ?? new Date());
}
