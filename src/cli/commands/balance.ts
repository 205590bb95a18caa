import { assembleBrief } from "../../build/assemble-brief.js";
import { builtInLexicon } from "../../build/built-ins.js";
import { checkedBrief, prepareBriefs } from "../../build/prepare.js";
import type { BalanceReport } from "../../balance/measure.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes } from "../io.js";
import { buildDate, projectRoot } from "../options.js";
import { plural, printDiagnostics } from "../report.js";
import { formatTable } from "../table.js";

export const balanceCommand = defineCommand({
  name: "balance",
  positionals: "[BRIEF…]",
  summary: "the full balance report of each brief; no browser needed",
  description: `Print the full balance report of each brief (default: briefs/), without a
browser: per theme, each viewpoint's claims, words, share of an equal split,
sources, perspectives and tilting words, which view comes first, and every
problem with the claims in the extract that would fix it. Exit 1 when a brief
with the strict policy is unbalanced.`,
  options: {
    json: { type: "boolean", description: "print the reports for machines, on stdout" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const root = projectRoot(io, values.root);
    const preparation = await prepareBriefs(positionals.length > 0 ? positionals : [`${root}/briefs`], { root, cwd: io.cwd });
    const lexicon = await builtInLexicon();
    const date = buildDate(io);
    const reports: { id: string; file: string; report: BalanceReport }[] = [];
    let failed = false;
    for (const prepared of preparation.briefs) {
      const checked = checkedBrief(prepared);
      if (checked === undefined) {
        failed = true;
        continue;
      }
      const { balance, diagnostics, refused } = assembleBrief(checked, { date, lexicon });
      failed ||= refused;
      reports.push({ id: checked.brief.id, file: checked.file.path, report: balance });
      if (!values.json) {
        io.stdout.write(formatReport(checked.brief.id, balance));
        printDiagnostics(io, diagnostics, preparation.fileTexts);
      }
    }
    if (values.json) io.stdout.write(JSON.stringify({ ok: !failed, briefs: reports }, null, 2) + "\n");
    else printDiagnostics(io, preparation.diagnostics, preparation.fileTexts);
    return failed ? exitCodes.problems : exitCodes.ok;
  },
});

function formatReport(id: string, report: BalanceReport): string {
  const out = [`${id}: ${report.verdict} (policy ${report.policy}; underweight below ${report.thresholds.underweightRatio} of an equal share)`];
  for (const theme of report.themes) {
    out.push("", `  ${theme.title} — ${theme.viewpointsShown} of ${theme.viewpointsInExtract} viewpoints, ${theme.firstViewpointLabel ?? "none"} first${theme.passes ? "" : "  ✗"}`);
    out.push(
      formatTable(
        ["viewpoint", "claims", "words", "share", "÷ equal", "sources", "perspectives", "tilt"],
        theme.viewpoints.map((v) => [
          v.label,
          `${v.claims}/${v.claimsInExtract}`,
          v.words,
          `${Math.round(v.share * 100)}%`,
          v.fairShareRatio.toFixed(2),
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
