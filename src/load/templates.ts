import { readdir, readFile } from "node:fs/promises";
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

async function readNamedFiles(dir: string, extension: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => extname(n) === extension).sort();
  } catch {
    return files;
  }
  for (const name of names) files.set(basename(name, extension), await readFile(join(dir, name), "utf8"));
  return files;
}

export async function loadTemplates(dir = builtInTemplatesDir): Promise<TemplateSet> {
  const found = await readNamedFiles(dir, ".hbs");
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
    partials: await readNamedFiles(join(dir, "partials"), ".hbs"),
    styles: await readNamedFiles(join(dir, "styles"), ".css"),
  };
}
