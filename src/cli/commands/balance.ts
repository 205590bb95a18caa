import { assessBalance } from "../../balance/assess.js";
import { loadLexicon } from "../../balance/lexicon.js";
import type { BalanceReport } from "../../balance/measure.js";
import { isBuildable, prepareBriefs } from "../../prepare.js";
import { selectBrief } from "../../select.js";
import { exitCodes, type CliIo } from "../io.js";
import { buildDate, parseCommandArgs, projectRoot, rootOption } from "../options.js";
import { plural, printDiagnostics } from "../report.js";
import { formatTable } from "../table.js";

export const balanceUsage = `Usage: brief balance [BRIEF…] [--json] [--root DIR]

Print the full balance report of each brief (default: briefs/), without a
browser: per theme, each viewpoint's claims, words, share of an equal split,
sources, perspectives and tilting words, which view comes first, and every
problem with the claims in the extract that would fix it. Exit 1 when a brief
with the strict policy is unbalanced.`;

export async function runBalance(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...rootOption, json: { type: "boolean" } });
  const root = projectRoot(io, values.root);
  const preparation = await prepareBriefs(positionals.length > 0 ? positionals : [`${root}/briefs`], { root, cwd: io.cwd });
  const lexicon = await loadLexicon();
  const reports: { id: string; file: string; report: BalanceReport }[] = [];
  let failed = false;
  for (const prepared of preparation.briefs) {
    if (!isBuildable(prepared)) {
      failed = true;
      continue;
    }
    const model = selectBrief(prepared.brief, prepared.corpus.extract, { buildDate: buildDate(io) });
    const { report, diagnostics } = assessBalance(prepared, model, lexicon);
    failed ||= report.policy === "strict" && report.verdict === "unbalanced";
    reports.push({ id: prepared.brief.id, file: prepared.file!.path, report });
    if (!values.json) {
      io.stdout.write(formatReport(prepared.brief.id, report));
      printDiagnostics(io, diagnostics, preparation.fileTexts);
    }
  }
  if (values.json) io.stdout.write(JSON.stringify({ ok: !failed, briefs: reports }, null, 2) + "\n");
  else printDiagnostics(io, preparation.diagnostics, preparation.fileTexts);
  return failed ? exitCodes.problems : exitCodes.ok;
}

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
  }
  if (report.estimativeRow !== undefined) out.push("", `  Likelihood words: the "${report.estimativeRow}" row of the ICD 203 scale`);
  out.push(`  ${plural(report.problems.length, "problem")}`, "");
  return out.join("\n") + "\n";
}
