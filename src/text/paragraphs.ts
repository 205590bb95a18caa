import { withoutInvisibleCharacters } from "./invisible.js";

/**
 * A paragraph of a source text, as locators count them: every non-empty line
 * is one paragraph (headings and bullets included), numbered from 1.
 */
export interface Paragraph {
  readonly number: number;
  readonly text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.trim() !== "") paragraphs.push({ number: paragraphs.length + 1, text: line.trim() });
  }
  return paragraphs;
}

/** Ligatures as their letters: a PDF's text is imported so, and a quote copied from a PDF viewer keeps them. */
const ligatures: Readonly<Record<string, string>> = { "\uFB00": "ff", "\uFB01": "fi", "\uFB02": "fl", "\uFB03": "ffi", "\uFB04": "ffl", "\uFB05": "st", "\uFB06": "st" };

/**
 * The comparison form of a quote: only whitespace, typographic quotes,
 * dashes, ligatures and invisible characters are normalised. Case, spelling
 * and punctuation must match exactly, because a memo prints the quote as the
 * source's own words.
 */
export function normaliseForQuote(text: string): string {
  return withoutInvisibleCharacters(text)
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligatures[ligature]!)
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A quote whose first words match fewer than these is no near miss ("the first 1 word match", on "the"): one word is chance. */
export const nearMissWords = 2;

export type QuoteCheck =
  | { readonly status: "ok" }
  | { readonly status: "wrong-paragraph"; readonly foundIn: readonly number[] }
  | { readonly status: "not-found"; readonly matchedWords: number; readonly bestParagraph: number | undefined; readonly expected: string | undefined };

/** Normalised paragraphs, computed once per source text however many quotes it is checked against. */
const normalisedParagraphs = new WeakMap<readonly Paragraph[], readonly string[]>();

function normalisedOf(paragraphs: readonly Paragraph[]): readonly string[] {
  let normalised = normalisedParagraphs.get(paragraphs);
  if (normalised === undefined) {
    normalised = paragraphs.map((p) => normaliseForQuote(p.text));
    normalisedParagraphs.set(paragraphs, normalised);
  }
  return normalised;
}

/** Is `quote` verbatim in paragraph `locator` of the source? If not, where is it, or how far does it match? */
export function checkQuote(quote: string, paragraphs: readonly Paragraph[], locator: number): QuoteCheck {
  const wanted = normaliseForQuote(quote);
  const normalised = normalisedOf(paragraphs);
  const inParagraph = (index: number) => normalised[index] !== undefined && containsWholeWords(normalised[index]!, wanted);
  if (inParagraph(locator - 1)) return { status: "ok" };
  const foundIn = paragraphs.filter((_, i) => inParagraph(i)).map((p) => p.number);
  if (foundIn.length > 0) return { status: "wrong-paragraph", foundIn };
  return { status: "not-found", ...longestMatchingPrefix(wanted, normalised) };
}

/**
 * The quote's words, in order, in one paragraph, read without case or punctuation: the paragraph and the source's own
 * text of them ("Small shops cannot survive two years of detours." is the source's "small shops cannot survive two
 * years of detours"). For the hint of a quote that is not verbatim: it says what differs when only that does.
 */
export function looselyFound(quote: string, paragraphs: readonly Paragraph[]): { paragraph: number; text: string } | undefined {
  // Letters and digits only, compared without case: a hyphen or space more or less reads the same too. A PDF's word
  // broken at a line's end loses its own hyphen ("well-" + "known" is stored "wellknown"), and an author quoting it
  // as printed was told only that the first words matched (an author's test).
  const wanted = lettersOf(normaliseForQuote(quote)).letters;
  if (wanted === "") return undefined;
  const normalised = normalisedOf(paragraphs);
  for (const [index, { letters, at }] of lettersOfParagraphs(paragraphs).entries()) {
    const text = normalised[index]!;
    for (let found = letters.indexOf(wanted); found !== -1; found = letters.indexOf(wanted, found + 1)) {
      const start = at[found]!;
      const end = at[found + wanted.length - 1]! + 1;
      // Whole words only: "an alliance" is not loosely in "Titan alliance".
      if ((start === 0 || !letterOrMark.test(text[start - 1]!)) && (end === text.length || !letterOrMark.test(text[end]!))) {
        return { paragraph: paragraphs[index]!.number, text: text.slice(start, end) };
      }
    }
  }
  return undefined;
}

/** A character that goes on a word: a combining mark too ("e" and an acute accent end no word). */
const letterOrMark = /[\p{L}\p{N}\p{M}]/u;

const digitCharacter = /\p{N}/u;
const letterOrMarkCharacter = /[\p{L}\p{M}]/u;

/** What a text is compared by when its punctuation is set aside: see lettersOf. */
interface Letters {
  readonly letters: string;
  /** Where each code unit of `letters` stands in the text. */
  readonly at: Int32Array;
}

/** Each paragraph's letters, worked out once per source text however many quotes miss it (a 15 MB text took 0.9 s a quote). */
const lettersOfNormalised = new WeakMap<readonly Paragraph[], readonly Letters[]>();

function lettersOfParagraphs(paragraphs: readonly Paragraph[]): readonly Letters[] {
  let letters = lettersOfNormalised.get(paragraphs);
  if (letters === undefined) {
    letters = normalisedOf(paragraphs).map(lettersOf);
    lettersOfNormalised.set(paragraphs, letters);
  }
  return letters;
}

/**
 * A text's letters and digits, lower-cased where that keeps their length. What stands between two digits is kept as
 * one mark: "10.5 percent" is not "105 percent", nor "2,3" "23" (a review found the hint calling a figure's point
 * punctuation).
 */
function lettersOf(text: string): Letters {
  const letters: string[] = [];
  // At most one entry per code unit, and one mark per digit: the text's length twice over is room enough.
  const at = new Int32Array(text.length * 2);
  let count = 0;
  let previousDigitEnd = -1;
  for (let index = 0; index < text.length; ) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    const character = text.slice(index, index + width);
    const ascii = code < 128;
    const digit = ascii ? code >= 48 && code <= 57 : digitCharacter.test(character);
    if (digit || (ascii ? (code | 32) >= 97 && (code | 32) <= 122 : letterOrMarkCharacter.test(character))) {
      if (digit && previousDigitEnd !== -1 && previousDigitEnd < index) {
        letters.push("|");
        at[count++] = previousDigitEnd;
      }
      const lower = character.toLowerCase();
      letters.push(lower.length === character.length ? lower : character);
      for (let unit = 0; unit < width; unit++) at[count++] = index + unit;
      previousDigitEnd = digit ? index + width : -1;
    }
    index += width;
  }
  return { letters: letters.join(""), at: at.slice(0, count) };
}

const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Does `text` contain `quote` without cutting a word at either end? "is an
 * alliance" is not verbatim in "This an alliance", though it is a substring.
 */
export function containsWholeWords(text: string, quote: string): boolean {
  if (quote === "") return false;
  const checkStart = wordCharacter.test(quote[0]!);
  const checkEnd = wordCharacter.test(quote[quote.length - 1]!);
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const before = at > 0 ? text[at - 1]! : "";
    const after = text[at + quote.length] ?? "";
    if ((!checkStart || !wordCharacter.test(before)) && (!checkEnd || !wordCharacter.test(after))) return true;
  }
  return false;
}

/**
 * How many leading words of the quote appear verbatim somewhere, and what the
 * source has where the quote departs from it: the hint that finds a typo.
 */
function longestMatchingPrefix(
  wanted: string,
  paragraphs: readonly string[],
): { matchedWords: number; bestParagraph: number | undefined; expected: string | undefined } {
  const words = wanted.split(" ");
  let best = { matchedWords: 0, bestParagraph: undefined as number | undefined, expected: undefined as string | undefined };
  paragraphs.forEach((paragraph, index) => {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (paragraph.includes(words.slice(0, middle).join(" "))) low = middle;
      else high = middle - 1;
    }
    if (low > best.matchedWords) {
      const prefix = words.slice(0, low).join(" ");
      const at = paragraph.indexOf(prefix) + prefix.length;
      const following = paragraph.slice(at).trim().split(" ").slice(0, 4).join(" ");
      best = { matchedWords: low, bestParagraph: index + 1, expected: following || undefined };
    }
  });
  return best;
}
