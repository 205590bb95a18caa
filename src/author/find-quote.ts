import { checkQuote, containsWholeWords, nearMissWords, normaliseForQuote } from "../text/paragraphs.js";
import type { SourceText } from "./source-texts.js";

/** A paragraph a quote is verbatim in: what a locator names. */
export interface QuoteLocation {
  readonly corpus: string;
  readonly source: string;
  readonly paragraph: number;
  readonly text: string;
}

/** Where a quote comes closest when it is verbatim nowhere: how far it matches, and where it and the source part. */
export interface NearMiss extends QuoteLocation {
  /** Leading words of the quote found verbatim in the paragraph. */
  readonly matchedWords: number;
  /** The quote from where it departs from the source. */
  readonly quoteGoesOn: string;
  /** The source from the same point, as many words. */
  readonly sourceGoesOn: string | undefined;
}

/**
 * Every paragraph a quote is verbatim in, by the checker's own rules (only
 * whitespace, typographic quotes and dashes may differ; whole words at both
 * ends); when there is none, the closest near-miss.
 */
export function findQuote(quote: string, texts: readonly SourceText[]): { found: QuoteLocation[]; nearMiss: NearMiss | undefined } {
  const wanted = normaliseForQuote(quote);
  const found: QuoteLocation[] = [];
  for (const text of texts) {
    for (const paragraph of text.paragraphs) {
      if (containsWholeWords(normaliseForQuote(paragraph.text), wanted)) found.push({ corpus: text.corpus, source: text.source, paragraph: paragraph.number, text: paragraph.text });
    }
  }
  if (found.length > 0 || wanted === "") return { found, nearMiss: undefined };
  let nearMiss: NearMiss | undefined;
  const words = wanted.split(" ");
  for (const text of texts) {
    const result = checkQuote(quote, text.paragraphs, 0);
    if (result.status !== "not-found" || result.bestParagraph === undefined || result.matchedWords < nearMissWords || result.matchedWords <= (nearMiss?.matchedWords ?? 0)) continue;
    const rest = words.slice(result.matchedWords);
    nearMiss = {
      corpus: text.corpus,
      source: text.source,
      paragraph: result.bestParagraph,
      text: text.paragraphs[result.bestParagraph - 1]!.text,
      matchedWords: result.matchedWords,
      quoteGoesOn: rest.slice(0, 4).join(" "),
      sourceGoesOn: result.expected,
    };
  }
  return { found, nearMiss };
}
