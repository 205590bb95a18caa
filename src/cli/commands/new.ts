import { join } from "node:path";
import { writeNewBrief, writeNewCorpus } from "../../author/new-files.js";
import { readCorpus } from "../../build/load-corpus.js";
import { validateBriefs } from "../../build/validate-briefs.js";
import { suggestionHint } from "../../diagnostics/suggest.js";
import { corpusDir, displayPath, listCorpora } from "../../load/project.js";
import { templateNames } from "../../schema/brief.js";
import { loadProjectTemplates } from "../../load/templates.js";
import { idMaxLength, idPattern, isIdTooLong } from "../../schema/id-pattern.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { buildDate, projectRoot, requireCorpus } from "../options.js";
import { printDiagnostics } from "../report.js";

const kinds = ["brief", "corpus"] as const;

export const newCommand = defineCommand({
  name: "new",
  positionals: "brief|corpus ID",
  summary: "write a starter brief or corpus that validates",
  description: `brief new brief ID [--template T] [--corpus C] [--themes a,b]
  writes briefs/ID.yaml on the corpus's themes (all, or those listed), and
  checks it as brief validate does.
brief new corpus ID
  writes sources/ID/corpus.yaml and sources/ID/texts/: an empty extract, with
  the sections to come in comments. Add sources with brief source add.`,
  options: {
    template: { type: "string", value: "T", description: `the brief's template: ${templateNames.join(", ")} or one of templates/*.hbs (default: memo)` },
    corpus: { type: "string", value: "C", description: "the brief's corpus (default: the only one under sources/)" },
    themes: { type: "string", value: "a,b", description: "the brief's themes, by id (default: all)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const [kind, id, ...rest] = positionals;
    if (kind === undefined || !(kinds as readonly string[]).includes(kind)) {
      throw new UsageError(kind === undefined ? "say what to write: brief new brief ID, or brief new corpus ID" : `cannot write a new "${kind}": ${suggestionHint(kind, kinds, "kind")}`);
    }
    if (id === undefined || rest.length > 0) throw new UsageError(`give one id: brief new ${kind} ID`);
    if (isIdTooLong(id)) throw new UsageError(`"${id}" cannot be an id: an id is at most ${idMaxLength} characters; this one has ${id.length}`);
    if (!idPattern.test(id)) throw new UsageError(`"${id}" cannot be an id: lower-case letters, digits and single hyphens, for example "${kind === "brief" ? "harbour-memo" : "harbour"}"`);
    const root = projectRoot(io, values.root);
    if (kind === "corpus") {
      for (const option of ["template", "corpus", "themes"] as const) if (values[option] !== undefined) throw new UsageError(`--${option} is for brief new brief`);
      const path = await writeNewCorpus(root, id, displayPath(corpusDir(root, id), io.cwd));
      io.stdout.write(`${displayPath(path, io.cwd)}: corpus "${id}" written\nnext: brief source add FILE --corpus ${id}\n`);
      return exitCodes.ok;
    }

    const template = values.template ?? "memo";
    const templates = [...(await loadProjectTemplates(root, io.cwd)).templates.keys()].sort();
    if (!templates.includes(template)) throw new UsageError(`there is no template "${template}": ${suggestionHint(template, templates, "template", true)}`);
    const corpora = await listCorpora(root);
    const corpus = values.corpus ?? (corpora.length === 1 ? corpora[0] : undefined);
    if (corpus === undefined) throw new UsageError(corpora.length === 0 ? "there is no corpus under sources/: brief new corpus ID first" : `name the corpus: --corpus ${corpora.join(" or ")}`);
    requireCorpus(corpus, corpora);
    const reading = await readCorpus(corpusDir(root, corpus), { cwd: io.cwd });
    const extract = reading.corpus?.extract;
    if (extract === undefined) {
      printDiagnostics(io, reading.diagnostics, new Map(reading.files.map((f) => [f.path, f.text])));
      io.stderr.write(`corpus "${corpus}" cannot be read; fix it first (brief check ${corpus})\n`);
      return exitCodes.problems;
    }
    // Each theme once; a list that names none is refused before anything is written.
    const themes = values.themes === undefined ? "all" : [...new Set(values.themes.split(",").map((t) => t.trim()).filter((t) => t !== ""))];
    if (themes !== "all" && themes.length === 0) throw new UsageError(`--themes names no theme: give theme ids separated by commas, or leave it out for all`);
    const themeIds = extract.themes.map((t) => t.id);
    if (themeIds.length === 0) throw new UsageError(`corpus "${corpus}" has no theme yet: add themes (and claims) to its extract first`);
    for (const theme of themes === "all" ? [] : themes) {
      if (!themeIds.includes(theme)) throw new UsageError(`corpus "${corpus}" has no theme "${theme}": ${suggestionHint(theme, themeIds, "theme")}`);
    }
    const shown = displayPath(join(root, "briefs", `${id}.yaml`), io.cwd);
    const path = await writeNewBrief({ root, id, template, corpus, extract, themes, shown });
    io.stdout.write(`${shown}: brief "${id}" written\n`);
    // The same check as brief validate, so what was written is known to build.
    const result = await validateBriefs({ paths: [path], root, cwd: io.cwd, date: buildDate(io) });
    const brief = result.briefs[0]!;
    const errors = [...result.corpusDiagnostics, ...brief.diagnostics].filter((d) => d.severity === "error");
    if (brief.refusal === undefined && errors.length === 0) {
      io.stdout.write(`it validates; next: brief build ${id}\n`);
      return exitCodes.ok;
    }
    printDiagnostics(io, errors, result.fileTexts);
    io.stderr.write(`${shown} does not validate yet${brief.refusal === undefined ? "" : `: ${brief.refusal.reason}`}; fix what is listed above\n`);
    return exitCodes.problems;
  },
});
