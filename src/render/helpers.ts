import type Handlebars from "handlebars";
import { embedAsset } from "../load/template-assets.js";
import type { TemplateEntry, TemplateSet } from "../load/templates.js";
import type { SourceModel } from "../model.js";
import type { BriefsmithHelperName } from "../schema/template-helpers.js";
import { sectionPartialFor } from "../load/templates.js";
import { bannerRules, cssString } from "./css.js";
import { renderBlockMarkdown, renderInlineMarkdown } from "./markdown.js";
import { countOf, fullStop, numberWord, runInHeading, sentenceCase } from "../text/prose.js";
import type { TemplateContext } from "./context.js";
import { quotation, quoteEnd, quoteLead, typographic, typographicMarkdown } from "./typography.js";
import {
  achLead,
  achLeftOutLine,
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


/**
 * Briefsmith's helpers, for one template: exactly those src/schema/template-helpers.ts
 * describes (the type says so), and no others. Handlebars's `log` is taken away
 * (a document writes nothing to the console); if, unless, each, with and lookup stay.
 */
export function registerHelpers(handlebars: typeof Handlebars, set: TemplateSet, entry: TemplateEntry): void {
  const safe = (html: string) => new handlebars.SafeString(html);
  const escape = handlebars.Utils.escapeExpression;
  const rootOf = (options: Handlebars.HelperOptions) => options.data.root as TemplateContext;
  /** Our plain text as printed: typographic quotes, then escaped. */
  const printed = (text: string) => safe(escape(typographic(text)));
  const balanceTheme = (themeId: string, options: Handlebars.HelperOptions) => rootOf(options).balance.themes.find((t) => t.themeId === themeId);
  const helpers: Record<BriefsmithHelperName, Handlebars.HelperDelegate> = {
    /** Plain text as printed: typographic quotes, then escaped. */
    t: (text: unknown) => printed(String(text ?? "")),
    md: (text: string) => safe(renderInlineMarkdown(typographicMarkdown(String(text ?? "")))),
    /** Block Markdown; each paragraph and list item starts with the document's portion mark, when it has one. */
    mdBlock: (text: string, options: Handlebars.HelperOptions) =>
      safe(renderBlockMarkdown(typographicMarkdown(String(text ?? "")), rootOf(options).brief.portionMark)),
    /** A verbatim quote in quotation marks, nested quotation marks made single. */
    quotation: (quote: string) => safe(escape(quotation(String(quote ?? "")))),
    quoteLead: (quote: string) => quoteLead(String(quote ?? "")),
    quoteEnd: (quote: string) => quoteEnd(String(quote ?? "")),
    cssString: (text: string) => safe(cssString(typographic(String(text ?? "")))),
    bannerRules: (marking: string) => safe(bannerRules(typographic(String(marking ?? "")))),
    eq: (a: unknown, b: unknown) => a === b,
    /** "three questions", "12 claims" */
    count: (count: number, noun: string) => countOf(count, noun),
    numberWord: (count: number) => numberWord(count),
    /** A title run in before text: "Economic and energy ties." */
    runIn: (text: string) => printed(runInHeading(String(text ?? ""))),
    sentence: (text: string) => printed(sentenceCase(String(text ?? ""))),
    /** Written after {{sentence …}} where a full stop must end it: a stub note ("undated web page") ran into the next. */
    fullStop: (text: string) => fullStop(String(text ?? "")),
    kindLabel: (kind: string) => (Object.hasOwn(kindLabels, kind) ? kindLabels[kind] : kind),
    bearingSymbol: (bearing: string) => (Object.hasOwn(bearingSymbols, bearing) ? bearingSymbols[bearing as keyof typeof bearingSymbols] : "?"),
    /** A fixed word or sentence of the documents (wording.ts), the same in every renderer. */
    phrase: (name: string) => {
      if (!Object.hasOwn(phrases, name)) throw new Error(`no phrase "${String(name)}"`); // the template checker refuses this first
      return phrases[name as PhraseName];
    },
    achLeftOut: (views: readonly { label: string }[]) => achLeftOutLine((views ?? []).map((v) => v.label)),
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
    join: (items: unknown, separator: unknown) => {
      if (items === undefined || items === null) return "";
      // The checker refuses text and numbers given to join where they are written; what it lets through is said in these words, not JavaScript's.
      if (!Array.isArray(items)) throw new Error(`join takes a list, but was given ${typeof items === "object" ? "a mapping" : typeof items}`);
      return items.join(typeof separator === "string" ? separator : ", ");
    },
    pageSize: (paper: string) => (paper === "A4" ? "A4" : "letter"),
    /** The due-weight statement of a question (from the balance report). */
    weight: (themeId: string, options: Handlebars.HelperOptions) => balanceTheme(themeId, options)?.weight,
    balanceTheme,
    /** The partial that prints a section in this template: its own (letter-themes), its layout's (memo-themes), else the shared one. */
    sectionPartial: (section: string) => sectionPartialFor(set, entry, String(section)),
    documentNoun: (options: Handlebars.HelperOptions) => documentNoun(rootOf(options).brief),
    citedLine: (source: SourceModel) => citedLine(source),
    sourcesLine: (options: Handlebars.HelperOptions) => sourcesLine(rootOf(options).brief),
    overviewLead: (options: Handlebars.HelperOptions) => overviewLead(rootOf(options).brief),
    endorsementLine: (options: Handlebars.HelperOptions) => endorsementLine(rootOf(options).brief),
    assessmentLabel: (options: Handlebars.HelperOptions) => assessmentLabel(rootOf(options).brief),
    readingNote: (options: Handlebars.HelperOptions) => readingNote(rootOf(options).brief, rootOf(options).balance),
    creditLine: (options: Handlebars.HelperOptions) => creditLine(rootOf(options).brief),
    balanceLead: (options: Handlebars.HelperOptions) => balanceLead(rootOf(options).brief, rootOf(options).balance),
    balanceLine: (options: Handlebars.HelperOptions) => balanceLine(rootOf(options).balance),
    /** An image of templates/assets/ as a data: URI (an SVG sanitised): nothing is fetched when the document is printed or opened. */
    asset: (name: string) => {
      const asset = set.assets.get(String(name));
      if (asset === undefined) throw new Error(`there is no asset "${String(name)}"`); // the template checker refuses this first
      return safe(embedAsset(asset).uri);
    },
  };
  handlebars.unregisterHelper("log");
  handlebars.registerHelper(helpers);
}
