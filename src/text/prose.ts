import { pluralNoun } from "./plural.js";

/**
 * Running text as a person writes it (CRS and GPO style): the numbers one to
 * nine in words, nouns that agree with their count, lists joined with "and",
 * notes that start with a capital. Pure functions, shared by every renderer
 * and by the stages that build reader-facing sentences (select, balance).
 */

const smallNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

/** One to nine in words, 10 and above in figures (with thousands separators): "three", "12", "1,200". */
export function numberWord(count: number): string {
  if (Number.isInteger(count) && count >= 0 && count < 10) return smallNumbers[count]!;
  return count.toLocaleString("en-US");
}

/**
 * Counts compared in one sentence are written alike (Chicago 9.7): in words
 * when all are under ten, else all in figures ("nine and 15 words" reads
 * worse than "9 and 15 words").
 */
export function numbersAlike(counts: readonly number[]): (count: number) => string {
  return counts.some((n) => n >= 10) ? (n) => n.toLocaleString("en-US") : numberWord;
}

/** A count with its noun, agreeing: "one question", "three questions", "12 claims", "no facts" for zero when `zero` is "no". */
export function countOf(
  count: number,
  noun: string,
  options: { zero?: "no" | "zero"; plural?: string; write?: (count: number) => string } = {},
): string {
  if (count === 0 && options.zero === "no") return `no ${options.plural ?? pluralNoun(noun)}`;
  const word = count === 1 ? noun : (options.plural ?? pluralNoun(noun));
  return `${(options.write ?? numberWord)(count)} ${word}`;
}

/** "a", "a and b", "a, b and c" (no serial comma, as CRS writes). */
export function joinWords(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** The first letter in upper case, the rest as written: notes start like sentences ("Workshop synopsis."). */
export function sentenceCase(text: string): string {
  const trimmed = text.trim();
  const first = trimmed.match(/\p{L}/u);
  if (first === null || first.index === undefined) return trimmed;
  return trimmed.slice(0, first.index) + first[0].toUpperCase() + trimmed.slice(first.index + 1);
}

/**
 * A sentence of the author's, printed as one: a capital, and a full stop unless it ends with its own mark. A
 * source's date note written as a stub ("undated web page") ran into the quality note after it.
 */
export function asSentence(text: string): string {
  const capitalised = sentenceCase(text);
  return `${capitalised}${fullStop(capitalised)}`;
}

/** The full stop a text needs to end a sentence: none when it is empty or ends with its own mark (a quote's too: quoteEnd). */
export function fullStop(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" || /[.!?…]["'”’)\]]*$/u.test(trimmed) ? "" : ".";
}

/** A title run in before text ("Economic and energy ties. The sources…"): a full stop unless it ends with its own mark. */
export function runInHeading(title: string): string {
  const trimmed = title.trim();
  return /[.!?:]["”’)]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The title for the running header: the short title when the brief gives one,
 * else the title itself when it fits, else what comes before its colon when
 * that fits and says something ("Central Asia and energy", not a title cut
 * mid-phrase on every page), else cut at the last word boundary that fits,
 * without a dangling comma or colon, and an ellipsis.
 */
export function runningTitle(title: string, shortTitle: string | undefined, maxLength = 48): string {
  if (shortTitle !== undefined) return shortTitle;
  if (title.length <= maxLength) return title;
  const beforeColon = title.split(": ")[0]!;
  if (beforeColon !== title && beforeColon.length <= maxLength && beforeColon.split(/\s+/).length >= 2) return beforeColon;
  const room = title.slice(0, maxLength); // the ellipsis takes the place of the space it cuts at
  const cut = room.lastIndexOf(" ");
  let head = (cut > maxLength / 3 ? room.slice(0, cut) : room.slice(0, maxLength - 1)).replace(/[\s,;:–—-]+$/u, "");
  // Nor a word that leads into what was cut ("in a partnership of…"): the header ends on a word that says something.
  for (let shorter = withoutLeadingWord(head); shorter !== head && shorter.length > maxLength / 3; shorter = withoutLeadingWord(head)) head = shorter;
  return `${head}…`;
}

/** Articles, prepositions and conjunctions: words that lead into the next one. */
const leadingWords = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as", "into"]);

/** The text without a last word that leads into the next, nor the punctuation before it. */
function withoutLeadingWord(text: string): string {
  const last = /\s(\S+)$/u.exec(text);
  return last !== null && leadingWords.has(last[1]!.toLowerCase()) ? text.slice(0, last.index).replace(/[\s,;:–—-]+$/u, "") : text;
}
