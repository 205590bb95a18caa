import { parseLexicon, type Lexicon } from "../balance/lexicon.js";
import { readCorpus, type CorpusReading } from "../build/load-corpus.js";
import { corpusDir, listCorpora } from "../load/project.js";
import { builtInTemplatesDir, lexiconPath, readLexiconText } from "../load/package-files.js";
import { loadProjectTemplates, type TemplateSet } from "../load/templates.js";

/**
 * What every previewed brief is rendered from, read once and kept until a
 * file of it changes: each corpus (re-read as a whole when any file in its
 * folder changes), the templates and the balance word lists. Each has a
 * generation, bumped when it is dropped, so a session can tell whether its
 * last rendering is still current.
 */
export class PreviewInputs {
  readonly #root: string;
  readonly #cwd: string;
  readonly #templatesDir: string;
  readonly #corpora = new Map<string, Promise<CorpusReading>>();
  readonly #corpusGenerations = new Map<string, number>();
  #templates: Promise<TemplateSet> | undefined;
  #lexicon: Promise<Lexicon> | undefined;
  #sharedGeneration = 0;

  readonly #readCorpus: typeof readCorpus;

  constructor(options: { root: string; cwd: string; templatesDir?: string | undefined; readCorpus?: typeof readCorpus }) {
    this.#root = options.root;
    this.#cwd = options.cwd;
    this.#templatesDir = options.templatesDir ?? builtInTemplatesDir;
    this.#readCorpus = options.readCorpus ?? readCorpus;
  }

  /** A corpus as last read; read now if it changed since (or was never read). */
  corpus(id: string): Promise<CorpusReading> {
    let reading = this.#corpora.get(id);
    if (reading === undefined) {
      reading = this.#readCorpus(corpusDir(this.#root, id), { cwd: this.#cwd });
      this.#corpora.set(id, reading);
      // A failed read (the folder vanished mid-read) is not kept: the next render tries again.
      reading.catch(() => this.#corpora.get(id) === reading && this.#corpora.delete(id));
    }
    return reading;
  }

  /** The corpus a brief names, when it is a folder of the project's sources/; a name that is not is never read. */
  async knownCorpus(id: string | undefined): Promise<CorpusReading | undefined> {
    return id !== undefined && (await listCorpora(this.#root)).includes(id) ? this.corpus(id) : undefined;
  }

  /**
   * Call before reading a corpus elsewhere (a full check of a brief); then
   * give the reading to the function returned, which keeps it so the next
   * render need not read it again, unless a file of that corpus changed since
   * the call: a reading begun before a change never stands in for the files
   * as they are now.
   */
  corpusKeeper(): (reading: CorpusReading) => void {
    const generations = new Map(this.#corpusGenerations);
    return (reading) => {
      if ((generations.get(reading.id) ?? 0) === this.corpusGeneration(reading.id)) this.#corpora.set(reading.id, Promise.resolve(reading));
    };
  }

  corpusGeneration(id: string): number {
    return this.#corpusGenerations.get(id) ?? 0;
  }

  /** A file in the corpus's folder changed: read it afresh next time. */
  dropCorpus(id: string): void {
    this.#corpora.delete(id);
    this.#corpusGenerations.set(id, this.corpusGeneration(id) + 1);
  }

  templates(): Promise<TemplateSet> {
    if (this.#templates === undefined) {
      const loading = loadProjectTemplates(this.#root, this.#cwd, this.#templatesDir);
      this.#templates = loading;
      // A failed read (a built-in template missing) is not kept: the next render tries again.
      loading.catch(() => this.#templates === loading && (this.#templates = undefined));
    }
    return this.#templates;
  }

  lexicon(): Promise<Lexicon> {
    return (this.#lexicon ??= readLexiconText().then((text) => parseLexicon(text, lexiconPath)));
  }

  /** The templates and word lists every brief shares: a change to either concerns them all. */
  get sharedGeneration(): number {
    return this.#sharedGeneration;
  }

  dropTemplates(): void {
    this.#templates = undefined;
    this.#sharedGeneration++;
  }

  dropLexicon(): void {
    this.#lexicon = undefined;
    this.#sharedGeneration++;
  }
}
