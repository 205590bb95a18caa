import { applyNumberEdits, findLocatorFixes } from "../../author/fix-locators.js";
import { readCorpus } from "../../build/load-corpus.js";
import { coveragePercent, defaultMinCoverage, type CorpusCheck } from "../../check/check.js";
import { copiedRunLimit } from "../../check/paraphrase.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { corpusDir, listCorpora } from "../../load/project.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { projectRoot, requireCorpus } from "../options.js";
import { locateDiagnostics, parseReporter, plural, printDiagnostics, reporterOptions } from "../report.js";
import { formatTable } from "../table.js";

/** The errors that say a quote is not verbatim where its locator says. */
const quoteCodes: ReadonlySet<string> = new Set(["EXTRACT_MISQUOTE", "EXTRACT_WRONG_LOCATOR", "EXTRACT_LOCATOR_OUT_OF_RANGE"]);

export const checkCommand = defineCommand({
  name: "check",
  positionals: "[CORPUS…]",
  summary: "prove an extract: quotes, references, coverage, paraphrase, balance tables",
  description: `Prove the integrity of an extract (default: every corpus under sources/):
every quote verbatim in the paragraph its locator names, every reference
resolved, no viewpoint without claims, paragraph coverage of each source,
and no paraphrase that copies ${copiedRunLimit} or more consecutive words of its
source. Prints the coverage and the claims per theme × viewpoint and per
perspective × source. Exit 1 on any error; warnings do not fail. With --fix,
first rewrite each wrong locator whose quote is verbatim in exactly one other
paragraph, in place (comments and layout kept), and print each change.`,
  options: {
    json: { type: "boolean", description: "print the same for machines, on stdout" },
    ...reporterOptions,
    fix: { type: "boolean", description: "rewrite wrong locators in place (a quote found in exactly one other paragraph); quotes are never edited" },
    "min-coverage": { type: "string", value: "PERCENT", description: `the paragraph coverage a source needs (default: ${defaultMinCoverage * 100})` },
    ...projectOptions,
  },
  async run(io, { values, positionals }) {
    const reporter = parseReporter(values.reporter);
    const minCoverage = values["min-coverage"] === undefined ? defaultMinCoverage : Number(values["min-coverage"]) / 100;
    if (!(minCoverage >= 0 && minCoverage <= 1)) throw new UsageError("--min-coverage takes a percentage from 0 to 100");
    const root = projectRoot(io, values.root);
    const known = await listCorpora(root);
    const chosen = positionals.length > 0 ? positionals : known;
    if (chosen.length === 0) throw new UsageError("there is no corpus under sources/ to check");
    for (const id of chosen) requireCorpus(id, known);

    // A corpus that could not be loaded has only its diagnostics to report.
    const checks: (CorpusCheck | Pick<CorpusCheck, "corpus" | "diagnostics">)[] = [];
    const fileTexts = new Map<string, string>();
    let failed = false;
    for (const id of chosen) {
      let reading = await readCorpus(corpusDir(root, id), { cwd: io.cwd, minCoverage });
      if (values.fix && reading.corpus !== undefined) {
        const fixes = await applyNumberEdits(findLocatorFixes(reading.corpus), reading.corpus, io.cwd);
        // On stderr with --json, so stdout stays one JSON document.
        const say = values.json ? io.stderr : io.stdout;
        for (const fix of fixes) say.write(`${fix.file}:${fix.line}: ${fix.kind} "${fix.id}": locator ${fix.from} → ${fix.to}\n`);
        if (fixes.length > 0) reading = await readCorpus(corpusDir(root, id), { cwd: io.cwd, minCoverage });
      }
      for (const file of reading.files) fileTexts.set(file.path, file.text);
      failed ||= errorCount(reading.diagnostics) > 0;
      const check = reading.check === undefined ? { corpus: id, diagnostics: reading.diagnostics } : { ...reading.check, diagnostics: reading.diagnostics };
      checks.push(check);
      if (!values.json) {
        printDiagnostics(io, reading.diagnostics, fileTexts, reporter);
        if ("counts" in check) io.stdout.write(formatCheck(check, minCoverage));
      } else if (reporter === "github") {
        // Annotations on stderr, which the Actions runner reads as well: stdout stays one JSON document.
        printDiagnostics({ ...io, stdout: io.stderr }, reading.diagnostics, fileTexts, reporter);
      }
    }
    if (values.json) {
      const located = checks.map((check) => ({ ...check, diagnostics: locateDiagnostics(check.diagnostics, fileTexts) }));
      io.stdout.write(JSON.stringify({ ok: !failed, corpora: located }, null, 2) + "\n");
    }
    return failed ? exitCodes.problems : exitCodes.ok;
  },
});

function formatCheck(check: CorpusCheck, minCoverage: number): string {
  const out: string[] = [];
  const c = check.counts;
  out.push(
    `Corpus ${check.corpus}: ${plural(c.sources, "source")}, ${plural(c.perspectives, "perspective")}, ${plural(c.themes, "theme")}, ` +
      `${plural(c.viewpoints, "viewpoint")}, ${plural(c.claims, "claim")}, ${plural(c.facts, "fact")}, ${plural(c.glossary, "glossary term")}`,
  );
  out.push("", `Paragraph coverage (target ${Math.round(minCoverage * 100)}% used or context only)`);
  out.push(
    formatTable(
      ["source", "paragraphs", "used", "context", "uncovered", "covered"],
      check.coverage.map((s) => [s.sourceId, s.paragraphs, s.used.length, s.contextOnly.length, s.uncovered.length, coveragePercent(s.ratio)]),
    ),
  );
  out.push("", "Claims per theme × viewpoint");
  const rows: (string | number)[][] = [];
  let theme = "";
  for (const v of check.viewpoints) {
    if (v.theme !== theme) rows.push([v.theme, "", "", ""]);
    theme = v.theme;
    rows.push([`  ${v.viewpoint}`, v.claims, v.sources, v.perspectives]);
  }
  out.push(formatTable(["theme / viewpoint", "claims", "sources", "perspectives"], rows));
  out.push("", "Claims per perspective × source");
  out.push(
    formatTable(
      ["perspective", ...check.perspectives.columns.map((col) => col.label)],
      check.perspectives.rows.map((row) => [row.id, ...row.counts]),
    ),
  );
  const errors = errorCount(check.diagnostics);
  const warnings = check.diagnostics.length - errors;
  // Quotes, not diagnostics: a locator past its source's end and a quote the source lacks are two errors of one quote.
  const quoteErrors = new Set(check.diagnostics.filter((d) => d.item !== undefined && quoteCodes.has(d.code)).map((d) => `${d.item!.kind} ${d.item!.id}`)).size;
  out.push("");
  // A quote whose source text could not be read was never compared with it: not counted as verbatim.
  const unchecked = check.quotesUnchecked > 0 ? `; ${check.quotesUnchecked} not checked, their source's text not read` : "";
  out.push(`Quotes: ${c.claims + c.facts - quoteErrors - check.quotesUnchecked} of ${c.claims + c.facts} verbatim in the paragraph their locator names${unchecked}`);
  out.push(`Paraphrase: the longest run of source words in our own text is ${plural(check.longestCopiedRun, "word")} (flagged from ${copiedRunLimit})`);
  out.push(`${errors === 0 ? "✓" : "✗"} ${check.corpus}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`, "");
  return out.join("\n") + "\n";
}
