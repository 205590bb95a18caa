import { readCorpus } from "../../build/load-corpus.js";
import { suggestionHint } from "../../diagnostics/suggest.js";
import { briefFileBaseName, corpusDir, findBriefFiles, listCorpora } from "../../load/project.js";
import { loadBriefFile } from "../../load/yaml-files.js";
import { loadProjectTemplates, templateLayouts, type TemplateSet } from "../../load/templates.js";
import { templateNames } from "../../schema/brief.js";
import { defaultSections } from "../../select/select.js";
import { validateBriefFile } from "../../validate/brief.js";
import { checkTemplates } from "../../validate/templates.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { projectRoot, requireCorpus } from "../options.js";
import { plural, printDiagnostics } from "../report.js";
import { visibleLine } from "../../text/visible-text.js";

const listKinds = ["themes", "viewpoints", "claims", "sources", "perspectives", "briefs", "templates", "corpora"] as const;

export const listCommand = defineCommand({
  name: "list",
  positionals: listKinds.join("|"),
  summary: "list themes, viewpoints, claims, sources, perspectives, briefs, templates or corpora",
  description: `Print what exists: the themes, viewpoints, sources and perspectives of each
corpus (or of --corpus), with how many claims each has; the claims, each with
its view, source and paragraph and its text (the ids include_claims and
exclude_claims take); the briefs in
briefs/; the templates, Briefsmith's own and the project's (templates/*.hbs),
each with the layout it follows, where it comes from and the sections it
prints by default; the corpora in sources/.`,
  options: {
    corpus: { type: "string", value: "ID", description: "only this corpus's themes, viewpoints, claims, sources or perspectives" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const kind = positionals[0];
    if (kind === undefined || positionals.length > 1 || !(listKinds as readonly string[]).includes(kind)) {
      throw new UsageError(
        kind === undefined ? `say what to list: ${listKinds.join(", ")}` : `cannot list "${positionals.join(" ")}": ${suggestionHint(kind, listKinds, "kind")}`,
      );
    }
    const root = projectRoot(io, values.root);
    const out = (line: string) => io.stdout.write(line + "\n");

    if (kind === "templates") {
      const set = await loadProjectTemplates(root, io.cwd);
      for (const line of templateLines(set)) out(line);
      return checkTemplates(set).diagnostics.some((d) => d.severity === "error") ? exitCodes.problems : exitCodes.ok;
    }
    const corpora = await listCorpora(root);
    if (kind === "corpora") {
      for (const id of corpora) out(visibleLine(id));
      return exitCodes.ok;
    }
    if (kind === "briefs") {
      let templates: ReturnType<typeof templateLayouts> | undefined;
      for (const path of await findBriefFiles([`${root}/briefs`], io.cwd)) {
        const loaded = await loadBriefFile(path, io.cwd, root);
        templates ??= templateLayouts(await loadProjectTemplates(root, io.cwd));
        const brief = loaded.file ? validateBriefFile(loaded.file, briefFileBaseName(path), templates).brief : undefined;
        out(brief ? `${brief.id.padEnd(28)} ${brief.template.padEnd(10)} ${visibleLine(brief.title)}` : `${briefFileBaseName(path).padEnd(28)} (invalid: run brief validate)`);
      }
      return exitCodes.ok;
    }
    const chosen = values.corpus === undefined ? corpora : [values.corpus];
    if (values.corpus !== undefined) requireCorpus(values.corpus, corpora);
    let status: number = exitCodes.ok;
    for (const id of chosen) {
      const reading = await readCorpus(corpusDir(root, id), { cwd: io.cwd });
      const extract = reading.corpus?.extract;
      if (extract === undefined) {
        printDiagnostics(io, reading.diagnostics, new Map(reading.files.map((f) => [f.path, f.text])));
        status = exitCodes.problems;
        continue;
      }
      if (chosen.length > 1) out(`# ${id}`);
      const claimsOf = (key: "source" | "perspective", value: string) => plural(extract.claims.filter((c) => c[key] === value).length, "claim").padStart(10);
      if (kind === "sources") {
        for (const source of extract.sources) {
          const paragraphs = reading.corpus?.paragraphs.get(source.id)?.length;
          out(`${source.id.padEnd(32)} ${(paragraphs === undefined ? "(no text)" : plural(paragraphs, "paragraph")).padStart(14)} ${claimsOf("source", source.id)}  ${visibleLine(source.short_name ?? source.publisher)}: ${visibleLine(source.title)}`);
        }
        continue;
      }
      if (kind === "perspectives") {
        for (const perspective of extract.perspectives) {
          out(`${perspective.id.padEnd(32)} ${(perspective.source ?? "(any source)").padEnd(28)} ${claimsOf("perspective", perspective.id)}  ${visibleLine(perspective.label)}`);
        }
        continue;
      }
      if (kind === "claims") {
        const width = Math.max(24, ...extract.claims.map((c) => c.id.length + 1));
        for (const claim of extract.claims) {
          out(`${claim.id.padEnd(width)} ${claim.viewpoint.padEnd(24)} ${`${claim.source}:${claim.locator}`.padEnd(28)} ${visibleLine(clipped(claim.text, 90))}`);
        }
        continue;
      }
      for (const theme of extract.themes) {
        const claims = (viewpoint: string) => extract.claims.filter((c) => c.viewpoint === viewpoint).length;
        if (kind === "themes") {
          out(`${theme.id.padEnd(28)} ${visibleLine(theme.title)} (${theme.viewpoints.map((v) => v.id).join(", ")})`);
        } else {
          for (const viewpoint of theme.viewpoints) {
            out(`${viewpoint.id.padEnd(32)} ${theme.id.padEnd(24)} ${String(claims(viewpoint.id)).padStart(3)} claims  ${visibleLine(viewpoint.label)}`);
          }
        }
      }
    }
    return status;
  },
});

/**
 * One line per template, Briefsmith's first, then the project's: its name,
 * its layout, where it comes from, the sections it prints by default, its
 * Word letterhead, and whether it has errors (brief validate shows them).
 */
function templateLines(set: TemplateSet): string[] {
  const check = checkTemplates(set);
  const builtIn = (name: string) => (templateNames as readonly string[]).includes(name);
  const names = [...templateNames.filter((name) => set.templates.has(name)), ...[...set.templates.keys()].filter((name) => !builtIn(name)).sort()];
  const width = Math.max(10, ...names.map((n) => n.length + 1));
  return names.map((name) => {
    const entry = set.templates.get(name)!;
    const from = entry.origin === "built-in" ? "built-in" : builtIn(name) ? `${entry.shown} (replaces the built-in ${name})` : entry.shown;
    const errors = check.templates.get(name)?.errors.length ?? 0;
    const state = errors > 0 ? `  (${errors === 1 ? "an error" : `${errors} errors`}: run brief validate)` : "";
    const sections = entry.layout === undefined ? "" : `  sections: ${defaultSections[entry.layout].join(", ")}`;
    const shown = set.letterheads.get(name)?.shown;
    const letterhead = shown === undefined ? "" : `  Word letterhead: ${shown}`;
    return `${name.padEnd(width)} ${(entry.layout ?? "?").padEnd(10)} ${from}${sections}${letterhead}${state}`;
  });
}

/** A claim's text cut to a line's worth, at a word. */
function clipped(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > width / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
