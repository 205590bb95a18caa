import type { DocumentMetadata } from "./ingested-document.js";
import { normaliseWhitespace } from "./normalise-whitespace.js";
import { toPartialDate } from "./partial-date.js";

/** What Readability found in JSON-LD and bylines, used where the page's meta tags say nothing. */
export interface ReadabilityHints {
  readonly title?: string | null | undefined;
  readonly byline?: string | null | undefined;
  readonly publishedTime?: string | null | undefined;
  readonly siteName?: string | null | undefined;
}

/**
 * A web page's metadata from its head. For each field the most specific
 * source wins: Highwire Press `citation_*` tags (what scholarly and think-tank
 * sites publish for reference managers), then Open Graph / article tags, then
 * plain HTML (<meta name="author">, <title>), then Dublin Core.
 *
 * Only absolute http(s) addresses are kept as the URL: a relative canonical
 * link cannot be resolved without knowing where the page came from.
 */
export function readHtmlMetadata(document: Document, hints: ReadabilityHints = {}): DocumentMetadata {
  const meta = readMetaTags(document);
  const first = (...names: string[]) => names.map((name) => meta.get(name)?.[0]).find((value) => value !== undefined);
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? undefined;
  const authors = meta.get("citation_author");
  const publisher = first("og:site_name", "citation_publisher", "dc.publisher") ?? hints.siteName ?? undefined;
  const title = first("citation_title", "og:title", "twitter:title") ?? textOf(document.querySelector("title")) ?? first("dc.title") ?? hints.title ?? undefined;
  return {
    title: title === undefined ? undefined : withoutSiteName(title, publisher),
    author:
      authors?.join("; ") ??
      [first("author"), first("article:author"), first("dc.creator"), byline(hints.byline)].find(
        (name) => name !== undefined && !isAbsoluteHttpUrl(name), // article:author is often a profile URL, not a name
      ),
    date: toPartialDate(
      first("citation_publication_date", "citation_date", "article:published_time", "date", "dc.date", "dcterms.created") ??
        hints.publishedTime ??
        undefined,
    ),
    url: [canonical, first("og:url", "citation_public_url")].find(isAbsoluteHttpUrl),
    publisher,
  };
}

/** "Tram plan approved | Riverside Echo" is the article "Tram plan approved" of the site Riverside Echo. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (siteName === undefined) return title;
  for (const separator of [" | ", " - ", " – ", " — ", " :: "]) {
    const suffix = `${separator}${siteName}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length);
  }
  return title;
}

/** Meta tags by lower-cased name or property, each with its non-empty values in document order. */
function readMetaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const element of document.querySelectorAll("meta")) {
    const name = (element.getAttribute("name") ?? element.getAttribute("property"))?.trim().toLowerCase();
    const content = normaliseWhitespace(element.getAttribute("content") ?? "");
    if (name === undefined || content === "") continue;
    tags.set(name, [...(tags.get(name) ?? []), content]);
  }
  return tags;
}

function textOf(element: Element | null): string | undefined {
  const text = normaliseWhitespace(element?.textContent ?? "");
  return text === "" ? undefined : text;
}

/** "By Jane Roe" as Readability finds it in the page's text. */
function byline(text: string | null | undefined): string | undefined {
  const name = normaliseWhitespace(text ?? "").replace(/^by\s+/i, "");
  return name === "" ? undefined : name;
}

function isAbsoluteHttpUrl(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false; // relative or malformed
  }
}
