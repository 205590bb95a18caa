import { buildBriefs, defaultConcurrency } from "../../build/build-briefs.js";
import type { BriefResult } from "../../build/types.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { resolveBriefArguments } from "../brief-arguments.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { buildDate, positiveInteger, projectRoot } from "../options.js";
import { createProgress } from "../progress.js";
import { plural, printDiagnostics } from "../report.js";

export const buildCommand = defineCommand({
  name: "build",
  positionals: "[PATH…]",
  summary: "build briefs into PDF and HTML (default: briefs/ → output/)",
  description: `Build each brief into DIR/<id>.pdf and DIR/<id>.html (default DIR: output/)
and record what was built in DIR/manifest.json. PATH is a brief file or a
folder of briefs, or a brief id (default: briefs/). Briefs with problems are reported and
skipped; the others still build. A brief whose inputs have not changed since
the last build is not printed again.`,
  options: {
    out: { type: "string", short: "o", value: "DIR", description: "where to write (default: output)" },
    force: { type: "boolean", description: "rebuild every brief, changed or not" },
    "fail-fast": { type: "boolean", description: "stop starting briefs after the first failure" },
    shard: { type: "string", value: "I/N", description: "build only shard I of N (a stable partition by brief id)" },
    jobs: { type: "string", short: "j", value: "N", description: `briefs printing at once (default: ${defaultConcurrency()}, from the cores)` },
    timeout: { type: "string", value: "SECONDS", description: "give up on a brief that takes longer to print (default: 60)" },
    json: { type: "boolean", description: "print a machine-readable summary on stdout" },
    browser: { type: "string", value: "PATH", description: "the Chrome or Chromium to print with (else PUPPETEER_EXECUTABLE_PATH, Puppeteer's cache, the system's)" },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const root = projectRoot(io, values.root);
    const shard = parseShard(values.shard);
    const jobs = positiveInteger(values.jobs, "--jobs");
    const timeoutSeconds = positiveInteger(values.timeout, "--timeout");
    // Node's timers hold at most 2^31 - 1 ms; a day is more than any brief needs.
    if (timeoutSeconds !== undefined && timeoutSeconds > 86_400) throw new UsageError("--timeout takes at most 86400 seconds (a day)");
    const started = performance.now();
    // Progress goes to stderr, so stdout stays clean for --json.
    const progress = values.json ? undefined : createProgress(io);
    const result = await buildBriefs({
      paths: (await resolveBriefArguments(positionals, root, io.cwd)).paths,
      root,
      cwd: io.cwd,
      outDir: values.out ?? `${root}/output`,
      date: buildDate(io),
      env: io.env,
      browser: values.browser,
      force: values.force ?? false,
      failFast: values["fail-fast"] ?? false,
      shard,
      ...(jobs ? { jobs } : {}),
      ...(timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {}),
      onStart: (plan) => progress?.start(plan.total),
      onBrief: (brief) => progress?.brief(brief, describeResult(brief)),
    });
    await progress?.stop();
    const seconds = (performance.now() - started) / 1000;
    const count = (status: string) => result.results.filter((r) => r.status === status).length;
    const failed = result.results.filter((r) => r.status !== "built" && r.status !== "unchanged").length;
    const exitCode = failed > 0 || errorCount(result.diagnostics) > 0 ? exitCodes.problems : exitCodes.ok;
    if (values.json) {
      io.stdout.write(JSON.stringify(jsonSummary(result.results, seconds, result.manifestPath, exitCode), null, 2) + "\n");
    }
    printDiagnostics(io, result.diagnostics, result.fileTexts);
    for (const brief of result.results) {
      if (brief.error) io.stderr.write(`${brief.file}: error ${brief.error.code}: ${brief.error.message}\n`);
    }
    if (!values.json) {
      const unchanged = count("unchanged");
      io.stdout.write(
        `${plural(count("built"), "brief")} built${unchanged > 0 ? `, ${unchanged} unchanged` : ""}${failed > 0 ? `, ${failed} not built` : ""} in ${seconds.toFixed(1)} s\n`,
      );
    }
    return exitCode;
  },
});

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, for example 2/4, not "${value}"`);
  return { index, count };
}

function jsonSummary(results: readonly BriefResult[], seconds: number, manifest: string | undefined, exitCode: number) {
  return {
    ok: exitCode === 0,
    seconds: Math.round(seconds * 1000) / 1000,
    manifest,
    counts: Object.fromEntries(["built", "unchanged", "invalid", "unbalanced", "failed"].map((s) => [s, results.filter((r) => r.status === s).length])),
    briefs: results.map((r) => ({
      id: r.id,
      file: r.file,
      status: r.status,
      pdf: r.pdfPath,
      pages: r.pages,
      duration_ms: r.durationMs === undefined ? undefined : Math.round(r.durationMs),
      // The same shape for every brief; `brief balance --json` has the problems themselves.
      balance: r.balanceSummary,
      warnings: r.warnings,
      error: r.error ? { code: r.error.code, message: r.error.message } : undefined,
    })),
  };
}

/** One line on balance: the verdict, the policy, and how many notes `brief balance` would show. */
export function balanceVerdict(brief: BriefResult): string {
  const report = brief.balanceSummary;
  if (report === undefined) return "";
  const notes = report.problems;
  return `${report.verdict} (${report.policy}${notes > 0 ? `, ${plural(notes, "note")}` : ""})`;
}

function describeResult(brief: BriefResult): string {
  const id = brief.id.padEnd(28);
  switch (brief.status) {
    case "built":
    case "unchanged": {
      const time = brief.status === "built" ? `${String(Math.round(brief.durationMs ?? 0)).padStart(5)} ms` : "unchanged";
      const lines = [`✓ ${id} ${plural(brief.pages ?? 0, "page").padEnd(9)} ${time.padStart(9)}  ${balanceVerdict(brief)}  → ${brief.pdfPath ?? `${brief.id}.pdf`}`];
      for (const warning of brief.warnings) lines.push(`    warning: ${warning}`);
      return lines.join("\n");
    }
    case "invalid":
    case "unbalanced":
      return `✗ ${id} not built: ${brief.refusal ?? brief.status} (see below)`;
    case "failed":
      return `✗ ${id} failed: ${brief.error?.message ?? "unknown error"}`;
  }
}
