/**
 * What a rendered brief may contain, as an allowlist: the tags and attributes
 * of Briefsmith's templates and of marked's Markdown output, links to http,
 * https and mailto only, and one style sheet that loads nothing. Anything
 * else found in the HTML is a way for text from a brief or an extract to act
 * as markup. Shared by the hostile corpus and the fuzz tests.
 */

const allowedTags = new Set([
  "html", "head", "meta", "title", "style", "body", "header", "section", "div", "p", "span", "strong", "em", "del", "q",
  "cite", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "a", "input",
]);

const allowedAttributes = new Set(["class", "id", "lang", "scope", "rowspan", "colspan", "value", "align", "title", "href", "charset", "name", "content", "http-equiv", "checked", "disabled", "type", "start"]);

const allowedLinkSchemes = /^(?:https?|mailto):/i;

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const attributePattern = /([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The problems found in `html`; an empty list means it is safe to print. */
export function findUnsafeHtml(html: string): string[] {
  const problems: string[] = [];
  for (const pattern of [/<script/i, /<iframe/i, /<img/i, /<object/i, /<embed/i, /<svg/i, /<link/i, /<base/i, /href\s*=\s*["']?\s*javascript:/i]) {
    if (pattern.test(html)) problems.push(`contains ${pattern.source}`);
  }
  let styles = 0;
  for (const match of html.matchAll(tagPattern)) {
    const [tag, closing, rawName, rawAttributes] = match;
    const name = rawName!.toLowerCase();
    if (!allowedTags.has(name)) problems.push(`tag <${name}> is not allowed: ${tag.slice(0, 120)}`);
    if (closing) continue;
    if (name === "style") styles++;
    const attributes = new Map<string, string>();
    for (const attribute of rawAttributes!.matchAll(attributePattern)) {
      const attributeName = attribute[1]!.toLowerCase();
      const value = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
      attributes.set(attributeName, value);
      if (/^on/.test(attributeName)) problems.push(`event handler ${attributeName}= in ${tag.slice(0, 120)}`);
      else if (!allowedAttributes.has(attributeName)) problems.push(`attribute ${attributeName}= is not allowed in ${tag.slice(0, 120)}`);
      if (attributeName === "href" && !allowedLinkSchemes.test(value.replace(/[\u0000-\u0020]/g, ""))) {
        problems.push(`link to a scheme other than http, https or mailto: ${tag.slice(0, 120)}`);
      }
    }
    if (name === "meta" && attributes.has("http-equiv") && attributes.get("http-equiv")!.toLowerCase() !== "content-security-policy") {
      problems.push(`<meta http-equiv="${attributes.get("http-equiv")}">`);
    }
    if (name === "input" && (attributes.get("type") !== "checkbox" || !attributes.has("disabled"))) {
      problems.push(`an input that is not a disabled checkbox: ${tag}`);
    }
  }
  if (styles > 1) problems.push(`${styles} style elements; the templates have one`);
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    const css = match[1]!;
    if (/@import/i.test(css)) problems.push("the style sheet has an @import");
    if (/url\s*\(/i.test(css)) problems.push("the style sheet has a url()");
    if (/expression\s*\(/i.test(css)) problems.push("the style sheet has an expression()");
  }
  return problems;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/gi, '"')
    .replace(/&apos;/gi, "'")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&amp;/gi, "&");
}
