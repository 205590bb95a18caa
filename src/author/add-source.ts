import { lstatSync, realpathSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { todo } from "../check/check.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { ErrorCode } from "../errors/codes.js";
import { ingestDocument, type DocumentMetadata } from "../ingest/ingest-document.js";
import { displayPath, listYamlFiles, realFolder } from "../load/project.js";
import { fileLimits, formatBytes, isInside, readBinaryFile, readTextFile } from "../load/read-file.js";
import { PartialDate } from "../schema/extract.js";
import { idPattern } from "../schema/id-pattern.js";
import { readCorpus } from "../build/load-corpus.js";
import { checkQuote, splitParagraphs, type Paragraph } from "../text/paragraphs.js";
import { applyNumberEdits } from "./fix-locators.js";
import { writeProjectFiles } from "./write-files.js";

/** The largest document source add reads: a long report as PDF. */
const maxDocumentBytes = 64 * 1024 * 1024;

export interface AddSourceOptions {
  /** The document to bring in (.txt, .md, .html, .pdf, .docx). */
  readonly file: string;
  /** The corpus folder (sources/<corpus>). */
  readonly corpusDir: string;
  /** The source id. */
  readonly id: string;
  /** The project folder: a file named inside it that is a link leading out of it is not read. */
  readonly root: string;
  /** Replace an existing text of the same id. */
  readonly force?: boolean;
  /** Where paths are shown from. */
  readonly cwd: string;
}

export interface AddedSource {
  readonly id: string;
  readonly paragraphs: number;
  /** The text written, as shown. */
  readonly textFile: string;
  /** The extract file the stub went into, as shown; undefined when the source was there already (with --force). */
  readonly yamlFile: string | undefined;
  /** Fields left as TODO, to fill in by hand. */
  readonly todo: readonly string[];
  readonly metadata: DocumentMetadata;
  /** The document's format, as read. */
  readonly format: string;
  readonly warnings: readonly string[];
  /** With --force, the claims and facts of the source whose quote its new text does not hold where their locator says. */
  readonly quotesAstray: readonly QuoteAstray[];
  /** With --force, the context_only marks whose paragraph the new text has at several other places, or not at all. */
  readonly marksAstray: readonly MarkAstray[];
  /** With --force, the context_only marks moved to the one place the new text has their paragraph, in this file. */
  readonly marksMoved: readonly MarkMoved[];
}

/** A context_only mark moved with its paragraph, which a new edition of the text has at another place. */
export interface MarkMoved {
  /** The extract file, as shown. */
  readonly file: string;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/** A context_only mark whose paragraph, in a replaced text, is no longer the one it names. */
export interface MarkAstray {
  readonly paragraph: number;
  readonly reason: string;
  /** Where the new text has the paragraph the mark was given for: none when it is not there. */
  readonly foundIn: readonly number[];
  /** The one paragraph it is found in is one another mark names, so the mark was not moved there. */
  readonly taken: boolean;
}

/** A claim or fact whose quote is not in the paragraph its locator names, in a replaced text. */
export interface QuoteAstray {
  readonly kind: "claim" | "fact";
  readonly id: string;
  readonly locator: number;
  /** The paragraphs of the new text that hold the quote: none when it is nowhere in it. */
  readonly foundIn: readonly number[];
}

/**
 * Bring a document into a corpus: its text, one paragraph per line (what
 * locators count), in texts/<id>.txt, and a stub for it at the end of the
 * extract's sources, with what the document says of itself (title, date,
 * author or publisher, address) and TODO where it says nothing. Every other
 * byte of the extract file is kept: the stub is spliced in after the last
 * source, at its indentation, so comments and layout stay as written.
 * Nothing is fetched: a web page must be saved as a file first.
 */
export async function addSource(options: AddSourceOptions): Promise<AddedSource> {
  const shownCorpus = displayPath(options.corpusDir, options.cwd);
  const id = options.id;
  if (!idPattern.test(id)) throw new BriefsmithError("BRIEF_INVALID_FORMAT", `"${id}" cannot be a source id`, { hint: "a source id is lower-case letters, digits and single hyphens" });
  const yamlPaths = await listYamlFiles(options.corpusDir, new Set(["texts"])).catch(() => undefined);
  if (yamlPaths === undefined || yamlPaths.length === 0) {
    throw new BriefsmithError("PATH_NOT_FOUND", `there is no corpus in ${shownCorpus}`, { hint: `create it first: brief new corpus ${basename(options.corpusDir)}` });
  }
  // Read as the build reads them: an extract file that links outside the corpus is refused, never read nor edited.
  const files = await Promise.all(
    yamlPaths.map(async (path) => {
      const text = await readTextFile(path, fileLimits.yamlBytes, displayPath(path, options.cwd), { within: options.corpusDir });
      return { path, text, document: parseDocument(text) };
    }),
  );
  // An entry spliced into a file YAML cannot read (an unclosed bracket) would land inside the error, and be said added.
  const broken = files.find((f) => f.document.errors.length > 0);
  if (broken !== undefined) {
    const error = broken.document.errors[0]!;
    const line = error.linePos?.[0].line;
    throw new BriefsmithError(`YAML_${error.code}` as ErrorCode, `${displayPath(broken.path, options.cwd)}${line === undefined ? "" : `:${line}`} is not valid YAML, so no source is added to it`, {
      hint: `fix it first (brief check ${basename(options.corpusDir)} shows where), then add the source again`,
    });
  }
  // The document first: one that cannot be read (a format Briefsmith does not read) was told its id was taken, and
  // added again with --force, failed only then (a staffer's test).
  refuseLinkOutOfProject(options.file, options.root, options.cwd);
  // The build's reader: a size limit, and a device or pipe refused rather than read until memory runs out or forever.
  const bytes = Buffer.from(await readBinaryFile(options.file, maxDocumentBytes, displayPath(options.file, options.cwd)));
  const document = await ingestDocument(bytes, { fileName: basename(options.file) });
  const text = document.paragraphs.join("\n") + "\n";
  // Written, a text past what the build reads would stop every later show and check of the corpus.
  if (Buffer.byteLength(text) > fileLimits.textBytes) {
    throw new BriefsmithError("FILE_TOO_LARGE", `the text of ${basename(options.file)} is ${formatBytes(Buffer.byteLength(text))}, over the ${formatBytes(fileLimits.textBytes)} a source text may hold`, {
      hint: "split the document, and add each part as a source of its own",
    });
  }
  const existing = files.flatMap((f) => sourceIdsIn(f.document));
  // The source is in the extract already: its entry is kept, and only its text replaced.
  const listed = existing.includes(id);
  const textPath = join(options.corpusDir, "texts", `${id}.txt`);
  const textTarget = writableTarget(textPath, options.corpusDir, options.cwd);
  if (!options.force && (textTarget.exists || listed)) {
    throw new BriefsmithError("FILE_EXISTS", listed ? `corpus ${shownCorpus} has a source "${id}" already` : `${displayPath(textPath, options.cwd)} exists already`, {
      hint: listed
        ? "choose another id with --id, or add --force to replace its text (its entry in the extract is kept)"
        : "choose another id with --id, or add --force to replace that file (the extract gets an entry for it)",
    });
  }

  // The text being replaced, to tell which context_only marks its replacement moves: read as the build reads it.
  const oldText = listed && textTarget.exists ? await readTextFile(textPath, fileLimits.textBytes, displayPath(textPath, options.cwd), { within: options.corpusDir }).catch(() => undefined) : undefined;


  await mkdir(join(options.corpusDir, "texts"), { recursive: true });
  const writes = [{ path: textTarget.path, data: text }];
  const stub = sourceStub(id, document.metadata, document.format);
  let yamlFile: string | undefined;
  if (!listed) {
    const target = files.find((f) => hasKey(f.document, "sources")) ?? files.find((f) => hasKey(f.document, "corpus")) ?? files[0]!;
    writes.push({ path: realpathSync(target.path), data: appendSource(target.text, stub.lines, target.document) });
    yamlFile = displayPath(target.path, options.cwd);
  }
  // The text and its entry in the extract together, or neither.
  await writeProjectFiles(writes, options.cwd);
  return {
    id,
    paragraphs: document.paragraphs.length,
    textFile: displayPath(textPath, options.cwd),
    yamlFile,
    todo: stub.todo,
    metadata: document.metadata,
    format: document.format,
    warnings: document.warnings,
    // A text replaced under claims that cite it: its paragraphs may have moved, or its wording changed.
    ...(listed ? await astray(options.corpusDir, id, options.cwd, oldText === undefined ? undefined : splitParagraphs(oldText)) : nothingAstray),
  };
}

/** A source added new, or its extract unreadable: nothing to say of quotes or marks. */
const nothingAstray = { quotesAstray: [], marksAstray: [], marksMoved: [] } as const;

/**
 * The claims and facts of `sourceId` whose quote its text, as now written, does not hold in the paragraph their
 * locator names, and its context_only marks whose paragraph (in `oldParagraphs`, the text replaced) has moved.
 * Read as `brief check` reads the corpus; while the extract has errors that keep it from being read, nothing is
 * said here, and the next check reports them.
 */
async function astray(
  corpusDir: string,
  sourceId: string,
  cwd: string,
  oldParagraphs: readonly Paragraph[] | undefined,
): Promise<{ readonly quotesAstray: readonly QuoteAstray[]; readonly marksAstray: readonly MarkAstray[]; readonly marksMoved: readonly MarkMoved[] }> {
  const { corpus } = await readCorpus(corpusDir, { cwd });
  const paragraphs = corpus?.paragraphs.get(sourceId);
  if (corpus === undefined || paragraphs === undefined) return nothingAstray;
  const items = [...corpus.extract.claims.map((item) => ({ kind: "claim" as const, item })), ...corpus.extract.facts.map((item) => ({ kind: "fact" as const, item }))];
  const quotes = items.flatMap(({ kind, item }) => {
    if (item.source !== sourceId) return [];
    const found = checkQuote(item.quote, paragraphs, item.locator);
    return found.status === "ok" ? [] : [{ kind, id: item.id, locator: item.locator, foundIn: found.status === "wrong-paragraph" ? found.foundIn : [] }];
  });
  // A mark has no quote to look for: the paragraph it was given for, in the old text, is what the new text must have there.
  const source = corpus.extract.sources.find((s) => s.id === sourceId);
  const marks = (source?.context_only ?? []).flatMap((mark, index) => {
    const was = oldParagraphs?.[mark.paragraph - 1]?.text;
    if (was === undefined || paragraphs[mark.paragraph - 1]?.text === was) return [];
    return [{ index, paragraph: mark.paragraph, reason: mark.reason, foundIn: paragraphs.filter((p) => p.text === was).map((p) => p.number) }];
  });
  // One the new text has in one place goes there, as brief check --fix moves a locator: told to move it, a staffer ran
  // check --fix, which cannot know where a mark's paragraph went (it has no quote), and the mark stayed on another.
  // Never onto a paragraph another mark names (a review: the file had two marks on one paragraph, one with a reason
  // that was not its own): that one is said, and left to the author.
  const origin = source === undefined ? undefined : corpus.origins.get(source);
  const named = new Set((source?.context_only ?? []).map((mark) => mark.paragraph));
  const moves = marks.flatMap((mark) => {
    const node = origin?.file.document.getIn([...origin.path, "context_only", mark.index, "paragraph"], true);
    const to = mark.foundIn.length === 1 ? mark.foundIn[0]! : undefined;
    if (to === undefined || named.has(to) || origin === undefined || !isScalar(node) || !node.range) return [];
    named.add(to);
    return [{ index: mark.index, file: origin.file.path, from: mark.paragraph, to, reason: mark.reason, span: { start: node.range[0], end: node.range[1] } }];
  });
  const moved = await applyNumberEdits(moves, corpus, cwd);
  const stayed = marks.filter((mark) => !moved.some((m) => m.index === mark.index));
  return {
    quotesAstray: quotes,
    marksAstray: stayed.map(({ paragraph, reason, foundIn }) => ({ paragraph, reason, foundIn, taken: foundIn.length === 1 && named.has(foundIn[0]!) })),
    marksMoved: moved.map(({ file, from, to, reason }) => ({ file, from, to, reason })),
  };
}

/**
 * A document named inside the project that is a link leading out of it (or to nothing) is not read: a link
 * committed as inbox/report.txt could lead to ~/.ssh, whose text would then be copied into the corpus. A file
 * named where it is, outside the project, is the author's to add.
 */
function refuseLinkOutOfProject(file: string, root: string, cwd: string): void {
  const realRoot = realpathSync(root);
  if (!isInside(root, file) && !isInside(realRoot, file)) return;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    let link = false;
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      return; // nothing there: the reader says so
    }
    if (link) throw new BriefsmithError("PATH_NOT_FOUND", `${displayPath(file, cwd)} is a link to a file that does not exist`, { hint: "name the file itself" });
    return;
  }
  if (!isInside(realRoot, real)) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${displayPath(file, cwd)} is a link to a file outside the project, so it is not read`, {
      hint: "if you mean to add the file it leads to, name that file itself",
    });
  }
}

/**
 * Where writing `path` would write: the path itself, or, when it is a symbolic link, the file it leads to,
 * which must be inside `folder`. A link that leads outside (to ~/.bashrc) or to nothing (a dangling link would
 * create its target wherever it points) is FILE_OUTSIDE_FOLDER: the write is refused, as the build refuses to read it.
 */
function writableTarget(path: string, folder: string, cwd: string): { path: string; exists: boolean } {
  // A folder on the way that is a link out of the corpus (texts/ linked elsewhere) is refused as a link on the file is:
  // reading refuses it, and writing through it replaced a file outside the project.
  const realDir = realFolder(dirname(path));
  if (!isInside(realpathSync(folder), realDir)) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${displayPath(dirname(path), cwd)} leads outside ${displayPath(folder, cwd)}, so ${displayPath(path, cwd)} is not written`, {
      hint: "make it a folder of the corpus's own (copy the texts into it instead of linking to them), then add the source again",
    });
  }
  let link: boolean;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return { path, exists: false };
  }
  if (!link) return { path, exists: true };
  const shown = displayPath(path, cwd);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shown} is a link to a file that does not exist, so it is not written`, { hint: "remove the link, then add the source again" });
  }
  if (!isInside(realpathSync(folder), real)) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shown} is a link to a file outside ${displayPath(folder, cwd)}, so it is not written`, {
      hint: "remove the link (copy the text into the folder instead of linking to it), then add the source again",
    });
  }
  return { path: real, exists: true };
}

/** Where a date read from a document's metadata comes from: rarely the source's own date for a PDF, which is often a page printed to PDF. */
const dateOrigins: Readonly<Record<string, string>> = {
  pdf: "the PDF's creation date (a page printed to PDF carries the day it was printed)",
  docx: "the Word file's creation date",
  html: "the page's metadata",
};

/**
 * The source entry, as YAML lines of a list item (unindented), and the fields left TODO. What the document's
 * metadata says is kept with a comment where it may not be what the field means: its author is not its
 * publisher, and its file's date may not be the source's.
 */
function sourceStub(id: string, metadata: DocumentMetadata, format: string): { lines: string[]; todo: string[] } {
  const left: string[] = [];
  const field = (key: string, value: string | undefined, comment: string) => {
    if (value !== undefined) return `${key}: ${JSON.stringify(value)}`;
    left.push(key);
    return `${key}: ${todo} # ${comment}`;
  };
  // Only a date the extract takes is written: one it would refuse would stop the whole corpus from checking.
  const date = metadata.date !== undefined && PartialDate.safeParse(metadata.date).success ? metadata.date : undefined;
  const dated = `date: ${JSON.stringify(date)} # from ${dateOrigins[format] ?? "the document's metadata"}: check it is the source's own date`;
  const lines = [
    `- id: ${id}`,
    `  ${field("title", metadata.title, "the title, as the source gives it")}`,
    `  ${field("publisher", metadata.publisher, "who published it")}`,
    // On one line whatever the document says: a line break would end the comment and let the author's name write YAML.
    ...(metadata.author !== undefined ? [`  # author: ${metadata.author.replace(/[\r\n\u0085\u2028\u2029]+/g, " ")}`] : []),
    `  ${field("kind", undefined, "report, hearing summary, article, panel summary, …")}`,
    `  ${date !== undefined ? dated : field("date_note", undefined, "the document gives no date: say so, or replace this line with date: YYYY-MM-DD")}`,
    `  ${field("place", undefined, "where it was published, or the event held")}`,
    ...(metadata.url !== undefined && /^https?:\/\//.test(metadata.url) ? [`  url: ${JSON.stringify(metadata.url)}`] : []),
    `  ${field("quality", undefined, "who speaks, whether they are named, how the account was made")}`,
  ];
  return { lines, todo: left };
}

/**
 * The extract file's text with a source item added at the end of its
 * sources: list (at the list's own indentation), or with a sources: section
 * added at the end of the file. Everything else is left byte for byte.
 * `document` is the text as parsed.
 */
function appendSource(text: string, itemLines: readonly string[], document: Document.Parsed): string {
  const contents = document.contents;
  const sources = isMap(contents) ? contents.get("sources", true) : undefined;
  const body = text.endsWith("\n") || text === "" ? text : `${text}\n`;
  if (isSeq(sources) && sources.items.length > 0 && !sources.flow) {
    const last = sources.items[sources.items.length - 1] as { range?: [number, number, number] };
    const lastEnd = last.range?.[1] ?? sources.range![1];
    const lineEnd = text.indexOf("\n", lastEnd - 1);
    const at = lineEnd === -1 ? text.length : lineEnd + 1;
    const itemStart = sources.items[0] as { range?: [number, number, number] };
    const lineStart = text.lastIndexOf("\n", (itemStart.range?.[0] ?? 0) - 1) + 1;
    const dash = text.slice(lineStart, itemStart.range?.[0] ?? 0).search(/-\s*$/);
    const indent = " ".repeat(Math.max(0, dash));
    const block = itemLines.map((line) => indent + line).join("\n") + "\n";
    const before = text.slice(0, at);
    return (before.endsWith("\n") || before === "" ? before : `${before}\n`) + block + text.slice(at);
  }
  if (sources === undefined || sources === null) {
    return `${body}sources:\n${itemLines.map((line) => `  ${line}`).join("\n")}\n`;
  }
  throw new BriefsmithError("EXTRACT_INVALID_TYPE", "the sources: section of the extract file is not a list written one item per line", {
    hint: "write sources: as a list of - items (or remove an empty sources: [])",
  });
}

function hasKey(document: Document.Parsed, key: string): boolean {
  return isMap(document.contents) && document.contents.has(key);
}

function sourceIdsIn(document: Document.Parsed): string[] {
  const data = document.toJS() as { sources?: { id?: unknown }[] } | null;
  return Array.isArray(data?.sources) ? data.sources.map((s) => String(s?.id)) : [];
}
