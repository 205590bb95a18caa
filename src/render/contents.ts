import type { BalanceReport } from "../balance/measure.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import type { BriefModel } from "../model.js";
import { contentsEntries, mayHaveContents, type RenderHtml } from "./render.js";

/**
 * A printed table of contents for a document that runs long (a handout past
 * six pages). Chromium cannot print page numbers of targets (no CSS
 * target-counter), so they are read back from the printed PDF's outline: the
 * document is printed once with placeholder numbers of the same width, its
 * headings' pages read from the outline, and printed again with the numbers
 * filled in. The layout does not move between the two, so the numbers are right.
 */

/** A document longer than this many pages gets a table of contents. */
const contentsAfterPages = 6;

export interface PrintedDocument {
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** What the printer noticed (requests blocked, pages shrunk). */
  readonly warnings: readonly string[];
}

/** The page of each top-level heading of a PDF, by its title as printed, less its portion mark (`portionMark`). */
async function outlinePages(pdf: Uint8Array, portionMark: string | undefined): Promise<Map<string, number>> {
  const { getDocumentProxy } = await import("unpdf");
  const document = await getDocumentProxy(new Uint8Array(pdf), { isEvalSupported: false, verbosity: 0 });
  try {
    const pages = new Map<string, number>();
    const visit = async (items: readonly { title: string; dest: unknown; items: readonly unknown[] }[] | null, depth: number) => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === "string" ? await document.getDestination(item.dest) : (item.dest as unknown[] | null);
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        if (ref !== undefined && ref !== null && typeof ref === "object") {
          // A marked document's headings start with the mark ("(U//FOUO) 1. Energy"); the entries do not.
          const title = item.title.trimStart();
          const key = normaliseTitle(portionMark !== undefined && title.startsWith(portionMark) ? title.slice(portionMark.length) : title);
          if (!pages.has(key)) pages.set(key, (await document.getPageIndex(ref as Parameters<typeof document.getPageIndex>[0])) + 1);
        }
        if (depth < 2) await visit(item.items as typeof items, depth + 1);
      }
    };
    await visit((await document.getOutline()) as Parameters<typeof visit>[0], 0);
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Titles compared as a reader sees them: spacing, case and the shape of quotation marks do not matter. */
function normaliseTitle(title: string): string {
  return title.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * The document as first rendered, after the renderings a long handout gets too have been tried: its table of
 * contents, first without page numbers, then with one for every entry. Whether a document runs past six pages is
 * known only once printed, and a template that fails only on its contents (`{{#if page}}` around a helper given a
 * value it cannot use) would fail only then: build, validate and renderBrief all render through this, so they
 * refuse such a template at once, whatever a brief's length.
 */
export function renderTried(render: RenderHtml, model: BriefModel, balance: BalanceReport): string {
  const html = render(model, balance);
  if (!mayHaveContents(model.layout)) return html;
  const everyPage = new Map(contentsEntries(model).map((entry) => [entry.anchor, contentsAfterPages + 1]));
  try {
    render(model, balance, { contents: {} });
    render(model, balance, { contents: { pages: everyPage } });
  } catch (error) {
    if (!(error instanceof BriefsmithError) || error.code !== "TEMPLATE_RENDER_FAILED") throw error;
    throw new BriefsmithError(error.code, `${error.message} (with the table of contents a document past ${contentsAfterPages} pages gets)`, { hint: error.hint, cause: error });
  }
  return html;
}

/** Layouts whose document must fit on one page. */
const onePageLayouts = new Set(["one-pager"]);

/**
 * Render and print a document; a handout that runs past six pages is printed
 * again with a table of contents whose page numbers come from the first
 * printing with it. Other documents print once. `rendered` is the document
 * as render(model, balance) made it, when the caller has it already. Both
 * `brief build` and `brief preview` print through this, so the pages agree,
 * and so do the warnings: the printer's, and a one-pager that runs longer.
 */
export async function printWithContents<T extends PrintedDocument>(
  render: RenderHtml,
  model: BriefModel,
  balance: BalanceReport,
  print: (html: string) => Promise<T>,
  rendered?: string,
): Promise<{ html: string; printed: T; warnings: readonly string[] }> {
  const { html, printed } = await printOnceOrWithContents(render, model, balance, print, rendered);
  const warnings = [...printed.warnings];
  if (onePageLayouts.has(model.layout) && printed.pages > 1) {
    warnings.push(`a ${model.layout} should fit on one page but runs to ${printed.pages}; select fewer themes or set claims_per_viewpoint`);
  }
  return { html, printed, warnings };
}

async function printOnceOrWithContents<T extends PrintedDocument>(
  render: RenderHtml,
  model: BriefModel,
  balance: BalanceReport,
  print: (html: string) => Promise<T>,
  rendered: string | undefined,
): Promise<{ html: string; printed: T }> {
  const html = rendered ?? render(model, balance);
  const printed = await print(html);
  if (!mayHaveContents(model.layout) || printed.pages <= contentsAfterPages) return { html, printed };
  const unnumbered = render(model, balance, { contents: {} });
  const first = await print(unnumbered);
  const byTitle = await outlinePages(first.pdf, model.portionMark);
  const pages = new Map<string, number>();
  for (const entry of contentsEntries(model)) {
    const page = byTitle.get(normaliseTitle(entry.title));
    if (page !== undefined) pages.set(entry.anchor, page);
  }
  let finalHtml: string;
  try {
    finalHtml = render(model, balance, { contents: { pages } });
  } catch (error) {
    // renderTried rendered the contents with placeholder numbers, and validate passed the template on them; one that
    // fails only on the numbers the printing found (a {{#unless (eq page 7)}}) must not make build refuse what
    // validate accepted. The contents as first printed, without numbers, stand, and the build says so.
    if (!(error instanceof BriefsmithError) || error.code !== "TEMPLATE_RENDER_FAILED") throw error;
    return { html: unnumbered, printed: { ...first, warnings: [...first.warnings, `the table of contents is printed without page numbers: with them, ${error.message}`] } };
  }
  return { html: finalHtml, printed: await print(finalHtml) };
}
