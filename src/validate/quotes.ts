import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Extract } from "../schema/extract.js";
import { checkQuote, looselyFound, nearMissWords, type Paragraph } from "../text/paragraphs.js";
import { locateInExtract, type Origins } from "./origins.js";

/** Ids of the sources, with the paragraphs of their texts. */
export type SourceParagraphs = ReadonlyMap<string, readonly Paragraph[]>;

/** The first other source (in the extract's order) with the quote verbatim in one paragraph, and that paragraph. */
function otherSourceWithQuote(quote: string, sourceId: string, paragraphsBySource: SourceParagraphs): { source: string; paragraph: number } | undefined {
  for (const [other, paragraphs] of paragraphsBySource) {
    if (other === sourceId) continue;
    const found = checkQuote(quote, paragraphs, 1);
    if (found.status === "ok") return { source: other, paragraph: 1 };
    if (found.status === "wrong-paragraph" && found.foundIn.length === 1) return { source: other, paragraph: found.foundIn[0]! };
  }
  return undefined;
}

/** "paragraph 4", "paragraphs 4, 9": where a quote is. */
function paragraphsNamed(foundIn: readonly number[]): string {
  return foundIn.length === 1 ? `paragraph ${foundIn[0]}` : `paragraphs ${foundIn.join(", ")}`;
}

/** The locator to set for a quote found in these paragraphs: the one, or the one meant. */
function setLocatorHint(foundIn: readonly number[]): string {
  return foundIn.length === 1 ? `set locator: ${foundIn[0]}` : "set locator: to the one you quote from, or quote more words, so that one paragraph alone has them";
}

/** Every quote is verbatim in its source, in the paragraph its locator names. */
export function checkExtractQuotes(extract: Extract, origins: Origins, paragraphsBySource: SourceParagraphs): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const item of [...extract.claims, ...extract.facts]) {
    const paragraphs = paragraphsBySource.get(item.source);
    if (paragraphs === undefined) continue; // unknown source or missing text: reported elsewhere
    const kind = "viewpoint" in item ? "claim" : "fact";
    const ref = { kind, id: item.id } as const;
    const result = checkQuote(item.quote, paragraphs, item.locator);
    const foundIn = result.status === "wrong-paragraph" ? result.foundIn : [];
    if (item.locator > paragraphs.length) {
      // One error at the locator, saying where the quote is when the source has it: said apart as "not in paragraph
      // 40; it is in paragraph 4", it was a second error at the same caret.
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_LOCATOR_OUT_OF_RANGE",
        message: `${kind} "${item.id}" points at paragraph ${item.locator}, but source "${item.source}" has ${paragraphs.length}${foundIn.length > 0 ? `; its quote is in ${paragraphsNamed(foundIn)}` : ""}`,
        ...locateInExtract(origins, item, "locator"),
        hint: foundIn.length > 0 ? setLocatorHint(foundIn) : "a paragraph is a non-empty line of the source text, counted from 1",
        item: ref,
      });
    } else if (result.status === "wrong-paragraph") {
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_WRONG_LOCATOR",
        message: `the quote of ${kind} "${item.id}" is not in paragraph ${item.locator} of "${item.source}"; it is in ${paragraphsNamed(foundIn)}`,
        ...locateInExtract(origins, item, "locator"),
        hint: setLocatorHint(foundIn),
        item: ref,
      });
    }
    if (result.status === "not-found") {
      // Quoted from another source, with source: left at the one before: say where the words are.
      const elsewhere = otherSourceWithQuote(item.quote, item.source, paragraphsBySource);
      const loose = elsewhere === undefined ? looselyFound(item.quote, paragraphs) : undefined;
      // "…" for words left out: a quote is the source's words as they stand, one run of them.
      const ellipsis = /…|\.\.\./.test(item.quote) ? "a quote is one unbroken run of the source's words, with none left out by …: " : "";
      const hint =
        elsewhere !== undefined
          ? `the quote is verbatim in source "${elsewhere.source}", paragraph ${elsewhere.paragraph}: set source: ${elsewhere.source} and locator: ${elsewhere.paragraph} if that is where it comes from`
          : loose !== undefined
            ? `the source has these words with other capitals, punctuation or spacing, in paragraph ${loose.paragraph}: “${loose.text}”: copy them as written there`
            : result.matchedWords >= nearMissWords && result.expected !== undefined
              ? `${ellipsis}the first ${result.matchedWords} words match paragraph ${result.bestParagraph}, where the source goes on “${result.expected}”`
              : result.matchedWords >= nearMissWords
                ? `${ellipsis}the first ${result.matchedWords} words are the end of paragraph ${result.bestParagraph}, and the quote runs on past it: quote from one paragraph only`
                : `${ellipsis}copy the quote from the source text exactly; only whitespace, typographic quotes, dashes and ligatures may differ`;
      diagnostics.push({
        severity: "error",
        code: "EXTRACT_MISQUOTE",
        message: `the quote of ${kind} "${item.id}" is not verbatim in source "${item.source}"`,
        ...locateInExtract(origins, item, "quote"),
        hint,
        item: ref,
      });
    }
  }
  for (const source of extract.sources) {
    const paragraphs = paragraphsBySource.get(source.id);
    if (paragraphs === undefined) continue;
    source.context_only.forEach((entry, index) => {
      if (entry.paragraph > paragraphs.length) {
        diagnostics.push({
          severity: "error",
          code: "EXTRACT_LOCATOR_OUT_OF_RANGE",
          message: `context_only names paragraph ${entry.paragraph}, but source "${source.id}" has ${paragraphs.length}`,
          ...locateInExtract(origins, source, ["context_only", index, "paragraph"]),
        });
      }
    });
  }
  return diagnostics;
}

