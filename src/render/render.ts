import Handlebars from "handlebars";
import type { BalanceReport } from "../balance/measure.js";
import type { BriefModel } from "../model.js";
import type { TemplateName } from "../schema/brief.js";
import { cssString } from "./css.js";
import { renderBlockMarkdown, renderInlineMarkdown } from "./markdown.js";
import type { TemplateSet } from "../load/templates.js";

/** What a template sees: the model, its balance figures, and the style sheet. */
export interface TemplateContext {
  readonly brief: BriefModel;
  readonly balance: BalanceReport;
  readonly styles: string;
  readonly generator: string;
  /** Quotes longer than this many words are left out (the memo prints short quotes only). */
  readonly maxQuoteWords: number | undefined;
}

export type RenderHtml = (model: BriefModel, balance: BalanceReport) => string;

/** Memos and one-pagers are read in minutes: they quote briefly. Handouts quote in full. */
const quoteWordLimits: Partial<Record<TemplateName, number>> = { memo: 30, "one-pager": 20 };

const kindLabels: Record<string, string> = { reporting: "Reporting", judgment: "Judgment", assumption: "Assumption" };
const bearingSymbols: Record<string, string> = { consistent: "C", inconsistent: "I", neutral: "N" };

function registerHelpers(handlebars: typeof Handlebars): void {
  const safe = (html: string) => new handlebars.SafeString(html);
  handlebars.registerHelper({
    md: (text: string) => safe(renderInlineMarkdown(String(text ?? ""))),
    mdBlock: (text: string) => safe(renderBlockMarkdown(String(text ?? ""))),
    cssString: (text: string) => safe(cssString(String(text ?? ""))),
    eq: (a: unknown, b: unknown) => a === b,
    add: (a: number, b: number) => a + b,
    percent: (x: number) => `${Math.round(x * 100)}%`,
    fixed: (x: number, digits: number) => x.toFixed(typeof digits === "number" ? digits : 2),
    kindLabel: (kind: string) => kindLabels[kind] ?? kind,
    bearingSymbol: (bearing: string) => bearingSymbols[bearing] ?? "?",
    plural: (count: number, singular: string, pluralForm: unknown) =>
      `${count} ${count === 1 ? singular : typeof pluralForm === "string" ? pluralForm : `${singular}s`}`,
    truncate: (text: string, length: number) => {
      const value = String(text ?? "");
      return value.length <= length ? value : `${value.slice(0, length - 1).trimEnd()}…`;
    },
    join: (items: unknown[], separator: unknown) => (items ?? []).join(typeof separator === "string" ? separator : ", "),
    /** Memos print short quotes only; a long quote is still checked and cited by paragraph. */
    quoteFits: (quote: string, maxWords: unknown) =>
      typeof maxWords !== "number" || String(quote ?? "").split(/\s+/).filter(Boolean).length <= maxWords,
    pageSize: (paper: string) => (paper === "A4" ? "A4" : "letter"),
  });
}

/**
 * Compile a template set into a render function. Each call gets its own
 * Handlebars environment, so helpers and partials never leak between sets.
 * Values are HTML-escaped by Handlebars; Markdown goes through the escaping
 * renderer; prototype access stays disabled (the Handlebars default).
 */
export function createRenderer(set: TemplateSet, generator = "Briefsmith"): RenderHtml {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  // Compiled once here: a partial registered as source is compiled again on every render that uses it.
  for (const [name, source] of set.partials) handlebars.registerPartial(name, handlebars.compile(source, { strict: false }));
  const compiled = new Map<TemplateName, Handlebars.TemplateDelegate<TemplateContext>>();
  for (const [name, source] of set.templates) compiled.set(name, handlebars.compile<TemplateContext>(source, { strict: false }));
  const base = set.styles.get("base") ?? "";
  return (model, balance) => {
    const template = compiled.get(model.template);
    if (template === undefined) throw new Error(`template "${model.template}" is not registered`);
    const styles = [base, set.styles.get(model.template) ?? ""].join("\n");
    return template({ brief: model, balance, styles, generator, maxQuoteWords: quoteWordLimits[model.template] });
  };
}
