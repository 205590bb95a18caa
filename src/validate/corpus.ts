import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { YamlFile } from "../load/yaml-file.js";
import type { ReadonlyExtract } from "../schema/extract.js";
import type { Origins } from "./origins.js";
import type { SourceParagraphs } from "./quotes.js";

/**
 * A corpus read and checked: the merged extract, where each of its items was
 * written, and the paragraphs of each source text. What selection, balance
 * and `brief check` work from.
 */
export interface Corpus {
  /** The corpus folder's name, which briefs use in `corpus:`. */
  readonly id: string;
  /** The corpus folder. */
  readonly dir: string;
  /** Read-only, and frozen by loadCorpus: a claim changed after its quote was checked would print unchecked. */
  readonly extract: ReadonlyExtract;
  readonly origins: Origins;
  readonly paragraphs: SourceParagraphs;
  /** The extract's YAML files, with their text, for pointing at problems. */
  readonly files: readonly YamlFile[];
  /**
   * What checking it found. Problems that stop every brief (a schema error, a duplicate id) never reach a Corpus:
   * loadCorpus throws CORPUS_NOT_VALID. Those of a single claim or fact (a misquote, a wrong locator) and of
   * coverage are errors here, each with the item it concerns: they stop only the briefs that show that item.
   */
  readonly diagnostics: readonly Diagnostic[];
}
