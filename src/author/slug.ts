/**
 * An id made from a name: lower case, letters and digits, single hyphens,
 * at most 64 characters; accents dropped ("Rapport Étude 2023.pdf" →
 * "rapport-etude-2023"). Empty when the name has no letter or digit.
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}
