import { join } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { builtInTemplatesDir, lexiconPath } from "../load/package-files.js";
import { briefFileBaseName, displayPath, projectTemplatesDir } from "../load/project.js";
import { parseYamlFile } from "../load/yaml-file.js";
import { createPrinter, type DocumentPrinter, type Env } from "../print/printer.js";
import { findProjectBriefs, indexEntries, type IndexView } from "./briefs.js";
import { Coalescer } from "./coalesce.js";
import { composeBrief, type BriefEdit } from "./composer.js";
import { PreviewInputs } from "./inputs.js";
import { namedCorpus, readBriefText, type RenderContext } from "./render.js";
import { createToken } from "./security.js";
import { startPreviewServer, type ComposeOutcome, type PreviewApp, type PreviewServer } from "./server.js";
import { BriefSession, type AttemptListener } from "./session.js";
import { ProjectWatcher, type ChangeBatch } from "./watcher.js";
import { briefVersion, changedOnDisk, writeBriefFile } from "./write-brief.js";

export interface PreviewOptions {
  /** The project folder, holding briefs/ and sources/. */
  readonly root: string;
  readonly cwd: string;
  /** A brief file to open the page on (absolute path); without it, the page is the index of the project's briefs. */
  readonly brief?: string | undefined;
  /** The port on 127.0.0.1 (default 0: a free port). */
  readonly port?: number | undefined;
  /** The date printed when a brief sets none (YYYY-MM-DD), asked for at each rendering. */
  readonly date: () => string;
  /**
   * A printer to use (and leave open); else one is started, with one tab, and closed with the
   * preview. That one leaves signals alone: whoever starts the preview closes it on Ctrl+C.
   */
  readonly printer?: DocumentPrinter | undefined;
  readonly browser?: string | undefined;
  readonly env?: Env | undefined;
  /** Told after each rendering of a brief (the terminal prints from it). */
  readonly onAttempt?: AttemptListener | undefined;
  /** Briefsmith's own templates, watched like the rest, with the project's templates/ over them (default: the package's). */
  readonly templatesDir?: string | undefined;
  /** Quiet time that ends a batch of file changes (default 5 ms). */
  readonly settleMs?: number | undefined;
}

export interface Preview {
  /** The address to open: 127.0.0.1, the port, the token, and the brief. */
  readonly url: string;
  readonly port: number;
  /** Stop serving, stop watching, and close the printer if the preview started it. */
  close(): Promise<void>;
}

/**
 * Start previewing a project: a server on 127.0.0.1, a watcher on the
 * project's briefs, corpora, the templates and the word lists, and one warm
 * browser that prints each brief as it changes. Briefs are rendered when a
 * page watches them (and the brief named at start at once), each with the
 * same checks as `brief build`.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { root, cwd } = options;
  const named = options.brief === undefined ? [] : [options.brief];
  let table = await findProjectBriefs(root, cwd, named);
  // Its name in the table: a brief named at start wins its name over one in briefs/.
  const briefName = options.brief === undefined ? undefined : briefFileBaseName(options.brief);
  // Found now (no browser is a user error at once), started at the first print: a port in use fails before any browser starts.
  const printer = options.printer ?? (await createPrinter({ jobs: 1, browser: options.browser, env: options.env, warm: false, handleSignals: false }));
  const ownsPrinter = options.printer === undefined;
  const templatesDir = options.templatesDir ?? builtInTemplatesDir;
  const inputs = new PreviewInputs({ root, cwd, templatesDir });
  const context: RenderContext = { root, cwd, inputs, printer, date: options.date };
  const sessions = new Map<string, BriefSession>();

  const sessionOf = (name: string): BriefSession | undefined => {
    const path = table.get(name);
    if (path === undefined) return undefined;
    let session = sessions.get(name);
    if (session === undefined || session.path !== path) {
      session = new BriefSession(name, path, context, options.onAttempt);
      sessions.set(name, session);
    }
    return session;
  };

  // The index: checked without a browser, again after each change while a page shows it.
  let index: IndexView = { revision: 0, briefs: [] };
  const indexListeners = new Set<(view: IndexView) => void>();
  const indexRuns = new Coalescer(async () => {
    try {
      index = { revision: index.revision + 1, briefs: await indexEntries(table, { root, cwd, inputs, date: options.date() }) };
    } catch {
      // The index is a convenience: a failure (briefs/ removed, say) leaves the last one shown, and the next change tries again.
    }
    for (const listener of indexListeners) listener(index);
  });

  // Edits from the composer, one at a time, each on the file as it is on disk now.
  let composing: Promise<unknown> = Promise.resolve();
  const compose = (name: string, edit: BriefEdit, base?: string) => {
    const run = composing.then(() => composeFile(name, edit, base));
    composing = run.catch(() => undefined);
    return run;
  };
  const composeFile = async (name: string, edit: BriefEdit, base: string | undefined): Promise<ComposeOutcome> => {
    // The brief may have gone (deleted, renamed) while the edit waited its turn.
    const session = sessionOf(name);
    if (session === undefined) return { ok: false, reason: `there is no brief ${name} in this project now`, missing: true };
    let text: string;
    try {
      text = await readBriefText(session.path, context);
    } catch (error) {
      if (error instanceof BriefsmithError) return { ok: false, reason: error.message };
      throw error;
    }
    // The edit was made on the page's view of the brief: if the file holds another text now, it is not applied to that one.
    if (base !== undefined && briefVersion(text) !== base) {
      void session.refresh();
      return { ok: false, reason: changedOnDisk(displayPath(session.path, cwd)) };
    }
    const extract = (await inputs.knownCorpus(namedCorpus(parseYamlFile("brief", text).file.data)))?.corpus?.extract;
    const result = composeBrief(text, edit, extract);
    if (!result.ok) return result;
    if (result.changed) {
      const written = await writeBriefFile(session.path, result.text, { root, cwd, expected: text });
      // The watcher will see the write too; the rendering it asks for then finds nothing new.
      void session.refresh();
      if (!written.ok) return written;
    }
    return { ok: true, changed: result.changed };
  };

  const app: PreviewApp = {
    session: sessionOf,
    index: async () => {
      await indexRuns.request();
      return index;
    },
    subscribeIndex(listener) {
      indexListeners.add(listener);
      void indexRuns.request();
      return () => indexListeners.delete(listener);
    },
    compose,
  };

  const onBatch = async (batch: ChangeBatch) => {
    for (const id of batch.corpora) inputs.dropCorpus(id);
    if (batch.templates) inputs.dropTemplates();
    if (batch.lexicon) inputs.dropLexicon();
    if (batch.briefs.size > 0) table = await findProjectBriefs(root, cwd, named);
    for (const session of sessions.values()) {
      const concerned =
        batch.templates || batch.lexicon || batch.briefs.has(session.path) || (session.corpusId !== undefined && batch.corpora.has(session.corpusId));
      // Briefs no page watches are rendered when one opens them again.
      if (concerned && (session.watched || session.name === briefName)) void session.refresh();
    }
    if (indexListeners.size > 0) void indexRuns.request();
  };

  let watcher: ProjectWatcher | undefined;
  let server: PreviewServer | undefined;
  try {
    watcher = await ProjectWatcher.start(
      { briefsDir: join(root, "briefs"), briefFiles: named, sourcesDir: join(root, "sources"), templatesDir, projectTemplatesDir: projectTemplatesDir(root), lexiconPath },
      (batch) => void onBatch(batch).catch(() => undefined),
      { settleMs: options.settleMs },
    );
    server = await startPreviewServer(app, { port: options.port ?? 0, token: createToken(), brief: briefName });
  } catch (error) {
    await watcher?.close();
    if (ownsPrinter) await printer.close();
    throw error;
  }
  if (briefName !== undefined) void sessionOf(briefName)?.refresh();

  let closing: Promise<void> | undefined;
  const openServer = server;
  const openWatcher = watcher;
  return {
    url: server.url,
    port: server.port,
    close: () =>
      (closing ??= (async () => {
        await Promise.allSettled([openServer.close(), openWatcher.close()]);
        if (ownsPrinter) await printer.close();
      })()),
  };
}
