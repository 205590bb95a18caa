import { basename, extname, resolve } from "node:path";
import { addSource } from "../../author/add-source.js";
import { slugify } from "../../author/slug.js";
import { suggestionHint } from "../../diagnostics/suggest.js";
import { corpusDir, listCorpora } from "../../load/project.js";
import { idMaxLength, idPattern, isIdTooLong } from "../../schema/id-pattern.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { projectRoot } from "../options.js";
import { plural } from "../report.js";

export const sourceCommand = defineCommand({
  name: "source",
  positionals: "add FILE",
  summary: "bring a document (.txt .md .html .pdf .docx) into a corpus as a source",
  description: `brief source add FILE --corpus ID [--id SOURCE_ID]

Read a document (plain text, Markdown, a saved web page, PDF or Word .docx)
and write its text to sources/ID/texts/SOURCE_ID.txt, one paragraph per line
(the paragraphs locators count): whitespace normalised; for a PDF, words
hyphenated at line ends joined and running headers, footers and page numbers
dropped; for a web page, the article's main text without navigation. Then
add a stub for the source at the end of the extract's sources (comments and
layout kept), with the title, date, author and address the document gives,
and TODO where it gives none, and print the paragraph count. SOURCE_ID
defaults to the file's name. Nothing is downloaded: save a web page (or
print it to PDF) first. With --force, a source's text is replaced, and each
claim or fact whose quote the new text no longer holds where its locator
says is named.`,
  options: {
    corpus: { type: "string", value: "ID", description: "the corpus to add the source to (a folder under sources/)" },
    id: { type: "string", value: "SOURCE_ID", description: "the source's id (default: from the file's name)" },
    force: { type: "boolean", description: "replace the text of a source that exists already (its entry is kept)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const [action, file, ...rest] = positionals;
    if (action !== "add") throw new UsageError(action === undefined ? "say what to do: brief source add FILE --corpus ID" : `brief source has no "${action}": ${suggestionHint(action, ["add"], "action")}`);
    if (file === undefined || rest.length > 0) throw new UsageError("add one file at a time: brief source add FILE --corpus ID");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
      throw new UsageError(`Briefsmith downloads nothing: save the page first (in the browser: Save Page As, or Print to PDF), then brief source add the file`);
    }
    const root = projectRoot(io, values.root);
    const corpora = await listCorpora(root);
    if (values.corpus === undefined) throw new UsageError(`name the corpus: --corpus ID${corpora.length > 0 ? ` (${corpora.join(", ")})` : " (create one with brief new corpus ID)"}`);
    if (!corpora.includes(values.corpus)) {
      throw new UsageError(`there is no corpus "${values.corpus}": ${corpora.length > 0 ? `${suggestionHint(values.corpus, corpora, "corpus")}, or ` : ""}create it with brief new corpus ${values.corpus}`);
    }
    // A value typed on the command line is the command's usage (exit 2), as --corpus's is, not a problem in a file.
    if (values.id !== undefined && isIdTooLong(values.id)) {
      throw new UsageError(`--id takes a source id of at most ${idMaxLength} characters, not one of ${values.id.length}`);
    }
    if (values.id !== undefined && !idPattern.test(values.id)) {
      throw new UsageError(`--id takes a source id, lower-case letters, digits and single hyphens, not "${values.id}"`);
    }
    const id = values.id ?? slugify(basename(file, extname(file)));
    if (!idPattern.test(id)) throw new UsageError(`the file's name "${basename(file)}" gives no source id: name one with --id, for example --id harbour-minutes`);
    const added = await addSource({ file: resolve(io.cwd, file), root, corpusDir: corpusDir(root, values.corpus), id, force: values.force ?? false, cwd: io.cwd });
    const out = (line: string) => io.stdout.write(line + "\n");
    out(`${added.textFile}: ${plural(added.paragraphs, "paragraph")} (from ${added.format.toUpperCase()})`);
    for (const warning of added.warnings) io.stderr.write(`warning: ${warning}\n`);
    if (added.yamlFile !== undefined) {
      out(`${added.yamlFile}: source "${added.id}" added${added.todo.length > 0 ? `; fill in what the document does not say: ${added.todo.join(", ")}` : ""}`);
    } else {
      out(`source "${added.id}" was in the extract already: its entry is as it was`);
    }
    for (const item of added.quotesAstray) {
      const where =
        item.foundIn.length === 1
          ? `the new text has it in paragraph ${item.foundIn[0]}: brief check --fix moves the locator there`
          : item.foundIn.length > 1
            ? `the new text has it in paragraphs ${item.foundIn.join(", ")}: set the locator to the one meant`
            : "the new text does not hold it: quote the new wording, or keep the old text";
      io.stderr.write(`warning: ${item.kind} "${item.id}" quotes paragraph ${item.locator} of "${added.id}", but ${where}\n`);
    }
    for (const mark of added.marksMoved) {
      out(`${mark.file}: the context_only mark of paragraph ${mark.from} of "${added.id}" (${mark.reason}) moved to paragraph ${mark.to}, where the new text has that paragraph`);
    }
    for (const mark of added.marksAstray) {
      const where =
        mark.foundIn.length === 1
          ? mark.taken
            ? `the new text has that paragraph as paragraph ${mark.foundIn[0]}, which another mark names: move this mark there and mend the other`
            : `the new text has that paragraph as paragraph ${mark.foundIn[0]}: move the mark there`
          : mark.foundIn.length > 1
            ? `the new text has that paragraph as paragraphs ${mark.foundIn.join(", ")}: move the mark to the one meant`
            : "the new text does not have that paragraph: remove the mark, or mark what is there now";
      io.stderr.write(`warning: context_only marks paragraph ${mark.paragraph} of "${added.id}" (${mark.reason}), but ${where}\n`);
    }
    out(`next: brief show ${added.id}, to number its paragraphs for locators`);
    return exitCodes.ok;
  },
});
