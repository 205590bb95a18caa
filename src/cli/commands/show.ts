import { findSourceText, readSourceTexts } from "../../author/source-texts.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { positiveInteger, projectRoot } from "../options.js";
import { plural } from "../report.js";

export const showCommand = defineCommand({
  name: "show",
  positionals: "SOURCE",
  summary: "print a source's text with its paragraphs numbered as locators count them",
  description: `Print the verbatim text of a source (by its id, or CORPUS/ID) with each
paragraph numbered as a locator counts it: a paragraph is a non-empty line,
counted from 1, so blank lines are not counted (unlike cat -n). Use the
number as the claim's or fact's locator.`,
  options: {
    from: { type: "string", value: "N", description: "start at paragraph N" },
    to: { type: "string", value: "M", description: "stop after paragraph M" },
    corpus: { type: "string", value: "ID", description: "look for the source in this corpus only" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError("name one source: brief show SOURCE (brief list sources shows them)");
    const from = positiveInteger(values.from, "--from") ?? 1;
    const to = positiveInteger(values.to, "--to") ?? Number.MAX_SAFE_INTEGER;
    if (to < from) throw new UsageError(`--to ${to} comes before --from ${from}`);
    const root = projectRoot(io, values.root);
    const texts = await readSourceTexts(root, io.cwd, values.corpus === undefined ? undefined : [values.corpus]);
    const text = findSourceText(texts, positionals[0]!);
    const shown = text.paragraphs.filter((p) => p.number >= from && p.number <= to);
    io.stdout.write(`${text.file} (source "${text.source}" of corpus "${text.corpus}"): ${plural(text.paragraphs.length, "paragraph")}\n`);
    const width = String(text.paragraphs.length).length;
    for (const paragraph of shown) io.stdout.write(`${String(paragraph.number).padStart(width + 2)}  ${paragraph.text}\n`);
    if (shown.length === 0) io.stdout.write(`  (no paragraph from ${from}${to === Number.MAX_SAFE_INTEGER ? "" : ` to ${to}`})\n`);
    return exitCodes.ok;
  },
});
