import { readFileSync, unlinkSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { ManifestEntrySchema, type Manifest, type ManifestEntry } from "./manifest.js";

/**
 * The manifest's journal: one JSON line per brief as it finishes, appended
 * while the build runs and folded into manifest.json when it ends (or, after
 * a build was killed, when the next one starts). A line is appended only once
 * the brief's files are in place, so after a kill at any moment every entry,
 * in manifest.json or the journal, matches the files on disk.
 */
const journalFileName = "manifest.journal";

export function journalPath(outDir: string): string {
  return join(outDir, journalFileName);
}

/** The entries a journal holds, in order; a last line cut short by a kill is left out. */
export async function readJournal(path: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  const entries: ManifestEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = ManifestEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // cut short by a kill mid-write: the brief it described is not in the manifest
    }
  }
  return entries;
}

/** A manifest with journal entries applied in order: each replaces the entry of its brief. */
export function foldJournal(manifest: Manifest | undefined, entries: readonly ManifestEntry[], generator: string): Manifest {
  const byId = new Map((manifest?.briefs ?? []).map((entry) => [entry.id, entry]));
  for (const entry of entries) byId.set(entry.id, entry);
  return { ...(manifest ?? { generator }), briefs: [...byId.values()] };
}

export async function removeJournal(path: string): Promise<void> {
  try {
    unlinkSync(path);
  } catch {
    // not there
  }
}

/** A journal open for appending: each entry is written with one write() of one line. */
export class JournalWriter {
  readonly #handle: FileHandle;
  #queue: Promise<void> = Promise.resolve();

  private constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  static async open(path: string): Promise<JournalWriter> {
    return new JournalWriter(await open(path, "a"));
  }

  append(entry: ManifestEntry): Promise<void> {
    const line = Buffer.from(JSON.stringify(entry) + "\n");
    this.#queue = this.#queue.then(() => this.#handle.write(line).then(() => undefined));
    return this.#queue;
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.#handle.close().catch(() => undefined);
  }
}
