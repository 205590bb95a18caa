import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrinter } from "../../src/index.js";
import { pdfReadingText, repoRoot } from "../helpers/cli.js";

/**
 * Issue 13, done when: a new user's whole path from their own documents to a
 * checked extract and a built brief, with Briefsmith installed from its
 * packed tarball in a folder of its own. The documents are made here from
 * text the test controls: a web page, and a PDF printed by Briefsmith's own
 * printer with a running header and page numbers on two pages.
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

const pageParagraphs = [
  "Harbour plan: the new ferry quay",
  "The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027.",
  "Fishermen said the quay would take half of their moorings and push their boats into the outer basin.",
  "The board replied that the outer basin would be dredged first, at the ferry company's expense.",
];

const reportParagraphs = [
  "Ferry Quay Consultation Report",
  "The consultation ran for six weeks and received 214 written responses from residents, businesses and harbour users.",
  "Most residents who responded welcomed the quay, saying that a reliable winter service would end the cancellations that cut the islands off for days at a time, sometimes for a whole week in February.",
  "The fishing cooperative opposed the plan, warning that moving its fleet to the outer basin would expose small boats to the westerly swell that builds up there through the winter months.",
  "The ferry company confirmed that it would pay for the dredging and would not raise fares to recover the cost.",
];

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour plan: the new ferry quay</title><meta name="author" content="Harbour News"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/contact">Contact us</a></nav>
<article><h1>${pageParagraphs[0]}</h1>${pageParagraphs.slice(1).map((p) => `<p>${p}</p>`).join("")}</article>
<footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>`;

/** A two-page report with a running header and page numbers, which source add must drop. */
const reportHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry Quay Consultation Report</title><style>
@page { size: A5; margin: 25mm 20mm; @top-center { content: "Harbour Board — Consultation"; font-size: 9pt } @bottom-center { content: "Page " counter(page); font-size: 9pt } }
body { font: 11pt/1.5 serif } h1 { font-size: 16pt } .next { break-before: page }
</style></head><body><h1>${reportParagraphs[0]}</h1>
${reportParagraphs.slice(1).map((p, i) => `<p${i === 2 ? ' class="next"' : ""}>${p}</p>`).join("\n")}</body></html>`;

/** The extract a user writes once the sources are in, with one locator counted wrong (paragraph 3, where the quote is in 4). */
const extract = `
perspectives:
  - {id: residents, label: most residents who responded, source: consultation-report}
  - {id: fishing-cooperative, label: the fishing cooperative, source: consultation-report}
  - {id: harbour-board, label: the harbour board, source: harbour-plan}
  - {id: fishermen, label: fishermen, source: harbour-plan}
themes:
  - id: new-quay
    title: Should the harbour build the new ferry quay?
    question: Does a reliable ferry service justify the cost to the fishing fleet?
    viewpoints:
      - {id: build-quay, label: Build the quay, thesis: The islands need a ferry that runs all winter.}
      - {id: rethink-quay, label: Rethink the quay, thesis: The fleet would pay too high a price for it.}
claims:
  - id: build-winter-service
    theme: new-quay
    viewpoint: build-quay
    source: consultation-report
    perspective: residents
    kind: judgment
    text: Residents who wrote in expect a dependable winter crossing to end the islands' isolation.
    quote: a reliable winter service would end the cancellations
    locator: 3
  - id: build-north-mole
    theme: new-quay
    viewpoint: build-quay
    source: harbour-plan
    perspective: harbour-board
    kind: reporting
    text: The board says a quay on the north mole could serve the island ferries from 2027.
    quote: to be built on the north mole by 2027
    locator: 2
  - id: rethink-swell
    theme: new-quay
    viewpoint: rethink-quay
    source: consultation-report
    perspective: fishing-cooperative
    kind: judgment
    text: The fishing cooperative fears that small boats moved to the outer basin would face the swell.
    quote: expose small boats to the westerly swell
    locator: 3
  - id: rethink-moorings
    theme: new-quay
    viewpoint: rethink-quay
    source: harbour-plan
    perspective: fishermen
    kind: judgment
    text: Fishermen say the new quay would cost them half of their berths in the inner harbour.
    quote: take half of their moorings
    locator: 3
facts:
  - id: responses
    theme: new-quay
    text: The consultation drew 214 written responses.
    source: consultation-report
    quote: received 214 written responses
    locator: 2
    bears_on: {build-quay: neutral, rethink-quay: neutral}
  - id: fares-held
    theme: new-quay
    text: The ferry company will pay for the dredging without raising fares.
    source: consultation-report
    quote: would not raise fares to recover the cost
    locator: 5
    bears_on: {build-quay: consistent, rethink-quay: neutral}
  - id: dredging-first
    theme: new-quay
    text: The board says the outer basin would be dredged before the fleet moves.
    source: harbour-plan
    quote: the outer basin would be dredged first
    locator: 4
    bears_on: {build-quay: consistent, rethink-quay: inconsistent}
`;

describe("from a user's own documents to a checked extract and a built brief, installed from the packed tarball", () => {
  let work: string;
  let project: string;
  let brief: (args: readonly string[]) => Promise<Run>;
  const timings: { step: string; ms: number }[] = [];
  const timed = async (step: string, args: readonly string[]) => {
    const result = await brief(args);
    timings.push({ step: `brief ${args.join(" ")}`.replace(/\s+--root \S+/, ""), ms: result.ms });
    return result;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "briefsmith-authoring-"));
    const pack = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", work, "--silent"], repoRoot);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
    project = join(work, "harbour-briefs");
    await run("mkdir", ["-p", project], work);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "harbour-briefs", private: true }));
    const install = await run("npm", ["install", "--save-dev", join(work, tarball), "--no-audit", "--no-fund", "--prefer-offline"], project, { PUPPETEER_SKIP_DOWNLOAD: "1" });
    expect(install.code, install.stderr).toBe(0);
    const bin = join(project, "node_modules", ".bin", "brief");
    brief = (args) => run(bin, args, project);

    // The user's documents, made from text this test controls.
    writeFileSync(join(work, "harbour-plan.html"), page);
    const printer = await createPrinter({ jobs: 1 });
    try {
      writeFileSync(join(work, "Consultation Report.pdf"), await printer.print(reportHtml, { paper: "A4" }));
    } finally {
      await printer.close();
    }
    // The PDF has what source add must leave out: a header and a page number on each of its two pages.
    const printed = await pdfReadingText(join(work, "Consultation Report.pdf"));
    expect(printed.match(/Harbour Board - Consultation/g)).toHaveLength(2);
    expect(printed).toContain("Page 2");
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("init → new corpus → source add (HTML, PDF) → show → locate → check --fix → new brief → validate → build, and the PDF reads back", async () => {
    const init = await timed("init", ["init"]);
    expect(init.code, init.stderr).toBe(0);
    expect((await brief(["validate"])).code).toBe(0);

    expect((await timed("new corpus", ["new", "corpus", "harbour"])).code).toBe(0);
    const html = await timed("source add html", ["source", "add", join(work, "harbour-plan.html"), "--corpus", "harbour"]);
    expect(html.stdout).toContain("sources/harbour/texts/harbour-plan.txt: 4 paragraphs (from HTML)");
    expect(readFileSync(join(project, "sources/harbour/texts/harbour-plan.txt"), "utf8")).toBe(pageParagraphs.join("\n") + "\n");
    const pdf = await timed("source add pdf", ["source", "add", join(work, "Consultation Report.pdf"), "--corpus", "harbour"]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toContain("sources/harbour/texts/consultation-report.txt: 5 paragraphs (from PDF)");
    // Every paragraph, in order, words intact; the running header and the page numbers gone.
    expect(readFileSync(join(project, "sources/harbour/texts/consultation-report.txt"), "utf8")).toBe(reportParagraphs.join("\n") + "\n");

    const shown = await timed("show", ["show", "consultation-report", "--from", "4", "--to", "4"]);
    expect(shown.stdout).toContain(`  4  ${reportParagraphs[3]}\n`);
    const located = await timed("locate", ["locate", "expose small boats to the westerly swell"]);
    expect(located.stdout).toMatch(/^harbour\/consultation-report:4 {2}The fishing cooperative/);

    // The user fills in what the documents did not say, and writes the extract.
    const corpusPath = join(project, "sources/harbour/corpus.yaml");
    let yaml = readFileSync(corpusPath, "utf8");
    expect(yaml).toContain('title: "Ferry Quay Consultation Report"');
    yaml = yaml
      .replace(/kind: TODO.*/g, "kind: report")
      .replace(/place: TODO.*/g, "place: Port Ellen")
      .replace(/publisher: TODO.*/g, "publisher: Harbour Board")
      .replace(/date_note: TODO.*/g, 'date: "2025-06"')
      .replace(/quality: TODO.*/g, "quality: Written for this test; speakers are described by role.")
      .replace("  - id: consultation-report\n", "  - id: consultation-report\n    context_only: [{paragraph: 1, reason: title}]\n")
      .replace("  - id: harbour-plan\n", "  - id: harbour-plan\n    context_only: [{paragraph: 1, reason: headline}]\n");
    writeFileSync(corpusPath, yaml + extract);

    const wrong = await brief(["check", "harbour"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('error EXTRACT_WRONG_LOCATOR: the quote of claim "rethink-swell" is not in paragraph 3 of "consultation-report"; it is in paragraph 4');
    const fixed = await timed("check --fix", ["check", "harbour", "--fix"]);
    expect(fixed.stdout).toMatch(/^sources\/harbour\/corpus\.yaml:\d+: claim "rethink-swell": locator 3 → 4$/m);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(readFileSync(corpusPath, "utf8")).toContain("# Add a source with: brief source add FILE --corpus harbour");

    const created = await timed("new brief", ["new", "brief", "quay-memo", "--corpus", "harbour"]);
    expect(created.stdout, created.stderr).toContain("it validates");
    const validated = await timed("validate", ["validate"]);
    expect(validated.code, validated.stderr).toBe(0);
    const built = await timed("build", ["build", "quay-memo"]);
    expect(built.code, built.stderr).toBe(0);
    const text = await pdfReadingText(join(project, "output", "quay-memo.pdf"));
    expect(text).toContain("Should the harbour build the new ferry quay?");
    expect(text).toContain("expose small boats to the westerly swell");
    expect(text).toContain("take half of their moorings");

    const total = timings.reduce((sum, t) => sum + t.ms, 0);
    console.log(
      ["The new-corpus path, command by command (wall time of each process):", ...timings.map((t) => `  ${String(Math.round(t.ms)).padStart(6)} ms  ${t.step}`), `  ${String(Math.round(total)).padStart(6)} ms  in all`].join("\n"),
    );
  }, 240_000);
});
