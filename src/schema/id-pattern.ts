/** The longest id idPattern takes. */
export const idMaxLength = 64;

/** An id's characters, whatever its length: runs of lower-case letters and digits, joined by single hyphens. */
const idCharacters = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What an id looks like: lower-case letters, digits and single hyphens, at most idMaxLength of them. Apart from the
 * schemas, so that what only matches ids (finding a brief by id, reading templates) does not load zod.
 */
export const idPattern = new RegExp(`^(?=.{1,${idMaxLength}}$)${idCharacters.source.slice(1)}`);

/** An id of good characters but too long: its length is what to say, not which characters an id takes. */
export function isIdTooLong(value: string): boolean {
  // Every character one an id takes, and nothing else wrong: one with a capital or an underscore is told that too.
  return value.length > idMaxLength && idCharacters.test(value);
}

/** The name an id of good characters but hyphens together would have with single ones: what to suggest for it. */
export function withSingleHyphens(value: string): string | undefined {
  const single = value.replace(/-{2,}/g, "-");
  return single !== value && idPattern.test(single) ? single : undefined;
}
