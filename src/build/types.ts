import type { BalanceReport } from "../balance/measure.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BriefsmithError } from "../errors/briefsmith-error.js";
import type { BriefInputs } from "../incremental/cache-key.js";
import type { BriefModel } from "../model.js";
import type { ManifestEntry, Shard } from "../output/manifest.js";
import type { DocumentPrinter, Env } from "../print/printer.js";
import type { CheckedBrief } from "../validate/brief.js";

/** The types the build's modules share: what goes into a build, what comes out, and a job between. */

export type { Env } from "../print/printer.js";

export type { Shard } from "../output/manifest.js";

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
  /** A printer to print with, left open after the build; by default the build starts one when it must print, and closes it. */
  readonly printer?: DocumentPrinter;
  /** The Chrome or Chromium the build's own printer uses. */
  readonly browser?: string | undefined;
  /** The templates folder (default: Briefsmith's own). */
  readonly templatesDir?: string;
  /** Where the fonts are, for the cache key (default: the system's font folders). */
  readonly fontFolders?: readonly string[];
  /** Per brief, for printing (default 60 s). */
  readonly timeoutMs?: number;
  /** Rebuild even briefs whose inputs have not changed. */
  readonly force?: boolean;
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
}

export type BriefStatus = "built" | "unchanged" | "invalid" | "unbalanced" | "failed";

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
  readonly pages?: number;
  readonly bytes?: number;
  readonly durationMs?: number;
  /** Problems other than balance (blocked requests, overflowing pages); balance problems are in `balance`. */
  readonly warnings: readonly string[];
  /** The problems that refused the brief (balance, or the broken claims and facts it shows), located in the brief and its extract. */
  readonly diagnostics?: readonly Diagnostic[];
  /** Why the brief was not built, in one line (gate.ts), when it was refused. */
  readonly refusal?: string;
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
}

/** A brief to print. Selection and balance happen in the job, so printing starts as soon as the first brief is planned. */
export interface Job {
  readonly checked: CheckedBrief;
  readonly inputs: BriefInputs;
}
