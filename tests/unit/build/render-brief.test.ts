import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** The library API without a browser: a corpus loaded, a brief rendered in memory. */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

const memo = `title: Should Riverside extend the tram?
template: memo
corpus: transit
to: The Mayor
from: Policy Unit
date: 2024-04-02
`;

async function caught(promise: Promise<unknown>): Promise<BriefsmithError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BriefsmithError)) throw new Error(`expected a BriefsmithError, got ${String(error)}`);
  return error;
}

describe("loadCorpus", () => {
  it("loads and checks a corpus folder", async () => {
    project = new TempProject();
    const corpus = await loadCorpus("sources/transit", { cwd: project.dir });
    expect(corpus.id).toBe("transit");
    expect(corpus.extract.claims).toHaveLength(4);
    expect(corpus.paragraphs.get("council-hearing")).toHaveLength(6);
  });

  it("refuses a corpus no brief can use, with every diagnostic and the texts to show them", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "  - id: build-payback", "  - id: build-commutes");
    const error = await caught(loadCorpus(project.path("sources/transit")));
    expect(error.code).toBe("CORPUS_NOT_VALID");
    expect(error.message).toMatch(/has 1 problem$/);
    expect(error.diagnostics.map((d) => d.code)).toEqual(["EXTRACT_DUPLICATE_CLAIM"]);
    expect(error.fileTexts.get(error.diagnostics[0]!.file!)).toContain("build-commutes");
  });

  it("refuses a source's text given as an absolute path as outside the corpus, not as missing under the corpus", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "    place: Riverside\n", "    place: Riverside\n    text: /tmp/elsewhere/secret.txt\n");
    const error = await caught(loadCorpus(project.path("sources/transit")));
    expect(error.diagnostics.map((d) => d.code)).toContain("EXTRACT_TEXT_OUTSIDE_CORPUS");
    expect(error.diagnostics.map((d) => d.code)).not.toContain("EXTRACT_MISSING_TEXT");
    const outside = error.diagnostics.find((d) => d.code === "EXTRACT_TEXT_OUTSIDE_CORPUS")!;
    expect(outside.message).toBe('the text of source "council-hearing" must be inside the corpus folder, given as a path from it (texts/NAME.txt), not from the disk\'s root');
  });

  it("loads a corpus with a misquote in one claim, and renders only the briefs that do not show it (issue 11, item 8)", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "small shops cannot survive", "small shops could not survive");
    const corpus = await loadCorpus(project.path("sources/transit"));
    expect(corpus.diagnostics.map((d) => [d.code, d.item])).toEqual([["EXTRACT_MISQUOTE", { kind: "claim", id: "against-shops" }]]);
    const shown = await caught(renderBrief(memo, corpus));
    expect(shown.code).toBe("BRIEF_NOT_VALID");
    expect(shown.message).toBe('brief.yaml is not rendered: it shows claim "against-shops", which has errors');
    expect(shown.diagnostics.map((d) => d.code)).toEqual(["EXTRACT_MISQUOTE"]);
    // One claim a side: the economist's and the engineer's, never the shopkeepers'.
    const { model } = await renderBrief(memo + "claims_per_viewpoint: 1\nexclude_claims: [against-shops]\nbalance: warn\n", corpus);
    expect(model.themes[0]!.viewpoints.flatMap((v) => v.claims.map((c) => c.id))).not.toContain("against-shops");
  });
  it("says so when the folder does not exist, naming the corpus meant when the name is nearly right", async () => {
    project = new TempProject();
    const nowhere = await caught(loadCorpus(project.path("sources/nowhere")));
    expect(nowhere.code).toBe("PATH_NOT_FOUND");
    expect(nowhere.hint).toBe("a corpus is a folder under sources/, holding YAML files and texts/");
    expect((await caught(loadCorpus(project.path("sources/transt")))).hint).toBe('did you mean "transit"?');
    // As `brief show` and `brief locate` take it, with --corpus.
    const shown = await runCli(["show", "council-hearing", "--corpus", "transt"], { cwd: project.dir });
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain('hint: did you mean "transit"?');
  });
});

describe("renderBrief", () => {
  it("renders a brief given as YAML text, or as an object, to the same HTML", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const fromText = await renderBrief(memo, corpus);
    const fromObject = await renderBrief({ title: "Should Riverside extend the tram?", template: "memo", corpus: "transit", to: "The Mayor", from: "Policy Unit", date: "2024-04-02" }, corpus);
    expect(fromText.html).toContain("<h1 class=\"subject\">Should Riverside extend the tram?</h1>");
    expect(fromText.html).toBe(fromObject.html);
    expect(fromText.model).toMatchObject({ id: "brief", template: "memo", dateDisplay: "2 April 2024" });
    expect(fromText.balance.verdict).toBe("balanced");
  });

  it("reads no project file: it renders after the project is gone", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    project.dispose();
    const { html } = await renderBrief(memo, corpus, { date: "2024-05-01" });
    expect(html).toContain("small shops cannot survive");
  });

  it("prints the given date when the brief sets none", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { model } = await renderBrief(memo.replace("date: 2024-04-02\n", ""), corpus, { date: "2016-02-15" });
    expect(model.dateDisplay).toBe("15 February 2016");
  });

  it("refuses an invalid brief with located diagnostics, in the file name given", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const error = await caught(renderBrief(memo.replace("corpus: transit", "corpus: transit\nthemes: [worth-buildin]"), corpus, { file: "briefs/mayor.yaml" }));
    expect(error.code).toBe("BRIEF_NOT_VALID");
    expect(error.diagnostics).toMatchObject([{ code: "BRIEF_UNKNOWN_THEME", file: "briefs/mayor.yaml", hint: 'did you mean "worth-building"?' }]);
    expect(error.fileTexts.get("briefs/mayor.yaml")).toContain("worth-buildin");
  });

  it("refuses a brief for another corpus than the one given", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const error = await caught(renderBrief(memo.replace("corpus: transit", "corpus: trams"), corpus));
    expect(error.diagnostics).toMatchObject([{ code: "BRIEF_UNKNOWN_CORPUS", message: 'the brief uses corpus "trams", but it was given corpus "transit"' }]);
  });

  it("refuses a brief unbalanced under the strict policy, and renders it under warn with the problems as warnings", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const oneSided = memo + "viewpoints: [build-it]\n";
    const error = await caught(renderBrief(oneSided, corpus));
    expect(error.code).toBe("BRIEF_UNBALANCED");
    expect(error.diagnostics.map((d) => d.code)).toContain("BALANCE_MISSING_VIEWPOINT");
    const warned = await renderBrief(oneSided + "balance: warn\n", corpus);
    expect(warned.balance.verdict).toBe("unbalanced");
    expect(warned.diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });

  it("suggests as fixes only claims the brief does not show, an assumption printed in its own section counting as shown", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    // Both claims against: against-cost is an assumption, printed under key assumptions, not with its side.
    const result = await renderBrief(memo + "claims_per_viewpoint: 2\nbalance: warn\nbalance_thresholds:\n  underweight_ratio: 0.99\n", corpus);
    const against = result.model.themes[0]!.viewpoints.find((v) => v.id === "do-not-build")!;
    expect(against.shownClaims.map((c) => c.id)).toEqual(["against-shops", "against-cost"]);
    const underweight = result.diagnostics.find((d) => d.code === "BALANCE_UNDERWEIGHT_VIEWPOINT");
    expect(underweight?.hint).toMatch(/already shows all 2 claims/);
    expect(underweight?.hint).not.toMatch(/would fix it/);
  });
});

describe("the library's functions given what they cannot use", () => {
  it("say so as API_INVALID_ARGUMENT at the call, instead of printing '45 undefined 2024' or failing with a TypeError", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    for (const date of ["yesterday", "2024-13-45", "2024-02-30", "2024-00-10"]) {
      const error = await caught(renderBrief(memo, corpus, { date }));
      expect(error.code, date).toBe("API_INVALID_ARGUMENT");
      expect(error.message).toBe(`renderBrief's date is ${JSON.stringify(date)}, which is not a day of the calendar written YYYY-MM-DD`);
    }
    expect((await caught(renderBrief(memo, undefined as never))).code).toBe("API_INVALID_ARGUMENT");
    expect((await caught(renderBrief(42 as never, corpus))).code).toBe("API_INVALID_ARGUMENT");
    expect((await caught(loadCorpus(""))).message).toBe(`loadCorpus's folder is "", which is not the path of a corpus folder`);
    expect((await caught(loadCorpus(undefined as never))).code).toBe("API_INVALID_ARGUMENT");
    const { renderDocx } = await import("../../../src/docx/render-docx.js");
    expect((await caught(renderDocx({} as never, {} as never))).code).toBe("API_INVALID_ARGUMENT");
    // A date that is one renders, printed in words.
    expect((await renderBrief(memo, corpus, { date: "2024-02-29" })).model.dateDisplay).toBe("2 April 2024");
  });

  it("a printer refuses jobs it could never print with, and a document or paper it cannot print, before any browser starts", async () => {
    const { createPrinter } = await import("../../../src/print/printer.js");
    for (const jobs of [0, -1, 1.5, 99]) {
      const error = await caught(createPrinter({ jobs, browser: "/nonexistent" }));
      expect(error.code, String(jobs)).toBe("API_INVALID_ARGUMENT");
      expect(error.message).toBe(`createPrinter's jobs is ${jobs}, which is not a whole number from 1 to 32`);
    }
    project = new TempProject();
    const fake = project.path("fake-chromium");
    const { writeFileSync, chmodSync } = await import("node:fs");
    writeFileSync(fake, "#!/bin/sh\nexit 1\n");
    chmodSync(fake, 0o755);
    const printer = await createPrinter({ browser: fake, warm: false });
    try {
      expect((await caught(printer.print(undefined as never))).code).toBe("API_INVALID_ARGUMENT");
      expect((await caught(printer.print("<p>x</p>", { paper: "A3" as never }))).message).toBe(`the paper is "A3", which is not "Letter" or "A4"`);
      expect((await caught(printer.print("<p>x</p>", { date: "2016-02-31" }))).code).toBe("API_INVALID_ARGUMENT");
      expect(printer.launches).toBe(0);
    } finally {
      await printer.close();
    }
  });
});

// A hostile run of the library: a claim's quote changed after loadCorpus had checked it was verbatim (or its text
// changed) was rendered as it then was: the memo printed words the source never said, unchecked.
describe("a loaded corpus", () => {
  it("cannot be changed after its quotes were checked", async () => {
    project = new TempProject();
    const corpus = await loadCorpus("sources/transit", { cwd: project.dir });
    const claim = corpus.extract.claims[0]!;
    const quote = claim.quote;
    expect(() => {
      (claim as { quote: string }).quote = "words never said by anyone";
    }).toThrow(TypeError);
    expect(() => (corpus.extract.claims as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (corpus.extract.themes[0]!.viewpoints[0] as { label: string }).label = "Changed";
    }).toThrow(TypeError);
    expect(corpus.extract.claims[0]!.quote).toBe(quote);
  });
});
