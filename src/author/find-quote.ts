import { checkQuote, containsWholeWords, looselyFound, nearMissWords, normaliseForQuote } from "../text/paragraphs.js";
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

/** A run of the quote's words found together in a paragraph, when its first words are nowhere. */
export interface PartlyFound extends QuoteLocation {
  readonly words: string;
}

/** Fewer words together than this are chance, not the quote. */
const partWords = 4;

/**
 * Every paragraph a quote is verbatim in, by the checker's own rules (only
 * whitespace, typographic quotes and dashes may differ; whole words at both
 * ends); when there is none, the closest near-miss.
 */
export function findQuote(
  quote: string,
  texts: readonly SourceText[],
): { found: QuoteLocation[]; nearMiss: NearMiss | undefined; partly?: PartlyFound; loosely?: PartlyFound } {
  const wanted = normaliseForQuote(quote);
  const found: QuoteLocation[] = [];
  for (const text of texts) {
    for (const paragraph of text.paragraphs) {
      if (containsWholeWords(normaliseForQuote(paragraph.text), wanted)) found.push({ corpus: text.corpus, source: text.source, paragraph: paragraph.number, text: paragraph.text });
    }
  }
  if (found.length > 0 || wanted === "") return { found, nearMiss: undefined };
  // Every word there, in order, but with other capitals, punctuation or spacing ("Treat us …" for "treat us …"): that is what
  // differs, and the source's own text of them is what to quote (a staffer was told only that four words matched).
  for (const text of texts) {
    const loose = looselyFound(quote, text.paragraphs);
    if (loose !== undefined) {
      const loosely = { corpus: text.corpus, source: text.source, paragraph: loose.paragraph, text: text.paragraphs[loose.paragraph - 1]!.text, words: loose.text };
      return { found, nearMiss: undefined, loosely };
    }
  }
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
  // A run of its words further in that is longer than the near miss's opening says more: "The council cannot price
  // people out of their cars…" matched "The council" somewhere, and the seven words in the source were not named.
  const { partly } = partlyFound(words, texts, (nearMiss?.matchedWords ?? 0) + 1);
  if (partly !== undefined) return { found, nearMiss: undefined, partly };
  return { found, nearMiss };
}

/**
 * The longest run of the quote's words found together in a paragraph: a staffer's quote whose opening she had
 * reworded ("You can't price people out of their cars before …") was "not found" although "price people out of
 * their cars before" is in the source word for word, because a near miss was looked for from the first words only.
 */
function partlyFound(words: readonly string[], texts: readonly SourceText[], atLeast: number): { partly?: PartlyFound } {
  const paragraphs = texts.flatMap((text) => text.paragraphs.map((paragraph) => ({ text, paragraph, normalised: normaliseForQuote(paragraph.text) })));
  // Runs of up to forty words are looked for: a pasted page would otherwise be searched for every run of it.
  for (let length = Math.min(words.length - 1, 40); length >= Math.max(partWords, atLeast); length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length).join(" ");
      const at = paragraphs.find((p) => containsWholeWords(p.normalised, run));
      if (at !== undefined) return { partly: { corpus: at.text.corpus, source: at.text.source, paragraph: at.paragraph.number, text: at.paragraph.text, words: run } };
    }
  }
  return {};
}
