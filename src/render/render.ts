import Handlebars from "handlebars/runtime.js";
import { createRequire } from "node:module";
import type { DefaultTreeAdapterMap } from "parse5";
import type { BalanceReport } from "../balance/measure.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { stylesFor, type TemplateEntry, type TemplateSet } from "../load/templates.js";
import type { BriefModel } from "../model.js";
import type { SectionName } from "../schema/brief.js";
import type { TemplateCheck } from "../validate/templates.js";
import { TemplateCompiler, type PrecompiledTemplates } from "./compile.js";
import type { ContentsEntry, TemplateContext } from "./context.js";
import { registerHelpers } from "./helpers.js";
import { phrases } from "./wording.js";

/** A page number for each contents entry (anchor id → page), when the document has been printed once to find them. */
export type PageNumbers = ReadonlyMap<string, number>;

export type { ContentsEntry, TemplateContext } from "./context.js";
export { compileOptions } from "./compile.js";

export interface RenderOptions {
  /** Print a table of contents (a handout that runs long), with these page numbers when known. */
  readonly contents?: { readonly pages?: PageNumbers };
}

export type RenderHtml = (model: BriefModel, balance: BalanceReport, options?: RenderOptions) => string;

/** The contents title of each section listed under its own heading (the questions and the facts are listed apart). */
const sectionTitles: Partial<Readonly<Record<SectionName, string>>> = {
  bluf: phrases.bluf,
  assumptions: phrases.assumptions,
  questions: phrases.questions,
  glossary: phrases.glossary,
  sources: phrases.sources,
  balance: phrases.balanceNote,
};

/** The entries of a handout's table of contents: each question, then each section after the questions. */
export function contentsEntries(model: BriefModel, pages?: PageNumbers): ContentsEntry[] {
  // A section with nothing in it prints nothing, so it has no entry.
  const empty: Partial<Record<SectionName, boolean>> = {
    facts: model.facts.length === 0,
    assumptions: model.assumptions.length === 0,
    questions: model.questions.length === 0,
    glossary: model.glossary.length === 0,
  };
  const entries: { anchor: string; title: string }[] = [];
  for (const section of model.sectionOrder) {
    if (empty[section]) continue;
    if (section === "themes" || section === "comparison") {
      for (const theme of model.themes) entries.push({ anchor: `theme-${theme.id}`, title: `${theme.number}. ${theme.title}` });
    } else if (section === "facts") {
      entries.push({ anchor: "section-facts", title: model.layout === "handout" ? phrases.evidence : phrases.keyFacts });
    } else {
      // The notes print with the sources, just before them.
      if (section === "sources" && model.notes.length > 0) entries.push({ anchor: "section-notes", title: phrases.notes });
      const title = sectionTitles[section];
      if (title !== undefined) entries.push({ anchor: `section-${section}`, title });
    }
  }
  return entries.map((entry) => ({ ...entry, page: pages?.get(entry.anchor) }));
}

/** Layouts whose documents can run long enough to need a table of contents. */
const contentsLayouts = new Set<string>(["handout"]);

/** Whether a document of this layout gets a table of contents when it runs long (render/contents.ts). */
export function mayHaveContents(layout: string): boolean {
  return contentsLayouts.has(layout);
}

/**
 * How every template is run: no access to properties or methods a value
 * inherits (constructor, __proto__, __defineGetter__, …). This is
 * Handlebars's default since 4.6; it is said here so that no upgrade or
 * option can turn it on unnoticed ("the template sandbox", tests/unit/templates/project-templates.test.ts).
 */
export const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const satisfies RuntimeOptions;

type RuntimeOptions = Handlebars.RuntimeOptions;

/**
 * Style sheets as text that cannot end the <style> element they are set into: the only thing that ends it is
 * "</style", which becomes "<\/style", the same characters to CSS inside a string and an invalid token outside
 * one. A sheet that wrote </style> would otherwise go on as HTML in every document it styles.
 */
function withinStyleElement(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1");
}

/**
 * The policy every document carries, first thing in its head: it loads nothing but what it holds (styles, data: images
 * and fonts). default-src does not cover base-uri or form-action: a <base href> a template slips in (a style sheet
 * that closes its own tag) would send every link of the file, the notes' "#note-1" too, to another site.
 */
export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

const policyMeta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`;
// Briefsmith's head exactly, tags and all, with nothing but white space between: an html tag whose attributes are
// free (`<html data-x='>`) opens a quoted value the browser reads on past the policy, which is then no tag at all.
const policyFirst = new RegExp(`^\\s*<!DOCTYPE html>\\s*<html(?: lang="[A-Za-z0-9-]*")?>\\s*<head>\\s*<meta charset="utf-8">\\s*${policyMeta.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i");

/**
 * A document whose template does not open with Briefsmith's head (doctype,
 * charset, the policy) gets it before everything else. The browser puts the
 * policy in the head and ignores the template's own doctype and head tags,
 * so nothing a template writes before or instead of the policy can load
 * anything when the HTML file is opened. (Printing is sandboxed anyway.)
 */
export function withContentSecurityPolicy(html: string): string {
  return policyFirst.test(html) ? html : `<!DOCTYPE html>\n<meta charset="utf-8">\n${policyMeta}\n${html}`;
}

/**
 * A document that tells the browser to go elsewhere (<meta http-equiv=refresh>,
 * anywhere in it, however its attribute is written) loses that tag. The
 * policy cannot stop a redirect, and printing never follows one, but the HTML
 * file is opened in browsers too. The document is parsed as a browser parses
 * it (parse5, which follows the HTML standard), only when it has an
 * http-equiv other than its policy's, and the tags are cut out of the text,
 * so every other byte stays as the template wrote it.
 */
export function withoutRedirects(html: string): string {
  if (!/http-equiv/i.test(html.replace(policyMeta, ""))) return html;
  // Cut, the text around a tag can join into another ("<<meta …refresh…>meta …refresh…>"): parsed again until none is left.
  let out = html;
  for (let cut = cutRedirects(out); cut !== out; cut = cutRedirects(out)) out = cut;
  return out;
}

/**
 * parse5, loaded the first time a document has an http-equiv to look at: few ever do, and loading it took a build
 * 10 ms before its first document. Required, not imported, so that rendering stays synchronous (Node 20.19 and
 * later load an ES module so).
 */
let htmlParser: typeof import("parse5") | undefined;

/** The document with the refresh tags a parse finds in it cut out (the same text when there are none). */
function cutRedirects(html: string): string {
  const cuts: { start: number; end: number }[] = [];
  const visit = (node: DefaultTreeAdapterMap["parentNode"] | DefaultTreeAdapterMap["childNode"]) => {
    if ("tagName" in node && node.tagName === "meta") {
      const equiv = node.attrs.find((a) => a.name === "http-equiv")?.value.trim().toLowerCase();
      const where = node.sourceCodeLocation;
      if (equiv === "refresh" && where) cuts.push({ start: where.startOffset, end: where.endOffset });
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
    if ("content" in node && node.content) visit(node.content as DefaultTreeAdapterMap["parentNode"]);
  };
  // Parsed as a browser with JavaScript off parses it (the HTML file may be opened in one): there a <noscript>'s
  // content is markup, which a parser that runs scripts takes for text, and its refresh would be followed.
  htmlParser ??= createRequire(import.meta.url)("parse5") as typeof import("parse5");
  visit(htmlParser.parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }));
  let out = html;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, cut.start) + out.slice(cut.end);
  return out;
}

interface CompiledTemplate {
  readonly render: Handlebars.TemplateDelegate<TemplateContext>;
  readonly styles: string;
  readonly entry: TemplateEntry;
  /** The template, or a partial it may use, is the project's own. */
  readonly projectMade: boolean;
}

/**
 * Compile a template set into a render function. Each template gets its own
 * Handlebars environment (its helpers choose partials by its name and
 * layout), compiled on first use. A template the checker found errors in
 * (`check`, checkTemplates(set) or what a build trusts of it) is never run:
 * rendering a brief that uses it is a BriefsmithError (TEMPLATE_NOT_VALID)
 * with the template's diagnostics.
 */
export function createRenderer(set: TemplateSet, check: TemplateCheck, options: { precompiled?: PrecompiledTemplates } = {}): RenderHtml {
  const compiler = new TemplateCompiler(options.precompiled);
  const compiled = new Map<string, CompiledTemplate>();
  const compile = (name: string): CompiledTemplate => {
    const report = check.templates.get(name);
    if (report === undefined) throw new BriefsmithError("BRIEF_UNKNOWN_TEMPLATE", `there is no template "${name}"`);
    if (report.errors.length > 0) {
      throw new BriefsmithError("TEMPLATE_NOT_VALID", `template "${name}" (${report.entry.shown}) has ${report.errors.length === 1 ? "an error" : `${report.errors.length} errors`}`, {
        diagnostics: report.errors,
        fileTexts: set.fileTexts,
      });
    }
    const handlebars = Handlebars.create();
    registerHelpers(handlebars, set, report.entry);
    for (const [partial, file] of set.partials) handlebars.registerPartial(partial, compiler.template(handlebars, file.source));
    return {
      render: compiler.template<TemplateContext>(handlebars, report.entry.source),
      styles: withinStyleElement(stylesFor(set, name).join("\n")),
      entry: report.entry,
      projectMade: report.entry.origin === "project" || [...set.partials.values()].some((partial) => partial.origin === "project"),
    };
  };
  return (model, balance, options = {}) => {
    let template = compiled.get(model.template);
    if (template === undefined) compiled.set(model.template, (template = compile(model.template)));
    const contents = options.contents !== undefined && contentsLayouts.has(model.layout) ? contentsEntries(model, options.contents.pages) : undefined;
    const context: TemplateContext = { brief: model, balance, styles: template.styles, generator: "Briefsmith", contents };
    return withContentSecurityPolicy(withoutRedirects(runTemplate(template, context)));
  };
}

/**
 * Run a compiled template. What a project's template throws that is not a
 * BriefsmithError (a helper given a value it cannot use: {{join brief.title
 * ", "}}) is a problem of the template, not a bug of Briefsmith's:
 * TEMPLATE_RENDER_FAILED, naming the template and Handlebars's message, so only
 * the brief being rendered fails. Briefsmith's own templates and partials,
 * given the model select made, have no such excuse: what they throw is a bug,
 * and goes on up as one, with its stack.
 */
function runTemplate(template: CompiledTemplate, context: TemplateContext): string {
  try {
    return template.render(context, runtimeOptions);
  } catch (error) {
    if (error instanceof BriefsmithError || !template.projectMade) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new BriefsmithError("TEMPLATE_RENDER_FAILED", `template "${template.entry.name}" (${template.entry.shown}) failed while rendering brief "${context.brief.id}": ${message}`, {
      hint: "a helper in the template was given a value it cannot use: the README's helper table says what each helper takes, and brief schema model lists every field with its type",
      cause: error,
    });
  }
}
