import { decodeText } from "./decode-text.js";
import type { ReadResult } from "./ingested-document.js";

/** A line that starts a list item: it is its own paragraph even inside a block. */
const listItemStart = /^\s*(?:[-*+•◦▪‣–]|\d{1,3}[.)]|\(?[a-z]\))\s/;

/** Lines longer than this are not hard-wrapped lines of a paragraph but paragraphs on their own. */
const maxWrappedLineLength = 120;

/**
 * Plain text. Two styles are in use and the text says which: paragraphs
 * separated by blank lines (often hard-wrapped, so a block's lines are joined
 * into one paragraph), or one paragraph per line with no blank lines at all.
 *
 * Within a blank-line block two kinds of lines stay separate, because joining
 * them would merge paragraphs: list items, and lines too long to be wrapped
 * (a title, a blank line, then one long paragraph per line).
 */
export function readText(bytes: Uint8Array, fileName: string): ReadResult {
  const { text, warnings } = decodeText(bytes, fileName);
  const lines = text.split(/\r\n|\r|\n/);
  const paragraphs = hasBlankLineBlocks(lines) ? blocksOf(lines).flatMap(splitBlock) : lines;
  return { paragraphs, metadata: {}, warnings };
}

function hasBlankLineBlocks(lines: readonly string[]): boolean {
  const first = lines.findIndex(isFilled);
  const last = lines.findLastIndex(isFilled);
  return lines.slice(first, last + 1).some((line) => !isFilled(line));
}

function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (isFilled(line)) blocks.at(-1)!.push(line);
    else if (blocks.at(-1)!.length > 0) blocks.push([]);
  }
  return blocks;
}

function splitBlock(block: readonly string[]): string[] {
  const wrapped = block.slice(0, -1).every((line) => line.trim().length <= maxWrappedLineLength);
  if (!wrapped) return [...block];
  const paragraphs: string[] = [];
  for (const line of block) {
    if (paragraphs.length === 0 || listItemStart.test(line)) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
  }
  return paragraphs;
}

function isFilled(line: string): boolean {
  return line.trim() !== "";
}
