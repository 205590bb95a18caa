/** smartypants 0.2 ships no types: the one function Briefsmith calls. */
declare module "smartypants" {
  /** Typographic quotes, dashes and ellipses as Unicode characters; HTML tags and <code>/<pre> are left alone. */
  export function smartypantsu(text: string, attributes?: string | number): string;
}
