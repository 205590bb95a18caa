import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import { embedAsset } from "../load/template-assets.js";
import { sectionPartialFor, type TemplateEntry, type TemplateFile, type TemplateSet } from "../load/templates.js";
import { sectionNames } from "../schema/brief.js";
import { idPattern } from "../schema/id-pattern.js";
import { templateHelpers, type HelperSignature } from "../schema/template-helpers.js";
import { literalReferenceWarnings } from "./template-references.js";
import { parseTemplateFile, spanOfNode } from "./template-syntax.js";
import { resolvePath, scopeKey, startsWithName, type Scope } from "./template-scope.js";
import { describeType, fieldNames, fieldType, isScalar, itemType, resolveType, templateContextJsonSchema, type FieldType } from "./template-types.js";

/**
 * The template checker. Every template (Briefsmith's own and a project's) is
 * read as Handlebars's syntax tree and walked with the type of what it sees
 * (the JSON Schema of the template context, src/schema/template-context.ts),
 * following each, with, block parameters, ../ and @root, and into every
 * partial it includes, in the context it includes it with. Without rendering
 * anything, it finds, located at FILE:line:col:
 * - syntax errors;
 * - a field the model does not have (templates are strict: a typo is an error);
 * - a helper Briefsmith does not have, or called with the wrong number of values;
 * - a partial that does not exist, chosen at run time (other than by
 *   sectionPartial, whose every choice is checked), or including itself;
 * - an asset that is not in templates/assets/;
 * - decorators and inline partials, which Briefsmith does not support;
 * - in a project's files, a file or address written out to be loaded (src="logo.png", url(…)), which a
 *   document printed offline never loads (a warning: validate/template-references.ts).
 * The same walk lists the partials and assets each template uses; the cache
 * key's quicker scan of the text (validate/template-uses.ts) finds at least
 * these. Path resolution, scope by scope, is in validate/template-scope.ts.
 */
export interface TemplateReport {
  readonly name: string;
  readonly entry: TemplateEntry;
  /** Its problems and those of the partials it includes: a brief using it is refused while there is one. */
  readonly errors: readonly Diagnostic[];
  /** The partials it can include, directly or through others (sorted). */
  readonly partials: readonly string[];
  /** The assets it embeds (sorted). */
  readonly assets: readonly string[];
}

export interface TemplateCheck {
  readonly templates: ReadonlyMap<string, TemplateReport>;
  /** Every problem of the set, once: reading it, every template and partial, and warnings about sanitised images. */
  readonly diagnostics: readonly Diagnostic[];
}

const checks = new WeakMap<TemplateSet, TemplateCheck>();

/** Check every template of a set; done once per set. */
export function checkTemplates(set: TemplateSet): TemplateCheck {
  let check = checks.get(set);
  if (check === undefined) {
    check = runCheck(set);
    checks.set(set, check);
  }
  return check;
}

/** The problems of one template (none for a template the set does not have: the brief's own check reports that). */
export function templateErrors(set: TemplateSet, name: string): readonly Diagnostic[] {
  return checkTemplates(set).templates.get(name)?.errors ?? [];
}

function runCheck(set: TemplateSet): TemplateCheck {
  const templates = new Map<string, TemplateReport>();
  const all: Diagnostic[] = [...set.diagnostics];
  for (const [name, entry] of set.templates) {
    const walker = new Walker(set, entry);
    walker.checkTemplate();
    // The template's own file's problems, and those of a project file it would have used that could not be used:
    // printed without it, the document would silently be Briefsmith's own (a refused memo.hbs), miss the office's
    // style (a refused house.css, partial or folder), or its Word file the office's letterhead.
    // A style sheet named after a template is that template's own; any other is the house style of them all.
    const sheetApplies = (sheet: string) => sheet === name || !set.templates.has(sheet);
    const refused = set.refused
      .filter(
        (r) =>
          r.kind === "folder" ||
          (r.kind === "style sheet" && sheetApplies(r.name)) ||
          ((r.kind === "template" || r.kind === "letterhead") && r.name === name) ||
          (r.kind === "partial" && walker.partials.has(r.name)),
      )
      .map((r) => r.shown);
    const own = set.diagnostics.filter((d) => (d.file === entry.shown || refused.includes(d.file ?? "")) && d.severity === "error");
    const errors = dedupe([...own, ...walker.errors]);
    templates.set(name, { name, entry, errors, partials: [...walker.partials].sort(), assets: [...walker.assets].sort() });
    all.push(...walker.errors);
  }
  // A project's own files: what they name to load would be missing from the PDF.
  for (const file of [...set.templates.values(), ...set.partials.values(), ...set.projectStyles]) all.push(...literalReferenceWarnings(file));
  for (const asset of set.assets.values()) {
    if (asset.type !== "image/svg+xml") continue;
    const { removed, uri } = embedAsset(asset);
    if (uri.endsWith(",")) {
      all.push({ severity: "error", code: "TEMPLATE_ASSET_INVALID", message: "nothing of the image is left once what an embedded image may not hold is removed", file: asset.shown, hint: "export the image again as plain SVG" });
    } else if (removed.length > 0) {
      all.push({ severity: "warning", code: "TEMPLATE_ASSET_SANITISED", message: `removed ${removed.slice(0, 4).join(", ")}${removed.length > 4 ? ` and ${removed.length - 4} more` : ""}: an embedded image may not run code, load anything or hold what Briefsmith's sanitiser does not know`, file: asset.shown });
    }
  }
  return { templates, diagnostics: dedupe(all) };
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}|${d.span?.start}|${d.span?.end}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What checking one partial in one context found: replayed wherever it is included the same way. */
interface PartialResult {
  readonly errors: readonly Diagnostic[];
  readonly partials: readonly string[];
  readonly assets: readonly string[];
}

type AnyNode = hbs.AST.Node & Record<string, unknown>;

const helperNames = Object.keys(templateHelpers).sort();
const stringType: FieldType = { type: "string" };

class Walker {
  readonly errors: Diagnostic[] = [];
  readonly partials = new Set<string>();
  readonly assets = new Set<string>();
  /** The file being walked now (the template, or a partial of it). */
  #file: TemplateFile;
  /** Partials being walked, innermost last: one that includes itself is refused. */
  readonly #stack: string[] = [];
  readonly #root: FieldType = templateContextJsonSchema();
  /** Partials walked so far, by name and scope; one walker per template, since what a partial finds depends on the template including it (sectionPartial chooses by template and layout). */
  readonly #partialCalls = new Map<string, PartialResult>();

  constructor(
    readonly set: TemplateSet,
    readonly entry: TemplateEntry,
  ) {
    this.#file = entry;
  }

  checkTemplate(): void {
    const parsed = parseTemplateFile(this.entry);
    if (parsed.error !== undefined) {
      this.errors.push(parsed.error);
      return;
    }
    this.#program(parsed.ast, { contexts: [this.#root], labels: ["the template's context"], blockParams: new Map(), inEach: false });
  }

  #error(code: Diagnostic["code"], node: hbs.AST.Node, message: string, hint?: string): void {
    this.errors.push({ severity: "error", code, message, file: this.#file.shown, span: spanOfNode(this.#file.source, node), hint });
  }

  #program(program: hbs.AST.Program | undefined, scope: Scope): void {
    if (program === undefined || program === null) return;
    for (const statement of program.body) this.#statement(statement as AnyNode, scope);
  }

  #statement(node: AnyNode, scope: Scope): void {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return;
      case "MustacheStatement":
        return this.#mustache(node as unknown as hbs.AST.MustacheStatement, scope);
      case "BlockStatement":
        return this.#block(node as unknown as hbs.AST.BlockStatement, scope);
      case "PartialStatement":
        return this.#partial(node as unknown as hbs.AST.PartialStatement, scope);
      case "PartialBlockStatement":
        return this.#error("TEMPLATE_UNSUPPORTED", node, "partial blocks ({{#> partial}}…{{/partial}}) are not supported", "include the partial with {{> partial}}");
      case "Decorator":
      case "DecoratorBlock":
        return this.#error("TEMPLATE_UNSUPPORTED", node, "decorators and inline partials ({{* …}}, {{#*inline}}) are not supported", "put the partial in templates/partials/NAME.hbs and include it with {{> NAME}}");
      default:
        return this.#error("TEMPLATE_UNSUPPORTED", node, `Briefsmith does not support ${node.type} in templates`);
    }
  }

  #unknownHelper(path: hbs.AST.PathExpression): void {
    this.#error("TEMPLATE_UNKNOWN_HELPER", path, `there is no helper "${path.original}"`, hintWith(suggestionHint(path.original, helperNames, "helper"), "templates can use only Briefsmith's helpers"));
  }

  /** A simple name that may be a helper: one part, no ../, not @data, not this.x. */
  #helperName(path: hbs.AST.PathExpression): string | undefined {
    if (path.type !== "PathExpression" || !startsWithName(path) || path.parts.length !== 1) return undefined;
    return path.parts[0];
  }

  #mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    const path = node.path as hbs.AST.PathExpression;
    if (path.type !== "PathExpression") {
      this.#arguments(node.params, node.hash, scope);
      return;
    }
    // Text from a brief or an extract is data, printed as text: only the style sheets go into the document as they are.
    if (!node.escaped && !/^(?:@root\.)?styles$/.test(path.original)) {
      this.#error(
        "TEMPLATE_UNSUPPORTED",
        path,
        `${path.original} printed unescaped ({{{…}}} or {{&…}}) would write text into the document as HTML`,
        "write it with two braces: brief and extract text is printed as text, and Briefsmith's helpers give the HTML they make (Markdown included) with two",
      );
      return;
    }
    const name = this.#helperName(path);
    const called = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (name !== undefined && Object.hasOwn(templateHelpers, name) && !scope.blockParams.has(name)) {
      const [, result] = this.#helperCall(name, node, scope, false);
      if (isListOrMapping(result)) {
        this.#error(
          "TEMPLATE_HELPER_ARGUMENTS",
          path,
          `{{${name} …}} gives ${describeType(result)}, which does not print as text ${printedAs(result)}`,
          name === "lookup" ? "look up a field that is text, or print one of its fields" : `print one of its fields: {{#with (${name} …)}}{{t text}}{{/with}}`,
        );
      }
      return;
    }
    if (called) {
      this.#unknownHelper(path);
      return;
    }
    const type = this.#path(path, scope, true);
    if (type !== undefined && isListOrMapping(type)) {
      this.#error("TEMPLATE_UNKNOWN_FIELD", path, `{{${path.original}}} is ${describeType(type)}, which does not print as text ${printedAs(type)}`, "print one of its fields, or go through it with {{#each}} or {{#with}}");
    }
  }

  #block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const name = this.#helperName(node.path);
    const signature = name === undefined ? undefined : templateHelpers[name];
    if (name === undefined || signature === undefined) {
      this.#error("TEMPLATE_UNKNOWN_HELPER", node.path, `{{#${node.path.original}}} is not a block helper`, "use {{#if …}}, {{#unless …}}, {{#each …}} or {{#with …}}");
      this.#program(node.program, scope);
      this.#program(node.inverse, scope);
      return;
    }
    if (!signature.block) {
      this.#error("TEMPLATE_HELPER_ARGUMENTS", node.path, `${name} is not a block helper: call it as {{${name} …}}, not {{#${name} …}}`);
      return;
    }
    const [valueType] = this.#helperCall(name, node, scope, true);
    const programParams = node.program?.blockParams ?? [];
    const withParams = (names: readonly string[], types: readonly FieldType[]): Map<string, FieldType> => {
      const params = new Map(scope.blockParams);
      names.forEach((param, index) => params.set(param, types[index] ?? "any"));
      return params;
    };
    if (name === "each") {
      const item = valueType === undefined ? "any" : itemType(valueType);
      if (item === undefined) {
        this.#error("TEMPLATE_UNKNOWN_FIELD", node.params[0] ?? node.path, `{{#each}} goes through a list, but ${describeParam(node.params[0])} is ${describeType(valueType ?? "any")}`);
      }
      const itemContext = item ?? "any";
      const label = `an item of ${describeParam(node.params[0])}`;
      this.#program(node.program, { contexts: [itemContext, ...scope.contexts], labels: [label, ...scope.labels], blockParams: withParams(programParams, [itemContext, { type: "number" }]), inEach: true });
    } else if (name === "with") {
      const context = valueType ?? "any";
      if (isScalar(context)) this.#error("TEMPLATE_UNKNOWN_FIELD", node.params[0] ?? node.path, `{{#with}} enters a mapping, but ${describeParam(node.params[0])} is ${describeType(context)}`);
      this.#program(node.program, { contexts: [context, ...scope.contexts], labels: [describeParam(node.params[0]), ...scope.labels], blockParams: withParams(programParams, [context]), inEach: scope.inEach });
    } else {
      this.#program(node.program, scope);
    }
    this.#program(node.inverse, scope);
  }

  /** Check a helper's arguments; returns the types of its first value and of its result. */
  #helperCall(name: string, node: { params: hbs.AST.Expression[]; hash: hbs.AST.Hash; path: hbs.AST.Node }, scope: Scope, asBlock: boolean): [FieldType | undefined, FieldType] {
    const signature = templateHelpers[name] as HelperSignature;
    const [min, max] = signature.params;
    const count = node.params.length;
    if (count < min || count > max) {
      const wanted = min === max ? `${min === 0 ? "no" : min} value${min === 1 ? "" : "s"}` : `${min} to ${max} values`;
      this.#error("TEMPLATE_HELPER_ARGUMENTS", node.path, `${name} takes ${wanted}, not ${count}`, `as in ${signature.doc.split(":")[0]}`);
    }
    if (signature.block && !asBlock) {
      this.#error("TEMPLATE_HELPER_ARGUMENTS", node.path, `${name} is a block helper: write {{#${name} …}}…{{/${name}}}`);
    }
    if (name === "asset") return [undefined, this.#asset(node.params[0])];
    const types = this.#arguments(node.params, node.hash, scope);
    // Before, {{join brief.title ", "}} passed the check and failed as the brief was rendered, blamed on the template
    // that included the partial, with JavaScript's words ("join is not a function"). Text, numbers and true/false are
    // refused here; a mapping is left to the run, where join says what it was given.
    for (const index of signature.lists ?? []) {
      const param = node.params[index];
      const type = types[index];
      if (param !== undefined && type !== undefined && isScalar(type)) {
        this.#error("TEMPLATE_HELPER_ARGUMENTS", param, `${name} takes a list, but ${describeParam(param)} is ${describeType(type)}`, `as in ${signature.doc.split(":")[0]}`);
      }
    }
    // {{t brief.themes}} printed "[object Object]": a list or a mapping where a helper reads text is said where it is written.
    for (const index of signature.scalars ?? []) {
      const param = node.params[index];
      const type = types[index];
      if (param !== undefined && type !== undefined && isListOrMapping(type)) {
        this.#error("TEMPLATE_HELPER_ARGUMENTS", param, `${name} takes text, but ${describeParam(param)} is ${describeType(type)}, which does not read as text ${printedAs(type)}`, `as in ${signature.doc.split(":")[0]}`);
      }
    }
    if (name === "lookup") return [types[0], this.#lookedUp(node.params, types)];
    return [types[0], signature.result];
  }

  /** What (lookup object "key") gives: the field's type when the key is written out, anything when it is chosen at run time. */
  #lookedUp(params: readonly hbs.AST.Expression[], types: readonly (FieldType | undefined)[]): FieldType {
    const [object, key] = params;
    if (object === undefined || key?.type !== "StringLiteral" || types[0] === undefined) return "any";
    const name = (key as hbs.AST.StringLiteral).value;
    const type = fieldType(types[0], name);
    if (type === undefined) {
      this.#error("TEMPLATE_UNKNOWN_FIELD", key, `${describeParam(object)} has no field "${name}"`, suggestionHint(name, fieldNames(types[0]), "field"));
      return "any";
    }
    return type;
  }

  #asset(param: hbs.AST.Expression | undefined): FieldType {
    if (param === undefined) return stringType;
    if (param.type !== "StringLiteral") {
      this.#error("TEMPLATE_HELPER_ARGUMENTS", param, "asset takes a file name in quotes, as {{asset \"logo.svg\"}}", "an asset is named in the template itself, so its file is known before anything is rendered");
      return stringType;
    }
    const name = (param as hbs.AST.StringLiteral).value;
    if (!this.set.assets.has(name)) {
      const known = [...this.set.assets.keys()];
      const where = this.set.projectDir === undefined ? "the project has no templates/assets/ folder" : "templates/assets/";
      this.#error(
        "TEMPLATE_UNKNOWN_ASSET",
        param,
        `there is no asset "${name}"${name.includes("/") || name.includes("\\") ? " (an asset is a file name in templates/assets/, never a path)" : ""}`,
        known.length > 0 ? suggestionHint(name, known, "asset", true) : `put the image (PNG, JPEG or SVG) in ${where}`,
      );
    } else {
      this.assets.add(name);
    }
    return stringType;
  }

  /** Check each value given to a helper or partial; their types, in order. */
  #arguments(params: readonly hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, scope: Scope): (FieldType | undefined)[] {
    const types = params.map((param) => this.#expression(param, scope));
    for (const pair of hash?.pairs ?? []) this.#expression(pair.value, scope);
    return types;
  }

  #expression(node: hbs.AST.Expression, scope: Scope): FieldType | undefined {
    switch (node.type) {
      case "PathExpression":
        return this.#path(node as hbs.AST.PathExpression, scope, false);
      case "SubExpression": {
        const sub = node as hbs.AST.SubExpression;
        const name = this.#helperName(sub.path);
        if (name === undefined || !Object.hasOwn(templateHelpers, name)) {
          this.#unknownHelper(sub.path);
          this.#arguments(sub.params, sub.hash, scope);
          return "any";
        }
        return this.#helperCall(name, sub, scope, false)[1];
      }
      case "StringLiteral":
        return stringType;
      case "NumberLiteral":
        return { type: "number" };
      case "BooleanLiteral":
        return { type: "boolean" };
      default:
        return "any";
    }
  }

  /** The type a path names, or undefined (with an error) when the model has no such field. */
  #path(path: hbs.AST.PathExpression, scope: Scope, printed: boolean): FieldType | undefined {
    const resolved = resolvePath(path, scope, this.#root, printed);
    if (resolved.problem !== undefined) this.#error("TEMPLATE_UNKNOWN_FIELD", path, resolved.problem.message, resolved.problem.hint);
    return resolved.type;
  }

  #partial(node: hbs.AST.PartialStatement, scope: Scope): void {
    const names = this.#partialNames(node, scope);
    if (names === undefined) return;
    const argumentTypes = node.params.map((param) => this.#expression(param, scope));
    // key=value pairs are added to the partial's context (a value the checker cannot see into as {}: any).
    const pairs = node.hash?.pairs ?? [];
    const added = pairs.map((pair) => {
      const type = this.#expression(pair.value, scope);
      return [pair.key, type === undefined || type === "any" ? {} : type] as const;
    });
    if (node.params.length > 1) this.#error("TEMPLATE_HELPER_ARGUMENTS", node, "a partial takes one context at most: {{> name context}}");
    let context: FieldType = node.params.length > 0 ? (argumentTypes[0] ?? "any") : (scope.contexts[0] ?? "any");
    if (pairs.length > 0) {
      const resolved = resolveType(context);
      const properties = resolved === "any" ? {} : ((resolved.properties as Record<string, unknown> | undefined) ?? {});
      context = resolved === "any" ? "any" : { type: "object", properties: { ...properties, ...Object.fromEntries(added) } };
    }
    const label = node.params.length > 0 ? describeParam(node.params[0]) : (scope.labels[0] ?? "the context");
    for (const name of names) this.#includePartial(name, node, { contexts: [context, ...scope.contexts], labels: [label, ...scope.labels], blockParams: new Map(), inEach: scope.inEach });
  }

  /** The partials a partial statement can include: its name, or every section's choice of sectionPartial. */
  #partialNames(node: hbs.AST.PartialStatement, scope: Scope): string[] | undefined {
    const name = node.name as hbs.AST.Node;
    if (name.type === "PathExpression" || name.type === "StringLiteral" || name.type === "NumberLiteral") {
      const partial = String((name as hbs.AST.PathExpression).original ?? (name as hbs.AST.StringLiteral).value);
      if (partial === "@partial-block") {
        this.#error("TEMPLATE_UNSUPPORTED", name, "partial blocks are not supported");
        return undefined;
      }
      if (!this.set.partials.has(partial)) {
        this.#error("TEMPLATE_UNKNOWN_PARTIAL", name, `there is no partial "${partial}"`, unknownPartialHint(partial, this.set));
        return undefined;
      }
      return [partial];
    }
    const sub = name as hbs.AST.SubExpression;
    if (sub.type === "SubExpression" && this.#helperName(sub.path) === "sectionPartial") {
      this.#helperCall("sectionPartial", sub, scope, false);
      return sectionNames.map((section) => sectionPartialFor(this.set, this.entry, section));
    }
    this.#error("TEMPLATE_UNSUPPORTED", name, "a partial chosen at run time can only be (sectionPartial section)", "name the partial: {{> name}}");
    return undefined;
  }

  #includePartial(name: string, node: hbs.AST.Node, scope: Scope): void {
    this.partials.add(name);
    if (this.#stack.includes(name)) {
      this.#error("TEMPLATE_UNSUPPORTED", node, `partial "${name}" includes itself (${[...this.#stack.slice(this.#stack.indexOf(name)), name].join(" → ")}), which would never end`);
      return;
    }
    const key = `${name}|${scopeKey(scope)}`;
    const known = this.#partialCalls.get(key);
    if (known !== undefined) {
      this.errors.push(...known.errors);
      for (const partial of known.partials) this.partials.add(partial);
      for (const asset of known.assets) this.assets.add(asset);
      return;
    }
    const file = this.set.partials.get(name);
    if (file === undefined) {
      this.#error("TEMPLATE_UNKNOWN_PARTIAL", node, `there is no partial "${name}"`, unknownPartialHint(name, this.set));
      return;
    }
    const before = { errors: this.errors.length, partials: new Set(this.partials), assets: new Set(this.assets) };
    const outer = this.#file;
    this.#file = file;
    this.#stack.push(name);
    const parsed = parseTemplateFile(file);
    if (parsed.error !== undefined) this.errors.push(parsed.error);
    else this.#program(parsed.ast, scope);
    this.#stack.pop();
    this.#file = outer;
    // A result found while another partial is being walked may depend on that one (recursion): kept only at the top.
    if (this.#stack.length === 0 || !this.errors.slice(before.errors).some((d) => d.code === "TEMPLATE_UNSUPPORTED")) {
      this.#partialCalls.set(key, {
        errors: this.errors.slice(before.errors),
        partials: [...this.partials].filter((p) => !before.partials.has(p) || p === name),
        assets: [...this.assets].filter((a) => !before.assets.has(a)),
      });
    }
  }
}

function describeParam(node: hbs.AST.Expression | undefined): string {
  if (node?.type === "PathExpression") return (node as hbs.AST.PathExpression).original;
  if (node?.type === "SubExpression") {
    const sub = node as hbs.AST.SubExpression;
    return `(${[sub.path.original, ...sub.params.map((p) => (p.type === "PathExpression" ? (p as hbs.AST.PathExpression).original : "…"))].join(" ")})`;
  }
  return "its value";
}

/**
 * What to do about a partial there is none of. Its file may be there and refused (a link out of the project, say:
 * that file's own error says why), and a name that is a path is never a file in templates/partials/.
 */
function unknownPartialHint(name: string, set: Pick<TemplateSet, "partials" | "refused">): string {
  const refused = set.refused.find((file) => file.kind === "partial" && file.name === name);
  if (refused !== undefined) return `${refused.shown} is there but cannot be used: see its own error`;
  const suggestion = suggestionHint(name, [...set.partials.keys()], "partial");
  if (/[/\\]|^\./.test(name)) return hintWith(suggestion, "a partial is named by its file in templates/partials/, never by a path");
  if (!idPattern.test(name)) return hintWith(suggestion, "a partial's name, like its file's, is lower-case letters, digits and single hyphens");
  return hintWith(suggestion, `a partial of your own goes in templates/partials/${name}.hbs`);
}

/** A list or a mapping, known to be one: what does not print as text (a value of any type is left to the run). */
function isListOrMapping(type: FieldType): boolean {
  return !isScalar(type) && resolveType(type) !== "any";
}

/** What a list or a mapping comes out as where text is wanted: a list of text runs together, anything else is "[object Object]". */
function printedAs(type: FieldType): string {
  const item = describeType(type) === "a list" ? itemType(type) : undefined;
  return item !== undefined && isScalar(item) ? '(its items run together: "a,b")' : '("[object Object]")';
}

/** A "did you mean" hint followed by more advice. */
function hintWith(suggestion: string, more: string): string {
  const sentence = `${more[0]!.toUpperCase()}${more.slice(1)}`;
  if (suggestion.endsWith("?")) return `${suggestion} ${sentence}`;
  return suggestion.endsWith(")") ? `${suggestion}. ${sentence}` : `${suggestion}; ${more}`;
}

/**
 * The problem of a brief whose template has errors, at the brief's template:
 * line; the template's own problems are reported once, at the template.
 */
export function briefTemplateProblem(templateName: string, errors: readonly Diagnostic[], file: string, span: Diagnostic["span"]): Diagnostic {
  const first = errors[0];
  // "(x.css, and 2 more)" read as two more files, beside a list of five problems: the count is the template's own errors.
  const where = first?.file === undefined ? "" : ` (${errors.length > 1 ? "the first in" : "in"} ${first.file})`;
  return {
    severity: "error",
    code: "TEMPLATE_NOT_VALID",
    message: `template "${templateName}" has ${errors.length === 1 ? "an error" : `${errors.length} errors`}${where}, so this brief is not rendered`,
    file,
    span,
    // A problem with no line (a Word letterhead, a file that cannot be read) is reported under the file's name.
    hint: `fix ${first?.file ?? "the template"}: ${errors.every((e) => e.span !== undefined) ? "its problems are reported at their own lines" : errors.length === 1 ? "the error under its name says what is wrong" : "the errors under its name say what is wrong"}`,
  };
}
