import { validateBriefs } from "../../build/validate-briefs.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { resolveBriefArguments } from "../brief-arguments.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes } from "../io.js";
import { buildDate, projectRoot } from "../options.js";
import { locateDiagnostics, parseReporter, plural, printDiagnostics, reporterOptions } from "../report.js";
import { allOption, briefDiagnosticsShown, briefVerdict, refusalDiagnostics, refusalLine } from "../shown-diagnostics.js";

export const validateCommand = defineCommand({
  name: "validate",
  positionals: "[BRIEF…]",
  summary: "everything build would refuse, at once; no browser needed",
  description: `Check briefs and the corpora they use as brief build does, without a browser,
and report every problem at once: schema, references, every quote verbatim in
the paragraph its locator names, paragraph coverage, copied paraphrase,
viewpoints without claims, the project's templates (syntax, fields, helpers,
partials, assets), and each brief's balance under its own policy.
Exit 1 on anything build would refuse, and on any error in a corpus or template. BRIEF is
a brief file, a folder of briefs, or a brief id (default: briefs/).`,
  options: {
    json: { type: "boolean", description: "print the verdicts and problems for machines, on stdout" },
    ...reporterOptions,
    ...allOption,
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const reporter = parseReporter(values.reporter);
    const root = projectRoot(io, values.root);
    const briefs = await resolveBriefArguments(positionals, root, io.cwd);
    const result = await validateBriefs({ paths: briefs.paths, root, cwd: io.cwd, date: buildDate(io) });
    const ofBriefs = briefDiagnosticsShown(result.briefs, briefs.named, values.all ?? false, io.cwd);
    const shown = [...result.corpusDiagnostics, ...result.templateDiagnostics, ...ofBriefs.shown];
    const located = locateDiagnostics(shown, result.fileTexts);
    const refused = result.briefs.filter((b) => b.refusal !== undefined);
    const errors = errorCount(located);
    const ok = errors === 0 && refused.length === 0;
    if (values.json) {
      // Each refused brief carries the problems that decide it, located, as brief build --json gives them: a machine need not match files.
      const briefs = result.briefs.map((brief) => ({ ...briefVerdict(brief), ...refusalDiagnostics(brief, result.fileTexts) }));
      io.stdout.write(JSON.stringify({ ok, briefs, diagnostics: located }, null, 2) + "\n");
      // Annotations too when asked for, on stderr, which the Actions runner reads as well, as brief build does.
      if (reporter === "github") printDiagnostics({ ...io, stdout: io.stderr }, shown, result.fileTexts, reporter);
      return ok ? exitCodes.ok : exitCodes.problems;
    }
    printDiagnostics(io, shown, result.fileTexts, reporter);
    const out = ok && reporter === "human" ? io.stdout : io.stderr;
    for (const brief of refused) out.write(`${refusalLine(brief)}\n`);
    const claims = [...result.corpora.values()].reduce((n, c) => n + (c.corpus?.extract.claims.length ?? 0), 0);
    const summary = `${plural(result.briefs.length, "brief")}, ${plural(result.corpora.size, "corpus")}, ${plural(claims, "claim")} checked`;
    if (ok) {
      // Warnings printed above are not "no problems": the author is told they are there, and that nothing stops the build.
      const warnings = located.length - errors;
      const hidden = ofBriefs.warningsNotShown;
      const verdict =
        hidden > 0
          ? `no errors${warnings === 0 ? "" : `, ${plural(warnings, "warning")}`}; ${plural(hidden, warnings === 0 ? "warning" : "more warning")} of briefs found in a folder (--all shows them)`
          : warnings === 0
            ? "no problems"
            : `no errors, ${plural(warnings, "warning")}`;
      out.write(`${summary}: ${verdict}\n`);
      return exitCodes.ok;
    }
    const notBuilt = refused.length > 0 ? `; ${refused.length} of ${result.briefs.length} would not build` : "";
    out.write(`${summary}: ${plural(errors, "problem")}${notBuilt}\n`);
    return exitCodes.problems;
  },
});
