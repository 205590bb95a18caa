import type { PreparedBrief, PreparedCorpus } from "../prepare.js";
import type { TemplateSet } from "../render/templates.js";
import type { TemplateName } from "../schema/brief.js";
import type { ValidBrief } from "../validate/brief.js";
import { sha256 } from "./hash.js";

/** Everything that can change a brief's output, each hashed, and one key over them all. */
export interface BriefInputs {
  readonly key: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/**
 * The hash of what one template renders with: its own file, every partial
 * (any may be used), the shared style sheet and its own. A change to the
 * handout's styles does not rebuild the memos.
 */
export function hashTemplate(set: TemplateSet, name: TemplateName): string {
  const parts = [`template:${sha256(set.templates.get(name) ?? "")}`];
  for (const [partial, text] of [...set.partials].sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`partial:${partial}:${sha256(text)}`);
  parts.push(`style:base:${sha256(set.styles.get("base") ?? "")}`, `style:${name}:${sha256(set.styles.get(name) ?? "")}`);
  return sha256(parts.join("\n"));
}

/** Hashes of a corpus's files and texts, computed once per corpus however many briefs use it. */
const corpusHashes = new WeakMap<PreparedCorpus, { extract: string; texts: string }>();

function hashCorpus(corpus: PreparedCorpus): { extract: string; texts: string } {
  let hashes = corpusHashes.get(corpus);
  if (hashes === undefined) {
    hashes = {
      extract: sha256(corpus.files.map((f) => `${f.path}\n${sha256(f.text)}`).sort().join("\n")),
      texts: sha256([...corpus.textHashes].map(([id, hash]) => `${id}:${hash}`).sort().join("\n")),
    };
    corpusHashes.set(corpus, hashes);
  }
  return hashes;
}

/**
 * The inputs of one brief: its own file, every file of the extract it uses
 * (a change anywhere in the corpus can change selection or numbering), the
 * source texts, the templates, the balance word lists, the Briefsmith version,
 * the browser, and the options that reach the output (the date it prints).
 */
export function briefInputs(
  prepared: PreparedBrief & { file: NonNullable<PreparedBrief["file"]>; brief: ValidBrief; corpus: PreparedCorpus },
  context: { templateSet: TemplateSet; lexiconHash: string; version: string; browser: string; date: string },
): BriefInputs {
  const corpus = hashCorpus(prepared.corpus);
  const inputs: Record<string, string> = {
    brief: sha256(prepared.file.text),
    extract: corpus.extract,
    texts: corpus.texts,
    templates: hashTemplate(context.templateSet, prepared.brief.template),
    lexicon: context.lexiconHash,
    briefsmith: sha256(context.version),
    browser: sha256(context.browser),
    options: sha256(JSON.stringify({ date: context.date })),
  };
  const key = sha256(Object.entries(inputs).map(([name, hash]) => `${name}=${hash}`).join("\n"));
  return { key, inputs };
}
