import { resolve } from "node:path";
import { defaultConcurrency, defaultRestartAfter } from "../../build/defaults.js";
import { hasCurrentOutputs, type BriefChanges, type BriefResult, type BuildResult } from "../../build/types.js";
import { diagnosticKey, errorCount, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { BriefsmithError } from "../../errors/briefsmith-error.js";
import type { Printer } from "../../print/printer.js";
import { briefFileBaseName, displayPath } from "../../load/project.js";
import { describeLockHolder, ifHolderGone, liveLockHolder, unnamedLockAgeMs } from "../../output/lock.js";
import { maxTabs } from "../../print/limits.js";
import { resolveBriefArguments } from "../brief-arguments.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, stopSignals, UsageError, type CliIo, type StopSignal } from "../io.js";
import { buildDate, outputFormatList, positiveInteger, projectRoot } from "../options.js";
import { createProgress } from "../progress.js";
import { briefWarningAnnotations, githubAnnotation, locateDiagnostics, parseReporter, plural, printDiagnostics, reporterOptions, repositoryPaths, unplaced, type LocatedDiagnostic, type Reporter } from "../report.js";

export const buildCommand = defineCommand({
  name: "build",
  positionals: "[PATH…]",
  summary: "build briefs into PDF, HTML and Word (default: briefs/ → output/)",
  description: `Build each brief into DIR/<id>.pdf and DIR/<id>.html (default DIR: output/),
and DIR/<id>.docx when its formats: list docx (or --format says so), and
record what was built in DIR/manifest.json. A build of Word files alone starts
no browser. PATH is a brief file or a
folder of briefs, or a brief id (default: briefs/). Briefs with problems are reported and
skipped; the others still build. A brief whose inputs have not changed since
the last build is not rendered again, and one whose document comes out the
same is not printed again. One build at a time writes to DIR. On SIGINT,
SIGTERM or SIGHUP the build stops starting briefs, writes the manifest of what
it finished, closes the browser and exits 130, 143 or 129.`,
  options: {
    out: { type: "string", short: "o", value: "DIR", description: "where to write (default: output)" },
    force: { type: "boolean", description: "rebuild and reprint every brief, changed or not" },
    format: { type: "string", value: "LIST", description: "the files to build for every brief, replacing each brief's formats: (pdf,html,docx)" },
    "fail-fast": { type: "boolean", description: "stop starting briefs after the first failure" },
    shard: { type: "string", value: "I/N", description: "build only shard I of N (a stable partition by brief id)" },
    jobs: { type: "string", short: "j", value: "N", description: `briefs printing at once (default: ${defaultConcurrency()}, from the cores)` },
    timeout: { type: "string", value: "SECONDS", description: "give up on a brief that takes longer to print (default: 60)" },
    wait: { type: "boolean", description: "if another build is writing to DIR, wait for it to finish (default: exit 1 at once)" },
    json: { type: "boolean", description: "print a machine-readable summary on stdout, with every problem located" },
    ...reporterOptions,
    browser: { type: "string", value: "PATH", description: "the Chrome or Chromium to print with (else PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, the system's)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const root = projectRoot(io, values.root);
    const shard = parseShard(values.shard);
    const jobs = positiveInteger(values.jobs, "--jobs");
    const timeoutSeconds = positiveInteger(values.timeout, "--timeout");
    const reporter = parseReporter(values.reporter);
    const formats = outputFormatList(values.format);
    // Node's timers hold at most 2^31 - 1 ms; a day is more than any brief needs.
    if (timeoutSeconds !== undefined && timeoutSeconds > 86_400) throw new UsageError("--timeout takes at most 86400 seconds (a day)");
    if (jobs !== undefined && jobs > maxTabs) throw new UsageError(`--jobs takes at most ${maxTabs} (each is a browser tab), not ${values.jobs}`);
    const started = performance.now();
    // Progress goes to stderr, so stdout stays clean for --json.
    const progress = values.json ? undefined : createProgress(io);
    // SIGINT, SIGTERM and SIGHUP stop the build cleanly; the exit code says which it was.
    const stop = new AbortController();
    let stoppedBy: StopSignal | undefined;
    // Once the build proper has returned, only the browser is left to close: a signal then stops nothing.
    let buildReturned = false;
    const stopListening = io.onSignal?.((signal) => {
      if (stoppedBy !== undefined || buildReturned) return;
      stoppedBy = signal;
      io.stderr.write(`\nbrief: ${signal}: stopping: no more briefs are started; those under way get 2 s\n`);
      stop.abort(signal);
    });
    // With --force every brief will be printed (the nightly forced build): the browser starts now, while the
    // rest of the build loads and the briefs are read and checked, so its start-up is off the critical path.
    // Otherwise the build starts it once a brief passes its schema, and a build of invalid briefs starts none.
    // Not when --format leaves out the PDF: a build of Word files alone never starts a browser. Nor when another
    // build holds the output folder: this one waits for it (--wait), for minutes perhaps, or fails at once, and
    // starts its browser once it has the lock.
    const outDir = values.out ?? `${root}/output`;
    const early: Promise<Printer> | undefined = values.force && (formats === undefined || formats.includes("pdf")) && liveLockHolder(resolve(io.cwd, outDir)) === undefined
      ? import("../../print/printer.js").then(({ createStartingPrinter }) =>
          createStartingPrinter({ browser: values.browser, env: io.env, jobs: jobs ?? defaultConcurrency(), restartAfter: defaultRestartAfter, handleSignals: false }),
        )
      : undefined;
    early?.catch(() => undefined); // no browser: the build says so if it comes to print
    let result: BuildResult;
    try {
      const { buildBriefs } = await import("../../build/build-briefs.js");
      result = await buildBriefs({
        paths: (await resolveBriefArguments(positionals, root, io.cwd)).paths,
        root,
        cwd: io.cwd,
        outDir,
        date: buildDate(io),
        env: io.env,
        browser: values.browser,
        force: values.force ?? false,
        ...(formats ? { formats } : {}),
        failFast: values["fail-fast"] ?? false,
        shard,
        wait: values.wait ?? false,
        signal: stop.signal,
        // A holder on another host cannot be checked from here: the wait has no end of its own, so the way out is said.
        onWaitForLock: (holder, lockPath) =>
          io.stderr.write(
            holder === undefined
              ? `brief: ${displayPath(lockPath, io.cwd)} names no build (one may be writing it); it is taken over once it is ${unnamedLockAgeMs / 1000} s old\n`
              : `brief: waiting for the build of ${describeLockHolder(holder)} to finish writing to ${values.out ?? "output"}; ${ifHolderGone(holder, displayPath(lockPath, io.cwd))}\n`,
          ),
        ...(jobs ? { jobs } : {}),
        ...(early ? { printer: early } : {}),
        ...(timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {}),
        onStart: (plan) => progress?.start(plan.total),
        onBrief: (brief) => progress?.brief(describeResult(brief)),
      });
    } catch (error) {
      // Stopped while waiting for the lock, or while starting: nothing was built, and the summary (with --json,
      // the object a CI step parses) says so, as for a build stopped later.
      if (stoppedBy === undefined) {
        await progress?.stop();
        throw error;
      }
      result = { results: [], diagnostics: [], fileTexts: new Map(), manifestPath: undefined, browserLaunches: 0, notStarted: 0, notStartedBriefs: [], interrupted: stoppedBy };
    } finally {
      buildReturned = true;
      // Closing the browser takes a moment (seconds, for one that hangs): a signal then is heard, and the build's
      // result stands, rather than Node's default end of the process, which left no summary, a hidden cursor and
      // the browser's profile folder behind.
      await (await early?.catch(() => undefined))?.close();
      stopListening?.();
    }
    await progress?.stop();
    const seconds = (performance.now() - started) / 1000;
    const exitCode = stoppedBy !== undefined ? stopSignals[stoppedBy] : buildExitCode(result);
    if (values.json) {
      io.stdout.write(JSON.stringify(jsonSummary(result, seconds, exitCode), null, 2) + "\n");
    }
    // With --json on stdout, annotations go to stderr, which the Actions runner reads as well.
    reportProblems(values.json ? { ...io, stdout: io.stderr } : io, result, reporter);
    if (!values.json) io.stdout.write(summaryLine(result, seconds) + "\n");
    return exitCode;
  },
});

/** A build that ran to its end fails (exit 1) when a brief was not built, any error was reported, or the manifest could not be written. */
export function buildExitCode(result: BuildResult): number {
  const notBuilt = result.results.filter((r) => !hasCurrentOutputs(r.status)).length;
  return notBuilt > 0 || errorCount(result.diagnostics) > 0 || result.manifestError !== undefined ? exitCodes.problems : exitCodes.ok;
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, for example 2/4, not "${value}"`);
  return { index, count };
}

/**
 * Failures placed in a file (a template that failed on a brief, at its template: line), each once however many
 * briefs it failed, with the texts that place them.
 */
function placedFailures(result: BuildResult): { diagnostic: Diagnostic; texts: ReadonlyMap<string, string> }[] {
  const placed = new Map<string, { diagnostic: Diagnostic; texts: ReadonlyMap<string, string> }>();
  for (const { error } of result.results) {
    for (const d of error?.diagnostics ?? []) placed.set(diagnosticKey(d), { diagnostic: d, texts: error!.fileTexts });
  }
  return [...placed.values()];
}

/**
 * The other failures, alike ones (one code, message and hint) together with the briefs they stopped: one failure
 * of many briefs (no browser, a full disk) is said once, not 121 times. A manifest not written is one of them.
 */
function unplacedFailures(result: BuildResult): LocatedDiagnostic[] {
  const alike = new Map<string, { error: BriefsmithError; files: string[] }>();
  const failures = result.results.flatMap((brief) => (brief.error && brief.error.diagnostics.length === 0 ? [{ file: brief.file, error: brief.error }] : []));
  for (const { file, error } of [...failures, ...(result.manifestError ? [{ file: undefined, error: result.manifestError }] : [])]) {
    const key = `${error.code}\n${error.message}\n${error.hint ?? ""}`;
    const group = alike.get(key) ?? { error, files: [] };
    if (file !== undefined) group.files.push(file);
    alike.set(key, group);
  }
  return [...alike.values()].map(({ error, files }) => {
    const many = files.length > 1 ? ` (${files.length} briefs: ${files.slice(0, 3).join(", ")}${files.length > 3 ? ` and ${files.length - 3} more` : ""})` : "";
    const file = files.length === 1 ? files[0] : undefined;
    return unplaced({ severity: "error", code: error.code, message: `${error.message}${many}`, file, hint: error.hint });
  });
}

/** Every problem: the briefs' and corpora's diagnostics, each failed brief's error, and a manifest that could not be written. */
function reportProblems(io: CliIo, result: BuildResult, reporter: Reporter): void {
  // Where GitHub finds each file, looked up once for all the problems.
  const place = reporter === "github" ? repositoryPaths(io) : (file: string) => file;
  printDiagnostics(io, result.diagnostics, result.fileTexts, reporter, place);
  // Placed failures are said where they are, as validate says them.
  for (const { diagnostic, texts } of placedFailures(result)) printDiagnostics(io, [diagnostic], texts, reporter, place);
  const failures = unplacedFailures(result);
  if (reporter === "github") {
    for (const failure of failures) io.stdout.write(githubAnnotation(failure, place) + "\n");
    for (const annotation of briefWarningAnnotations(result.results, place)) io.stdout.write(annotation + "\n");
    return;
  }
  for (const failure of failures) {
    io.stderr.write(`${failure.file === undefined ? "" : `${failure.file}: `}error ${failure.code}: ${failure.message}\n${failure.hint === undefined ? "" : `  hint: ${failure.hint}\n`}`);
  }
}

function summaryLine(result: BuildResult, seconds: number): string {
  const count = (status: string) => result.results.filter((r) => r.status === status).length;
  const notBuilt = result.results.filter((r) => !hasCurrentOutputs(r.status)).length;
  const parts = [
    `${plural(count("built"), "brief")} built`,
    count("rerendered") > 0 ? `${count("rerendered")} re-rendered with the same result (not printed)` : undefined,
    count("unchanged") > 0 ? `${count("unchanged")} unchanged` : undefined,
    notBuilt > 0 ? `${notBuilt} not built` : undefined,
    result.notStarted > 0 ? `${result.notStarted} not started` : undefined,
  ].filter((p) => p !== undefined);
  const stopped = result.interrupted === undefined ? "" : `stopped by ${result.interrupted}: `;
  return `${stopped}${parts.join(", ")} in ${seconds.toFixed(1)} s`;
}

function jsonSummary(result: BuildResult, seconds: number, exitCode: number) {
  const results = result.results;
  // Every problem of the run: the briefs' and corpora's, and what kept briefs from being built (no browser, say).
  const located = [
    ...locateDiagnostics(result.diagnostics, result.fileTexts),
    ...placedFailures(result).flatMap(({ diagnostic, texts }) => locateDiagnostics([diagnostic], texts)),
    ...unplacedFailures(result),
  ];
  return {
    ok: exitCode === 0,
    exit_code: exitCode,
    seconds: Math.round(seconds * 1000) / 1000,
    // Always there, null when no manifest was written (a stop before any brief, a shard with no brief): a reader
    // of the JSON need not test for the key.
    manifest: result.manifestPath ?? null,
    ...(result.manifestError ? { manifest_error: { code: result.manifestError.code, message: result.manifestError.message } } : {}),
    ...(result.interrupted ? { interrupted: result.interrupted } : {}),
    counts: {
      ...Object.fromEntries(["built", "rerendered", "unchanged", "invalid", "unbalanced", "failed"].map((s) => [s, results.filter((r) => r.status === s).length])),
      not_started: result.notStarted,
    },
    briefs: [
      ...results.map((r) => ({
        id: r.id,
        file: r.file,
        status: r.status,
        // What happened to its PDF: printed now, kept because the document came out the same, or left as it was.
        pdf_action: !hasCurrentOutputs(r.status)
          ? "not built"
          : r.pdfPath === undefined
            ? "none asked for"
            : r.printed
              ? "printed"
              : r.status === "unchanged"
                ? "untouched"
                : "re-rendered, same result",
        pdf: r.pdfPath,
        html: r.htmlPath,
        docx: r.docxPath,
        pages: r.pages,
        duration_ms: r.durationMs === undefined ? undefined : Math.round(r.durationMs),
        // The same shape for every brief; `brief balance --json` has the problems themselves.
        balance: r.balanceSummary,
        changes: r.changes,
        warnings: r.warnings,
        error: r.error ? { code: r.error.code, message: r.error.message, hint: r.error.hint } : undefined,
        // Every problem that kept it from being built, located: its own file's, and its corpus's.
        diagnostics: hasCurrentOutputs(r.status) ? undefined : locateDiagnostics(r.diagnostics ?? [], result.fileTexts),
      })),
      // Briefs a stop or --fail-fast kept from starting: listed, as the counts count them.
      ...result.notStartedBriefs.map((b) => ({ id: b.id, file: b.file, status: "not started", pdf_action: "not built", warnings: [] })),
    ],
    diagnostics: located,
  };
}

/** One line on balance: the verdict, the policy, and how many notes `brief balance` would show. */
function balanceVerdict(brief: BriefResult): string {
  const report = brief.balanceSummary;
  if (report === undefined) return "";
  // "Balance warnings", as brief balance lists them: "notes" read as the document's endnotes.
  const warnings = report.problems;
  return `${report.verdict} (${report.policy}${warnings > 0 ? `, ${plural(warnings, "balance warning")}` : ""})`;
}

/** "claims added: a, b; revised: c" for what a reader of the last PDF would find different; undefined when nothing is. */
function describeChanges(changes: BriefChanges | undefined): string | undefined {
  if (changes === undefined) return undefined;
  const parts: string[] = [];
  for (const kind of ["claims", "facts"] as const) {
    for (const change of ["added", "removed", "revised"] as const) {
      const ids = changes[kind][change];
      if (ids.length > 0) parts.push(`${kind} ${change}: ${ids.join(", ")}`);
    }
  }
  const other = "other wording or the layout (the title or date, a heading, a view's label, who holds it, a source's name, the template)";
  if (changes.other) parts.push(parts.length > 0 ? other : `no claim or fact, but ${other}`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function describeResult(brief: BriefResult): string {
  // A brief whose id is not its file's name says which file it is: two files may claim one id. So does one refused
  // for an id another brief has (two folders' dup.yaml): "✗ dup" beside "✓ dup" told the reader nothing.
  const duplicate = brief.diagnostics?.some((d) => d.code === "BRIEF_DUPLICATE_ID") === true;
  const named = briefFileBaseName(brief.file) === brief.id && !duplicate ? brief.id : `${brief.id} (${brief.file})`;
  const id = named.padEnd(28);
  switch (brief.status) {
    case "built":
    case "rerendered":
    case "unchanged": {
      const time = brief.status === "built" ? `${String(Math.round(brief.durationMs ?? 0)).padStart(5)} ms` : brief.status === "rerendered" ? "same PDF" : "unchanged";
      // The PDF's pages and path; a brief built without a PDF shows its Word or HTML file.
      const pages = brief.pages === undefined ? "" : plural(brief.pages, "page");
      const files = [brief.pdfPath, brief.docxPath].filter((p) => p !== undefined);
      // A brief whose only file was left alone (a Word file edited by hand) names none: its warning says why.
      const shown = files.length > 0 ? files.join(", ") : brief.htmlPath;
      const lines = [`✓ ${id} ${pages.padEnd(9)} ${time.padStart(9)}  ${balanceVerdict(brief)}${shown === undefined ? "" : `  → ${shown}`}`];
      const changed = describeChanges(brief.changes);
      if (changed !== undefined) lines.push(`    changed since the last build: ${changed}`);
      for (const warning of brief.warnings) lines.push(`    warning: ${warning}`);
      return lines.join("\n");
    }
    case "invalid":
    case "unbalanced":
      return `✗ ${id} not built: ${brief.refusal ?? brief.status} (see below)`;
    case "failed":
      return `✗ ${id} failed: ${brief.error?.message ?? "unknown error"}`;
  }
}
