import { parse, YAMLError } from "yaml";
import { z } from "zod";
import { invalidArgument } from "../errors/argument.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { ParsedYamlCache } from "../load/parsed-yaml-cache.js";
import { phrasePattern } from "../text/phrases.js";
import { rememberText } from "../text/remember-text.js";

const Terms = z.array(z.string().trim().min(1)).min(1);

/** The balance word lists (data/lexicon.yaml). */
export const LexiconSchema = z.strictObject({
  tilt: z.strictObject({ loaded: Terms, puffery: Terms, hedges: Terms }),
  estimative: z.strictObject({
    rows: z.array(z.strictObject({ name: z.string(), terms: Terms })).length(2),
    off_scale: Terms,
    confidence: Terms,
  }),
  recommending: Terms,
});

export type Lexicon = z.infer<typeof LexiconSchema>;
export type TiltCategory = keyof Lexicon["tilt"];

/**
 * The word lists in `text`, checked against their shape. Through `parsed` (the build's parse cache), word lists an
 * earlier build parsed are not parsed again: about 15 ms of every build that prints, before its first document.
 */
export function parseLexicon(text: string, path = "data/lexicon.yaml", parsed?: ParsedYamlCache): Lexicon {
  const data = parsed?.data(text) ?? parseLexiconYaml(text, path);
  const result = LexiconSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // Keys dotted, a list's items counted from one, as a person counts them: "estimative.rows, item 1, terms".
    const runs: string[] = [];
    let keys: string[] = [];
    for (const part of issue.path) {
      if (typeof part !== "number") {
        keys.push(String(part));
        continue;
      }
      if (keys.length > 0) runs.push(keys.join("."));
      keys = [];
      runs.push(`item ${part + 1}`);
    }
    if (keys.length > 0) runs.push(keys.join("."));
    const field = runs.join(", ");
    throw new BriefsmithError("LEXICON_INVALID", `the balance word lists in ${path} are invalid${field === "" ? "" : ` at ${field}`}: ${issue.message}`);
  }
  parsed?.remember(text, data);
  return result.data;
}

function parseLexiconYaml(text: string, path: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    // The YAML library's own error, with its own codes, is no BriefsmithError: said as one, with the place.
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos?.[0];
    const where = at === undefined ? "" : ` at line ${at.line}, column ${at.col}`;
    throw new BriefsmithError("LEXICON_INVALID", `the balance word-list file ${path} is not valid YAML${where}: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, { cause: error });
  }
}

/**
 * Word lists a program passes (renderBrief's or validateBriefs's lexicon): those loadLexicon read are known good;
 * any other value is checked against their shape, once. Here, beside the schema, so that checking a build's
 * options does not load it (a build with nothing to do loads no zod).
 */
const checkedLexicons = new WeakSet<object>();

export function checkLexiconArgument(what: string, lexicon: unknown): void {
  if (lexicon === undefined || (typeof lexicon === "object" && lexicon !== null && checkedLexicons.has(lexicon))) return;
  if (!LexiconSchema.safeParse(lexicon).success) throw invalidArgument(what, lexicon, "balance word lists loadLexicon read");
  checkedLexicons.add(lexicon as object);
}

export interface TermMatch {
  /** The term matched, lower case, spaces normalised. */
  readonly term: string;
  readonly index: number;
  /** Characters matched in the text (a phrase may span more than one space). */
  readonly length: number;
}

/**
 * One compiled pattern per word list: a brief checks hundreds of texts against the same lists. It says what may
 * not follow a term; what may not come before one (a letter, a digit, a hyphen) is checked where it matches, which
 * found the terms in a brief's texts in half the time a lookbehind at every position of every text took.
 */
const patterns = new WeakMap<readonly string[], RegExp>();

function patternFor(terms: readonly string[]): RegExp {
  let pattern = patterns.get(terms);
  if (pattern === undefined) {
    const ordered = [...terms].sort((a, b) => b.length - a.length);
    pattern = new RegExp(`(?:${ordered.map(phrasePattern).join("|")})(?![\\p{L}\\p{N}-])`, "giu");
    patterns.set(terms, pattern);
  }
  return pattern;
}

/** A text that ends in a letter, a digit or a hyphen: a term found right after it is part of a longer word. */
const endsInWord = /[\p{L}\p{N}-]$/u;

/** The matches of `pattern` not preceded by a letter, digit or hyphen, found as a lookbehind in it would find them. */
function wholeWordMatches(text: string, pattern: RegExp): TermMatch[] {
  const found: TermMatch[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // Two code units: the character before may be one written as a surrogate pair.
    if (endsInWord.test(text.slice(Math.max(0, match.index - 2), match.index))) {
      // No term starts here; one may start at the next character, inside what was matched. A character written as
      // a surrogate pair is stepped over whole: from its second half, a Unicode pattern starts again at its first,
      // and found the same match for ever.
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    found.push(Object.freeze({ term: match[0].toLowerCase().replace(/\s+/g, " "), index: match.index, length: match[0].length }));
  }
  return found;
}

/** Each word list's matcher, remembering the texts it has seen. */
const matchers = new WeakMap<readonly string[], (text: string) => readonly TermMatch[]>();

/**
 * Whole-word, case-insensitive matches of any of `terms` in `text`. Longer
 * terms are tried first, so a phrase is matched once, not also as its words.
 */
export function findTerms(text: string, terms: readonly string[]): readonly TermMatch[] {
  let matcher = matchers.get(terms);
  if (matcher === undefined) {
    const pattern = patternFor(terms);
    matcher = rememberText((t) => Object.freeze(wholeWordMatches(t, pattern)));
    matchers.set(terms, matcher);
  }
  return matcher(text);
}
