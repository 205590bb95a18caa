import { ratioShown, type BalanceReport } from "../../balance/measure.js";
import { validateBriefs } from "../../build/validate-briefs.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { resolveBriefArguments } from "../brief-arguments.js";
import { allOption, briefDiagnosticsShown, briefVerdict, diagnosticsShownOf, refusalDiagnostics, refusalLine } from "../shown-diagnostics.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes } from "../io.js";
import { buildDate, projectRoot } from "../options.js";
import { locateDiagnostics, plural, printDiagnostics } from "../report.js";
import { formatTable } from "../table.js";

export const balanceCommand = defineCommand({
  name: "balance",
  positionals: "[BRIEF…]",
  summary: "the full balance report of each brief; no browser needed",
  description: `Print the full balance report of each brief, without a browser: per theme,
each viewpoint's claims, words, share of an equal split, sources,
perspectives and tilting words, which view comes first, and every problem
with the claims in the extract that would fix it. BRIEF is a brief file, a
folder of briefs, or a brief id (default: briefs/). Warnings are shown for
briefs named one by one, or for all with --all. Exit 1 when brief build would
refuse a brief (unbalanced under the strict policy, or for any other reason).`,
  options: {
    json: { type: "boolean", description: "print the reports for machines, on stdout" },
    ...allOption,
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const root = projectRoot(io, values.root);
    const briefs = await resolveBriefArguments(positionals, root, io.cwd);
    const result = await validateBriefs({ paths: briefs.paths, root, cwd: io.cwd, date: buildDate(io) });
    const failed = result.briefs.some((b) => b.refusal !== undefined) || errorCount(result.corpusDiagnostics) > 0;
    if (values.json) {
      // Every brief, with its report when it got as far as one, and a refused one with the problems that decide it,
      // located: a hostile run found a brief with broken YAML missing, and a run that failed saying nowhere why.
      const reports = result.briefs.map((brief) => ({
        ...briefVerdict(brief),
        ...(brief.gated === undefined ? {} : { report: brief.gated.balance }),
        ...refusalDiagnostics(brief, result.fileTexts),
      }));
      // The problems a person would be shown, as brief validate --json gives them.
      const shown = [...result.corpusDiagnostics, ...briefDiagnosticsShown(result.briefs, briefs.named, values.all ?? false, io.cwd).shown];
      io.stdout.write(JSON.stringify({ ok: !failed, briefs: reports, diagnostics: locateDiagnostics(shown, result.fileTexts) }, null, 2) + "\n");
      return failed ? exitCodes.problems : exitCodes.ok;
    }
    // The corpora's problems once, first; then each brief's report with its own problems.
    printDiagnostics(io, result.corpusDiagnostics, result.fileTexts);
    for (const brief of result.briefs) {
      if (brief.gated !== undefined) io.stdout.write(formatReport(brief.id, brief.gated.balance));
      printDiagnostics(io, diagnosticsShownOf(brief, briefs.named, values.all ?? false, io.cwd), result.fileTexts);
      if (brief.refusal !== undefined) io.stdout.write(`${refusalLine(brief)}\n\n`);
    }
    return failed ? exitCodes.problems : exitCodes.ok;
  },
});

function formatReport(id: string, report: BalanceReport): string {
  // With space: proportional a view is due its share of the weight of opinion, not an equal one: said so, figures and all.
  const due = report.space === "proportional" ? "its due share" : "an equal share";
  const out = [`${id}: ${report.verdict} (policy ${report.policy}; underweight below ${report.thresholds.underweightRatio} of ${due})`];
  for (const theme of report.themes) {
    out.push("", `  ${theme.title} — ${theme.viewpointsShown} of ${theme.viewpointsInExtract} viewpoints, ${theme.firstViewpointLabel ?? "none"} first${theme.passes ? "" : "  ✗"}`);
    out.push(
      formatTable(
        ["viewpoint", "claims", "words", "share", report.space === "proportional" ? "÷ due" : "÷ equal", "sources", "perspectives", "tilt"],
        theme.viewpoints.map((v) => [
          v.label,
          `${v.claims}/${v.claimsInExtract}`,
          v.words,
          `${Math.round(v.share * 100)}%`,
          ratioShown(v.fairShareRatio),
          v.sources,
          v.perspectives,
          v.tilt.words.length > 0 ? v.tilt.words.join(" ") : "-",
        ]),
        4,
      ),
    );
    out.push(`    ${theme.weight.short}`);
  }
  if (report.estimativeRow !== undefined) out.push("", `  Likelihood words: the "${report.estimativeRow}" row of the ICD 203 scale`);
  out.push(`  ${plural(report.problems.length, "problem")}`, "");
  return out.join("\n") + "\n";
}
