import type { GlossaryEntry } from "../schema/extract.js";

/**
 * The names a glossary entry goes by in running text: "SCO (Shanghai
 * Cooperation Organization)" is found as "SCO" or as "Shanghai Cooperation
 * Organization"; "swing power / swing state" as either.
 */
export function termNames(term: string): string[] {
  const names = new Set<string>();
  for (const part of term.split(/\s+\/\s+/)) {
    const bare = part.replace(/\([^)]*\)/g, " ").replace(/["“”]/g, "").replace(/\s+/g, " ").trim();
    if (bare !== "") names.add(bare);
    for (const [, inner] of part.matchAll(/\(([^)]*)\)/g)) {
      // A parenthesis that names the thing ("Shanghai Cooperation Organization", "SREB") is another name for it;
      // one that qualifies it ("of national identity") is not.
      if (inner !== undefined && /^\p{Lu}/u.test(inner.trim())) names.add(inner.replace(/["“”]/g, "").trim());
    }
  }
  return [...names].filter((name) => /[\p{L}\p{N}]/u.test(name));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]");

/** An acronym (two capitals or more, as in "SCO", "G7") is matched as written; other names in any case. */
function namePattern(name: string): RegExp {
  const acronym = /\p{Lu}.*\p{Lu}/u.test(name) && name === name.toUpperCase();
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`, acronym ? "u" : "iu");
}

/** A name as the quick first test looks for it: lower case, spaces single, apostrophes straight. */
const folded = (text: string) => text.toLowerCase().replace(/\s+/g, " ").replace(/’/g, "'");

/** Each entry's names, as written and folded, found once however many briefs look for it. */
const namesOf = new WeakMap<GlossaryEntry, readonly { readonly name: string; readonly folded: string }[]>();

/**
 * Each name's pattern, made the first time its folded form is in a text: most names never are, and making a
 * pattern with Unicode classes took a build's first brief 10 ms for a glossary of forty.
 */
const patterns = new Map<string, RegExp>();

function patternOf(name: string): RegExp {
  let pattern = patterns.get(name);
  if (pattern === undefined) patterns.set(name, (pattern = namePattern(name)));
  return pattern;
}

/** The glossary entries that occur in a document's text. */
export function termsUsed(entries: readonly GlossaryEntry[], texts: readonly string[]): GlossaryEntry[] {
  const text = texts.join("\n");
  const foldedText = folded(text);
  return entries.filter((entry) => {
    let names = namesOf.get(entry);
    if (names === undefined) namesOf.set(entry, (names = termNames(entry.term).map((name) => ({ name, folded: folded(name) }))));
    // Most terms do not occur at all: a plain search says so before any pattern runs.
    return names.some(({ name, folded: foldedName }) => foldedText.includes(foldedName) && patternOf(name).test(text));
  });
}
