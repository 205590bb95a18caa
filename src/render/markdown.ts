import Handlebars from "handlebars/runtime.js";
import { Lexer, Marked, type Token, type Tokens } from "marked";
import { rememberText } from "../text/remember-text.js";

const escapeHtml = Handlebars.Utils.escapeExpression;

/** Link targets a printed brief may carry; anything else (javascript:, data:, file:, …) becomes plain text. */
const allowedLinkProtocols = new Set(["http:", "https:", "mailto:"]);

export function isAllowedLink(href: string): boolean {
  try {
    return allowedLinkProtocols.has(new URL(href).protocol);
  } catch {
    return false; // relative or malformed: nothing to follow in a PDF
  }
}

/**
 * Markdown for text from extracts and briefs, which is data, not markup: raw
 * HTML is escaped (shown as typed, never interpreted), links keep only http,
 * https and mailto targets, and images become their alt text, so a document
 * can never load anything.
 *
 * Escaping rather than sanitising with an allowlist: claim text has no need
 * for HTML, and escaping cannot be bypassed by a clever tag.
 */
function createMarked(): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        if (!isAllowedLink(token.href)) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        return `<a href="${escapeHtml(token.href)}"${title}>${inner}</a>`;
      },
      image(token: Tokens.Image) {
        return escapeHtml(token.text);
      },
      // A heading in a summary would become an entry in the PDF's outline: it is shown as bold text instead.
      heading(token: Tokens.Heading) {
        return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>\n`;
      },
      text(token: Tokens.Text | Tokens.Escape) {
        // After an inline <pre>, <code>, <kbd> or <script> tag, marked marks the text that follows as "escaped" and
        // prints it raw, trusting that tag to hold it. Here the tag itself is escaped, so that text must be too,
        // or "<code><img src=x onerror=…" would come out as a live <img>.
        if (!("tokens" in token && token.tokens) && "escaped" in token && token.escaped) return escapeHtml(token.text);
        return false; // marked's own renderer: it escapes
      },
    },
  });
}

const marked = createMarked();

/** Inline Markdown (no paragraphs), for claim and fact text. */
export const renderInlineMarkdown = rememberText((text) => marked.parseInline(text, { async: false }));

const blockHtml = rememberText((text) => marked.parse(text, { async: false }));

/**
 * Block Markdown (paragraphs, lists), for longer passages such as a brief's
 * summary. With a portion mark ("(U)"), each paragraph, list item and table
 * cell starts with it: every tag in the output is the renderer's own (raw
 * HTML in the text is escaped), so the opening tags can be found as written.
 */
export function renderBlockMarkdown(text: string, portionMark?: string): string {
  const html = blockHtml(text);
  if (portionMark === undefined) return html;
  const mark = `<span class="portion-mark">${escapeHtml(portionMark)}</span> `;
  // A loose list item holds paragraphs, which carry the mark themselves.
  return html.replace(/<p>|<li>(?!<p>)|<t[dh]( [^>]*)?>/g, (tag) => `${tag}${mark}`);
}

/** Block-level tokens of Markdown, as the HTML renderer sees them: for renderers of other formats (Word). */
export function markdownBlockTokens(text: string): Token[] {
  return marked.lexer(text);
}

/** Inline tokens of Markdown (no paragraphs), as renderInlineMarkdown sees them. */
export function markdownInlineTokens(text: string): Token[] {
  return Lexer.lexInline(text, marked.defaults);
}
