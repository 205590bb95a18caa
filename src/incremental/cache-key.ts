import type { PreparedBrief, PreparedCorpus } from "../prepare.js";
import type { TemplateSet } from "../render/templates.js";
import { sha256 } from "./hash.js";

/** Everything that can change a brief's output, each hashed, and one key over them all. */
export interface BriefInputs {
  readonly key: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/** One hash over a template set: every template, partial and style sheet, by name. */
export function hashTemplateSet(set: TemplateSet): string {
  const parts: string[] = [];
  for (const [kind, files] of [["template", set.templates], ["partial", set.partials], ["style", set.styles]] as const) {
    for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${kind}:${name}:${sha256(text)}`);
  }
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
  prepared: PreparedBrief & { file: NonNullable<PreparedBrief["file"]>; corpus: PreparedCorpus },
  context: { templatesHash: string; lexiconHash: string; version: string; browser: string; date: string },
): BriefInputs {
  const corpus = hashCorpus(prepared.corpus);
  const inputs: Record<string, string> = {
    brief: sha256(prepared.file.text),
    extract: corpus.extract,
    texts: corpus.texts,
    templates: context.templatesHash,
    lexicon: context.lexiconHash,
    briefsmith: sha256(context.version),
    browser: sha256(context.browser),
    options: sha256(JSON.stringify({ date: context.date })),
  };
  const key = sha256(Object.entries(inputs).map(([name, hash]) => `${name}=${hash}`).join("\n"));
  return { key, inputs };
}
