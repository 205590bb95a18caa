import { findQuote } from "../../author/find-quote.js";
import { readSourceTexts } from "../../author/source-texts.js";
import { numberWord } from "../../text/prose.js";
import { nearMissWords } from "../../text/paragraphs.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { projectRoot } from "../options.js";

/** Paragraphs longer than this are shown cut after their opening: enough to know the paragraph again. */
const excerptWidth = 100;

export const locateCommand = defineCommand({
  name: "locate",
  positionals: '"QUOTE"',
  summary: "find the source and paragraph a quote is verbatim in",
  description: `Print every source and paragraph where QUOTE occurs, by the rules brief check
applies (only whitespace, typographic quotes, dashes and ligatures may differ; whole
words at both ends): SOURCE:PARAGRAPH is the claim's source and locator.
When the quote is nowhere, print the closest near-miss and what differs.
Exit 1 when the quote is not found.`,
  options: {
    corpus: { type: "string", value: "ID", description: "search this corpus only (default: every corpus)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    if (positionals.length !== 1 || positionals[0]!.trim() === "") throw new UsageError('give one quote, in quotation marks: brief locate "the words you quote"');
    const root = projectRoot(io, values.root);
    // A source whose text cannot be read (brief show says why) is not searched, nor counted as searched.
    const texts = (await readSourceTexts(root, io.cwd, values.corpus === undefined ? undefined : [values.corpus])).filter((text) => text.unreadable === undefined);
    const { found, nearMiss, partly, loosely } = findQuote(positionals[0]!, texts);
    for (const place of found) io.stdout.write(`${place.corpus}/${place.source}:${place.paragraph}  ${excerpt(place.text)}\n`);
    if (found.length > 0) return exitCodes.ok;
    if (loosely !== undefined) {
      io.stderr.write(`not found verbatim; with other capitals, punctuation or spacing it is in ${loosely.corpus}/${loosely.source}:${loosely.paragraph}  ${excerpt(loosely.text)}\n`);
      io.stderr.write(`  the source writes it “${loosely.words}”: quote it as written there\n`);
      return exitCodes.problems;
    }
    if (nearMiss === undefined && partly !== undefined) {
      io.stderr.write(`not found verbatim; part of it is in ${partly.corpus}/${partly.source}:${partly.paragraph}  ${excerpt(partly.text)}\n`);
      io.stderr.write(`  “${partly.words}” is there word for word; the rest of the quote is not, as written: quote only what the source says\n`);
      return exitCodes.problems;
    }
    if (nearMiss === undefined) {
      // Said as what was searched: a near miss needs the quote's first words together (one word is chance).
      io.stderr.write(`not found: no paragraph of ${texts.length === 1 ? "the source" : `the ${texts.length} sources`} has the quote, nor its first ${numberWord(nearMissWords)} words together\n`);
      return exitCodes.problems;
    }
    io.stderr.write(`not found verbatim; closest: ${nearMiss.corpus}/${nearMiss.source}:${nearMiss.paragraph}  ${excerpt(nearMiss.text)}\n`);
    // Typographic marks around the words: the quote's own straight ones then read as part of it.
    if (nearMiss.quoteGoesOn === "") {
      // Every word matched, but not as whole words: "ice increase" in "price increase".
      io.stderr.write("  its words are there, but it starts or ends inside a word of the source: quote whole words\n");
      return exitCodes.problems;
    }
    const differs = nearMiss.sourceGoesOn === undefined ? "where the paragraph ends" : `where the source goes on “${nearMiss.sourceGoesOn}”`;
    io.stderr.write(`  the first ${nearMiss.matchedWords === 1 ? "word matches" : `${nearMiss.matchedWords} words match`}; then the quote has “${nearMiss.quoteGoesOn}”, ${differs}\n`);
    return exitCodes.problems;
  },
});

function excerpt(text: string): string {
  return text.length <= excerptWidth ? text : `${text.slice(0, excerptWidth - 1)}…`;
}
