import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { repoRoot, runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";
import type { Lexicon } from "../../../src/balance/lexicon.js";
import { measureBalance } from "../../../src/balance/measure.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { loadTemplates } from "../../../src/load/templates.js";
import { rendererFor } from "../../../src/build/render-brief.js";
import { contentsEntries, type RenderHtml } from "../../../src/render/render.js";
import { citedLine } from "../../../src/render/wording.js";
import { selectBrief } from "../../../src/select/select.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

let lexicon: Lexicon;
let render: RenderHtml;
beforeAll(async () => {
  lexicon = await builtInLexicon();
  render = rendererFor(await loadTemplates());
});

const html = (fields: Record<string, unknown>, extract = makeExtract()) => {
  const model = selectBrief(makeBrief({ themes: ["t1"], ...fields }), extract, { buildDate: "2026-01-15" });
  return render(model, measureBalance(model, { lexicon, policy: "warn" }));
};
const text = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("rendered documents", () => {
  // A trainer's handout for "Mid-career diplomats, Eurasia seminar, week 3" printed the audience nowhere, without a word.
  it("print whom the brief is for, in every built-in template", () => {
    for (const template of ["memo", "handout", "one-pager"]) expect(text(html({ template, to: "Mid-career diplomats" }))).toContain("Mid-career diplomats");
  });

  // A reader's test: a handout leaving a view out rated a fact "not diagnostic" that bore only on that view, and
  // nothing under its evidence matrix said the view had no column.
  it("say under a handout's evidence matrix which views it leaves out are not rated", () => {
    expect(text(html({ template: "handout", viewpoints: ["yes"] }))).toContain("“No”, not set out here, is not rated against these facts.");
    expect(text(html({ template: "handout" }))).not.toContain("not rated against these facts");
  });

  // A reader's test: "this memo endorses none of them; our own assessment is marked as such", above an assessment
  // judging one view likely, read as a memo saying it takes no side and then taking one.
  it("do not say they endorse no view beside the office's own assessment, and say where that is", () => {
    const assessment = "We judge it likely that the plan goes ahead. We have moderate confidence in this judgment.";
    const withAssessment = text(html({ assessment }));
    expect(withAssessment).not.toContain("endorses none");
    expect(withAssessment).toContain("The views set out are the sources’, each attributed to those who hold it; our own judgment is given apart, under “Our assessment”.");
    expect(text(html({}))).toContain("The views are the sources’, each attributed to those who hold it; this memo endorses none of them.");
  });

  it("print the tool credit only when the brief asks for it", () => {
    expect(text(html({}))).not.toContain("Briefsmith");
    expect(text(html({ credit: true }))).toContain("Prepared with Briefsmith");
  });

  it("carry a memo's quotes in numbered notes, or inline where the brief asks for them", () => {
    const extract = makeExtract();
    const withQuotes = { ...extract, claims: extract.claims.map((c) => ({ ...c, quote: `distinct source wording number ${c.id}` })) };
    const endnotes = html({}, withQuotes);
    expect(endnotes).toContain('<li value="1" id="note-1">One [1], para.&nbsp;1: “distinct source wording number y1”</li>');
    expect(endnotes).not.toContain('<span class="quote">');
    expect(html({ citations: "inline" }, withQuotes)).not.toContain('<span class="quote">');
    const inline = html({ citations: "inline", show_quotes: true }, withQuotes);
    expect(inline).toContain('<span class="quote">“distinct source wording number y1”</span>');
    expect(inline).not.toContain('id="note-1"');
  });

  it("label the assessment as the office's and end a memo's recommendation with decision lines", () => {
    const page = text(html({ from: "Policy Unit", assessment: "It is unlikely. We have low confidence.", recommendation: "That you agree." }));
    expect(page).toMatch(/Our assessment \(Policy Unit\) It is unlikely\. We have low confidence\. .*Recommendation That you agree\. Approve Disapprove Discuss/);
  });

  it("print the sections in the brief's order", () => {
    const page = text(html({ sections: ["sources", "themes", "bluf"] }));
    expect(page.indexOf("Sources")).toBeLessThan(page.indexOf("1. Theme one"));
    expect(page.indexOf("1. Theme one")).toBeLessThan(page.indexOf("Bottom line up front"));
  });

  // An author's test: a date note written as the stub source add invites ("undated") ran into the quality note,
  // "Date: Undated Q.", though the README promised "Kind. Date: date note. Quality".
  it("end a source's date note as a sentence, before its quality note", () => {
    const sources = text(html({ template: "memo", themes: ["t1"] })).replace(/.*Sources /, "");
    expect(sources).toContain("Date: Undated. Q.");
    expect(sources).not.toContain("Undated Q.");
  });

  // A review: had {{sentence}} added the full stop itself, an office's copy of the older partial, "{{sentence kind}}.",
  // would have printed "Report..". It gives the capital only; {{fullStop}} gives the stop where one is needed.
  it("leave a project's {{sentence kind}}. as it printed, one full stop", async () => {
    const project = new TempProject();
    try {
      const partial = readFileSync(join(repoRoot, "templates/partials/section-sources.hbs"), "utf8").replace(/<strong>\{\{sentence kind\}\}[^<]*<\/strong>/, "<strong>{{sentence kind}}.</strong>");
      mkdirSync(project.path("templates/partials"), { recursive: true });
      project.write("templates/partials/section-sources.hbs", partial);
      expect((await runCli(["build", "briefs/tram-memo.yaml", "--format", "html"], { cwd: project.dir })).code).toBe(0);
      const quality = /<p class="source-quality">[\s\S]*?<\/p>/.exec(project.read("output/tram-memo.html"))![0];
      expect(quality).toMatch(/<strong>[^<.]+\.<\/strong>/);
    } finally {
      project.dispose();
    }
  });

  it("write the source's citation counts in words, and leave out a count of nothing", () => {
    const source = { id: "s", number: 1, shortName: "S", title: "T", publisher: "P", kind: "k", event: undefined, dateDisplay: "2020", dateNote: undefined, place: "X", url: undefined, quality: "Q." };
    expect(citedLine({ ...source, citedClaims: 2, citedFacts: 0 })).toBe("Cited for two claims.");
    expect(citedLine({ ...source, citedClaims: 12, citedFacts: 1 })).toBe("Cited for 12 claims and one fact.");
  });

  it("open a handout's overview with what it sets out, true of one source as of several: views differ, not 'the sources disagree'", () => {
    const extract = makeExtract();
    const oneSource = { ...extract, claims: extract.claims.map((c) => ({ ...c, source: extract.sources[0]!.id })), facts: [] };
    const lead = text(html({ template: "handout" }, oneSource));
    expect(lead).toContain("It draws on one source");
    expect(lead).toMatch(/This handout sets out one question on which views differ: the views side by side/);
    expect(lead).not.toContain("the sources disagree");
  });

  it("list a long handout's contents: each question, then the sections after them, with the notes before the sources", () => {
    const model = selectBrief(makeBrief({ template: "handout", citations: "endnotes" }), makeExtract(), { buildDate: "2026-01-15" });
    expect(contentsEntries(model, new Map([["theme-t1", 2]])).map((e) => [e.title, e.page])).toEqual([
      ["1. Theme one", 2],
      ["2. Theme two", undefined],
      ["The evidence: analysis of competing hypotheses", undefined],
      ["Notes", undefined],
      ["Sources", undefined],
      ["Balance note", undefined],
    ]);
  });

  // A hostile run: a handout said "The names of the views, in quotation marks, are ours." where no view's name was in
  // quotation marks: they were only the headings of its table (brief init's example, made a handout).
  it("say the views' names are in quotation marks only where the document quotes them", async () => {
    const folder = mkdtempSync(join(tmpdir(), "briefsmith-names-"));
    try {
      expect((await runCli(["init", "project"], { cwd: folder })).code).toBe(0);
      const corpus = await loadCorpus(join(folder, "project", "sources", "library-hours"));
      const brief = readFileSync(join(folder, "project", "briefs", "library-sundays-memo.yaml"), "utf8");
      for (const template of ["memo", "handout", "one-pager"]) {
        const page = text((await renderBrief(brief.replace(/^template: \w+/m, `template: ${template}`), corpus, { date: "2026-01-15" })).html);
        const labels = corpus.extract.themes.flatMap((t) => t.viewpoints.map((v) => `“${v.label}”`));
        const note = /The names of the views[^.]*\./.exec(page)?.[0];
        if (note === undefined) continue;
        const quoted = labels.some((label) => page.includes(label));
        expect(note, template).toBe(quoted ? "The names of the views, in quotation marks, are ours." : "The names of the views are ours.");
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
