import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { buildExitCode } from "../../../src/cli/commands/build.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The one gate (issue 13, item 1; issue 11, item 8): for every kind of
 * refusal, `brief validate` and `brief build` agree on the exit code and on
 * which briefs are not built. validate is the real command (in-process, with
 * --json); build is the orchestrator with a fake printer, its exit code
 * the one `brief build` gives (buildExitCode, src/cli/commands/build.ts).
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const corpusFile = "sources/transit/corpus.yaml";
const allBriefs = ["tram-handout", "tram-memo", "tram-one-pager"];

/** A memo that shows one claim a side, never the shopkeepers' (it excludes it), balance noted but not enforced. */
const narrowMemo = "title: One claim a side\ntemplate: memo\ncorpus: transit\nclaims_per_viewpoint: 1\nexclude_claims: [against-shops]\nbalance: warn\ndate: 2024-04-02\n";

function shortenBuildItClaims(p: TempProject): void {
  p.replace(corpusFile, "text: Supporters expect shorter journeys to work for residents of the northern estates.", "text: Supporters expect shorter journeys.");
  p.replace(corpusFile, "text: An economist points to comparable lines that paid for themselves within fifteen years.", "text: An economist cites lines that paid off.");
}

interface RefusalClass {
  readonly breakIt: (p: TempProject) => void;
  /** Briefs neither command may build. */
  readonly refused: readonly string[];
  readonly exitCode: 0 | 1;
}

const classes: Record<string, RefusalClass> = {
  "nothing wrong": { breakIt: () => {}, refused: [], exitCode: 0 },
  "a brief that breaks its schema": { breakIt: (p) => p.replace("briefs/tram-memo.yaml", "to: The Mayor", "tittle: Typo\nto: The Mayor"), refused: ["tram-memo"], exitCode: 1 },
  "an unknown theme": { breakIt: (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nthemes: [worth-buildin]\n"), refused: ["tram-memo"], exitCode: 1 },
  "a corpus-wide error (a missing source text)": { breakIt: (p) => p.remove("sources/transit/texts/council-hearing.txt"), refused: allBriefs, exitCode: 1 },
  "a corpus-wide error (a claim id used twice)": { breakIt: (p) => p.replace(corpusFile, "  - id: build-payback", "  - id: build-commutes"), refused: allBriefs, exitCode: 1 },
  "a misquote every brief shows": { breakIt: (p) => p.replace(corpusFile, "small shops cannot survive", "small shops could not survive"), refused: allBriefs, exitCode: 1 },
  "a misquote one brief does not show": {
    breakIt: (p) => {
      p.replace(corpusFile, "small shops cannot survive", "small shops could not survive");
      p.write("briefs/narrow-memo.yaml", narrowMemo);
    },
    refused: allBriefs,
    exitCode: 1,
  },
  // Regression: selection failed on the unknown source (an internal error from validate and build) before the gate could refuse.
  "a claim citing an unknown source": {
    breakIt: (p) => p.replace(corpusFile, "    source: council-hearing\n    perspective: economist", "    source: council-hearin\n    perspective: economist"),
    refused: allBriefs,
    exitCode: 1,
  },
  // Regression: a claim whose viewpoint or perspective is misspelt is not shown (selection cannot place or rank it),
  // and the briefs of its question were built without a word, another claim in its place.
  "a misspelt viewpoint in a claim of a question every brief shows": {
    breakIt: (p) => p.replace(corpusFile, "viewpoint: build-it\n    source: council-hearing\n    perspective: economist", "viewpoint: build-itt\n    source: council-hearing\n    perspective: economist"),
    refused: allBriefs,
    exitCode: 1,
  },
  // The narrow memo shows one claim a side: the economist's, not the supporters' whose perspective is misspelt.
  "a misspelt perspective in a claim a narrow memo does not show": {
    breakIt: (p) => {
      p.replace(corpusFile, "perspective: supporters\n    kind", "perspective: supporterss\n    kind");
      p.write("briefs/narrow-memo.yaml", narrowMemo);
    },
    refused: [...allBriefs, "narrow-memo"],
    exitCode: 1,
  },
  // The narrow memo excludes the broken claim; a memo of key facts alone prints and cites no claim: neither depends on it.
  "a misspelt viewpoint in a claim a brief excludes or does not print": {
    breakIt: (p) => {
      p.replace(corpusFile, "viewpoint: do-not-build\n    source: council-hearing\n    perspective: business-owners", "viewpoint: do-not-buildd\n    source: council-hearing\n    perspective: business-owners");
      p.write("briefs/narrow-memo.yaml", narrowMemo);
      p.write("briefs/facts-memo.yaml", "title: Key facts\ntemplate: memo\ncorpus: transit\nsections: [facts, sources]\nbalance: off\ndate: 2024-04-02\n");
      // Regression: a bottom line alone prints no claim, but names the holders of the chosen ones.
      p.write("briefs/bottom-line.yaml", "title: Bottom line\ntemplate: memo\ncorpus: transit\nsections: [bluf]\nbalance: off\ndate: 2024-04-02\n");
    },
    refused: [...allBriefs, "bottom-line"],
    exitCode: 1,
  },
  "a wrong locator": { breakIt: (p) => p.replace(corpusFile, "quote: optimistic at best\n    locator: 5", "quote: optimistic at best\n    locator: 4"), refused: allBriefs, exitCode: 1 },
  "a copied paraphrase every brief shows": {
    breakIt: (p) => p.replace(corpusFile, "text: Supporters expect shorter journeys to work for residents of the northern estates.", "text: Supporters said the extension would cut average commute times for 18,000 residents and finally connect them."),
    refused: allBriefs,
    exitCode: 1,
  },
  // A one-pager prints no facts, so a broken fact does not stop it.
  "a broken fact": { breakIt: (p) => p.replace(corpusFile, "quote: extend the Riverside tram line by 4.2 kilometres", "quote: extend the Riverside tram line by 4.3 kilometres"), refused: ["tram-handout", "tram-memo"], exitCode: 1 },
  "a viewpoint without claims": {
    breakIt: (p) => {
      p.replace(corpusFile, "viewpoint: build-it\n    source: council-hearing\n    perspective: supporters", "viewpoint: do-not-build\n    source: council-hearing\n    perspective: supporters");
      p.replace(corpusFile, "viewpoint: build-it\n    source: council-hearing\n    perspective: economist", "viewpoint: do-not-build\n    source: council-hearing\n    perspective: economist");
    },
    // The strict memo is refused (an empty side); the handout and one-pager (warn) build; the extract's orphan viewpoint fails the run.
    refused: ["tram-memo"],
    exitCode: 1,
  },
  "coverage below the target": { breakIt: (p) => p.replace(corpusFile, "    context_only:\n      - paragraph: 1\n        reason: title line\n", ""), refused: [], exitCode: 1 },
  "one side only, under the strict policy": { breakIt: (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nviewpoints: [build-it]\n"), refused: ["tram-memo"], exitCode: 1 },
  "one side only, under the warn policy": {
    breakIt: (p) => p.replace("briefs/tram-memo.yaml", "corpus: transit\n", "corpus: transit\nviewpoints: [build-it]\nbalance: warn\n"),
    refused: [],
    exitCode: 0,
  },
  "an underweight side": { breakIt: shortenBuildItClaims, refused: ["tram-memo"], exitCode: 1 },
  // Every check of the template passes (a known helper, a known field); it fails only when it runs: join takes a list, not a mapping.
  "a template of the project's own that fails while it runs": {
    breakIt: (p) => {
      mkdirSync(p.path("templates"), { recursive: true });
      p.write("templates/letter.hbs", '{{!-- layout: memo --}}\n<h1>{{t brief.title}}</h1><p>{{join brief.counts ", "}}</p>\n');
      p.replace("briefs/tram-memo.yaml", "template: memo", "template: letter");
    },
    refused: ["tram-memo"],
    exitCode: 1,
  },
};

describe("validate and build agree on every refusal class", () => {
  for (const [name, refusal] of Object.entries(classes)) {
    it(name, async () => {
      project = new TempProject();
      refusal.breakIt(project);

      const validated = await runCli(["validate", "--json", "--root", "."], { cwd: project.dir });
      const report = JSON.parse(validated.stdout) as { ok: boolean; briefs: { id: string; status: string }[] };
      const validateRefused = report.briefs.filter((b) => b.status !== "ok").map((b) => b.id).sort();

      const built = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter() });
      const buildRefused = built.results.filter((r) => r.status !== "built" && r.status !== "unchanged").map((r) => r.id).sort();
      const buildExit = buildExitCode(built);

      const expected = [...refusal.refused].filter((id) => report.briefs.some((b) => b.id === id)).sort();
      expect(validateRefused).toEqual(expected);
      expect(buildRefused).toEqual(expected);
      expect(validated.code).toBe(refusal.exitCode);
      expect(buildExit).toBe(refusal.exitCode);
      expect(report.ok).toBe(refusal.exitCode === 0);
    });
  }

  it("a brief that does not show the broken claim builds, and its corpus's error is reported once", async () => {
    project = new TempProject();
    classes["a misquote one brief does not show"]!.breakIt(project);
    const built = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter() });
    expect(built.results.find((r) => r.id === "narrow-memo")?.status).toBe("built");
    expect(built.results.find((r) => r.id === "tram-memo")).toMatchObject({ status: "invalid", refusal: 'it shows claim "against-shops", which has errors' });
    expect(built.diagnostics.filter((d) => d.code === "EXTRACT_MISQUOTE")).toHaveLength(1);
    const validated = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(validated.stderr.match(/EXTRACT_MISQUOTE/g)).toHaveLength(1);
    expect(validated.stderr).toContain('✗ tram-memo would not build: it shows claim "against-shops", which has errors (see above)');
    expect(validated.stderr).not.toContain("✗ narrow-memo");
  });

  // A hostile run: a viewpoint no claim argues was two errors at the same caret, the extract's ("has no claim", with a
  // hint) and the strict brief's ("has no attributed claim"): one problem, said once, with the hint.
  it("a viewpoint without claims is one error, the extract's, for validate and build alike", async () => {
    project = new TempProject();
    classes["a viewpoint without claims"]!.breakIt(project);
    for (const command of [["validate"], ["build", "--format", "html"]]) {
      const run = await runCli([...command, "--root", "."], { cwd: project.dir });
      const carets = run.stderr.match(/^sources\/transit\/corpus\.yaml:\d+:\d+: (?:error|warning) \w+/gm) ?? [];
      expect(carets.filter((line) => /EMPTY_VIEWPOINT|ORPHAN_VIEWPOINT/.test(line)), command[0]).toEqual([expect.stringMatching(/error EXTRACT_ORPHAN_VIEWPOINT$/)]);
      expect(run.stderr, command[0]).toContain("hint: add claims for it, or a coverage_note to the theme");
    }
  });

  it("a build whose corpus has an error is not skipped as unchanged: every build reports the error until it is fixed", async () => {
    project = new TempProject();
    classes["coverage below the target"]!.breakIt(project);
    const options = { root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env } as const;
    const first = await buildBriefs({ ...options, printer: new FakePrinter() });
    expect(first.results.map((r) => r.status)).toEqual(["built", "built", "built"]);
    const printer = new FakePrinter();
    const again = await buildBriefs({ ...options, printer });
    expect(again.results.map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(printer.printed).toEqual([]);
    expect(again.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["EXTRACT_LOW_COVERAGE"]);
  });
});
