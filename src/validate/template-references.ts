import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TemplateFile } from "../load/templates.js";
import { parseTemplateFile, spanOfNode } from "./template-syntax.js";

/**
 * A document is printed from HTML set into a blank, offline tab, so a file or address that a project's
 * template or style sheet names for loading is never loaded: `src="logo.png"` has nothing to be relative
 * to and asks for nothing at all, an address is blocked. The image or style sheet is then missing from the
 * PDF, without a word from the build. These are warned of where they are written, with what works instead:
 * an image in templates/assets/, embedded by {{asset "NAME"}}; a style sheet as a .css file in templates/.
 * Only a value written out in full is judged: `src="{{asset "logo.svg"}}"` is the asset helper's.
 */
export function literalReferenceWarnings(file: TemplateFile): Diagnostic[] {
  if (file.origin !== "project") return [];
  if (file.shown.endsWith(".css")) return inFileOrder(ruleWarnings(file, blankOut(file.source, cssComment), 0, cssRules));
  const parsed = parseTemplateFile(file);
  if (parsed.ast === undefined) return [];
  // The template's own HTML, at its offsets, with its {{…}} and HTML comments blanked out; only tags, style
  // attributes and <style> elements are read, so prose that mentions src= or url( is not taken for a load.
  const html = blankOut(literalText(parsed.ast, file.source), /<!--[\s\S]*?-->/g);
  const warnings: Diagnostic[] = [];
  // A tag runs to the > outside quotes: alt="cost > benefit" does not end it.
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)\b(?:[^<>"']|"[^"]*"|'[^']*')*>/g)) {
    const name = tag[1]!.toLowerCase();
    warnings.push(...ruleWarnings(file, tag[0], tag.index, htmlRules.filter((rule) => rule.tags === undefined || rule.tags.includes(name)), name));
    warnings.push(...ruleWarnings(file, tag[0], tag.index, cssRules.filter((rule) => rule.loads), name));
  }
  for (const style of html.matchAll(/(<style\b[^<>]*>)([\s\S]*?)<\/style>/gi)) {
    warnings.push(...ruleWarnings(file, blankOut(style[2]!, cssComment), style.index + style[1]!.length, cssRules));
  }
  return inFileOrder(warnings);
}

function inFileOrder(warnings: Diagnostic[]): Diagnostic[] {
  return warnings.sort((a, b) => a.span!.start - b.span!.start);
}

const cssComment = /\/\*[\s\S]*?\*\//g;

const assetHint = 'put the image in templates/assets/ and write src="{{asset "NAME"}}": it is embedded in the document';
const offline = "documents are printed offline and load nothing";
const cssImageHint = 'put the image in templates/assets/ and show it from the template with <img src="{{asset "NAME"}}">, or use a data: URL';

/**
 * What is warned of: a pattern, and, for a pattern that captures the value it would load (its last group), a
 * value written out that names something outside the document; for one that captures none, every match.
 */
interface Rule {
  readonly pattern: RegExp;
  readonly loads: boolean;
  /** The elements it is read in (all when absent). */
  readonly tags?: readonly string[];
  readonly message: (match: RegExpMatchArray, value: string) => string;
  /** What to do instead, for what loads it: the element it is in, and the text before it (the style sheet's). */
  readonly hint: string | ((where: { readonly tag: string | undefined; readonly before: string }) => string | undefined);
}

/** Elements a printed page cannot hold, whatever they would load. */
const unprintable = new Set(["iframe", "frame", "video", "audio", "track", "embed", "object"]);

const htmlRules: readonly Rule[] = [
  {
    // An attribute that loads what it names, its value written out (a value that goes on in {{…}} stops at the brace).
    pattern: /\s(src|srcset|poster|background|data)\s*=\s*(["']?)([^"'\s>{]*)/gi,
    loads: true,
    message: (match, value) => `${match[1]!.toLowerCase()}="${clip(value)}" is never loaded: ${offline}, so it would be missing from the PDF`,
    // A <script src> is told of once, by the <script> rule; an <img> (or a <source> of a <picture>) is an image.
    hint: ({ tag }) =>
      tag === "script"
        ? undefined
        : unprintable.has(tag ?? "")
          ? "remove it: a printed document holds no frame, video, sound or embedded object; an image in templates/assets/ shows with {{asset}}"
          : assetHint,
  },
  {
    // <link href> loads a style sheet (or a font, an icon); <base href> would make every relative name an address.
    pattern: /<(link|base)\b[^>]*?\shref\s*=\s*(["']?)([^"'\s>{]*)/gi,
    loads: true,
    tags: ["link", "base"],
    message: (match, value) => `<${match[1]!.toLowerCase()} href="${clip(value)}"> is never loaded: ${offline}`,
    hint: ({ tag }) =>
      tag === "base"
        ? "remove it: a document's names lead nowhere, and the browser is told to ignore a <base>"
        : "put a style sheet in templates/ as a .css file (a project's style sheets apply to its templates by name), an image in templates/assets/",
  },
  {
    // SVG's own references: an <image>, a <use> or a filter's <feImage> of a file or address loads it.
    pattern: /\s((?:xlink:)?href)\s*=\s*(["']?)([^"'\s>{]*)/gi,
    loads: true,
    tags: ["image", "use", "feimage"],
    message: (match, value) => `${match[1]!.toLowerCase()}="${clip(value)}" is never loaded: ${offline}, so it would be missing from the PDF`,
    hint: assetHint,
  },
  {
    // Removed from every document (render.ts withoutRedirects): said, so that it does not vanish without a word.
    pattern: /\shttp-equiv\s*=\s*["']?\s*refresh\b/gi,
    loads: false,
    tags: ["meta"],
    message: () => "a <meta http-equiv=refresh> is removed from the document: a document goes nowhere",
    hint: "remove it",
  },
  {
    pattern: /<script\b/gi,
    loads: false,
    tags: ["script"],
    message: () => "a <script> never runs: documents are printed with JavaScript off",
    hint: "remove it; what a template shows comes from the brief's model and Briefsmith's helpers",
  },
];

const cssRules: readonly Rule[] = [
  {
    pattern: /url\(\s*(["']?)([^"')\s{]*)/gi,
    loads: true,
    message: (_, value) => `url(${clip(value)}) is never loaded: ${offline}`,
    // @import url(…) is told of once, by the @import rule; a url() in @font-face is a font, not an image.
    hint: ({ before }) =>
      /@import\s*$/i.test(before)
        ? undefined
        : /@font-face\s*\{[^}]*$/i.test(before)
          ? "embed the font in the rule as a data: URL (src: url(data:font/woff2;base64,…)), or use a font installed on the machine"
          : cssImageHint,
  },
  {
    // image-set() takes its images as strings too, without url(): image-set("a.png" 1x, "b.png" 2x).
    pattern: /(?:image-set\(|\dx\s*,)\s*(["'])([^"')\s{]*)/gi,
    loads: true,
    message: (_, value) => `image-set("${clip(value)}") is never loaded: ${offline}`,
    hint: cssImageHint,
  },
  {
    pattern: /@import\b/gi,
    loads: false,
    message: () => `@import is never loaded: ${offline}`,
    hint: "put the rules in a .css file in templates/: a project's style sheets apply to its templates by name",
  },
];

/** The warnings of `rules` in `text` (at `offset` in the file); `tag` is the element the text is, for a tag's text. */
function ruleWarnings(file: TemplateFile, text: string, offset: number, rules: readonly Rule[], tag?: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = rule.loads ? match[match.length - 1]! : match[0];
      if (rule.loads && !loadsSomething(value)) continue;
      const hint = typeof rule.hint === "string" ? rule.hint : rule.hint({ tag, before: text.slice(0, match.index) });
      if (hint === undefined) continue;
      const start = offset + match.index + match[0].length - value.length;
      warnings.push(warning(file, start, value, rule.message(match, value), hint));
    }
  }
  return warnings;
}

/** Written out, and not something the document holds itself (data:, an #id, nothing). */
function loadsSomething(value: string): boolean {
  return value !== "" && !/^(?:data:|#|about:blank$)/i.test(value);
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

function warning(file: TemplateFile, start: number, value: string, message: string, hint: string): Diagnostic {
  return { severity: "warning", code: "TEMPLATE_LOADS_NOTHING", message, file: file.shown, span: { start, end: start + Math.max(1, value.length) }, hint };
}

/** The template's literal text (not its {{…}} or Handlebars comments), as long as the file: everything else is spaces. */
function literalText(program: hbs.AST.Program, source: string): string {
  const text = source.replace(/[^\n]/g, " ").split("");
  const visit = (node: hbs.AST.Program | undefined | null) => {
    for (const statement of node?.body ?? []) {
      if (statement.type === "ContentStatement") {
        const { start, end } = spanOfNode(source, statement);
        for (let i = start; i < end; i++) text[i] = source[i]!;
      } else if (statement.type === "BlockStatement") {
        const block = statement as hbs.AST.BlockStatement;
        visit(block.program);
        visit(block.inverse);
      }
    }
  };
  visit(program);
  return text.join("");
}

/** The text with every match of `pattern` turned to spaces (line breaks kept), so that offsets stay those of the file. */
function blankOut(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, " "));
}
