import type { BalanceReport } from "../balance/measure.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BriefsmithError } from "../errors/briefsmith-error.js";
import type { BriefInputs } from "../incremental/cache-key.js";
import type { BriefModel } from "../model.js";
import type { LockHolder } from "../output/lock.js";
import type { ManifestEntry, Shard } from "../output/manifest.js";
import type { DocumentPrinter, Env } from "../print/printer.js";
import type { OutputFormat } from "../schema/brief.js";
import type { CheckedBrief } from "../validate/brief.js";
import type { BriefChanges } from "./content.js";

/** The types the build's modules share: what goes into a build, what comes out, and a job between. */

export type { Env } from "../print/printer.js";

export type { Shard } from "../output/manifest.js";
export type { BriefChanges, ContentChanges } from "./content.js";
export type { LockHolder } from "../output/lock.js";

export interface BuildOptions {
  /** Brief files or folders (default: the project's briefs/). */
  readonly paths?: readonly string[];
  /** The project folder, which holds sources/ and briefs/ (default: cwd). */
  readonly root?: string;
  /** The folder relative paths start from, and paths are shown from (default: the process's). */
  readonly cwd?: string;
  /** Where the PDFs, HTML and manifest go (default: the project's output/). */
  readonly outDir?: string;
  /** The date printed on briefs that set none, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's, else today's). */
  readonly date?: string;
  /** For the browser search, BRIEFSMITH_NO_SANDBOX and the font folders (default: the process's). */
  readonly env?: Env;
  /**
   * A printer to print with, left open after the build; by default the build starts one when it must print, and closes it.
   * It may be a printer still starting (a promise): the CLI starts the browser before loading the rest of the build.
   */
  readonly printer?: DocumentPrinter | Promise<DocumentPrinter>;
  /** The Chrome or Chromium the build's own printer uses. */
  readonly browser?: string | undefined;
  /** Briefsmith's own templates folder (default: the package's); the project's templates/ folder is read over it. */
  readonly templatesDir?: string;
  /** Where the fonts are, for the cache key (default: the system's font folders). */
  readonly fontFolders?: readonly string[];
  /** Per brief, for printing (default 60 s). */
  readonly timeoutMs?: number;
  /** Rebuild even briefs whose inputs have not changed. */
  readonly force?: boolean;
  /** The files to build for every brief, whatever each brief's formats: say (`--format`). */
  readonly formats?: readonly OutputFormat[];
  /** Stop starting briefs after the first failure. */
  readonly failFast?: boolean;
  /** Build only this shard of the briefs. */
  readonly shard?: Shard | undefined;
  /** Briefs printing at once (default: one per core, at most 4). */
  readonly jobs?: number;
  /** Start a fresh browser after this many documents (default 200). */
  readonly restartAfter?: number;
  /** Called once the briefs to build are known. */
  readonly onStart?: (plan: { total: number; toPrint: number }) => void;
  /** Called as each brief finishes. */
  readonly onBrief?: (result: BriefResult) => void;
  /** Called with each browser's process id as it starts. */
  readonly onBrowserLaunch?: (pid: number | undefined) => void;
  /**
   * Stop the build: no brief is started after it fires, documents still printing get `graceMs` to
   * finish and are then abandoned, the manifest records what was done, and the browser is closed.
   * The result says `interrupted`. (The CLI fires it on SIGINT, SIGTERM and SIGHUP.)
   */
  readonly signal?: AbortSignal | undefined;
  /** How long documents already printing may take to finish once `signal` fires (default 2000 ms). */
  readonly graceMs?: number;
  /** When another build holds the output folder's lock: wait for it (true), or fail at once with OUTPUT_LOCKED (default). */
  readonly wait?: boolean;
  /** Called once if the build waits for the lock: who holds it (undefined: a lock file that names no one), and the lock file. */
  readonly onWaitForLock?: (holder: LockHolder | undefined, lockPath: string) => void;
}

/**
 * What became of a brief: "built" (printed), "rerendered" (its inputs changed but the document
 * it renders is the one already printed, so it was not printed again), "unchanged" (its inputs
 * are as the last build left them: not even rendered), or not built: "invalid", "unbalanced", "failed".
 */
export type BriefStatus = "built" | "rerendered" | "unchanged" | "invalid" | "unbalanced" | "failed";

/** Whether a brief with this status (or a manifest entry with it) has its files in place and current: built, re-rendered to the same files, or unchanged. */
export function hasCurrentOutputs(status: string): boolean {
  return status === "built" || status === "rerendered" || status === "unchanged";
}

export interface BalanceSummary {
  readonly policy: BalanceReport["policy"];
  readonly verdict: BalanceReport["verdict"];
  readonly problems: number;
}

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
  readonly docxPath?: string;
  /** The PDF was printed by this build (not kept from the last). */
  readonly printed?: boolean;
  readonly pages?: number;
  readonly bytes?: number;
  readonly durationMs?: number;
  /** Problems other than balance (blocked requests, overflowing pages); balance problems are in `balance`. */
  readonly warnings: readonly string[];
  /** The problems of a brief not built (its own, its corpus's, its balance problems, or the broken claims and facts it shows), located in the brief and its extract. */
  readonly diagnostics?: readonly Diagnostic[];
  /** Why the brief was not built, in one line (gate.ts), when it was refused. */
  readonly refusal?: string;
  /** For a brief rendered this time: the claims and facts added, removed or revised since the last build (undefined on its first). */
  readonly changes?: BriefChanges;
  /** Set when status is "failed". */
  readonly error?: BriefsmithError;
  /** The manifest entry written for this brief. */
  readonly entry?: ManifestEntry;
}

export interface BuildResult {
  readonly results: readonly BriefResult[];
  /** Every problem found in the briefs and corpora, and the balance problems of briefs refused. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of each file the diagnostics name, by the path they show. */
  readonly fileTexts: ReadonlyMap<string, string>;
  readonly manifestPath: string | undefined;
  /** Browsers started: 0 when nothing needed printing. */
  readonly browserLaunches: number;
  /** Set when `signal` stopped the build: its reason (the CLI passes the signal's name, "SIGTERM"). */
  readonly interrupted?: string;
  /** Briefs that were to be printed but were not started, because the build was stopped (or --fail-fast). */
  readonly notStarted: number;
  /** Those briefs, by id and file, in build order (`notStarted` is how many). */
  readonly notStartedBriefs: readonly { readonly id: string; readonly file: string }[];
  /** The manifest could not be written (a full disk, say): the briefs' files are in place, the manifest is the last one. */
  readonly manifestError?: BriefsmithError;
}

/** A brief to print. Selection and balance happen in the job, so printing starts as soon as the first brief is planned. */
export interface Job {
  readonly checked: CheckedBrief;
  readonly inputs: BriefInputs;
  /** The brief's entry in the last build's manifest: what it showed, and what was printed. */
  readonly previous: ManifestEntry | undefined;
  /** Keep the last PDF when the document comes out the same (false with --force). */
  readonly reuse: boolean;
  /** The files to build: the brief's formats, or the run's --format. */
  readonly formats: readonly OutputFormat[];
}
