/**
 * What an id looks like: lower-case letters, digits and single hyphens. Apart from the schemas, so that
 * what only matches ids (finding a brief by id, reading templates) does not load zod.
 */
export const idPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
