import { isDeepStrictEqual } from "node:util";
import { sha256 } from "../text/sha256.js";
import { readTextFile } from "./read-file.js";
import { dataExceedsYamlLimits } from "./yaml-guards.js";

/** The file a build keeps its parsed YAML in, in the output folder beside the manifest. */
export const parsedYamlCacheFileName = ".briefsmith-parsed.json";

/** A cache file larger than this is not read (the files it stands for are parsed instead). */
const maxCacheBytes = 64 * 1024 * 1024;
/** Files kept: those the last build used, then those it did not, newest first, up to this many. */
const maxEntries = 4096;

interface CacheFile {
  readonly format: 1;
  /** Briefsmith's code and dependencies, as the cache keys have them: another version parses afresh. */
  readonly code: string;
  /** [sha256 of a file's text, the plain data it holds] */
  readonly files: readonly (readonly [string, unknown])[];
}

/**
 * YAML files an earlier build parsed without a problem, by the sha256 of their
 * text, with the plain data each holds. Parsing (with positions and resource
 * guards) is most of what a build does before its first print; with this,
 * a forced build, a template or browser change, or one edited file of a
 * corpus parses only the files whose text changed. What comes back goes
 * through the same schemas and checks as freshly parsed data; a file whose
 * data would not come back exactly as parsed (an infinite number, a key
 * named __proto__) is not kept. The cache sits in the output folder beside
 * the manifest and is trusted as far as the manifest is; still, it is read
 * as every input is (a regular file, within a size limit), and an entry
 * past the YAML limits (nesting, string length, size) is dropped, so a
 * damaged cache costs a parse, never a hang or a crash.
 */
export class ParsedYamlCache {
  readonly #code: string;
  /** What the file held when read, by text hash. */
  readonly #stored: Map<string, unknown>;
  /** The files of this build, in the order it used them. */
  readonly #used = new Map<string, unknown>();
  #added = false;

  private constructor(code: string, stored: Map<string, unknown>) {
    this.#code = code;
    this.#stored = stored;
  }

  /** An empty cache for this code. */
  static empty(code: string): ParsedYamlCache {
    return new ParsedYamlCache(code, new Map());
  }

  /**
   * The cache at `path`, or an empty one when it is missing, not a regular file (a pipe would block),
   * too large, damaged, or from other code: never throws.
   */
  static async read(path: string, code: string): Promise<ParsedYamlCache> {
    try {
      const file = JSON.parse(await readTextFile(path, maxCacheBytes)) as Partial<CacheFile> | null;
      if (file?.format !== 1 || file.code !== code || !Array.isArray(file.files)) return ParsedYamlCache.empty(code);
      const stored = new Map<string, unknown>();
      for (const entry of file.files as unknown[]) {
        if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && !dataExceedsYamlLimits(entry[1])) stored.set(entry[0], entry[1]);
      }
      return new ParsedYamlCache(code, stored);
    } catch {
      return ParsedYamlCache.empty(code);
    }
  }

  /** The data of a file with this text, if an earlier build parsed it without a problem. */
  data(text: string): unknown {
    const hash = sha256(text);
    // Never undefined once kept: JSON holds no undefined.
    const data = this.#used.has(hash) ? this.#used.get(hash) : this.#stored.get(hash);
    if (data === undefined) return undefined;
    this.#used.set(hash, data);
    // A copy each time, as parsing gives: what the cache holds stays as parsed, whatever the caller does with it.
    return structuredClone(data);
  }

  /** Keep the data of a file parsed without a problem, when it comes back from JSON exactly as it is. */
  remember(text: string, data: unknown): void {
    const hash = sha256(text);
    if (this.#used.has(hash)) return;
    const json = JSON.stringify(data);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) return;
    // A copy: the caller's data is theirs to use, and the cache must hold what was parsed.
    this.#used.set(hash, JSON.parse(json));
    this.#added = true;
  }

  /** Whether this build parsed a file the cache did not hold: then it is worth writing. */
  get changed(): boolean {
    return this.#added;
  }

  /** The cache file's text: this build's files first, then the others it held, up to the limits. */
  serialize(): string {
    // Each entry is written out once, and its length is what counts against the limit.
    const files: string[] = [];
    let bytes = 0;
    const add = (hash: string, data: unknown): boolean => {
      const entry = JSON.stringify([hash, data]);
      if (files.length >= maxEntries || bytes + entry.length > maxCacheBytes / 2) return false;
      files.push(entry);
      bytes += entry.length;
      return true;
    };
    for (const [hash, data] of this.#used) if (!add(hash, data)) break;
    for (const [hash, data] of this.#stored) if (!this.#used.has(hash) && !add(hash, data)) break;
    // A CacheFile, with its entries as written above.
    return `{"format":1,"code":${JSON.stringify(this.#code)},"files":[${files.join(",")}]}`;
  }
}
