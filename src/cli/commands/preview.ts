import { stat } from "node:fs/promises";
import { BriefsmithError } from "../../errors/briefsmith-error.js";
import { displayPath, leadsOutside, realFolder } from "../../load/project.js";
import { canOpenBrowser, openBrowser } from "../../preview/open-browser.js";
import { startPreview } from "../../preview/preview.js";
import type { BriefSession } from "../../preview/session.js";
import type { PreviewAttempt } from "../../preview/render.js";
import { resolveBriefArguments } from "../brief-arguments.js";
import { defineCommand, projectOptions } from "../command.js";
import { stopSignals, UsageError, type CliIo, type StopSignal } from "../io.js";
import { buildDate, projectRoot } from "../options.js";
import { plural, printDiagnostics } from "../report.js";

export const previewCommand = defineCommand({
  name: "preview",
  positionals: "[BRIEF]",
  summary: "see a brief as it will print, updated as you save; problems shown where they are",
  description: `Serve a live preview of BRIEF (a brief file, or the name of one in briefs/) on
127.0.0.1: its pages exactly as they print, updated each time the brief, its
corpus, a source text or a template is saved, with its balance table and a
panel to choose themes, viewpoints, template, paper and marking (which edits
the brief file, keeping its comments). Problems are shown over the last good
pages and printed here. Without BRIEF, an index of the project's briefs.
The address, with its secret token, is the first line printed; it opens in
your browser unless --no-open. Stop with Ctrl+C.`,
  options: {
    port: { type: "string", value: "N", description: "the port on 127.0.0.1 (default: a free one)" },
    "no-open": { type: "boolean", description: "do not open a browser; open the printed address yourself" },
    browser: { type: "string", value: "PATH", description: "the Chrome or Chromium to print with (else PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, the system's)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    if (positionals.length > 1) throw new UsageError("brief preview shows one brief at a time; the index (no BRIEF) lists them all");
    // A command line that cannot be right is said first, before any folder is looked at.
    const port = parsePort(values.port);
    const root = projectRoot(io, values.root);
    // A server for a folder that is not there would serve nothing but errors: said now, before it starts.
    if (!(await stat(root).then((info) => info.isDirectory(), () => false))) {
      throw new BriefsmithError("PATH_NOT_FOUND", `there is no project folder ${displayPath(root, io.cwd) || "."}`, { hint: "give --root the folder that holds briefs/ and sources/" });
    }
    const brief = positionals[0] === undefined ? undefined : await findBrief(io, root, positionals[0]);
    buildDate(io); // a bad SOURCE_DATE_EPOCH is a usage error now, not at the first rendering
    // Once stopping, a rendering the stop cut short (its browser closed while starting) is not a problem to report.
    let stopping = false;
    const reporter = createReporter(io, () => stopping);
    let preview;
    try {
      preview = await startPreview({
        root,
        cwd: io.cwd,
        brief,
        port,
        date: () => buildDate(io),
        browser: values.browser,
        env: io.env,
        onAttempt: reporter,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
        throw new UsageError(`port ${port} is in use: choose another with --port, or leave --port out to use a free one`);
      }
      throw error;
    }
    // The address first, alone on its line: scripts and tests read it from there.
    io.stdout.write(`${preview.url}\n`);
    const tryOpen = !values["no-open"] && canOpenBrowser(io.env);
    const opened = tryOpen && (await openBrowser(preview.url));
    if (tryOpen && !opened) io.stderr.write("brief: could not open a browser\n");
    const what = brief === undefined ? "the index of this project's briefs" : "the brief";
    io.stdout.write(`${opened ? `Opened ${what} in your browser` : `Open the address above for ${what}`}; each save updates the page. Press Ctrl+C to stop.\n`);
    // Ctrl+C, a termination signal or the terminal closing stops it. The listener stays on while the preview
    // closes: a second Ctrl+C then is not the default's immediate exit, which could leave the browser behind.
    // Run in-process without signals (io.onSignal unset), it serves until the process ends.
    let stopListening: (() => void) | undefined;
    const stoppedBy = await new Promise<StopSignal>((resolve) => {
      stopListening = io.onSignal?.((signal) => {
        stopping = true;
        resolve(signal);
      });
    });
    try {
      await preview.close();
    } finally {
      stopListening?.();
    }
    // As brief build does, and as a shell reports a process the signal ended: 130, 143 or 129.
    return stopSignals[stoppedBy];
  },
});

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port takes a port number from 1 to 65535 (or 0 for a free one), not "${value}"`);
  return Number(value);
}

/** A brief file as given, or the id of one in briefs/, found as every command finds briefs (a near miss gets a suggestion). */
async function findBrief(io: CliIo, root: string, given: string): Promise<string> {
  const [path] = (await resolveBriefArguments([given], root, io.cwd)).paths;
  // A file outside the project (or a link to one) is never read by the preview: refused before any server starts.
  if (leadsOutside(path!, realFolder(root))) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${given} is not in the project folder ${displayPath(root, io.cwd) || "."}, so it is not shown`, {
      hint: "preview a brief of the project's briefs/ folder, or give --root the project that holds it",
    });
  }
  if ((await stat(path!)).isFile()) return path!;
  throw new BriefsmithError("FILE_IS_DIRECTORY", `${given} is a folder; brief preview shows one brief`, {
    hint: "name a brief file in it, or leave BRIEF out for the index of the project's briefs",
  });
}

/**
 * One line per rendering, and the problems as `brief validate` prints them,
 * each set once: a save that leaves the same problems does not print them again.
 */
function createReporter(io: CliIo, stopping: () => boolean): (session: BriefSession, attempt: PreviewAttempt) => void {
  const lastPrinted = new Map<string, string>();
  return (session, attempt) => {
    if (stopping()) return;
    const time = io.now().toTimeString().slice(0, 8);
    const view = session.view;
    const key = JSON.stringify([view.problems.map((p) => p.text), view.warnings.map((p) => p.text)]);
    if (lastPrinted.get(session.name) !== key) {
      lastPrinted.set(session.name, key);
      printDiagnostics(io, attempt.diagnostics, attempt.fileTexts);
      for (const failure of attempt.failures) io.stderr.write(`error: ${failure}\n\n`);
      for (const warning of attempt.printWarnings) io.stderr.write(`warning: ${warning}\n\n`);
    }
    const rendering = attempt.rendering;
    if (rendering !== undefined) {
      const ms = Math.round(attempt.timings.renderMs + attempt.timings.printMs);
      io.stdout.write(`${time} ${session.name}: ${plural(rendering.pages, "page")}, ${rendering.balance.verdict} (${ms} ms)\n`);
    } else {
      const count = view.problems.length;
      io.stdout.write(`${time} ${session.name}: ${plural(count, "problem")}${view.pdfRevision === undefined ? "" : "; the page keeps the last good version"}\n`);
    }
  };
}
