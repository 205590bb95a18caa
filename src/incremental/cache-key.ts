import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";
import { stylesFor, type TemplateSet } from "../load/templates.js";
import type { LetterheadPart, WordLetterhead } from "../load/word-letterhead.js";
import type { BriefSettings } from "../output/manifest.js";
import { templateUses } from "../validate/template-uses.js";
import { sha256 } from "../text/sha256.js";

/** Everything that can change a brief's output, each hashed, and one key over them all. */
export interface BriefInputs {
  readonly key: string;
  readonly inputs: Readonly<Record<string, string>>;
  /** What the brief file says that the key depends on, as recorded in the manifest (build/unchanged.ts). */
  readonly settings?: BriefSettings;
}

/**
 * The hash of what one template renders with: its own file and layout, the
 * partials it can include (every include, and every choice of
 * sectionPartial, found by a scan of the templates' text that may name more
 * than they use, never less: validate/template-uses.ts), the style sheets
 * that apply to it, in order, and the assets it embeds. A change to the
 * handout's styles, or to a letter's logo, does not rebuild the memos.
 */
export function hashTemplate(set: TemplateSet, name: string): string {
  const entry = set.templates.get(name);
  if (entry === undefined) return sha256(`no template ${name}`);
  const uses = templateUses(set, name);
  const parts = [`template:${name}:${entry.layout ?? "?"}:${sha256(entry.source)}`];
  for (const partial of uses.partials) parts.push(`partial:${partial}:${sha256(set.partials.get(partial)?.source ?? "")}`);
  stylesFor(set, name).forEach((sheet, index) => parts.push(`style:${index}:${sha256(sheet)}`));
  for (const asset of uses.assets) parts.push(`asset:${asset}:${sha256(set.assets.get(asset)?.bytes ?? new Uint8Array())}`);
  const letterhead = set.letterheads.get(name);
  if (letterhead !== undefined) parts.push(`letterhead:${hashLetterhead(letterhead)}`);
  return sha256(parts.join("\n"));
}

/** Each letterhead's hash, worked out once: the set's hash and its template's key both take it. */
const letterheadHashes = new WeakMap<WordLetterhead, string>();

/** What of a Word letterhead goes into a document: its parts, their pictures and the styles they use. */
function hashLetterhead(letterhead: WordLetterhead): string {
  let hash = letterheadHashes.get(letterhead);
  if (hash === undefined) letterheadHashes.set(letterhead, (hash = hashLetterheadContent(letterhead)));
  return hash;
}

function hashLetterheadContent(letterhead: WordLetterhead): string {
  const part = (kind: string, content: LetterheadPart | undefined) =>
    content === undefined ? [] : [`${kind}:${sha256(content.xml)}`, ...[...content.images].map(([id, image]) => `${kind}:image:${id}:${image.extension}:${sha256(image.bytes)}`)];
  return sha256(
    [
      ...part("header", letterhead.header),
      ...part("footer", letterhead.footer),
      ...(letterhead.first === undefined ? [] : ["first", ...part("first-header", letterhead.first.header), ...part("first-footer", letterhead.first.footer)]),
      ...[...letterhead.styles].map(([id, xml]) => `style:${id}:${sha256(xml)}`),
    ].join("\n"),
  );
}

/**
 * The hash of a whole template set as read: every template, partial and style
 * sheet (Briefsmith's and the project's), every asset, and what reading the
 * project's folder found wrong, with Briefsmith's code (the checker's rules).
 * The manifest records it when the template checker found no error in the set;
 * the next build, which then runs no checker, trusts that check only while this
 * hash is the same.
 */
export function hashTemplateSet(set: TemplateSet, code: string): string {
  const parts = [...set.fileTexts].map(([path, text]) => `file:${path}:${sha256(text)}`).sort();
  parts.push(`code:${code}`);
  for (const asset of set.assets.values()) parts.push(`asset:${asset.shown}:${sha256(asset.bytes)}`);
  for (const [name, letterhead] of set.letterheads) parts.push(`letterhead:${name}:${hashLetterhead(letterhead)}`);
  for (const d of set.diagnostics) parts.push(`problem:${d.severity}:${d.code}:${d.file ?? ""}:${d.message}`);
  return sha256(parts.join("\n"));
}

/**
 * Every entry under a folder, by relative path: the whole corpus, extract and
 * texts. Regular files are hashed by content. A symbolic link is hashed by
 * where it finally leads (realpath, which opens nothing), never read through:
 * a link within the corpus leads to a file hashed in its own right, and the
 * build refuses one leading out of it (to /dev/zero, say, which would never
 * finish reading). Pipes and devices count by name only, since opening one
 * can block.
 */
export async function hashFolder(dir: string): Promise<string> {
  // Synchronous reads: a corpus is a few dozen small files, which one system call each reads faster than the thread pool.
  const realDir = realpathOrUndefined(dir) ?? dir;
  const lines: string[] = [];
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const name = relative(dir, path);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) lines.push(`${name}\0file\0${sha256(readOrEmpty(path))}`);
      else if (entry.isSymbolicLink()) {
        const target = realpathOrUndefined(path);
        lines.push(`${name}\0link\0${target === undefined ? "broken" : relative(realDir, target)}`);
      }
      else lines.push(`${name}\0other`);
    }
  };
  walk(dir);
  return sha256(lines.join("\n"));
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function readOrEmpty(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

/** What every brief of a build shares: hashed once, by the orchestrator. */
export interface CacheKeyContext {
  readonly templateSet: TemplateSet;
  readonly fonts: string;
  readonly lexiconHash: string;
  readonly code: string;
  /** The browser's fingerprint: asked for on the first key, once per build. */
  readonly browser: () => Promise<string>;
}

/**
 * The inputs of one brief: its own file; every file of the corpus it uses,
 * extract and source texts alike (a change anywhere in a corpus can change
 * selection or numbering); its template; the installed fonts; the balance word lists; Briefsmith's
 * own code and its dependencies' versions; the browser; and the date it prints. All are read as
 * bytes, so a key can be checked without parsing or validating anything.
 */
export class CacheKeys {
  /** Each corpus and template is hashed once per build, however many briefs use it. */
  readonly #corpora = new Map<string, Promise<string>>();
  readonly #templates = new Map<string, string>();
  /** The browser too: for a printer, its fingerprint is a stat of the executable. */
  #browser: Promise<string> | undefined;
  readonly #context: CacheKeyContext;

  constructor(context: CacheKeyContext) {
    this.#context = context;
  }

  /**
   * What turns a document into a PDF, apart from the document itself: the browser, the installed
   * fonts and Briefsmith's own code. With the HTML and the print settings, it names what is printed.
   */
  async printSetup(): Promise<string> {
    return sha256(JSON.stringify({ browser: await this.#browserFingerprint(), fonts: this.#context.fonts, code: this.#context.code }));
  }

  async inputsFor(brief: { text: string; corpusDir: string; template: string; date: string }): Promise<BriefInputs> {
    let corpus = this.#corpora.get(brief.corpusDir);
    if (corpus === undefined) {
      corpus = hashFolder(brief.corpusDir);
      this.#corpora.set(brief.corpusDir, corpus);
    }
    let template = this.#templates.get(brief.template);
    if (template === undefined) {
      template = hashTemplate(this.#context.templateSet, brief.template);
      this.#templates.set(brief.template, template);
    }
    const inputs: Record<string, string> = {
      brief: sha256(brief.text),
      corpus: await corpus,
      template,
      fonts: this.#context.fonts,
      lexicon: this.#context.lexiconHash,
      code: this.#context.code,
      browser: sha256(await this.#browserFingerprint()),
      options: sha256(JSON.stringify({ date: brief.date })),
    };
    const key = sha256(Object.entries(inputs).map(([name, hash]) => `${name}=${hash}`).join("\n"));
    return { key, inputs };
  }

  #browserFingerprint(): Promise<string> {
    return (this.#browser ??= this.#context.browser());
  }
}
