/**
 * What an id looks like: lower-case letters, digits and single hyphens. Apart from the schemas, so that
 * what only matches ids (finding a brief by id, reading templates) does not load zod.
 */
export const idPattern = /^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest id idPattern takes. */
export const idMaxLength = 64;

/** An id of good characters but too long: its length is what to say, not which characters an id takes. */
export function isIdTooLong(value: string): boolean {
  // Every character one an id takes, and nothing else wrong: one with a capital or an underscore is told that too.
  return value.length > idMaxLength && /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/.test(value);
}

/** The name an id of good characters but hyphens together would have with single ones: what to suggest for it. */
export function withSingleHyphens(value: string): string | undefined {
  const single = value.replace(/-{2,}/g, "-");
  return single !== value && idPattern.test(single) ? single : undefined;
}
