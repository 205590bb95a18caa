import type { Span } from "../diagnostics/diagnostic.js";
import type { YamlFile, YamlPath } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { phrasePattern, withoutQuotedPassages } from "../text/phrases.js";

/** Where an item of the merged extract was written: for pointing diagnostics at it. */
export interface Origin {
  readonly file: YamlFile;
  readonly path: YamlPath;
}

/** Maps every item of a merged extract (by identity) to the place it came from. */
export type Origins = ReadonlyMap<object, Origin>;

function originOf(origins: Origins, item: object): Origin {
  const origin = origins.get(item);
  if (origin === undefined) throw new Error("extract item without an origin");
  return origin;
}

/** The file and span of a field of an extract item (or of the item itself). */
export function locateInExtract(
  origins: Origins,
  item: object,
  field: string | number | YamlPath = [],
  part: "key" | "value" = "value",
): { file: string; span: Span } {
  const origin = originOf(origins, item);
  const path = [...origin.path, ...(Array.isArray(field) ? field : [field])];
  return { file: origin.file.path, span: locate(origin.file, path, part) };
}

/** The text of the file an item of the extract was read from. */
export function fileTextOf(origins: Origins, item: object): string {
  return originOf(origins, item).file.text;
}

/**
 * The word a problem is about, within its text's span in the file: a caret under "insisted" or "should", not
 * under the first line of a folded block. A word is never split by a line fold; a phrase may be, so its spaces
 * match any run of white space. Not found as written (an escape in a quoted value), the whole text.
 */
export function termSpan(fileText: string, span: { start: number; end: number }, term: string): { start: number; end: number } {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrasePattern(term)}(?![\\p{L}\\p{N}])`, "iu");
  // Quoted passages blanked, as the words were found without them: "we should wait" is the source's, not ours. The
  // quotation marks of a double-quoted YAML value are the file's, not the text's.
  const value = fileText.slice(span.start, span.end);
  const quotedValue = value.length > 1 && value.startsWith('"') && value.endsWith('"');
  const inner = quotedValue ? ` ${value.slice(1, -1)} ` : value;
  const found = pattern.exec(withoutQuotedPassages(inner));
  return found === null ? span : { start: span.start + found.index, end: span.start + found.index + found[0].length };
}
