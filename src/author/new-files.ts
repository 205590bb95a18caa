import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { stringify } from "yaml";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { schemasDir } from "../load/package-files.js";
import { realFolder } from "../load/project.js";
import { isInside } from "../load/read-file.js";
import type { ReadonlyExtract } from "../schema/extract.js";
import { schemaFileName, type SchemaKind } from "./json-schemas.js";
import { pathTaken } from "./write-files.js";

/**
 * The first line of a YAML file Briefsmith writes: the JSON Schema editors
 * check it with. In a project, the path into its node_modules, where the
 * project installs Briefsmith (as brief init's files do); in a checkout of
 * Briefsmith itself, the path to its own schemas/.
 */
function schemaLine(file: string, root: string, kind: SchemaKind): string {
  const packageRoot = dirname(schemasDir.replace(/[\\/]$/, ""));
  const ownCheckout = resolve(root) === packageRoot || isInside(packageRoot, root);
  const target = ownCheckout ? join(schemasDir, schemaFileName(kind)) : join(root, "node_modules", "briefsmith", "schemas", schemaFileName(kind));
  return `# yaml-language-server: $schema=${relative(dirname(file), target).split("\\").join("/")}`;
}

async function writeNew(path: string, text: string, shown: string, root: string): Promise<void> {
  const exists = () => new BriefsmithError("FILE_EXISTS", `${shown} exists already`, { hint: "choose another id, or edit the file" });
  // lstat, not exists: a dangling link is there already too (and "wx" refuses to write through it).
  if (pathTaken(path)) throw exists();
  // Nor through a folder on the way that is a link out of the project (briefs/ linked elsewhere): it is written nowhere else.
  if (!isInside(realFolder(root), realFolder(dirname(path)))) {
    throw new BriefsmithError("FILE_OUTSIDE_FOLDER", `${shown} would be written outside the project folder (a folder on its way is a link), so it is not written`, {
      hint: "make the folder the project's own instead of a link to another, then run the command again",
    });
  }
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw exists();
    throw error;
  }
}

export interface NewBriefOptions {
  readonly root: string;
  readonly id: string;
  readonly template: string;
  readonly corpus: string;
  readonly extract: ReadonlyExtract;
  /** Theme ids, or all. */
  readonly themes: readonly string[] | "all";
  /** How the file is shown. */
  readonly shown: string;
}

/**
 * A line and its comment, the comments lined up in a column; a line too long for the column still has a space
 * before its "#" (without one, YAML reads the "#" as part of the value: "corpus: harbour-dredging-consultation#").
 */
function commented(line: string, comment: string): string {
  return `${line.padEnd(27)} # ${comment}`;
}

/** Write briefs/<id>.yaml: a starter brief on the chosen themes, with a comment on each key. */
export async function writeNewBrief(options: NewBriefOptions): Promise<string> {
  const path = join(options.root, "briefs", `${options.id}.yaml`);
  const chosen = options.themes === "all" ? options.extract.themes : options.extract.themes.filter((t) => options.themes.includes(t.id));
  const title = chosen.length === 1 ? chosen[0]!.title : options.extract.corpus.title;
  const lines = [
    schemaLine(path, options.root, "brief"),
    `# Written by brief new brief. brief validate ${options.id} checks it; brief build ${options.id} prints it.`,
    `title: ${stringify(title).trim()}`,
    commented(`template: ${options.template}`, "memo | handout | one-pager, or templates/NAME.hbs: brief list templates"),
    commented(`corpus: ${options.corpus}`, "a folder under sources/"),
    commented(`themes: ${options.themes === "all" ? "all" : `[${options.themes.join(", ")}]`}`, "all, or a list of theme ids: brief list themes"),
    ...(options.template === "memo" ? ["# to: Director, Policy Office  # the memo's reader", "# from: Policy Unit"] : []),
    "# claims_per_viewpoint: 3   # to show fewer claims, chosen across sources",
    "# date: 2025-01-31          # a fixed date makes the output reproducible",
  ];
  await writeNew(path, lines.join("\n") + "\n", options.shown, options.root);
  return path;
}

/** Write sources/<id>/corpus.yaml and texts/: an empty corpus that checks, with the sections to come shown in comments. */
export async function writeNewCorpus(root: string, id: string, shown: string): Promise<string> {
  const path = join(root, "sources", id, "corpus.yaml");
  const title = id.split("-").map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(" ");
  const text = [
    schemaLine(path, root, "extract"),
    "# A corpus: the sources' verbatim texts in texts/, and this extract of them.",
    "# Add a source with: brief source add FILE --corpus " + id,
    "# Number its paragraphs with: brief show SOURCE (a locator is that number)",
    "corpus:",
    `  id: ${id}`,
    `  title: ${stringify(title).trim()}`,
    "  description: What the sources are, and what they are about (one or two sentences).",
    "",
    "# sources:        brief source add writes each source's entry here",
    "# perspectives:   who holds views, as a source puts it: {id, label, source}",
    "# themes:         questions, each with two or more viewpoints: {id, title, question, viewpoints: [{id, label, thesis}]}",
    "# claims:         {id, theme, viewpoint, source, perspective, kind, text, quote, locator}",
    "# facts:          {id, theme, date, text, source, quote, locator, bears_on}",
    "# glossary:       {term, definition}",
    "",
  ].join("\n");
  await writeNew(path, text, shown, root);
  await mkdir(join(root, "sources", id, "texts"), { recursive: true });
  return path;
}
