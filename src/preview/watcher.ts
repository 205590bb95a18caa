import { basename, extname, relative, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { isInside } from "../load/read-file.js";

/** Where a preview's inputs live. */
export interface WatchedLayout {
  /** The project's briefs folder. */
  readonly briefsDir: string;
  /** Brief files named on the command line, wherever they are. */
  readonly briefFiles: readonly string[];
  /** The project's sources/ folder: one folder per corpus. */
  readonly sourcesDir: string;
  /** Briefsmith's own templates. */
  readonly templatesDir: string;
  /** The project's templates/ folder, read over Briefsmith's (it need not exist yet). */
  readonly projectTemplatesDir?: string | undefined;
  readonly lexiconPath: string;
}

/** What a set of file changes concerns. */
export interface ChangeBatch {
  /** Brief files changed, added or removed (absolute paths). */
  readonly briefs: ReadonlySet<string>;
  /** Corpora with any file changed (their YAML, their texts, or the folder itself). */
  readonly corpora: ReadonlySet<string>;
  readonly templates: boolean;
  readonly lexicon: boolean;
}

export type Change =
  | { readonly kind: "brief"; readonly path: string }
  | { readonly kind: "corpus"; readonly id: string }
  | { readonly kind: "templates" }
  | { readonly kind: "lexicon" };

/**
 * Files no one previews: hidden files (an editor's swap file, Briefsmith's
 * own temporary files before their rename) and backups. Only the name is
 * looked at, so a project inside a hidden folder is still watched.
 */
export function isIgnoredName(path: string): boolean {
  const name = basename(path);
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|tmp|bak)$/i.test(name) || name === "4913";
}

/** What a changed path concerns, if anything. */
export function classifyChange(path: string, layout: WatchedLayout): Change | undefined {
  if (isIgnoredName(path)) return undefined;
  if (path === layout.lexiconPath) return { kind: "lexicon" };
  if (layout.briefFiles.includes(path)) return { kind: "brief", path };
  if (isInside(layout.templatesDir, path)) return { kind: "templates" };
  if (layout.projectTemplatesDir !== undefined && isInside(layout.projectTemplatesDir, path)) return { kind: "templates" };
  if (isInside(layout.sourcesDir, path)) {
    const id = relative(layout.sourcesDir, path).split(sep)[0];
    return id === undefined || id === "" ? undefined : { kind: "corpus", id };
  }
  if (isInside(layout.briefsDir, path) && [".yaml", ".yml"].includes(extname(path))) return { kind: "brief", path };
  return undefined;
}

/**
 * Watch a project's briefs, corpora (YAML and texts), the templates and the
 * word lists, and report changes in batches: the changes of one save (an
 * editor's write-then-rename, a tool touching several files) arrive
 * together, once each file has been still for a moment and then
 * `settleMs` passed with no other (at most `maxWaitMs` after the first).
 * chokidar watches each folder, so a file replaced by a rename is seen, and
 * every folder beneath the roots, however deep, including folders made after
 * the start (a new corpus, a briefs/ subfolder): no `depth` limit is set, and
 * a new folder is scanned as it appears (tests/unit/preview/watcher.test.ts).
 */
export class ProjectWatcher {
  readonly #watcher: FSWatcher;
  readonly #layout: WatchedLayout;
  readonly #onBatch: (batch: ChangeBatch) => void;
  readonly #settleMs: number;
  readonly #maxWaitMs: number;
  #pending: { briefs: Set<string>; corpora: Set<string>; templates: boolean; lexicon: boolean } | undefined;
  #firstAt = 0;
  #timer: NodeJS.Timeout | undefined;

  private constructor(layout: WatchedLayout, onBatch: (batch: ChangeBatch) => void, options: { settleMs: number; maxWaitMs: number }) {
    this.#layout = layout;
    this.#onBatch = onBatch;
    this.#settleMs = options.settleMs;
    this.#maxWaitMs = options.maxWaitMs;
    this.#watcher = watch([layout.briefsDir, ...layout.briefFiles, layout.sourcesDir, layout.templatesDir, ...(layout.projectTemplatesDir === undefined ? [] : [layout.projectTemplatesDir]), layout.lexiconPath], {
      ignoreInitial: true,
      ignored: (path) => isIgnoredName(path),
      // An editor that deletes and re-creates a file is reported as one change.
      atomic: true,
      // A file is reported once it has been still for a moment. This also keeps every save: without it
      // chokidar drops a second change to a file within 50 ms of the first, and a quick second save
      // (or an editor's write in two steps) would never be seen.
      awaitWriteFinish: { stabilityThreshold: 8, pollInterval: 4 },
    });
    this.#watcher.on("all", (_event, path) => this.#note(path));
  }

  /** Start watching; resolves once the folders have been scanned, so no change after it is missed. */
  static async start(
    layout: WatchedLayout,
    onBatch: (batch: ChangeBatch) => void,
    options: { settleMs?: number; maxWaitMs?: number } = {},
  ): Promise<ProjectWatcher> {
    const watcher = new ProjectWatcher(layout, onBatch, { settleMs: options.settleMs ?? 5, maxWaitMs: options.maxWaitMs ?? 150 });
    await new Promise<void>((resolve, reject) => {
      watcher.#watcher.once("ready", resolve);
      watcher.#watcher.once("error", reject);
    });
    return watcher;
  }

  #note(path: string): void {
    const change = classifyChange(path, this.#layout);
    if (change === undefined) return;
    if (this.#pending === undefined) {
      this.#pending = { briefs: new Set(), corpora: new Set(), templates: false, lexicon: false };
      this.#firstAt = performance.now();
    }
    if (change.kind === "brief") this.#pending.briefs.add(change.path);
    else if (change.kind === "corpus") this.#pending.corpora.add(change.id);
    else this.#pending[change.kind] = true;
    clearTimeout(this.#timer);
    const waited = performance.now() - this.#firstAt;
    this.#timer = setTimeout(() => this.#flush(), Math.max(0, Math.min(this.#settleMs, this.#maxWaitMs - waited)));
  }

  #flush(): void {
    const batch = this.#pending;
    this.#pending = undefined;
    if (batch !== undefined) this.#onBatch(batch);
  }

  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending = undefined;
    await this.#watcher.close();
  }
}
