import Handlebars from "handlebars";
import type { BalanceReport } from "../balance/measure.js";
import type { TemplateSet } from "../load/templates.js";
import type { BriefModel, SourceModel } from "../model.js";
import type { TemplateName } from "../schema/brief.js";
import { cssString } from "./css.js";
import { renderBlockMarkdown, renderInlineMarkdown } from "./markdown.js";
import { countOf, numberWord, runInHeading, sentenceCase } from "./prose.js";
import { quotation, typographic, typographicMarkdown } from "./typography.js";
import {
  achLead,
  assessmentLabel,
  bearingSymbols,
  kindLabels,
  phrases,
  type PhraseName,
  balanceLead,
  balanceLine,
  citedLine,
  creditLine,
  documentNoun,
  endorsementLine,
  overviewLead,
  readingNote,
  sourcesLine,
} from "./wording.js";

/** A page number for each contents entry (anchor id → page), when the document has been printed once to find them. */
export type PageNumbers = ReadonlyMap<string, number>;

/** What a template sees: the model, its balance figures, and the style sheet. */
export interface TemplateContext {
  readonly brief: BriefModel;
  readonly balance: BalanceReport;
  readonly styles: string;
  readonly generator: string;
  /** A handout's printed table of contents, with page numbers once known. */
  readonly contents: ContentsEntry[] | undefined;
}

export interface ContentsEntry {
  readonly anchor: string;
  readonly title: string;
  readonly page: number | undefined;
}

export interface RenderOptions {
  /** Print a table of contents (a handout that runs long), with these page numbers when known. */
  readonly contents?: { readonly pages?: PageNumbers };
}

export type RenderHtml = (model: BriefModel, balance: BalanceReport, options?: RenderOptions) => string;

const sectionTitles: Record<string, string> = {
  bluf: phrases.bluf,
  themes: "",
  comparison: "",
  facts: phrases.keyFacts,
  assumptions: phrases.assumptions,
  questions: phrases.questions,
  glossary: phrases.glossary,
  sources: phrases.sources,
  balance: phrases.balanceNote,
};

/** The entries of a handout's table of contents: each question, then each section after the questions. */
export function contentsEntries(model: BriefModel, pages?: PageNumbers): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const section of model.sectionOrder) {
    if (section === "themes" || section === "comparison") {
      for (const theme of model.themes) entries.push({ anchor: `theme-${theme.id}`, title: `${theme.number}. ${theme.title}`, page: undefined });
    } else if (section === "facts" && model.facts.length > 0) {
      entries.push({ anchor: "section-facts", title: model.template === "handout" ? phrases.evidence : phrases.keyFacts, page: undefined });
    } else if (section === "questions" && model.questions.length === 0) {
      continue;
    } else if (section === "glossary" && model.glossary.length === 0) {
      continue;
    } else if (section === "assumptions" && model.assumptions.length === 0) {
      continue;
    } else if (section !== "facts" && sectionTitles[section]) {
      entries.push({ anchor: `section-${section}`, title: sectionTitles[section]!, page: undefined });
    }
    if (section === "sources" && model.notes.length > 0) entries.splice(entries.length - 1, 0, { anchor: "section-notes", title: phrases.notes, page: undefined });
  }
  return entries.map((entry) => ({ ...entry, page: pages?.get(entry.anchor) }));
}

function registerHelpers(handlebars: typeof Handlebars): void {
  const safe = (html: string) => new handlebars.SafeString(html);
  const escape = handlebars.Utils.escapeExpression;
  const rootOf = (options: Handlebars.HelperOptions) => options.data.root as TemplateContext;
  handlebars.registerHelper({
    /** Plain text as printed: typographic quotes, then escaped. */
    t: (text: unknown) => safe(escape(typographic(String(text ?? "")))),
    md: (text: string) => safe(renderInlineMarkdown(typographicMarkdown(String(text ?? "")))),
    /** Block Markdown; each paragraph and list item starts with the document's portion mark, when it has one. */
    mdBlock: (text: string, options: Handlebars.HelperOptions) =>
      safe(renderBlockMarkdown(typographicMarkdown(String(text ?? "")), rootOf(options).brief.portionMark)),
    /** A verbatim quote in quotation marks, nested quotation marks made single. */
    quotation: (quote: string) => safe(escape(quotation(String(quote ?? "")))),
    cssString: (text: string) => safe(cssString(typographic(String(text ?? "")))),
    eq: (a: unknown, b: unknown) => a === b,
    /** "three questions", "12 claims" */
    count: (count: number, noun: string) => countOf(count, noun),
    numberWord: (count: number) => numberWord(count),
    /** A title run in before text: "Economic and energy ties." */
    runIn: (text: string) => safe(escape(typographic(runInHeading(String(text ?? ""))))),
    sentence: (text: string) => safe(escape(typographic(sentenceCase(String(text ?? ""))))),
    kindLabel: (kind: string) => kindLabels[kind] ?? kind,
    bearingSymbol: (bearing: string) => bearingSymbols[bearing] ?? "?",
    /** A fixed word or sentence of the documents (wording.ts), the same in every renderer. */
    phrase: (name: string) => {
      if (!Object.hasOwn(phrases, name)) throw new Error(`no phrase "${name}"`);
      return phrases[name as PhraseName];
    },
    /** The evidence matrix's lead, with each bearing's symbol as the matrix shows it. */
    achLead: () =>
      safe(
        achLead()
          .map((part) =>
            "bearing" in part
              ? `<span class="bearing bearing-${part.bearing}">${bearingSymbols[part.bearing]}</span>`
              : "emphasis" in part
                ? `<em>${escape(part.emphasis)}</em>`
                : escape(part.text),
          )
          .join(""),
      ),
    join: (items: unknown[], separator: unknown) => (items ?? []).join(typeof separator === "string" ? separator : ", "),
    pageSize: (paper: string) => (paper === "A4" ? "A4" : "letter"),
    /** The due-weight statement of a question (from the balance report). */
    weight: (themeId: string, options: Handlebars.HelperOptions) => rootOf(options).balance.themes.find((t) => t.themeId === themeId)?.weight,
    balanceTheme: (themeId: string, options: Handlebars.HelperOptions) => rootOf(options).balance.themes.find((t) => t.themeId === themeId),
    /** The partial that prints a section in this template: "memo-themes" when the template has its own, else "section-themes". */
    sectionPartial: (section: string, options: Handlebars.HelperOptions) => {
      const own = `${rootOf(options).brief.template}-${section}`;
      return handlebars.partials[own] !== undefined ? own : `section-${section}`;
    },
    documentNoun: (options: Handlebars.HelperOptions) => documentNoun(rootOf(options).brief),
    citedLine: (source: SourceModel) => citedLine(source),
    sourcesLine: (options: Handlebars.HelperOptions) => sourcesLine(rootOf(options).brief),
    overviewLead: (options: Handlebars.HelperOptions) => overviewLead(rootOf(options).brief),
    endorsementLine: (options: Handlebars.HelperOptions) => endorsementLine(rootOf(options).brief),
    assessmentLabel: (options: Handlebars.HelperOptions) => assessmentLabel(rootOf(options).brief),
    readingNote: (options: Handlebars.HelperOptions) => readingNote(rootOf(options).brief),
    creditLine: (options: Handlebars.HelperOptions) => creditLine(rootOf(options).brief),
    balanceLead: (options: Handlebars.HelperOptions) => balanceLead(rootOf(options).brief, rootOf(options).balance),
    balanceLine: (options: Handlebars.HelperOptions) => balanceLine(rootOf(options).balance),
  });
}

/** Templates whose documents can run long enough to need a table of contents. */
const contentsTemplates = new Set<TemplateName>(["handout"]);

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
  return (model, balance, options = {}) => {
    const template = compiled.get(model.template);
    if (template === undefined) throw new Error(`template "${model.template}" is not registered`);
    const styles = [base, set.styles.get(model.template) ?? ""].join("\n");
    const contents = options.contents !== undefined && contentsTemplates.has(model.template) ? contentsEntries(model, options.contents.pages) : undefined;
    return template({ brief: model, balance, styles, generator, contents });
  };
}
