import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { isScalar } from "yaml";
import { positionAt } from "../diagnostics/format.js";
import { checkQuote } from "../text/paragraphs.js";
import type { Corpus } from "../validate/corpus.js";
import { writeProjectFiles } from "./write-files.js";

/** One wrong locator and the paragraph its quote is verbatim in. */
export interface LocatorFix extends NumberEdit {
  readonly line: number;
  readonly kind: "claim" | "fact";
  readonly id: string;
  readonly from: number;
}

/**
 * The locators that are mechanically wrong: the quote is verbatim in exactly
 * one other paragraph of its source. A quote found in several paragraphs, or
 * in none, needs a person, and is left alone.
 */
export function findLocatorFixes(corpus: Corpus): LocatorFix[] {
  const fixes: LocatorFix[] = [];
  for (const item of [...corpus.extract.claims, ...corpus.extract.facts]) {
    const paragraphs = corpus.paragraphs.get(item.source);
    if (paragraphs === undefined) continue;
    const result = checkQuote(item.quote, paragraphs, item.locator);
    if (result.status !== "wrong-paragraph" || result.foundIn.length !== 1) continue;
    const origin = corpus.origins.get(item);
    const node = origin?.file.document.getIn([...origin.path, "locator"], true);
    if (origin === undefined || !isScalar(node) || node.range === undefined || node.range === null) continue;
    const [start, end] = node.range;
    fixes.push({
      file: origin.file.path,
      line: positionAt(origin.file.text, start).line,
      kind: "viewpoint" in item ? "claim" : "fact",
      id: item.id,
      from: item.locator,
      to: result.foundIn[0]!,
      span: { start, end },
    });
  }
  return fixes;
}

/** A number written in an extract file, to be replaced: a locator, a context_only mark's paragraph. */
export interface NumberEdit {
  /** The extract file, as shown. */
  readonly file: string;
  readonly to: number;
  /** Where the number is in the file's text. */
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * Write the fixes into their files: each number replaced where it is
 * written, every other character (comments, layout, quotes) left as it
 * was. A file changed since it was read is left alone. Returns the fixes made.
 */
export async function applyNumberEdits<Fix extends NumberEdit>(fixes: readonly Fix[], corpus: Pick<Corpus, "files">, cwd: string): Promise<Fix[]> {
  const applied: Fix[] = [];
  const byFile = new Map<string, Fix[]>();
  for (const fix of fixes) byFile.set(fix.file, [...(byFile.get(fix.file) ?? []), fix]);
  for (const [file, fileFixes] of byFile) {
    const read = corpus.files.find((f) => f.path === file)!;
    const path = resolve(cwd, file);
    let text = await readFile(path, "utf8");
    if (text !== read.text) continue;
    for (const fix of [...fileFixes].sort((a, b) => b.span.start - a.span.start)) {
      text = text.slice(0, fix.span.start) + String(fix.to) + text.slice(fix.span.end);
    }
    await writeProjectFiles([{ path, data: text }], cwd);
    applied.push(...fileFixes);
  }
  return applied;
}
