import { parseHTML } from "linkedom";
import { Marked } from "marked";
import markedFootnote from "marked-footnote";
import { parse as parseYaml } from "yaml";
import { decodeText } from "./decode-text.js";
import { collectBlockTexts } from "./html-blocks.js";
import type { DocumentMetadata, ReadResult } from "./ingested-document.js";
import { toPartialDate } from "./partial-date.js";

/** YAML front matter: a block fenced by "---" lines at the very start of the file. */
const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Markdown, rendered by marked and read back as HTML blocks, so that
 * headings, paragraphs, list items and block quotes each become a paragraph
 * of plain text: emphasis and code marks go, a link keeps its text (not its
 * target), images are dropped, and entities such as &amp; are decoded.
 * Going through HTML rather than walking marked's tokens lets one block
 * reader serve Markdown, web pages and Word files alike.
 *
 * Footnotes read as in a Word file: "[1]" where a note is called, the notes'
 * text as paragraphs at the end.
 *
 * The title is the front matter's, else the first level-1 heading, which
 * stays in the text too: in Markdown it is part of what the author wrote.
 */
export function readMarkdown(bytes: Uint8Array, fileName: string): ReadResult {
  const decoded = decodeText(bytes, fileName);
  const fence = frontMatter.exec(decoded.text);
  const { metadata: declared, warnings } = readFrontMatter(fence?.[1], fileName);
  const body = fence === null ? decoded.text : decoded.text.slice(fence[0].length);
  // A fresh instance: the renderer's configured one escapes HTML for printing, which is not wanted here.
  // Footnotes ([^1] and "[^1]: text", GFM's) as a Word file's read: "[1]" where the note is called, the notes last.
  const html = new Marked({ gfm: true, async: false }).use(markedFootnote()).parse(body, { async: false });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const reference of document.querySelectorAll("a[data-footnote-ref]")) reference.textContent = `[${reference.textContent ?? ""}]`;
  // The notes' hidden "Footnotes" heading and their links back are navigation, not text.
  for (const navigation of document.querySelectorAll("a[data-footnote-backref], #footnote-label")) navigation.remove();
  const heading = document.querySelector("h1")?.textContent?.trim();
  return {
    paragraphs: collectBlockTexts(document.body),
    metadata: { ...(heading ? { title: heading } : {}), ...declared },
    warnings: [...decoded.warnings, ...warnings],
  };
}

function readFrontMatter(yaml: string | undefined, fileName: string): { metadata: DocumentMetadata; warnings: string[] } {
  if (yaml === undefined) return { metadata: {}, warnings: [] };
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    return { metadata: {}, warnings: [`the front matter of ${fileName} is not valid YAML and was skipped: ${(error as Error).message}`] };
  }
  if (typeof data !== "object" || data === null) return { metadata: {}, warnings: [] };
  const fields = data as Record<string, unknown>;
  const metadata = {
    title: scalar(fields.title),
    author: Array.isArray(fields.author) ? fields.author.map(scalar).filter(Boolean).join("; ") : scalar(fields.author),
    date: toPartialDate(scalar(fields.date)),
    url: scalar(fields.url),
    publisher: scalar(fields.publisher),
  };
  // Absent fields must not hide the heading's title when the metadata are merged.
  return { metadata: Object.fromEntries(Object.entries(metadata).filter(([, value]) => value)), warnings: [] };
}

/** A front matter value as text; `date: 2016` is a number to YAML. */
function scalar(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : undefined;
}
