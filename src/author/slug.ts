/**
 * Latin letters that are no letter and an accent, so that dropping accents leaves them as they are: written as
 * the two letters they stand for ("Überblick Straßenbahn" was "uberblick-stra-enbahn").
 */
const spelledOut: Readonly<Record<string, string>> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i" };

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
    .replace(/[ßæœøđðłþı]/g, (letter) => spelledOut[letter]!)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}
