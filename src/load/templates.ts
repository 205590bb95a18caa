import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { templateNames, type TemplateName } from "../schema/brief.js";
import { builtInTemplatesDir } from "./package-files.js";

/**
 * The template files, read once: one Handlebars file per registered template,
 * the partials they share, and the style sheets. Rendering reads nothing else.
 */
export interface TemplateSet {
  readonly dir: string;
  readonly templates: ReadonlyMap<TemplateName, string>;
  readonly partials: ReadonlyMap<string, string>;
  /** Style sheets by name: "base" for every template, then one per template. */
  readonly styles: ReadonlyMap<string, string>;
}

/**
 * Read synchronously: a dozen small files, each in one system call, rather than queued in the
 * thread pool behind the hundreds of module files a starting build loads at the same time.
 */
function readNamedFiles(dir: string, extension: string): Map<string, string> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => extname(n) === extension).sort();
  } catch {
    return files;
  }
  for (const name of names) files.set(basename(name, extension), readFileSync(join(dir, name), "utf8"));
  return files;
}

export async function loadTemplates(dir = builtInTemplatesDir): Promise<TemplateSet> {
  const found = readNamedFiles(dir, ".hbs");
  const templates = new Map<TemplateName, string>();
  for (const name of templateNames) {
    const source = found.get(name);
    if (source === undefined) {
      throw new BriefsmithError("TEMPLATE_MISSING", `template "${name}" is missing from ${dir}`, {
        hint: "reinstall Briefsmith, or restore the templates folder",
      });
    }
    templates.set(name, source);
  }
  return {
    dir,
    templates,
    partials: readNamedFiles(join(dir, "partials"), ".hbs"),
    styles: readNamedFiles(join(dir, "styles"), ".css"),
  };
}
