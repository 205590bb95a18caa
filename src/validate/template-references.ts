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
  if (file.shown.endsWith(".css")) return inFileOrder(cssWarnings(file, file.source, 0));
  const parsed = parseTemplateFile(file);
  if (parsed.ast === undefined) return [];
  const warnings: Diagnostic[] = [];
  for (const { text, offset } of contentOf(parsed.ast, file.source)) {
    warnings.push(...htmlWarnings(file, text, offset), ...cssWarnings(file, text, offset));
  }
  return inFileOrder(warnings);
}

function inFileOrder(warnings: Diagnostic[]): Diagnostic[] {
  return warnings.sort((a, b) => a.span!.start - b.span!.start);
}

const assetHint = 'put the image in templates/assets/ and write src="{{asset "NAME"}}": it is embedded in the document';

/** An attribute that loads what it names, its value written out (a value that goes on in {{…}} stops at the brace). */
const loadingAttribute = /\s(src|srcset|poster|background|data)\s*=\s*(["']?)([^"'\s>{]*)/gi;
/** <link href> loads a style sheet (or a font, an icon); <base href> would make every relative name an address. */
const linkElement = /<(link|base)\b[^>]*?\shref\s*=\s*(["']?)([^"'\s>{]*)/gi;
const scriptElement = /<script\b/gi;

function htmlWarnings(file: TemplateFile, text: string, offset: number): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const match of text.matchAll(loadingAttribute)) {
    const value = match[3]!;
    if (!loadsSomething(value)) continue;
    const start = offset + match.index + match[0].length - value.length;
    warnings.push(warning(file, start, value, `${match[1]!.toLowerCase()}="${clip(value)}" is never loaded: documents are printed offline and load nothing, so it would be missing from the PDF`, assetHint));
  }
  for (const match of text.matchAll(linkElement)) {
    const value = match[3]!;
    if (!loadsSomething(value)) continue;
    const start = offset + match.index + match[0].length - value.length;
    warnings.push(
      warning(file, start, value, `<${match[1]!.toLowerCase()} href="${clip(value)}"> is never loaded: documents are printed offline and load nothing`, "put a style sheet in templates/ as a .css file (a project's style sheets apply to its templates by name), an image in templates/assets/"),
    );
  }
  for (const match of text.matchAll(scriptElement)) {
    warnings.push(warning(file, offset + match.index, match[0], "a <script> never runs: documents are printed with JavaScript off", "remove it; what a template shows comes from the brief's model and Briefsmith's helpers"));
  }
  return warnings;
}

const cssUrl = /url\(\s*(["']?)([^"')\s{]*)/gi;
const cssImport = /@import\b/gi;

function cssWarnings(file: TemplateFile, text: string, offset: number): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const match of text.matchAll(cssUrl)) {
    const value = match[2]!;
    if (!loadsSomething(value)) continue;
    const start = offset + match.index + match[0].length - value.length;
    warnings.push(
      warning(file, start, value, `url(${clip(value)}) is never loaded: documents are printed offline and load nothing`, 'put the image in templates/assets/ and show it from the template with <img src="{{asset "NAME"}}">, or use a data: URL'),
    );
  }
  for (const match of text.matchAll(cssImport)) {
    warnings.push(warning(file, offset + match.index, match[0], "@import is never loaded: documents are printed offline and load nothing", "put the rules in a .css file in templates/: a project's style sheets apply to its templates by name"));
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

/** The literal text of a template (not its {{…}} or comments), each piece with its offset in the file. */
function contentOf(program: hbs.AST.Program, source: string): { text: string; offset: number }[] {
  const pieces: { text: string; offset: number }[] = [];
  const visit = (node: hbs.AST.Program | undefined | null) => {
    for (const statement of node?.body ?? []) {
      if (statement.type === "ContentStatement") {
        const { start, end } = spanOfNode(source, statement);
        pieces.push({ text: source.slice(start, end), offset: start });
      } else if (statement.type === "BlockStatement") {
        const block = statement as hbs.AST.BlockStatement;
        visit(block.program);
        visit(block.inverse);
      }
    }
  };
  visit(program);
  return pieces;
}
