import { readFileSync } from "node:fs";
import { z } from "zod";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { sha256 } from "../text/sha256.js";
import { readTextFile } from "../load/read-file.js";
import { outputFormats } from "../schema/formats.js";
import { writeFileAtomic } from "./write-atomic.js";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestOutputSchema = z.strictObject({
  /**
   * The file's name in the output folder, and never a path: a build removes the files of a withdrawn brief by what
   * its manifest lists, and a manifest restored from a cache could list "../../README.md".
   */
  path: z
    .string()
    .regex(/^[^/\\]+$/, "an output is named by its file name in the output folder, without a folder")
    .refine((name) => name !== "." && name !== "..", "an output is named by its file name in the output folder"),
  sha256: Sha256,
  bytes: z.number().int().min(0),
  /** The file's modification time when it was written: with the size, how a rebuild sees it is untouched. */
  mtime_ms: z.number().min(0),
  pages: z.number().int().min(0).optional(),
  /**
   * A Word file a staffer changed since Briefsmith wrote it (sha256 is what Briefsmith wrote): listed so that no
   * later build takes it for its own, never kept as current, never written over.
   */
  edited: z.literal(true).optional(),
});

/** A short content hash: enough to tell that a claim's or fact's text changed. */
const ContentHash = z.string().regex(/^[0-9a-f]{16,64}$/);

/** What a brief shows, by id, with a hash of each one's text: how the next build says what changed. */
export const ManifestContentSchema = z.strictObject({
  claims: z.record(z.string(), ContentHash),
  facts: z.record(z.string(), ContentHash),
  /** The rendered document, without the print setup: whether it reads or looks different when no claim or fact does. */
  html: ContentHash.optional(),
  /** Everything else the document is made of (its title, the views' labels, the template): whether it reads differently beside its claims and facts. */
  frame: ContentHash.optional(),
});

/**
 * Every status a brief can have in a manifest: those of a build's results, and
 * "interrupted" for a brief whose build was cut short (the process killed): its
 * output files may be from either build, so none is listed.
 */
const manifestStatuses = ["built", "rerendered", "unchanged", "invalid", "unbalanced", "failed", "interrupted"] as const;

/**
 * What a brief file says that its key depends on (its corpus, template and own
 * date) and the formats it asks for. Recorded with the sha256 of the file's
 * text (inputs.brief), it lets a build with nothing to do find the brief
 * unchanged without parsing it: the same text says the same.
 */
const BriefSettingsSchema = z.strictObject({ corpus: z.string(), template: z.string(), date: z.string().optional(), formats: z.array(z.enum(outputFormats)) });
export type BriefSettings = z.infer<typeof BriefSettingsSchema>;

/** The warnings of what selection left out for a brief's date: kept in its entry, said again while it is unchanged. */
export const selectionNoticeCodes = ["SELECT_FACT_AFTER_BRIEF_DATE", "SELECT_SOURCE_AFTER_BRIEF_DATE"] as const;

const entryFields = {
  id: z.string(),
  file: z.string(),
  status: z.enum(manifestStatuses),
  key: Sha256.optional(),
  inputs: z.record(z.string(), Sha256).optional(),
  settings: BriefSettingsSchema.optional(),
  /** The hash of what was printed: the rendered HTML, the print settings, the browser and fonts. The same document is not printed twice. */
  document: Sha256.optional(),
  content: ManifestContentSchema.optional(),
  outputs: z.array(ManifestOutputSchema).default([]),
  balance: z
    .strictObject({ policy: z.enum(["strict", "warn", "off"]), verdict: z.enum(["balanced", "unbalanced", "not checked"]), problems: z.number().int() })
    .optional(),
  duration_ms: z.number().min(0).optional(),
  /** Errors in the brief's corpus when it was built (claims it does not show, coverage): reported by every build until fixed. */
  corpus_errors: z.number().int().min(1).optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  /**
   * What selection noticed of dates (a fact left out for being dated after the brief, a source cited though dated
   * after it), where it points (the file relative to the project folder, the span in it): while the brief is
   * unchanged its files are not built again, and every build still says it.
   */
  notices: z
    .array(
      z.strictObject({
        code: z.enum(selectionNoticeCodes),
        message: z.string(),
        hint: z.string().optional(),
        file: z.string(),
        span: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
      }),
    )
    .optional(),
  /** What the printer said of the PDF listed (pages shrunk to fit, requests blocked): said again by every build that keeps it. */
  pdf_warnings: z.array(z.string()).optional(),
};

/** An entry as a finished build leaves it. */
const FinishedEntrySchema = z.strictObject(entryFields);

export const ManifestEntrySchema = z.strictObject({
  ...entryFields,
  /**
   * A brief a build was about to rebuild (status "interrupted", no outputs listed): its entry as the last finished
   * build left it. Should that build be killed before it replaced the brief's files, the next build finds them
   * exactly as listed here (by their sha256) and takes the entry back, rather than build the brief again.
   */
  last_built: FinishedEntrySchema.optional(),
});

const ShardSchema = z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) });

/** output/manifest.json: what a build produced, for publishing and for the next incremental build. */
export const ManifestSchema = z.strictObject({
  generator: z.string(),
  shard: ShardSchema.optional(),
  /**
   * The hash of the template set and the code (incremental/cache-key.ts hashTemplateSet) when the build
   * found no error in any template: until it changes, the next build need not check the templates again.
   * Absent when a template had errors, so that every build reports them until they are fixed.
   */
  templates: Sha256.optional(),
  briefs: z.array(ManifestEntrySchema),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type ManifestContent = z.infer<typeof ManifestContentSchema>;
export type ManifestNotice = NonNullable<ManifestEntry["notices"]>[number];
/** One stable part of the briefs, 1-based: `--shard 2/4`. */
export type Shard = z.infer<typeof ShardSchema>;

export const manifestFileName = "manifest.json";

/** A manifest given to brief manifest merge: a few hundred bytes a brief, so room for a hundred thousand briefs. */
const maxManifestBytes = 64 * 1024 * 1024;

const indexes = new WeakMap<Manifest, ReadonlyMap<string, ManifestEntry>>();

/** A manifest's entry for a brief id (indexed once per manifest, so a thousand briefs cost a thousand look-ups). */
export function entryById(manifest: Manifest, id: string): ManifestEntry | undefined {
  let index = indexes.get(manifest);
  if (index === undefined) indexes.set(manifest, (index = new Map(manifest.briefs.map((entry) => [entry.id, entry]))));
  return index.get(id);
}

/**
 * The last build's manifest: undefined when there is none, and `unreadable` saying why when there is one that is
 * not a manifest this build can use (cut short, edited into invalid JSON, another version's), so the build that
 * then rebuilds everything can say so.
 */
export async function readManifestIfValid(path: string): Promise<{ manifest: Manifest | undefined; unreadable?: string }> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { manifest: undefined } : { manifest: undefined, unreadable: `it cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { manifest: parsed.data } : { manifest: undefined, unreadable: `it is not a manifest of this version of Briefsmith (${parsed.error.issues[0]?.message})` };
  } catch (error) {
    return { manifest: undefined, unreadable: `it is not valid JSON (${(error as Error).message})` };
  }
}

export async function readManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    // The guarded reader: a pipe or device named as a manifest is refused rather than waited on or read forever.
    text = await readTextFile(path, maxManifestBytes, path);
  } catch (error) {
    if (error instanceof BriefsmithError && error.code !== "FILE_NOT_FOUND") throw error;
    throw new BriefsmithError("MANIFEST_NOT_FOUND", `cannot read ${path}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BriefsmithError("MANIFEST_INVALID", `${path} is not JSON${jsonErrorPlace(text, (error as Error).message)}`, {
      hint: "give the manifest.json a build wrote (output/manifest.json, or --out DIR/manifest.json)",
    });
  }
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BriefsmithError("MANIFEST_INVALID", `${path} is not a Briefsmith manifest: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * What JSON.parse says is wrong, and where, without its quotation of the text: V8 quotes the file's first
 * bytes ("Unexpected token 'h', "https://ci"... is not valid JSON"), and the file may be a link to a secret.
 */
function jsonErrorPlace(text: string, message: string): string {
  // The message up to its quotation of the text or its position, with any quoted character left out.
  const what = message.split(/ in JSON| at position|, "|\s*\(/)[0]!.replace(/\s*'([^']*)'/g, (quoted, inner: string) => (/^[,:[\]{}]$/.test(inner) ? quoted : "")).trim();
  const position = /at position (\d+)/.exec(message)?.[1];
  let where = "";
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    const line = before.split("\n").length;
    where = ` at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
  }
  return what === "" || what.includes('"') ? where : `: ${what}${where}`;
}

/** Entries sorted by id, and the JSON written with a trailing newline: a stable file for diffs and caches. */
export function serializeManifest(manifest: Manifest): string {
  const briefs = [...manifest.briefs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({ ...manifest, briefs }, null, 2) + "\n";
}

export function writeManifest(path: string, manifest: Manifest): Promise<void> {
  return writeFileAtomic(path, serializeManifest(manifest));
}

/**
 * Combine the manifests of several shards into one. A brief may appear in one
 * shard only; the same id twice means the shards overlap, which is an error.
 */
export function mergeManifests(manifests: readonly { path: string; manifest: Manifest }[]): Manifest {
  const byId = new Map<string, { entry: ManifestEntry; path: string }>();
  for (const { path, manifest } of manifests) {
    for (const entry of manifest.briefs) {
      const other = byId.get(entry.id);
      if (other !== undefined) {
        throw new BriefsmithError("MANIFEST_OVERLAP", `brief "${entry.id}" is in both ${other.path} and ${path}`, {
          hint: "each shard must build a different set of briefs: use --shard I/N with the same N everywhere",
        });
      }
      byId.set(entry.id, { entry, path });
    }
  }
  const generator = manifests[0]?.manifest.generator ?? "briefsmith";
  // The shards checked the same templates when they all say so; otherwise the next build checks them again.
  const templates = new Set(manifests.map((m) => m.manifest.templates));
  const [shared] = templates;
  return { generator, ...(templates.size === 1 && shared !== undefined ? { templates: shared } : {}), briefs: [...byId.values()].map((v) => v.entry) };
}

/** A stable shard for an id: the same brief lands in the same shard however many others are added. */
function shardOf(id: string, count: number): number {
  return (parseInt(sha256(id).slice(0, 8), 16) % count) + 1;
}

/** Is a brief in the shard being built (every brief is, without sharding)? */
export function inShard(id: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(id, shard.count) === shard.index;
}
