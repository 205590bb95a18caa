import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { readCorpus } from "../build/load-corpus.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { ErrorCode } from "../errors/codes.js";
import { corpusDir, displayPath, listCorpora } from "../load/project.js";
import { fileLimits, readTextFile } from "../load/read-file.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { splitParagraphs, type Paragraph } from "../text/paragraphs.js";

/** The verbatim text of one source, as locators count its paragraphs. */
export interface SourceText {
  readonly corpus: string;
  readonly source: string;
  /** The text file, as shown to the user. */
  readonly file: string;
  readonly paragraphs: readonly Paragraph[];
  /** Why the extract's source has no text to show (a missing file, a link out of the corpus folder): no paragraphs then. */
  readonly unreadable?: { readonly code: ErrorCode; readonly message: string; readonly hint?: string | undefined };
}

/**
 * The source texts of a project's corpora (all, or those named), split into
 * paragraphs exactly as the quote checker splits them. The extract says
 * where each text is; while it cannot be read (a YAML error mid-edit), the
 * files in texts/ stand in, each under its file name.
 */
export async function readSourceTexts(root: string, cwd: string, corpora?: readonly string[]): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  for (const corpus of corpora ?? (await listCorpora(root))) {
    const dir = corpusDir(root, corpus);
    const reading = await readCorpus(dir, { cwd });
    if (reading.corpus !== undefined) {
      for (const source of reading.corpus.extract.sources) {
        const paragraphs = reading.corpus.paragraphs.get(source.id);
        const file = displayPath(join(dir, source.text ?? `texts/${source.id}.txt`), cwd);
        if (paragraphs !== undefined) {
          texts.push({ corpus, source: source.id, file, paragraphs });
        } else {
          // The corpus reader said why, as a diagnostic about this source: kept, so that `brief show` does not say there is no such source.
          const why = reading.corpus.diagnostics.find((d) => d.message.startsWith(`source "${source.id}": `));
          if (why !== undefined) texts.push({ corpus, source: source.id, file, paragraphs: [], unreadable: { code: why.code, message: why.message, hint: why.hint } });
        }
      }
      continue;
    }
    const names = await readdir(join(dir, "texts")).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".txt")).sort()) {
      const path = join(dir, "texts", name);
      const text = await readTextFile(path, fileLimits.textBytes, displayPath(path, cwd), { within: dir }).catch(() => undefined);
      if (text !== undefined) texts.push({ corpus, source: basename(name, ".txt"), file: displayPath(path, cwd), paragraphs: splitParagraphs(text) });
    }
  }
  return texts;
}

/** One source's text, named by its id (or corpus/id when two corpora share it). */
export function findSourceText(texts: readonly SourceText[], name: string): SourceText {
  const [corpus, source] = name.includes("/") ? (name.split("/", 2) as [string, string]) : [undefined, name];
  const matches = texts.filter((t) => t.source === source && (corpus === undefined || t.corpus === corpus));
  if (matches.length === 1) {
    const match = matches[0]!;
    if (match.unreadable !== undefined) {
      // The code the build gives the same file (FILE_OUTSIDE_FOLDER for a link out of the corpus, say), not one of its own.
      throw new BriefsmithError(match.unreadable.code, `the text of ${match.unreadable.message}`, { hint: match.unreadable.hint });
    }
    return match;
  }
  if (matches.length > 1) {
    throw new BriefsmithError("PATH_NOT_FOUND", `source "${name}" is in ${matches.length} corpora: ${matches.map((m) => m.corpus).join(", ")}`, {
      hint: `name it with its corpus: ${matches.map((m) => `${m.corpus}/${m.source}`).join(" or ")}`,
    });
  }
  const ids = [...new Set(texts.map((t) => t.source))];
  throw new BriefsmithError("PATH_NOT_FOUND", `there is no source "${name}"${corpus === undefined ? "" : ` in corpus "${corpus}"`}`, {
    hint: ids.length > 0 ? suggestionHint(source, ids, "source") : "add one with brief source add FILE --corpus ID",
  });
}
