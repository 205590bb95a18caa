import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { CacheKeys, hashTemplateSet } from "../incremental/cache-key.js";
import { codeFingerprint } from "../incremental/code-fingerprint.js";
import { fontFingerprint, listFontFolders } from "../incremental/font-fingerprint.js";
import { sha256 } from "../text/sha256.js";
import { lexiconPath, readLexiconText } from "../load/package-files.js";
import { ParsedYamlCache, parsedYamlCacheFileName } from "../load/parsed-yaml-cache.js";
import { briefFileBaseName, displayPath, isFolder, missingBriefPath, refuseOutputInSources } from "../load/project.js";
import { loadProjectTemplates, templateLayouts } from "../load/templates.js";
import { foldJournal, journalPath, JournalWriter, readJournal, removeJournal } from "../output/journal.js";
import { acquireOutputLock } from "../output/lock.js";
import { inShard, manifestFileName, readManifestIfValid, writeManifest, type Manifest, type ManifestEntry, type Shard } from "../output/manifest.js";
import { isInside } from "../load/read-file.js";
import { removeIfAsWritten, sameContent } from "../output/same-content.js";
import { describeWriteError, makeFolder, removeDeadTemporaryFiles, writeFileAtomic } from "../output/write-atomic.js";
import type { BrowserLocation } from "../print/browser.js";
import { browserFingerprint, locateBrowser } from "../print/locate.js";
import { browserNeverStarted } from "../print/never-started.js";
import type { DocumentPrinter } from "../print/printer.js";
import { defaultBriefDate } from "../text/dates.js";
import type { JobContext } from "./build-one.js";
import { defaultConcurrency, defaultRestartAfter } from "./defaults.js";
import { entryOf, generator, isShardsOwnFolder, nextManifest, pendingEntry } from "./next-manifest.js";
import type { ValidBrief } from "../validate/brief.js";
import { formatsOf, unchangedWithoutParsing, type PlanContext } from "./unchanged.js";
import { runJobs, taskSlots } from "./run-jobs.js";
import { SelectionNotices, textsOfNoticedFiles } from "./selection-notices.js";
import { checkBuildOptions } from "./check-options.js";
import { hasCurrentOutputs, type BriefResult, type BuildOptions, type BuildResult, type Env } from "./types.js";

/**
 * Build briefs: prepare (load and check) → select → balance → render → print.
 * Invalid or unbalanced briefs are reported and skipped; a brief whose inputs
 * have not changed since the last build is not printed again; one failing
 * brief does not stop the others. Every file is written to a temporary name
 * and renamed, so earlier output survives any failure. This is the one place
 * that orders the build's I/O.
 */
export async function buildBriefs(options: BuildOptions = {}): Promise<BuildResult> {
  checkBuildOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const root = resolve(cwd, options.root ?? ".");
  const paths = options.paths ?? [join(root, "briefs")];
  const outDir = resolve(cwd, options.outDir ?? join(root, "output"));
  const date = options.date ?? defaultBriefDate(env);
  const jobs = options.jobs ?? defaultConcurrency();
  const manifestPath = join(outDir, manifestFileName);
  const signal = options.signal;
  const interrupted = () => (signal?.aborted ? String(signal.reason ?? "stopped") : undefined);

  // Before anything is written: a project folder that is not there made one, with output/ in it, and then failed.
  if (!existsSync(root)) {
    throw new BriefsmithError("PATH_NOT_FOUND", `there is no project folder ${displayPath(root, cwd)}`, { hint: "--root names the folder that holds briefs/ and sources/" });
  }
  await refuseOutputInSources(outDir, root, cwd);
  // Nor is an output folder made for briefs that are not there: `brief build` in an empty folder left output/ behind.
  const missing = paths.find((path) => !existsSync(resolve(cwd, path)));
  if (missing !== undefined) throw missingBriefPath(displayPath(resolve(cwd, missing), cwd));
  try {
    makeFolder(outDir);
  } catch (error) {
    throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot create the output folder ${displayPath(outDir, cwd)}`, {
      hint: "choose another folder with --out",
      cause: error,
    });
  }
  // One build at a time writes to an output folder: two at once would mix their files and manifests.
  const lock = await acquireOutputLock(outDir, { wait: options.wait ?? false, signal, ...(options.onWaitForLock ? { onWait: options.onWaitForLock } : {}) });
  try {
    await removeDeadTemporaryFiles(outDir);
    // The last build's manifest, with what its journal says it finished if it was killed before it could fold it in.
    const { manifest, unreadable } = await recoverManifest(outDir, manifestPath, cwd);
    const result = await buildLocked({ ...options, cwd, env, root, paths, outDir, date, jobs, manifestPath, manifest, interrupted });
    if (unreadable === undefined) return result;
    // Nothing of the last builds' record could be trusted: said, not done in silence.
    const note: Diagnostic = {
      severity: "warning",
      code: "MANIFEST_UNREADABLE",
      message: `${displayPath(manifestPath, cwd)} was set aside, so the briefs of this build were built in full and no others are listed: ${unreadable}`,
      hint: "a build writes it anew; if it was edited by hand, leave it to the builds",
    };
    return { ...result, diagnostics: [note, ...result.diagnostics] };
  } finally {
    await lock.release();
  }
}

interface LockedBuild extends BuildOptions {
  readonly cwd: string;
  readonly env: Env;
  readonly root: string;
  readonly paths: readonly string[];
  readonly outDir: string;
  readonly date: string;
  readonly jobs: number;
  readonly manifestPath: string;
  readonly manifest: Manifest | undefined;
  readonly interrupted: () => string | undefined;
}

/** The build proper, once the output folder is locked and the last build's manifest recovered. */
async function buildLocked(options: LockedBuild): Promise<BuildResult> {
  const { cwd, env, root, paths, outDir, date, jobs, manifestPath, manifest } = options;
  const parsedCachePath = join(outDir, parsedYamlCacheFileName);
  // --force ignores what the last build left, but keeps its manifest: entries of briefs not built now stay listed.
  const previous = options.force ? undefined : manifest;
  const browser = lazyBrowser(options.browser, env);
  // The build's own printer is made on first need. When every brief will be printed (no previous
  // build, or --force), the browser starts as soon as one brief passes its schema, while the
  // corpora are read and checked; a build of only invalid briefs starts none.
  let ownPrinter: Promise<DocumentPrinter> | undefined;
  const printer = (): Promise<DocumentPrinter> =>
    options.printer !== undefined
      ? Promise.resolve(options.printer)
      : (ownPrinter ??= Promise.all([browser.location(), import("../print/printer.js")]).then(([location, { createStartingPrinter }]) =>
          createStartingPrinter({
            browser: location.executablePath,
            env,
            jobs,
            restartAfter: options.restartAfter ?? defaultRestartAfter,
            // The build stops on its abort signal, closing the browser itself.
            handleSignals: false,
            ...(options.onBrowserLaunch ? { onLaunch: options.onBrowserLaunch } : {}),
          }),
        ));
  // Selection, rendering (Handlebars, marked), the balance word lists and printing load only when something is printed; when everything
  // will be, they load now, while the briefs are read and checked.
  let printingModules: Promise<[typeof import("./build-one.js"), typeof import("../render/render.js"), typeof import("../balance/lexicon.js")]> | undefined;
  const loadPrinting = () => (printingModules ??= Promise.all([import("./build-one.js"), import("../render/render.js"), import("../balance/lexicon.js")]));
  // Only for a brief that will print a PDF: a build of Word files alone never starts a browser.
  const warmUp = (brief: ValidBrief) => {
    if (previous !== undefined || options.interrupted() !== undefined) return;
    if (options.printer === undefined && formatsOf(brief, { formats: options.formats }).includes("pdf")) {
      printer().catch(() => undefined);
    }
    // Loaded after the browser is asked for, so that compiling them overlaps its start.
    loadPrinting().catch(() => undefined);
  };

  try {
    const templatesLoaded = loadProjectTemplates(root, cwd, options.templatesDir);
    // When every brief will be printed, the briefs are read and checked while the build's other inputs are
    // hashed: the browser starts at the first valid brief. (A no-op build reads no brief at all.)
    // The corpus checks, selection and the plan load only for a build that is not a no-op.
    const fullBuild = () => Promise.all([import("./prepare.js"), import("./plan.js")]);
    // The YAML files an earlier build parsed: read only when briefs are checked (a no-op build parses nothing).
    let parsedCache: Promise<ParsedYamlCache> | undefined;
    const parsed = () => (parsedCache ??= codeFingerprint().then((code) => ParsedYamlCache.read(parsedCachePath, code)));
    // The templates the last build found no error in (the manifest says so, --force or not), with this code, are not checked again.
    // Hashed once: the same hash is what this build records.
    const templatesHashed = Promise.all([templatesLoaded, codeFingerprint()]).then(([set, code]) => hashTemplateSet(set, code));
    const templatesTrusted = templatesHashed.then((hash) => manifest?.templates === hash);
    templatesTrusted.catch(() => undefined);
    const early =
      previous === undefined
        ? Promise.all([fullBuild(), parsed(), templatesTrusted]).then(([[{ prepareBriefs }], cache, trusted]) =>
            prepareBriefs(paths, { root, cwd, onValidBrief: warmUp, templates: templatesLoaded, parsed: cache, templatesTrusted: trusted }),
          )
        : undefined;
    early?.catch(() => undefined);
    // Independent reads, all at once: every build, the no-op one too, waits for them.
    const [templateSet, lexiconText, fonts, code] = await Promise.all([
      templatesLoaded,
      readLexiconText(),
      fontFingerprint(options.fontFolders ?? listFontFolders(process.platform, env)),
      codeFingerprint(),
    ]);
    const external = options.printer;
    // A printer still starting that fails (no browser) is like no browser found: every key says so, and printing fails.
    const printerFingerprint = external === undefined ? browser.fingerprint : () => Promise.resolve(external).then((p) => p.fingerprint(), () => "no browser");
    const keys = new CacheKeys({ templateSet, fonts, lexiconHash: sha256(lexiconText), code, browser: printerFingerprint });
    const planContext: PlanContext = { root, cwd, outDir, date, shard: options.shard, previous, last: manifest, keys, formats: options.formats, templates: templateLayouts(templateSet), intact: new Map(), briefFiles: new Map() };
    // The nightly common case: nothing changed. Then no extract is parsed, no quote checked, no browser started.
    // Nor is any template checked: that is trusted only while the templates are those the last build found no
    // error in, so a template with errors (a brief refused for it, or one no brief uses) fails every build.
    const templatesHash = await templatesHashed;
    const noOp = previous === undefined || !(await templatesTrusted) ? undefined : await unchangedWithoutParsing(paths, { ...planContext, previous });
    if (noOp !== undefined) {
      const allUnchanged = noOp.results;
      options.onStart?.({ total: allUnchanged.length, toPrint: 0 });
      for (const result of allUnchanged) options.onBrief?.(result);
      const { notes: withdrawn } = await removeOutputsOfGoneBriefs(manifest, { paths, cwd, root, outDir, briefIds: allUnchanged.map((r) => r.id), briefPaths: noOp.briefPaths, shard: options.shard });
      const written = await writeManifestFile(manifestPath, nextManifest(manifest, allUnchanged, { cwd, root, shard: options.shard, templates: templatesHash }), cwd);
      const notices = new SelectionNotices(cwd);
      for (const result of allUnchanged) notices.add(result, result.diagnostics);
      return {
        results: allUnchanged,
        diagnostics: [...notices.all, ...withdrawn],
        fileTexts: await textsOfNoticedFiles(notices.all, new Map(), { root, cwd }),
        manifestPath: displayPath(manifestPath, cwd),
        browserLaunches: 0,
        notStarted: 0,
        notStartedBriefs: [],
        ...(written === undefined ? {} : { manifestError: written }),
      };
    }

    const [{ prepareBriefs, preparedBriefId }, { briefsOfShard, planBuild }] = await fullBuild();
    const preparation = await (early ??
      prepareBriefs(paths, { root, cwd, templates: templateSet, loaded: planContext.briefFiles, parsed: await parsed(), templatesTrusted: await templatesTrusted }));
    const briefs = briefsOfShard(preparation.briefs, options.shard);
    const plan = await planBuild(briefs, planContext);
    const results: BriefResult[] = [];
    // What selection left out for a brief's date (a fact dated after it), said by the build as validate says it: a
    // nightly run that only builds dropped facts from its documents without a word. Once each, however many briefs.
    const selectionNotices = new SelectionNotices(cwd);
    const emit = (result: BriefResult) => {
      // The caller sees everything (the model, the balance report); the build keeps only what it reports,
      // so a build of a thousand briefs does not hold a thousand models.
      options.onBrief?.(result);
      if (hasCurrentOutputs(result.status)) selectionNotices.add(result, result.diagnostics);
      results.push(withoutModel(result));
    };
    options.onStart?.({ total: plan.upfront.length + plan.unchanged.length + plan.jobs.length, toPrint: plan.jobs.length });
    for (const result of [...plan.upfront, ...plan.unchanged]) emit(result);

    let started = 0;
    let journalError: BriefsmithError | undefined;
    let journalOpened = false;
    if (plan.jobs.length > 0 && options.interrupted() === undefined) {
      // Before any output is replaced, the manifest stops listing the outputs of the briefs to rebuild;
      // each brief's new entry goes to the journal once its files are in place. So after a kill at any
      // moment, every entry matches the files on disk, or lists none.
      const pending = foldJournal(manifest, plan.jobs.map((job) => job.previous).filter((e) => e !== undefined).map(pendingEntry), generator);
      const before = await writeManifestFile(manifestPath, pending, cwd, "before");
      if (before !== undefined) throw before;
      const journal = await JournalWriter.open(journalPath(outDir)).catch((error: unknown) => {
        throw new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(journalPath(outDir), cwd)}: ${describeWriteError(error)}`, { cause: error });
      });
      journalOpened = true;
      const [{ buildOne }, { createRenderer }, { parseLexicon }] = await loadPrinting();
      const context: JobContext = {
        render: createRenderer(templateSet, preparation.templateCheck),
        letterheads: templateSet.letterheads,
        printer: stopsAtLaunchFailure(printer),
        lexicon: parseLexicon(lexiconText, lexiconPath, await parsed()),
        outDir,
        cwd,
        root,
        date,
        timeoutMs: options.timeoutMs ?? 60_000,
        printSetup: await keys.printSetup(),
        abandon: afterGrace(options.signal, options.graceMs ?? 2_000),
        printSlot: taskSlots(jobs),
      };
      try {
        started = await runJobs(
          plan.jobs,
          // Twice as many briefs in hand as tabs: while a tab prints one, the next is selected and rendered, so
          // a tab that finishes finds its next document ready instead of waiting for Node to render it. They
          // wait for a tab at the context's printSlot, never inside the printer.
          jobs * 2,
          options.failFast ?? false,
          async (job, handOff) => {
            const result = await buildOne(job, { ...context, handOff });
            emit(result);
            await journal.append(entryOf(result, job.previous)).catch((error: unknown) => {
              journalError ??= new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(journalPath(outDir), cwd)}: ${describeWriteError(error)}`, { cause: error });
            });
            return result.status === "built" || result.status === "rerendered";
          },
          options.signal,
          // A brief in hand starts once the one before it is waiting for a tab, or prints nothing, not before: else
          // the briefs in hand at the start were all selected and rendered before the first was sent to the browser.
          true,
        );
      } finally {
        await journal.close();
      }
    }

    const order = new Map(briefs.map((b, i) => [preparedBriefId(b), i]));
    results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // Every brief found, of every shard: one of another shard is not gone.
    const { notes: withdrawn, dropped } = await removeOutputsOfGoneBriefs(manifest, {
      paths,
      cwd,
      root,
      outDir,
      briefIds: preparation.briefs.map(preparedBriefId),
      briefPaths: preparation.briefs.map((b) => b.path),
      // Only ids read from a brief that passed its schema: a brief that fails it (a field misspelt, a YAML slip) is
      // known by its file's name, which is not the id it sets, and its last good files must stay.
      idsByPath: new Map(preparation.briefs.flatMap((b) => (b.brief === undefined ? [] : [[resolve(cwd, b.path), b.brief.id] as const]))),
      shard: options.shard,
    });
    let writtenManifest: string | undefined;
    let manifestError: BriefsmithError | undefined = journalError;
    if (results.some((r) => hasCurrentOutputs(r.status)) || manifest !== undefined || journalOpened) {
      // Only a set with nothing to say is trusted next time: one with warnings is checked, and warned of, every build.
      const templates = preparation.templateDiagnostics.length === 0 ? templatesHash : undefined;
      const finalError = await writeManifestFile(manifestPath, nextManifest(manifest, results, { cwd, root, shard: options.shard, templates, dropped }), cwd);
      // Folded into manifest.json, the journal is done with. Should the write have failed, it stays, and the next build folds it in.
      if (finalError === undefined) await removeJournal(journalPath(outDir));
      manifestError = finalError ?? manifestError;
      writtenManifest = displayPath(manifestPath, cwd);
    }
    // The cache only saves the next build time: should it not be written, that build parses every file, as this one
    // would have without it (and a folder that cannot be written to has failed the manifest, which says so).
    const cache = await settled(parsedCache);
    if (cache?.changed) await writeParsedCache(parsedCachePath, cache);
    const stopped = options.interrupted();
    const notStartedBriefs = plan.jobs.slice(started).map((job) => ({ id: job.checked.brief.id, file: job.checked.file.path }));
    return {
      results,
      diagnostics: [...preparation.diagnostics, ...results.flatMap((r) => (r.status === "unbalanced" ? (r.diagnostics ?? []) : [])), ...selectionNotices.all, ...withdrawn],
      fileTexts: await textsOfNoticedFiles(selectionNotices.all, preparation.fileTexts, { root, cwd }),
      manifestPath: manifestError === undefined ? writtenManifest : undefined,
      browserLaunches: (await settled(ownPrinter))?.launches ?? (await settled(Promise.resolve(options.printer)))?.launches ?? 0,
      notStarted: notStartedBriefs.length,
      notStartedBriefs,
      ...(stopped === undefined ? {} : { interrupted: stopped }),
      ...(manifestError === undefined ? {} : { manifestError }),
    };
  } finally {
    // Whatever happens, the build's own browser goes: a build must never leave Chromium running.
    await (await settled(ownPrinter))?.close();
  }
}

/**
 * The outputs no brief writes any more, removed while they are as the last build wrote them, so a nightly job stops
 * publishing them: those of a brief whose file is gone from a folder this build reads (a brief built on its own says
 * nothing of the others), of one whose file names another id now, and, in a shard's own folder, of one another shard
 * builds now. One changed by hand since is left, and said. Their entries leave the manifest with them: nextManifest
 * drops entries whose file is gone, and the ids returned as `dropped`.
 */
async function removeOutputsOfGoneBriefs(
  manifest: Manifest | undefined,
  where: {
    paths: readonly string[];
    cwd: string;
    root: string;
    outDir: string;
    briefIds: readonly string[];
    briefPaths: readonly string[];
    /** The id each brief file found has now, by its absolute path, when this build read the files. */
    idsByPath?: ReadonlyMap<string, string>;
    shard?: Shard | undefined;
  },
): Promise<{ notes: Diagnostic[]; dropped: ReadonlySet<string> }> {
  // Ids whose entries leave the manifest though their file is still there: renamed, or moved to another shard.
  const dropped = new Set<string>();
  // Gone is judged only in the folders built (a brief built on its own says nothing of the others); another id now,
  // for every file this build read, a brief named on its own too.
  const folders = where.paths.map((p) => resolve(where.cwd, p)).filter((p) => isFolder(p));
  if (manifest === undefined) return { notes: [], dropped };
  // A brief is there while a brief file of its id is in a folder being built (the files this build found, of every
  // shard), wherever the manifest's path, written relative to another build's working folder, would point from here.
  const present = new Set([...where.briefIds, ...where.briefPaths.map(briefFileBaseName)]);
  const ids = new Set(where.briefIds);
  // In a shard's own folder, a brief another shard builds now (the split changed): its copy here would go stale,
  // and be gathered with the fresh one when the shards' folders are published.
  const ownFolder = where.shard !== undefined && isShardsOwnFolder(manifest, where.shard);
  const notes: Diagnostic[] = [];
  for (const entry of manifest.briefs) {
    // The entry's file as the manifest names it, from here or from the project's folder.
    const candidates = [resolve(where.cwd, entry.file), resolve(where.root, entry.file)];
    const inFolder = candidates.some((file) => folders.some((folder) => isInside(folder, file)));
    // Its file is still there, under another id now (an id: added or changed): no brief writes its files any more.
    const idNow = candidates.map((file) => where.idsByPath?.get(file)).find((id) => id !== undefined);
    const moved = ownFolder && !inShard(entry.id, where.shard);
    const renamed = idNow !== undefined && idNow !== entry.id && !ids.has(entry.id);
    const reason = renamed ? `now has the id "${idNow}"` : moved ? `is built by another shard now (${where.shard!.index} of ${where.shard!.count} does not build it)` : undefined;
    if (reason === undefined && (folders.length === 0 || present.has(entry.id) || present.has(briefFileBaseName(entry.file)) || !inFolder || candidates.some((file) => existsSync(file)))) continue;
    if (reason !== undefined) dropped.add(entry.id);
    const why = reason ?? "is gone";
    for (const output of entry.outputs) {
      const path = join(where.outDir, output.path);
      const shown = displayPath(path, where.cwd);
      const removal = await removeIfAsWritten(path, output);
      const message =
        removal.outcome === "removed"
          ? `removed ${shown}: its brief ${entry.file} ${why}`
          : removal.outcome === "failed"
            ? `${shown} could not be removed though its brief ${entry.file} ${why}: ${describeWriteError(removal.error)}`
            : removal.outcome === "changed"
              ? `${shown} was left as it is, changed since it was written, though its brief ${entry.file} ${why}`
              : undefined;
      if (message !== undefined) notes.push({ severity: "warning", code: "OUTPUT_REMOVED", message });
    }
  }
  return { notes, dropped };
}

/**
 * A result without what only the onBrief callback needs: the model, the balance report, and the
 * balance notes of a brief that was built (a brief not built keeps its problems, which the build reports).
 */
function withoutModel(result: BriefResult): BriefResult {
  const { model: _model, balance: _balance, diagnostics, ...rest } = result;
  const built = hasCurrentOutputs(result.status);
  return built || diagnostics === undefined ? rest : { ...rest, diagnostics };
}

/**
 * The last build's manifest. If that build was killed, its journal holds the
 * briefs it finished since it last wrote manifest.json: they are folded in,
 * and the manifest written, before anything else happens.
 */
async function recoverManifest(outDir: string, manifestPath: string, cwd: string): Promise<{ manifest: Manifest | undefined; unreadable?: string }> {
  const { manifest: read, unreadable } = await readManifestIfValid(manifestPath);
  const journal = journalPath(outDir);
  const entries = await readJournal(journal);
  const folded = entries.length === 0 ? read : foldJournal(read, entries, generator);
  const manifest = folded === undefined ? undefined : await takeBackUntouched(folded, outDir);
  if (manifest !== read) {
    const error = await writeManifestFile(manifestPath, manifest!, cwd, "before");
    if (error !== undefined) throw error;
  }
  await removeJournal(journal);
  return { manifest, ...(unreadable === undefined ? {} : { unreadable }) };
}

/**
 * A build marks every brief it is about to rebuild as listing no outputs before it starts; killed, it leaves most
 * of them untouched. Each whose files are still exactly those its last finished build listed (by sha256) gets that
 * entry back, so the next build prints only the briefs caught mid-write, not the whole set again.
 */
async function takeBackUntouched(manifest: Manifest, outDir: string): Promise<Manifest> {
  let changed = false;
  const briefs: ManifestEntry[] = [];
  for (const entry of manifest.briefs) {
    const last = entry.status === "interrupted" ? entry.last_built : undefined;
    let untouched = last !== undefined && last.outputs.length > 0;
    for (const output of untouched ? last!.outputs : []) untouched &&= await sameContent(join(outDir, output.path), output);
    changed ||= untouched;
    briefs.push(untouched ? last! : entry);
  }
  return changed ? { ...manifest, briefs } : manifest;
}

/** Write the parse cache; a failure is not the build's (the next build parses more), so it is not reported. */
async function writeParsedCache(path: string, cache: ParsedYamlCache): Promise<void> {
  try {
    await writeFileAtomic(path, cache.serialize());
  } catch {
    // a full disk or a read-only folder: the manifest, written before, has reported it
  }
}

/** A signal that fires `graceMs` after `signal` does: documents still printing when the build stops get that long to finish. */
function afterGrace(signal: AbortSignal | undefined, graceMs: number): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  const controller = new AbortController();
  const fire = () => {
    const timer = setTimeout(() => controller.abort(signal.reason), graceMs);
    timer.unref();
  };
  if (signal.aborted) fire();
  else signal.addEventListener("abort", fire, { once: true });
  return controller.signal;
}

/** A promise's value, or undefined if it is not there or failed. */
async function settled<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  return promise?.catch(() => undefined);
}

/**
 * Write the manifest; a failure (a full disk, say) comes back as an error to report, not thrown, so the build's
 * summary is still printed. `before` is a write before any brief's files are replaced: its hint says so.
 */
async function writeManifestFile(path: string, manifest: Manifest, cwd: string, when: "before" | "after" = "after"): Promise<BriefsmithError | undefined> {
  try {
    await writeManifest(path, manifest);
    return undefined;
  } catch (error) {
    return new BriefsmithError("OUTPUT_NOT_WRITABLE", `cannot write ${displayPath(path, cwd)}: ${describeWriteError(error)}`, {
      hint:
        when === "before"
          ? "free some space or fix the folder's permissions, then build again: nothing was built, and the last build's files are as they were"
          : // Not "the next build records them": on a full disk the journal's lines may have failed too, and those briefs are built again.
            "free some space or fix the folder's permissions, then build again: the files written are in place, and the next build keeps those the journal recorded and builds the others again",
      cause: error,
    });
  }
}

/** Find the browser only once, and only if something needs it; its path and file time go into cache keys (CacheKeys asks once). */
function lazyBrowser(explicitPath: string | undefined, env: Env) {
  let found: Promise<BrowserLocation> | undefined;
  const location = () => (found ??= locateBrowser(explicitPath, env));
  return {
    location,
    // Finding no browser is not an error here: the fingerprint says so (which changes every key),
    // and the build fails with BROWSER_NOT_FOUND when it comes to print.
    fingerprint: () => location().then(browserFingerprint, () => "no browser"),
  };
}

/**
 * The build's printer, failing every brief after the first whose browser could not be started (or ran out of time
 * before the browser gave it a tab) with that brief's error, at once: a browser that hangs as it starts hangs for the next brief too, and each waited out its own
 * --timeout in turn (two briefs at a time, 40 briefs a hundred seconds).
 */
function stopsAtLaunchFailure(printer: () => Promise<DocumentPrinter>): () => Promise<DocumentPrinter> {
  let failure: BriefsmithError | undefined;
  let wrapped: Promise<DocumentPrinter> | undefined;
  return () =>
    (wrapped ??= printer().then(
      (inner): DocumentPrinter => ({
        get launches() {
          return inner.launches;
        },
        fingerprint: () => inner.fingerprint(),
        close: () => inner.close(),
        printDocument: (html, options) =>
          failure !== undefined
            ? Promise.reject(failure)
            : inner.printDocument(html, options).catch((error: unknown) => {
                if (error instanceof BriefsmithError && (error.code === "BROWSER_LAUNCH_FAILED" || browserNeverStarted(error))) failure ??= error;
                throw error;
              }),
      }),
    ));
}
