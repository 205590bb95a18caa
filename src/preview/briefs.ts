import { join } from "node:path";
import { judgeBrief } from "../build/gate.js";
import { renderedToo } from "../build/validate-briefs.js";
import { createRenderer } from "../render/render.js";
import { prepareBriefs } from "../build/prepare.js";
import { errorCount } from "../diagnostics/diagnostic.js";
import { BriefsmithError } from "../errors/briefsmith-error.js";
import { briefFileBaseName, displayPath, findBriefFiles } from "../load/project.js";
import type { PreviewInputs } from "./inputs.js";

/**
 * The briefs a preview server may show, by name: the brief files of the
 * project's briefs/ folder and any named on the command line. A request names
 * a brief by its key in this table; a path from a request is never read.
 */
export type BriefTable = ReadonlyMap<string, string>;

export async function findProjectBriefs(root: string, cwd: string, named: readonly string[] = []): Promise<Map<string, string>> {
  const table = new Map<string, string>();
  let found: string[] = [];
  try {
    found = await findBriefFiles([join(root, "briefs")], cwd);
  } catch (error) {
    // A project without a briefs/ folder yet has an empty index.
    if (!(error instanceof BriefsmithError && error.code === "PATH_NOT_FOUND")) throw error;
  }
  for (const path of found) table.set(briefFileBaseName(path), path);
  // A brief named on the command line wins its name over one in briefs/ that shares it.
  for (const path of named) table.set(briefFileBaseName(path), path);
  return table;
}

/** One line of the index: a brief, what it would print, and whether it is balanced. */
export interface IndexEntryView {
  readonly name: string;
  readonly file: string;
  readonly title: string | undefined;
  readonly template: string | undefined;
  /** The balance verdict, or "problems" when the brief cannot be rendered as it is. */
  readonly verdict: "balanced" | "unbalanced" | "not checked" | "problems";
  /** Errors in the brief and its corpus. */
  readonly problems: number;
}

export interface IndexView {
  readonly revision: number;
  readonly briefs: readonly IndexEntryView[];
}

/**
 * Check every brief of the table as `brief validate` does (no browser), through the gate build and validate ask:
 * each one's title, template and balance verdict, or how many problems stop it.
 */
export async function indexEntries(table: BriefTable, context: { root: string; cwd: string; inputs: PreviewInputs; date: string }): Promise<IndexEntryView[]> {
  if (table.size === 0) return [];
  const names = new Map([...table].map(([name, path]) => [path, name]));
  const preparation = await prepareBriefs([...table.values()], { root: context.root, cwd: context.cwd, templates: context.inputs.templates() });
  const lexicon = await context.inputs.lexicon();
  const render = createRenderer(preparation.templates, preparation.templateCheck);
  return preparation.briefs
    .map((prepared): IndexEntryView => {
      const data = prepared.file?.data as { title?: unknown; template?: unknown } | undefined;
      const text = (value: unknown) => (typeof value === "string" ? value : undefined);
      const common = {
        name: names.get(prepared.path) ?? briefFileBaseName(prepared.path),
        file: displayPath(prepared.path, context.cwd),
        title: prepared.brief?.title ?? text(data?.title),
        template: prepared.brief?.template ?? text(data?.template),
      };
      // Rendered too, as validate does: a template of the project's own can pass every check and fail as it runs.
      const { refusal, gated } = renderedToo(prepared, judgeBrief(prepared, { date: context.date, lexicon }), render);
      // An unbalanced brief is refused under a strict policy; the index says so by its verdict, as brief balance does.
      if (refusal !== undefined && refusal.status !== "unbalanced") return { ...common, verdict: "problems", problems: Math.max(1, errorCount(refusal.diagnostics)) };
      return { ...common, verdict: gated?.balance.verdict ?? "problems", problems: 0 };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
