import { errorCount } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { displayPath } from "../load/project.js";
import { parseYamlFile } from "../load/yaml-file.js";
import { Coalescer } from "./coalesce.js";
import { previewOutputs } from "./outputs.js";
import { attemptRendering, namedCorpus, readBriefText, renderKey, type GoodRendering, type PreviewAttempt, type RenderContext } from "./render.js";
import { briefVersion } from "./write-brief.js";
import { balanceView, composerView, failureView, problemViews, type BriefView } from "./view.js";

/** The last good rendering, and the revision the page knows it by. */
interface Good {
  readonly rendering: GoodRendering;
  readonly revision: number;
  readonly timings: PreviewAttempt["timings"];
}

type ParsedBrief = ReturnType<typeof parseYamlFile>;

/** Told after every rendering of a brief, good or not: how the terminal reports it. */
export type AttemptListener = (session: BriefSession, attempt: PreviewAttempt) => void;

/**
 * One brief being previewed: its last good rendering (kept while the brief
 * has problems, so the page still shows the pages behind them), its current
 * problems, and the pages that watch it. Renderings run one at a time;
 * requests that arrive during one are merged into a single next rendering.
 */
export class BriefSession {
  readonly name: string;
  readonly path: string;
  readonly #context: RenderContext;
  readonly #onAttempt: AttemptListener | undefined;
  readonly #listeners = new Set<(view: BriefView) => void>();
  #revision = 0;
  #good: Good | undefined;
  #view: BriefView;
  #corpusId: string | undefined;
  #lastKey: string | undefined;
  readonly #renderings = new Coalescer(() => this.#renderOnce());

  constructor(name: string, path: string, context: RenderContext, onAttempt?: AttemptListener) {
    this.name = name;
    this.path = path;
    this.#context = context;
    this.#onAttempt = onAttempt;
    this.#view = {
      name,
      file: displayPath(path, context.cwd),
      revision: 0,
      status: "starting",
      pdfRevision: undefined,
      title: undefined,
      paper: undefined,
      pages: undefined,
      publishedAt: undefined,
      timings: undefined,
      problems: [],
      warnings: [],
      balance: undefined,
      composer: composerView(undefined, undefined, "the brief is being read"),
      outputs: [],
    };
  }

  get view(): BriefView {
    return this.#view;
  }

  /** The corpus the brief named when last read: a change to that corpus concerns this brief. */
  get corpusId(): string | undefined {
    return this.#corpusId;
  }

  get good(): GoodRendering | undefined {
    return this.#good?.rendering;
  }

  /** The pages watching this brief: told of every new view. Returns the way to stop. */
  subscribe(listener: (view: BriefView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get watched(): boolean {
    return this.#listeners.size > 0;
  }

  /**
   * Render again if anything it depends on changed; resolves once a
   * rendering that started after this call has finished. Never rejects.
   */
  refresh(): Promise<void> {
    return this.#renderings.request();
  }

  async #renderOnce(): Promise<void> {
    try {
      await this.#render();
    } catch (error) {
      // A bug, not the brief's fault: shown on the page rather than taking the server down.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.#lastKey = undefined;
      this.#publish(emptyAttempt({ failures: [`internal error (a bug in Briefsmith; please report it): ${message}`], corpusId: this.#corpusId }));
    }
  }

  async #render(): Promise<void> {
    const shown = displayPath(this.path, this.#context.cwd);
    let text: string;
    try {
      text = await readBriefText(this.path, this.#context);
    } catch (error) {
      if (!(error instanceof BriefsmithError)) throw error;
      this.#lastKey = undefined;
      const diagnostic = { severity: "error", code: error.code, message: error.message, file: shown, hint: error.hint } as const;
      this.#publish(emptyAttempt({ diagnostics: [diagnostic], corpusId: this.#corpusId }));
      return;
    }
    // Parsed once: for the key, the rendering and the composer.
    const parsed = parseYamlFile(shown, text);
    const key = renderKey(text, namedCorpus(parsed.file.data), this.#context);
    if (key === this.#lastKey) return;
    const attempt = await attemptRendering(this.path, text, parsed.file.data, this.#context);
    // A failure that is not the files' (the browser crashed) is tried again on the next change, even an identical one.
    this.#lastKey = attempt.failures.length === 0 ? key : undefined;
    this.#publish(attempt, parsed);
  }

  /** `parsed` is the brief's text as parsed, when it could be read. */
  #publish(attempt: PreviewAttempt, parsed?: ParsedBrief): void {
    this.#revision++;
    this.#corpusId = attempt.corpusId ?? this.#corpusId;
    if (attempt.rendering !== undefined) this.#good = { rendering: attempt.rendering, revision: this.#revision, timings: attempt.timings };
    this.#view = this.#makeView(attempt, parsed);
    this.#onAttempt?.(this, attempt);
    for (const listener of this.#listeners) listener(this.#view);
  }

  #makeView(attempt: PreviewAttempt, parsed: ParsedBrief | undefined): BriefView {
    const good = this.#good;
    const failed = attempt.rendering === undefined;
    const all = problemViews(attempt.diagnostics, attempt.fileTexts);
    const errors = [...all.filter((p) => p.severity === "error"), ...attempt.failures.map(failureView)];
    const warnings = [
      ...all.filter((p) => p.severity === "warning"),
      ...attempt.printWarnings.map((message) => ({ ...failureView(message), severity: "warning" as const, text: `warning: ${message}` })),
    ];
    const unavailable =
      parsed === undefined
        ? "the brief file cannot be read"
        : errorCount(parsed.diagnostics) > 0
          ? "the brief has YAML errors; fix them first (they are listed over the pages)"
          : undefined;
    const briefTitle = (attempt.briefData as { title?: unknown } | undefined)?.title;
    return {
      name: this.name,
      file: this.#view.file,
      revision: this.#revision,
      status: failed || errors.length > 0 ? "problems" : "ok",
      pdfRevision: good?.revision,
      title: good?.rendering.model.title ?? (typeof briefTitle === "string" ? briefTitle : undefined),
      paper: good?.rendering.model.paper,
      pages: good?.rendering.pages,
      publishedAt: Date.now(),
      timings: good?.timings,
      problems: errors,
      warnings,
      balance: good === undefined ? undefined : balanceView(good.rendering.balance, good.rendering.model),
      composer: {
        ...composerView(attempt.briefData, attempt.extract, unavailable, attempt.templates),
        version: attempt.briefText === undefined ? undefined : briefVersion(attempt.briefText),
      },
      outputs: good === undefined ? [] : previewOutputs.map(({ format, label }) => ({ format, label })),
    };
  }
}

/** An attempt that got nowhere near rendering: the brief could not be read, or something broke. */
function emptyAttempt(fields: Partial<PreviewAttempt>): PreviewAttempt {
  return {
    rendering: undefined,
    diagnostics: [],
    failures: [],
    printWarnings: [],
    fileTexts: new Map(),
    briefData: undefined,
    briefText: undefined,
    corpusId: undefined,
    extract: undefined,
    timings: { renderMs: 0, printMs: 0 },
    ...fields,
  };
}
