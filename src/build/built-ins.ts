import { parseLexicon, type Lexicon } from "../balance/lexicon.js";
import { invalidArgument } from "../errors/argument.js";
import { lexiconPath, readLexiconText } from "../load/package-files.js";
import { fileLimits, readTextFile } from "../load/read-file.js";
import { loadTemplates, type TemplateSet } from "../load/templates.js";

/**
 * Briefsmith's own templates and word lists, read from its package once per
 * process: what renderBrief uses when the caller passes none.
 */
let templates: Promise<TemplateSet> | undefined;
let lexicon: Promise<Lexicon> | undefined;

export function builtInTemplates(): Promise<TemplateSet> {
  return (templates ??= loadTemplates());
}

export function builtInLexicon(): Promise<Lexicon> {
  return (lexicon ??= readLexiconText().then((text) => parseLexicon(text, lexiconPath)));
}

/**
 * Balance word lists for renderBrief and validateBriefs: Briefsmith's own (data/lexicon.yaml), or, given a path,
 * an office's own file of the same shape (LEXICON_INVALID when it is not).
 */
export async function loadLexicon(path?: string): Promise<Lexicon> {
  if (path === undefined) return builtInLexicon();
  // "" named no file, and was said as one that does not exist: the same as loadCorpus("") says of a folder.
  if (typeof path !== "string" || path.trim() === "") throw invalidArgument("loadLexicon's file", path, "the path of a word-list file");
  return parseLexicon(await readTextFile(path, fileLimits.yamlBytes), path);
}
