import { existsSync, readdirSync, realpathSync, type Dirent } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closestMatch, suggestionHint } from "../diagnostics/suggest.js";
import { checkOptionsArgument, checkTextArgument } from "../errors/argument.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { layoutNames, templateNames, type LayoutName } from "../schema/names.js";
import { idPattern, withSingleHyphens } from "../schema/id-pattern.js";
import { joinWords } from "../text/prose.js";
import { builtInTemplatesDir } from "./package-files.js";
import { displayPath, isFile, isFolder, leadsOutside, projectTemplatesDir, realFolder } from "./project.js";
import { fileLimits, readBinaryFile, readTextFile } from "./read-file.js";
import { prepareSvgSanitiser } from "./sanitise-svg.js";
import { assetContentProblem, assetNamePattern, assetSizeHint, assetSizeProblem, assetTypeOf, type TemplateAsset } from "./template-assets.js";
import type { WordLetterhead } from "./word-letterhead.js";

export type { TemplateAsset } from "./template-assets.js";

/**
 * The template files, read once: Briefsmith's own, then a project's
 * templates/ folder over them. Rendering reads nothing else.
 *
 * A project's folder is searched first:
 * - templates/NAME.hbs replaces the built-in template NAME (memo, handout,
 *   one-pager), or adds a template NAME, which says on its first line which
 *   layout it follows: {{!-- layout: memo --}};
 * - templates/partials/NAME.hbs replaces or adds the partial NAME;
 * - templates/*.css are added after Briefsmith's styles (see stylesFor);
 * - templates/assets/*.png|jpg|jpeg|svg are images a template embeds with
 *   {{asset "NAME"}};
 * - templates/NAME.docx is the office's letterhead in Word for the template
 *   NAME: the Word documents of briefs using NAME are put on it
 *   (load/word-letterhead.ts).
 * Problems found while reading (an unreadable file, a name that cannot be a
 * template's, a missing or unknown layout, an image that is not one) are
 * diagnostics of the set, located in the file; validate/templates.ts checks
 * the templates themselves.
 */
export interface TemplateSet {
  /** Briefsmith's own templates folder. */
  readonly dir: string;
  /** The project's templates/ folder, when it has one. */
  readonly projectDir: string | undefined;
  readonly templates: ReadonlyMap<string, TemplateEntry>;
  readonly partials: ReadonlyMap<string, TemplateFile>;
  /** Briefsmith's style sheets by name ("base" for every template, then one per layout), and the project's. */
  readonly styles: ReadonlyMap<string, string>;
  readonly projectStyles: readonly TemplateFile[];
  readonly assets: ReadonlyMap<string, TemplateAsset>;
  /** The offices' letterheads in Word, by the name of the template they are for (templates/NAME.docx). */
  readonly letterheads: ReadonlyMap<string, WordLetterhead>;
  /**
   * The project's files that were there to be used but could not be read (a link out of the folder, too large,
   * not a regular file), and the folder itself when it leads out: the templates they would have changed are in
   * error, rather than printed silently as Briefsmith's own.
   */
  readonly refused: readonly RefusedFile[];
  /** What reading the project's folder found wrong. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every template, partial and style sheet, by shown path: to print diagnostics with their line. */
  readonly fileTexts: ReadonlyMap<string, string>;
}

/** A file of the project's templates/ folder that was not read, as diagnostics show it, and what it is. */
export interface RefusedFile {
  readonly shown: string;
  readonly kind: "template" | "partial" | "style sheet" | "letterhead" | "folder";
  /** The template's or partial's name (the style sheet's or folder's, for those). */
  readonly name: string;
}

export type TemplateOrigin = "built-in" | "project";

/** One Handlebars or CSS file. */
export interface TemplateFile {
  /** The template's or partial's name: its file name without .hbs. */
  readonly name: string;
  /** As diagnostics show it: templates/letter.hbs. */
  readonly shown: string;
  readonly origin: TemplateOrigin;
  readonly source: string;
}

export interface TemplateEntry extends TemplateFile {
  /** The layout it follows; undefined when a project's template does not say, or names one that does not exist (a diagnostic says which). */
  readonly layout: LayoutName | undefined;
  /** The span of the layout line, for diagnostics about it. */
  readonly layoutSpan: { readonly start: number; readonly end: number } | undefined;
}

export interface LoadTemplatesOptions {
  /** Briefsmith's own templates folder (default: the package's). */
  readonly builtIn?: string | undefined;
  /** A project's templates/ folder; a folder that does not exist means no templates of the project's own. */
  readonly project?: string | undefined;
  /** Paths in diagnostics are shown relative to this folder (default: the process's). */
  readonly cwd?: string | undefined;
}

/** A template's first line: {{!-- layout: memo --}} (or {{! layout: memo }}). */
const layoutLine = /^\{\{!(--)?[ \t]*layout:[ \t]*([^\s}]*?)[ \t]*(?:--)?\}\}/;

/**
 * The layout a template's first line names, with where the name is; undefined
 * when there is no layout line.
 */
function readLayoutLine(source: string): { value: string; start: number; end: number } | undefined {
  const match = layoutLine.exec(source);
  if (match === null) return undefined;
  const start = match[0].indexOf(match[2]!, 3);
  return { value: match[2]!, start, end: start + Math.max(1, match[2]!.length) };
}

/**
 * Read Briefsmith's templates and, when given, a project's templates/ folder
 * over them. `loadTemplates(dir)` reads only the templates in `dir`, as
 * Briefsmith's own (for tests of the built-in templates).
 */
export async function loadTemplates(options: string | LoadTemplatesOptions = {}): Promise<TemplateSet> {
  if (typeof options !== "string") {
    checkOptionsArgument("loadTemplates's options", options, { builtIn: true, project: true, cwd: true } satisfies Record<keyof LoadTemplatesOptions, true>);
    for (const key of ["builtIn", "project", "cwd"] as const) checkTextArgument(`loadTemplates's ${key}`, options[key]);
    if (options.project !== undefined) checkProjectArgument(options.project);
  }
  return readTemplates(typeof options === "string" ? { builtIn: options } : options);
}

/** loadTemplates for Briefsmith's own callers, whose project folder is one they have found (or reported missing) themselves. */
async function readTemplates(options: LoadTemplatesOptions): Promise<TemplateSet> {
  const { builtIn = builtInTemplatesDir, project, cwd = process.cwd() } = options;
  const fileTexts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const templates = new Map<string, TemplateEntry>();
  const partials = new Map<string, TemplateFile>();

  const builtInFile = async (path: string, name: string): Promise<TemplateFile> => {
    const shown = displayPath(path, cwd);
    const source = await readTextFile(path, fileLimits.templateBytes, shown);
    fileTexts.set(shown, source);
    return { name, shown, origin: "built-in", source };
  };
  for (const name of templateNames) {
    const path = join(builtIn, `${name}.hbs`);
    const file = await builtInFile(path, name).catch((error: unknown) => {
      throw new BriefsmithError("TEMPLATE_MISSING", `template "${name}" is missing from ${builtIn}`, {
        hint: "reinstall Briefsmith, or restore the templates folder",
        cause: error,
      });
    });
    templates.set(name, { ...file, layout: name, layoutSpan: undefined });
  }
  for (const name of listNames(join(builtIn, "partials"), ".hbs")) partials.set(name, await builtInFile(join(builtIn, "partials", `${name}.hbs`), name));
  const styles = new Map<string, string>();
  for (const name of listNames(join(builtIn, "styles"), ".css")) styles.set(name, (await builtInFile(join(builtIn, "styles", `${name}.css`), name)).source);

  const projectFolder = project !== undefined && isProjectFolder(project, builtIn) ? project : undefined;
  // A templates/ folder that is a link to somewhere else (added by a pull request, say) is not read: its files would
  // be printed into a CI log by a template error, and embedded in every document. Each file is checked too.
  const projectDir = projectFolder !== undefined && leadsOutside(projectFolder, realFolder(dirname(projectFolder))) ? undefined : projectFolder;
  const refused: RefusedFile[] = [];
  if (projectFolder !== undefined && projectDir === undefined) {
    refused.push({ shown: displayPath(projectFolder, cwd), kind: "folder", name: basename(projectFolder) });
    diagnostics.push({
      severity: "error",
      code: "FILE_OUTSIDE_FOLDER",
      message: `${displayPath(projectFolder, cwd)} leads outside the project folder ${displayPath(dirname(projectFolder), cwd) || "."}, so no template in it was read`,
      file: displayPath(projectFolder, cwd),
      hint: "put the templates themselves in the project's templates/ folder instead of linking to another folder",
    });
  }
  const projectStyles: TemplateFile[] = [];
  const assets = new Map<string, TemplateAsset>();
  const letterheads = new Map<string, WordLetterhead>();
  // A file where the folder should be would leave the project's templates out without a word.
  if (projectDir !== undefined && isFile(projectDir)) {
    refused.push({ shown: displayPath(projectDir, cwd), kind: "folder", name: basename(projectDir) });
    diagnostics.push({ severity: "error", code: "PATH_NOT_A_FOLDER", message: `${displayPath(projectDir, cwd)} is a file, not a folder of templates`, file: displayPath(projectDir, cwd), hint: "make it a folder of templates, or move the file out of the way" });
  }
  if (projectDir !== undefined) {
    const reader = new ProjectReader(projectDir, cwd, diagnostics, fileTexts, refused);
    // Every entry named as a template or a style sheet is read, whatever it is: a pipe or a folder named
    // house.css is reported (FILE_NOT_REGULAR, FILE_IS_DIRECTORY) rather than silently left out.
    const entries = listEntries(projectDir);
    for (const entry of entries) {
      const extension = extname(entry.name);
      if (extension !== ".hbs" && extension !== ".css") continue;
      const file = await reader.text(entry.name, extension);
      if (file === undefined) continue;
      if (extension === ".css") {
        projectStyles.push(file);
        continue;
      }
      templates.set(file.name, { ...file, ...templateLayout(file, diagnostics) });
    }
    for (const entry of listEntries(join(projectDir, "partials"))) {
      if (extname(entry.name) === ".hbs") {
        const file = await reader.text(join("partials", entry.name), ".hbs");
        if (file !== undefined) partials.set(file.name, file);
      }
    }
    for (const entry of listEntries(join(projectDir, "assets"))) {
      // A folder of originals beside the assets is the user's business; a pipe or device is reported.
      if (entry.isDirectory()) continue;
      const asset = await reader.asset(entry.name);
      if (asset !== undefined) assets.set(asset.name, asset);
    }
    // After the templates: a letterhead is checked against the templates there are.
    for (const entry of entries) {
      if (extname(entry.name) !== ".docx") continue;
      const read = await reader.letterhead(entry.name);
      if (read === undefined) continue;
      if (read.letterhead !== undefined) letterheads.set(read.name, read.letterhead);
      if (!templates.has(read.name)) {
        diagnostics.push({
          severity: "warning",
          code: "TEMPLATE_LETTERHEAD_UNUSED",
          message: `there is no template "${read.name}", so no Word document is put on this letterhead`,
          file: read.shown,
          hint: letterheadNameHint(read.name, [...templates.keys()], dirname(read.shown)),
        });
      }
    }
  }
  if ([...assets.values()].some((asset) => asset.type === "image/svg+xml")) await prepareSvgSanitiser();
  return { dir: builtIn, projectDir, templates, partials, styles, projectStyles, assets, letterheads, refused, diagnostics, fileTexts };
}

/**
 * How to name a letterhead no template uses: a staffer saved hers as templates/letterhead.docx, as an example
 * project's own template is named, and was told only the templates there are.
 */
function letterheadNameHint(name: string, templates: readonly string[], folder: string): string {
  const named = (template: string) => `${folder}/${template}.docx`;
  const match = closestMatch(name, templates);
  if (match !== undefined) return `did you mean ${named(match)}?`;
  return `a letterhead is named after the template whose Word documents it is for: rename it ${joinWords(templates.map(named), "or")}`;
}

/**
 * A project without a templates folder has no templates of its own, so a folder that is not there is no error; but
 * a mistyped path, or the project's own folder given for its templates folder, read no template without a word,
 * and a brief naming one of them then failed as if it had never been written.
 */
function checkProjectArgument(project: string): void {
  if (!existsSync(project)) {
    if (isFolder(dirname(project))) return;
    throw new BriefsmithError("API_INVALID_ARGUMENT", `loadTemplates's project is ${project}, which does not exist, nor is ${dirname(project)} a folder`, {
      hint: "give the templates folder of a project that exists (a project without one has no templates of its own)",
    });
  }
  const entries = listEntries(project);
  const holdsTemplates = entries.some((entry) => extname(entry.name) === ".hbs" || extname(entry.name) === ".css");
  if (!holdsTemplates && isFolder(join(project, "templates"))) {
    throw new BriefsmithError("API_INVALID_ARGUMENT", `loadTemplates's project is ${project}, a project's folder, not its templates folder`, {
      hint: `give its templates folder: ${join(project, "templates")}`,
    });
  }
}

/** How to rename a file whose name cannot be a template's: with single hyphens, when that is all that is wrong, else `otherwise`. */
function renameHint(name: string, extension: string, otherwise: string): string {
  const single = withSingleHyphens(name);
  return single === undefined ? otherwise : `a name takes single hyphens, never two together: rename it ${single}${extension}`;
}

/** A project's folder that exists and is not Briefsmith's own (in Briefsmith's repository, its templates/ is the built-in one). */
function isProjectFolder(project: string, builtIn: string): boolean {
  try {
    return realpathSync(project) !== realpathSync(builtIn);
  } catch {
    return false;
  }
}


/** Names of the files in a folder with this extension, sorted; none when the folder does not exist. */
function listNames(dir: string, extension: string): string[] {
  return listEntries(dir)
    .filter((entry) => extname(entry.name) === extension)
    .map((entry) => basename(entry.name, extension));
}

/** A folder's entries in name order, hidden files left out; none when the folder does not exist. */
function listEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** The layout of a project's template: its own name for a replacement of a built-in one, else what its first line says. */
function templateLayout(file: TemplateFile, diagnostics: Diagnostic[]): Pick<TemplateEntry, "layout" | "layoutSpan"> {
  const line = readLayoutLine(file.source);
  const builtIn = (templateNames as readonly string[]).includes(file.name) ? (file.name as LayoutName) : undefined;
  const problem = (code: "TEMPLATE_NO_LAYOUT" | "TEMPLATE_UNKNOWN_LAYOUT", message: string, span: { start: number; end: number }, hint: string) =>
    diagnostics.push({ severity: "error", code, message, file: file.shown, span, hint });
  if (line === undefined) {
    if (builtIn !== undefined) return { layout: builtIn, layoutSpan: undefined };
    problem("TEMPLATE_NO_LAYOUT", `template "${file.name}" does not say which layout it follows`, { start: 0, end: 0 }, `make its first line {{!-- layout: memo --}} (or ${layoutNames.filter((l) => l !== "memo").join(", ")}): the layout decides the sections it can print and its defaults`);
    return { layout: undefined, layoutSpan: undefined };
  }
  const span = { start: line.start, end: line.end };
  const layout = (layoutNames as readonly string[]).includes(line.value) ? (line.value as LayoutName) : undefined;
  if (layout === undefined) {
    problem("TEMPLATE_UNKNOWN_LAYOUT", `there is no layout "${line.value}"`, span, suggestionHint(line.value, layoutNames, "layout", true));
    return { layout: undefined, layoutSpan: span };
  }
  if (builtIn !== undefined && layout !== builtIn) {
    problem("TEMPLATE_UNKNOWN_LAYOUT", `this file replaces the built-in ${builtIn}, so its layout is ${builtIn}, not ${layout}`, span, `to make a ${layout} of your own, give the file another name (templates/my-${layout}.hbs)`);
    return { layout: undefined, layoutSpan: span };
  }
  return { layout, layoutSpan: span };
}

/** Reads the files of a project's templates/ folder, never through a link that leads out of it. */
class ProjectReader {
  constructor(
    readonly dir: string,
    readonly cwd: string,
    readonly diagnostics: Diagnostic[],
    readonly fileTexts: Map<string, string>,
    readonly refused: RefusedFile[],
  ) {}

  #fail(shown: string, error: unknown): undefined {
    if (!(error instanceof BriefsmithError)) throw error;
    this.diagnostics.push({ severity: "error", code: error.code, message: error.message, file: shown, hint: error.hint });
    return undefined;
  }

  async text(relativePath: string, extension: ".hbs" | ".css"): Promise<TemplateFile | undefined> {
    const path = join(this.dir, relativePath);
    const shown = displayPath(path, this.cwd);
    const name = basename(relativePath, extension);
    if (!idPattern.test(name)) {
      this.diagnostics.push({
        severity: "error",
        code: "TEMPLATE_INVALID_NAME",
        message: `"${name}" cannot be a ${extension === ".css" ? "style sheet's" : relativePath.startsWith("partials") ? "partial's" : "template's"} name, so the file is not used`,
        file: shown,
        hint: renameHint(name, extension, "rename it to lower-case letters, digits and single hyphens, as in letter.hbs or house-style.css"),
      });
      return undefined;
    }
    try {
      const source = await readTextFile(path, fileLimits.templateBytes, shown, { within: this.dir });
      this.fileTexts.set(shown, source);
      return { name, shown, origin: "project", source };
    } catch (error) {
      this.refused.push({ shown, kind: extension === ".css" ? "style sheet" : relativePath.startsWith("partials") ? "partial" : "template", name });
      return this.#fail(shown, error);
    }
  }

  async asset(name: string): Promise<TemplateAsset | undefined> {
    const path = join(this.dir, "assets", name);
    const shown = displayPath(path, this.cwd);
    const type = assetTypeOf(name);
    const invalid = (message: string, hint: string) => {
      this.diagnostics.push({ severity: "error", code: "TEMPLATE_ASSET_INVALID", message, file: shown, hint });
      return undefined;
    };
    if (!assetNamePattern.test(name)) return invalid(`"${name}" cannot be an asset's name`, "rename it to letters, digits, dots, hyphens and underscores");
    if (type === undefined) {
      const font = /\.(?:ttf|otf|woff2?)$/i.test(name);
      return invalid(
        "this is not a PNG, JPEG or SVG image, so no template can embed it",
        font ? "a font is embedded in a style sheet's @font-face as a data: URL (src: url(data:font/woff2;base64,…)); move it out of templates/assets/" : "save it as .png, .jpg or .svg, or move it out of templates/assets/",
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBinaryFile(path, fileLimits.assetBytes, shown, { within: this.dir });
    } catch (error) {
      return this.#fail(shown, error);
    }
    const problem = assetContentProblem(type, bytes);
    if (problem !== undefined) return invalid(problem, "export the image again in the format its name says");
    const size = assetSizeProblem(type, bytes);
    if (size !== undefined) return invalid(size, assetSizeHint);
    return { name, shown, type, bytes };
  }

  /** templates/NAME.docx: the letterhead in Word of the template NAME, made safe; undefined (and a diagnostic) when it cannot be used. */
  async letterhead(fileName: string): Promise<{ name: string; shown: string; letterhead: WordLetterhead | undefined } | undefined> {
    const path = join(this.dir, fileName);
    const shown = displayPath(path, this.cwd);
    const name = basename(fileName, ".docx");
    if (!idPattern.test(name)) {
      this.diagnostics.push({
        severity: "error",
        code: "TEMPLATE_INVALID_NAME",
        message: `"${name}" cannot be a template's name, so this Word letterhead is not used`,
        file: shown,
        hint: renameHint(name, ".docx", "name it after the template whose Word documents it is for, as in letterhead.docx for templates/letterhead.hbs"),
      });
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBinaryFile(path, fileLimits.letterheadBytes, shown, { within: this.dir });
    } catch (error) {
      this.refused.push({ shown, kind: "letterhead", name });
      this.#fail(shown, error);
      return { name, shown, letterhead: undefined };
    }
    const { readWordLetterhead } = await import("./word-letterhead.js");
    const reading = await readWordLetterhead(bytes, shown);
    if (reading.problem !== undefined) {
      this.refused.push({ shown, kind: "letterhead", name });
      this.diagnostics.push({
        severity: "error",
        code: "TEMPLATE_LETTERHEAD_INVALID",
        message: `the Word letterhead cannot be used: ${reading.problem}`,
        file: shown,
        hint: "open it in Word, check it has the letterhead in its page header or footer, and save it again as a Word document (.docx)",
      });
      return { name, shown, letterhead: undefined };
    }
    if (reading.removed.length > 0) {
      this.diagnostics.push({
        severity: "warning",
        code: "TEMPLATE_LETTERHEAD_SANITISED",
        message: `removed from the letterhead: ${reading.removed.join("; ")}. A Word document Briefsmith writes opens nothing outside itself.`,
        file: shown,
        // Said on every build while the file has them: how to be rid of it, and that nothing is wrong meanwhile.
        hint: "remove them from the letterhead in Word and save it again, and this warning goes; the letterhead is used without them meanwhile",
      });
    }
    return { name, shown, letterhead: reading.letterhead };
  }
}

/** Each template's name and the layout it follows (undefined when its first line does not say a layout that exists). */
export function templateLayouts(set: TemplateSet): ReadonlyMap<string, LayoutName | undefined> {
  return new Map([...set.templates].map(([name, entry]) => [name, entry.layout]));
}

/** Briefsmith's templates, and those of the project in `root` (its templates/ folder, if it has one). */
export function loadProjectTemplates(root: string, cwd: string, builtIn?: string): Promise<TemplateSet> {
  return readTemplates({ builtIn, project: projectTemplatesDir(root), cwd });
}

/**
 * The style sheets of a template, in the order they apply (a later rule wins):
 * Briefsmith's base, Briefsmith's sheet for the template's layout, then the
 * project's: every templates/*.css not named after a template (in name
 * order), then templates/NAME.css of the template itself. So a house style
 * applies to every document, and letter.css only to letters.
 */
export function stylesFor(set: TemplateSet, templateName: string): string[] {
  const layout = set.templates.get(templateName)?.layout;
  const sheets = [set.styles.get("base") ?? ""];
  if (layout !== undefined) sheets.push(set.styles.get(layout) ?? "");
  const named = (file: TemplateFile) => set.templates.has(file.name);
  for (const file of set.projectStyles) if (!named(file)) sheets.push(file.source);
  for (const file of set.projectStyles) if (file.name === templateName) sheets.push(file.source);
  return sheets;
}

/**
 * The partial that prints a section in a template: the template's own
 * (letter-themes), else its layout's (memo-themes), else the shared one
 * (section-themes). The renderer's sectionPartial helper chooses the same way.
 */
export function sectionPartialFor(set: Pick<TemplateSet, "partials">, entry: Pick<TemplateEntry, "name" | "layout">, section: string): string {
  for (const candidate of [`${entry.name}-${section}`, `${entry.layout}-${section}`]) if (set.partials.has(candidate)) return candidate;
  return `section-${section}`;
}
