import { buildBriefs, type BriefResult } from "../../build.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { exitCodes, type CliIo } from "../io.js";
import { buildDate, parseCommandArgs, projectRoot, rootOption } from "../options.js";
import { plural, printDiagnostics } from "../report.js";

export const buildUsage = `Usage: brief build [PATH…] [--out DIR] [--browser PATH] [--root DIR]

Build each brief into DIR/<id>.pdf and DIR/<id>.html (default DIR: output/).
PATH is a brief file or a folder of briefs (default: briefs/). Briefs with
problems are reported and skipped; the others still build.

Options:
  --out DIR        where to write the PDFs and HTML (default: output)
  --browser PATH   the Chrome or Chromium to print with (else
                   PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, the system's)
  --root DIR       the project folder holding sources/ (default: .)`;

export async function runBuild(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...rootOption,
    out: { type: "string", short: "o" },
    browser: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(buildUsage + "\n");
    return exitCodes.ok;
  }
  const root = projectRoot(io, values.root);
  const started = performance.now();
  const result = await buildBriefs({
    paths: positionals.length > 0 ? positionals : [`${root}/briefs`],
    root,
    cwd: io.cwd,
    outDir: values.out ?? `${root}/output`,
    buildDate: buildDate(io),
    env: io.env,
    browserPath: values.browser,
    onBrief: (brief) => io.stdout.write(describeResult(brief) + "\n"),
  });
  printDiagnostics(io, result.diagnostics, result.fileTexts);
  for (const brief of result.results) {
    if (brief.error) io.stderr.write(`${brief.file}: error ${brief.error.code}: ${brief.error.message}\n`);
  }
  const built = result.results.filter((r) => r.status === "built").length;
  const failed = result.results.length - built;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout.write(`${plural(built, "brief")} built${failed > 0 ? `, ${failed} not built` : ""} in ${seconds} s\n`);
  return failed > 0 || errorCount(result.diagnostics) > 0 ? exitCodes.problems : exitCodes.ok;
}

/** One line on balance: the verdict, the policy, and how many notes `brief balance` would show. */
export function balanceVerdict(brief: BriefResult): string {
  const report = brief.balance;
  if (report === undefined) return "";
  const notes = report.problems.length;
  return `${report.verdict} (${report.policy}${notes > 0 ? `, ${plural(notes, "note")}` : ""})`;
}

function describeResult(brief: BriefResult): string {
  switch (brief.status) {
    case "built": {
      const lines = [
        `✓ ${brief.id.padEnd(28)} ${plural(brief.pages ?? 0, "page").padEnd(9)} ${String(Math.round(brief.durationMs ?? 0)).padStart(5)} ms  ${balanceVerdict(brief)}  → ${brief.pdfPath}`,
      ];
      for (const warning of brief.warnings) lines.push(`    warning: ${warning}`);
      return lines.join("\n");
    }
    case "invalid":
      return `✗ ${brief.id.padEnd(28)} not built: invalid (see below)`;
    case "unbalanced":
      return `✗ ${brief.id.padEnd(28)} not built: unbalanced (see below)`;
    case "failed":
      return `✗ ${brief.id.padEnd(28)} failed: ${brief.error?.message ?? "unknown error"}`;
  }
}
