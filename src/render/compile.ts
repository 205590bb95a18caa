import { createRequire } from "node:module";
import Handlebars from "handlebars/runtime.js";
import { sha256 } from "../text/sha256.js";

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * How every template is compiled: not strict. The template checker
 * (validate/templates.ts) refuses a field the model does not have before any
 * template runs, so strict would only turn an optional field that is absent
 * ({{brief.classificationBlock.reason}} in a brief without one) into a crash;
 * without it, such a field prints nothing, as Handlebars users expect. Values
 * are HTML-escaped by Handlebars; Markdown goes through the escaping renderer.
 */
export const compileOptions = {} as const satisfies CompileOptions;

/** Handlebars's compiled form of templates (what Handlebars.precompile writes), by the sha256 of their source. */
export type PrecompiledTemplates = Readonly<Record<string, TemplateSpecification>>;

/**
 * Briefsmith's own templates and partials, compiled when Briefsmith is built:
 * `npm run build` writes precompiled-templates.cjs beside this module
 * (scripts/precompile-templates.mjs). Compiling them is most of the first
 * rendering of each template; run from source (the tests) there is no such
 * file, and every template is compiled when first used.
 */
const builtInPrecompiled: PrecompiledTemplates = readBuiltInPrecompiled();

function readBuiltInPrecompiled(): PrecompiledTemplates {
  try {
    return createRequire(import.meta.url)("./precompiled-templates.cjs") as PrecompiledTemplates;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return {};
    throw error;
  }
}

/**
 * Handlebars with its compiler, loaded the first time a template is not one of the precompiled ones: rendering
 * needs only its runtime, and a build of Briefsmith's own templates never compiles one.
 */
let compiler: typeof Handlebars | undefined;

/** Handlebars's own compiled form of a source, as JavaScript text. */
function precompile(source: string): string {
  compiler ??= createRequire(import.meta.url)("handlebars") as typeof Handlebars;
  // A copy: Handlebars.precompile writes its defaults into the options it is given (Handlebars.compile copies them first).
  return String(compiler.precompile(source, { ...compileOptions }));
}

/** The text of a CommonJS module of these sources' compiled forms: what `npm run build` writes for the built-in templates. */
export function precompiledModule(sources: Iterable<string>): string {
  const entries = [...new Set(sources)].sort().map((source) => `  ${JSON.stringify(sha256(source))}: ${precompile(source)}`);
  return [
    "// Written by scripts/precompile-templates.mjs when Briefsmith is built: Briefsmith's templates and partials as",
    "// Handlebars compiles them, by the sha256 of their source. Do not edit; src/render/compile.ts reads it.",
    "module.exports = {",
    entries.join(",\n"),
    "};",
    "",
  ].join("\n");
}

/**
 * Compiles templates for the Handlebars environments of a renderer: a source
 * is compiled once, however many environments use it (each template has its
 * own, and they share partials), and not at all when it is one of the
 * precompiled ones (matched by the hash of its text, so a project's file that
 * replaces a built-in one is compiled). Compiling waits for the first use, as
 * Handlebars.compile does: a partial no brief includes is never compiled.
 */
export class TemplateCompiler {
  readonly #precompiled: PrecompiledTemplates;
  readonly #compiled = new Map<string, TemplateSpecification>();

  constructor(precompiled: PrecompiledTemplates = builtInPrecompiled) {
    this.#precompiled = precompiled;
  }

  /** A template of `environment` (its helpers and partials) from this source, compiled when first run. */
  template<T>(environment: typeof Handlebars, source: string): HandlebarsTemplateDelegate<T> {
    let template: HandlebarsTemplateDelegate<T> | undefined;
    return (context, options) => (template ??= environment.template<T>(this.#spec(source)))(context, options);
  }

  #spec(source: string): TemplateSpecification {
    const precompiled = this.#precompiled[sha256(source)];
    if (precompiled !== undefined) return precompiled;
    let spec = this.#compiled.get(source);
    if (spec === undefined) {
      // Handlebars.compile does this too: its compiler writes the template as JavaScript, which is made a function.
      spec = new Function(`return ${precompile(source)}`)() as TemplateSpecification;
      this.#compiled.set(source, spec);
    }
    return spec;
  }
}
