import { afterEach, describe, expect, it } from "vitest";
import type { CorpusCheck } from "../../../src/check/check.js";
import { indexSourceWords, longestCopiedRun } from "../../../src/check/paraphrase.js";
import { readCorpus } from "../../../src/build/load-corpus.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** Read (and so check) the mini corpus after breaking it with `breakIt`: the check, with every problem of the corpus. */
async function checkMini(breakIt: (p: TempProject) => void = () => {}, minCoverage?: number): Promise<CorpusCheck> {
  project = new TempProject();
  breakIt(project);
  const reading = await readCorpus(project.path("sources/transit"), { cwd: project.dir, ...(minCoverage === undefined ? {} : { minCoverage }) });
  if (reading.check === undefined) throw new Error("fixture did not load");
  return { ...reading.check, diagnostics: reading.diagnostics };
}

const codes = (check: CorpusCheck, severity = "error") => check.diagnostics.filter((d) => d.severity === severity).map((d) => d.code);
const corpusFile = "sources/transit/corpus.yaml";

describe("checkCorpus", () => {
  it("passes the intact fixture with full coverage and counts", async () => {
    const check = await checkMini();
    expect(check.diagnostics).toEqual([]);
    expect(check.counts).toMatchObject({ sources: 1, themes: 1, viewpoints: 2, claims: 4, facts: 3, glossary: 1 });
    expect(check.coverage[0]).toMatchObject({ paragraphs: 6, used: [2, 3, 4, 5, 6], uncovered: [], ratio: 1 });
    expect(check.viewpoints.map((v) => [v.viewpoint, v.claims, v.sources, v.perspectives])).toEqual([
      ["build-it", 2, 1, 2],
      ["do-not-build", 2, 1, 2],
    ]);
    expect(check.perspectives.rows.map((r) => [r.id, r.counts[0]])).toEqual([
      ["supporters", 1],
      ["business-owners", 1],
      ["one-engineer", 1],
      ["economist", 1],
    ]);
  });

  it("catches a misquote", async () => {
    expect(codes(await checkMini((p) => p.replace(corpusFile, "optimistic at best", "optimistic at worst")))).toEqual(["EXTRACT_MISQUOTE"]);
  });

  it("says where a misquoted quote is verbatim when it is in another source (source: left at the one before)", async () => {
    const check = await checkMini((p) => {
      p.replace(corpusFile, "perspectives:\n", "  - id: gazette\n    title: Letters\n    short_name: Gazette\n    publisher: Riverside Gazette\n    kind: letters page\n    date: 2024-03-20\n    place: Riverside\n    quality: Letters.\n    context_only: [{ paragraph: 1, reason: heading }, { paragraph: 2, reason: quoted by mistake }]\nperspectives:\n");
      p.write("sources/transit/texts/gazette.txt", "Letters to the editor\nThe tram would cut my walk to the station in half.\n");
      p.replace(corpusFile, "quote: optimistic at best", "quote: The tram would cut my walk to the station in half.");
    });
    const misquote = check.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE");
    expect(misquote?.hint).toBe('the quote is verbatim in source "gazette", paragraph 2: set source: gazette and locator: 2 if that is where it comes from');
  });

  it("gives no near miss for a quote whose first word alone matches, and one for two words or more", async () => {
    const one = await checkMini((p) => p.replace(corpusFile, "quote: optimistic at best", "quote: optimistic beyond all reason"));
    expect(one.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE")?.hint).toBe("copy the quote from the source text exactly; only whitespace, typographic quotes, dashes and ligatures may differ");
    const three = await checkMini((p) => p.replace(corpusFile, "quote: optimistic at best", "quote: optimistic at best by far"));
    expect(three.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE")?.hint).toMatch(/^the first 3 words match paragraph \d, where the source goes on/);
  });

  // A hostile run: a quote that ran on from the end of its paragraph into the next got only "copy the quote exactly",
  // though brief locate said where the paragraph ends.
  it("says so when a quote runs on past the end of its paragraph", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: optimistic at best", "quote: calling the figure “optimistic at best.” A transport economist countered"));
    expect(check.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE")?.hint).toBe("the first 6 words are the end of paragraph 5, and the quote runs on past it: quote from one paragraph only");
  });

  // A hostile run: two sources just added, their publisher still TODO, were "both cited as "TODO"", with a hint to
  // name them "TODO minutes" and "TODO report"; the TODOs are reported as such.
  it("does not take two sources whose publisher is still TODO for one name", async () => {
    const check = await checkMini((p) => {
      const stub = (id: string) => `  - id: ${id}\n    title: TODO\n    publisher: TODO\n    kind: TODO\n    date_note: TODO\n    place: TODO\n    quality: TODO\n`;
      p.replace(corpusFile, "perspectives:\n", `${stub("minutes")}${stub("report")}perspectives:\n`);
      p.write("sources/transit/texts/minutes.txt", "The board met.\n");
      p.write("sources/transit/texts/report.txt", "The report says so.\n");
    });
    expect(check.diagnostics.map((d) => d.code)).not.toContain("EXTRACT_SHORT_NAME_SHARED");
    expect(check.diagnostics.map((d) => d.code)).toContain("EXTRACT_TODO");
  });

  it("catches a wrong locator", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: small shops cannot survive two years of detours\n    locator: 4", "quote: small shops cannot survive two years of detours\n    locator: 3"));
    expect(codes(check)).toContain("EXTRACT_WRONG_LOCATOR");
  });

  // A staffer's run: a locator past the end of the source, its quote verbatim in another paragraph, gave two errors at
  // the same caret ("points at paragraph 40, but the source has 6", then "not in paragraph 40; it is in paragraph 4"),
  // the first with a hint that did not say which paragraph to set.
  it("says once, with the paragraph to set, that a locator past the source's end names no paragraph", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: small shops cannot survive two years of detours\n    locator: 4", "quote: small shops cannot survive two years of detours\n    locator: 40"));
    const located = check.diagnostics.filter((d) => d.item?.kind === "claim" && d.severity === "error");
    expect(located.map((d) => d.code)).toEqual(["EXTRACT_LOCATOR_OUT_OF_RANGE"]);
    expect(located[0]!.message).toMatch(/points at paragraph 40, but source "council-hearing" has 6; its quote is in paragraph 4$/);
    expect(located[0]!.hint).toBe("set locator: 4");
  });

  it("says both when a locator past the source's end has a quote the source does not have", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: small shops cannot survive two years of detours\n    locator: 4", "quote: small shops cannot survive ten years of detours\n    locator: 40"));
    expect(check.diagnostics.filter((d) => d.item?.kind === "claim").map((d) => d.code)).toEqual(["EXTRACT_LOCATOR_OUT_OF_RANGE", "EXTRACT_MISQUOTE"]);
  });

  // A staffer's tests: a quote differing from its source only in a capital and a full stop got "copy the quote from
  // the source text exactly", which she thought she had; one that left words out with … was told where the source
  // "goes on" in doubled quotation marks.
  it("says when a quote has the source's words with other capitals or punctuation, and shows them as written", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: small shops cannot survive two years of detours\n", "quote: Small shops cannot survive two years of detours.\n"));
    const misquote = check.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE");
    expect(misquote?.hint).toBe("the source has these words with other capitals, punctuation or spacing, in paragraph 4: “small shops cannot survive two years of detours”: copy them as written there");
  });

  it("says a quote cannot leave words out with an ellipsis, and shows where the source goes on without doubled marks", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "quote: small shops cannot survive two years of detours\n", "quote: construction would close … for two years\n"));
    const hint = check.diagnostics.find((d) => d.code === "EXTRACT_MISQUOTE")?.hint;
    expect(hint).toMatch(/^a quote is one unbroken run of the source's words, with none left out by …: /);
    expect(hint).toContain("the first 3 words match paragraph 4, where the source goes on “Mill Street for two”");
  });

  it("catches a dangling reference", async () => {
    expect(codes(await checkMini((p) => p.replace(corpusFile, "perspective: economist", "perspective: economists")))).toEqual(["EXTRACT_UNKNOWN_PERSPECTIVE"]);
  });

  it("flags a paraphrase that copies twelve consecutive words of the source", async () => {
    const check = await checkMini((p) =>
      p.replace(corpusFile, "text: An engineer doubts the cost estimate, which assumes the works run on time.", "text: The engineer testified that the projected cost of €310 million assumed no delays."),
    );
    expect(codes(check)).toEqual(["EXTRACT_COPIED_PARAPHRASE"]);
    expect(check.diagnostics[0]!.message).toContain('copies 12 consecutive words of its source: "engineer testified that the projected cost of 310 million assumed no delays"');
  });

  it("lets eleven copied words pass", async () => {
    const check = await checkMini((p) =>
      p.replace(corpusFile, "text: An engineer doubts the cost estimate, which assumes the works run on time.", "text: The engineer testified that the projected cost of €310 million assumed no risk."),
    );
    expect(codes(check)).toEqual([]);
    expect(check.longestCopiedRun).toBe(11);
  });

  it("lists an uncovered paragraph with its first words, and fails below the coverage target", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "    context_only:\n      - paragraph: 1\n        reason: title line\n", ""));
    expect(codes(check, "warning")).toEqual(["EXTRACT_UNCOVERED_PARAGRAPH"]);
    expect(check.diagnostics[0]!.message).toContain('paragraph 1 of "council-hearing" is used by no claim or fact: "Council Hearing on the Riverside Tram Extension (12 March 2024)"');
    expect(check.coverage[0]!.ratio).toBeCloseTo(5 / 6);
    expect(codes(check)).toEqual(["EXTRACT_LOW_COVERAGE"]);
  });

  it("passes the same coverage when the target allows it", async () => {
    const check = await checkMini((p) => p.replace(corpusFile, "    context_only:\n      - paragraph: 1\n        reason: title line\n", ""), 0.8);
    expect(codes(check)).toEqual([]);
  });

  it("refuses a viewpoint without claims unless the theme's coverage note explains it", async () => {
    const withoutBuild = (p: TempProject) => {
      p.replace(corpusFile, "viewpoint: build-it\n    source: council-hearing\n    perspective: supporters", "viewpoint: do-not-build\n    source: council-hearing\n    perspective: supporters");
      p.replace(corpusFile, "viewpoint: build-it\n    source: council-hearing\n    perspective: economist", "viewpoint: do-not-build\n    source: council-hearing\n    perspective: economist");
    };
    expect(codes(await checkMini(withoutBuild))).toEqual(["EXTRACT_ORPHAN_VIEWPOINT"]);
    const explained = await checkMini((p) => {
      withoutBuild(p);
      p.replace(corpusFile, "    indicators:", "    coverage_note: The hearing record carries no argument for building.\n    indicators:");
    });
    expect(codes(explained)).toEqual([]);
    expect(codes(explained, "warning")).toEqual(["EXTRACT_ORPHAN_VIEWPOINT"]);
  });
});

describe("longestCopiedRun", () => {
  it("matches whole words only, ignoring case and punctuation", () => {
    const source = indexSourceWords("The Cat sat, on the mat.");
    expect(longestCopiedRun("the cat sat on", source)).toEqual({ length: 4, words: "the cat sat on" });
    expect(longestCopiedRun("cats at", source).length).toBe(0);
  });

  it("finds the longest run wherever it starts, across paragraph ends, and not a run broken by a word", () => {
    const source = indexSourceWords("a b c d\ne f g\nx y a b c d e f g h");
    expect(longestCopiedRun("z a b c d e f g h z", source)).toEqual({ length: 8, words: "a b c d e f g h" });
    expect(longestCopiedRun("b c q d e", source)).toEqual({ length: 2, words: "b c" });
    expect(longestCopiedRun("", source)).toEqual({ length: 0, words: "" });
  });
});

describe("brief check", () => {
  it("prints the tables, and --json gives the same in a machine form", async () => {
    project = new TempProject();
    const text = await runCli(["check", "--root", "."], { cwd: project.dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Claims per theme × viewpoint");
    expect(text.stdout).toContain("✓ transit: 0 errors, 0 warnings");
    const json = await runCli(["check", "transit", "--json", "--root", "."], { cwd: project.dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, corpora: [{ corpus: "transit", counts: { claims: 4 } }] });
  });

  it("exits 1 on an error and gives its location in JSON", async () => {
    project = new TempProject();
    project.replace(corpusFile, "optimistic at best", "optimistic at worst");
    const json = await runCli(["check", "--json", "--root", "."], { cwd: project.dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).corpora[0].diagnostics[0]).toMatchObject({ code: "EXTRACT_MISQUOTE", file: corpusFile, line: 85, column: 12 });
  });
});

describe("the example corpus", () => {
  it("passes brief check: ≥ 8 themes, ≥ 60 claims, ≥ 12 facts, ≥ 95% coverage, no paraphrase flags", async () => {
    const result = await runCli(["check", "sino-russian", "--json"]);
    expect(result.code).toBe(0);
    const [check] = JSON.parse(result.stdout).corpora as CorpusCheck[];
    expect(check!.counts.themes).toBeGreaterThanOrEqual(8);
    expect(check!.counts.claims).toBeGreaterThanOrEqual(60);
    expect(check!.counts.facts).toBeGreaterThanOrEqual(12);
    for (const source of check!.coverage) expect(source.ratio).toBeGreaterThanOrEqual(0.95);
    expect(check!.longestCopiedRun).toBeLessThan(12);
    expect(check!.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

// An author's test: the table said 92.9% where the problem said "only 92.8%" of the same source, in one run.
describe("paragraph coverage", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.dispose());

  it("is printed the same way in the table and in the problem, rounded down", async () => {
    project = new TempProject();
    // Five of twelve paragraphs covered: 41.67%, which must not read as 41.7% against a target it misses.
    project.replace("sources/transit/corpus.yaml", "    context_only:\n      - paragraph: 1\n        reason: title line\n", "");
    project.write("sources/transit/texts/council-hearing.txt", `${project.read("sources/transit/texts/council-hearing.txt").trimEnd()}\n\n${["One.", "Two.", "Three.", "Four.", "Five.", "Six."].map((p) => `Added paragraph ${p}`).join("\n\n")}\n`);
    const { stdout, stderr } = await runCli(["check", "--root", project.dir]);
    expect(stdout).toMatch(/council-hearing +12 +5 +0 +7 +41\.6%/);
    expect(stderr).toContain('only 41.6% of the paragraphs of "council-hearing"');
  });
});

// A reader's test: "Their reactions to the TPP …", "They regard Russia …" opened claims printed far from the claim
// that said who "they" were.
describe("a claim's text that leans on its neighbours", () => {
  it("is found by its opening words; one that names its own referent is not", async () => {
    const { leansOnNeighbours } = await import("../../../src/check/check.js");
    expect(leansOnNeighbours("They regard Russia as oriented toward the West.")).toBe("They");
    expect(leansOnNeighbours("On this account the two signed agreements.")).toBe("On this account");
    expect(leansOnNeighbours("These Russians signal that other states have a chance.")).toBe("These Russians");
    expect(leansOnNeighbours("Those who see the relationship as robust add that …")).toBeUndefined();
    expect(leansOnNeighbours("Theirs is a minority view")).toBeUndefined();
    expect(leansOnNeighbours("Thessaloniki hosted the talks.")).toBeUndefined();
  });

  it("is a warning of brief check at the claim's text", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear", "text: They fear");
    const run = await runCli(["check", "--root", project.dir]);
    expect(run.stderr).toMatch(/warning EXTRACT_TEXT_NOT_STANDALONE: the text of claim "[a-z-]+" starts with "They", which points back to something before it/);
  });

  // It was looked for only in claims whose source text had been read: a missing text hid it until the text was saved.
  it("is found whether or not the claim's source text is there", async () => {
    const check = await checkMini((p) => {
      p.replace("sources/transit/corpus.yaml", "text: Shopkeepers fear", "text: They fear");
      p.remove("sources/transit/texts/council-hearing.txt");
    });
    expect(codes(check)).toContain("EXTRACT_MISSING_TEXT");
    expect(codes(check, "warning")).toContain("EXTRACT_TEXT_NOT_STANDALONE");
  });
});

// An author's tests: two sources of one publisher printed "(Möwenhafen Council; Möwenhafen Council)", and one
// "most speakers" perspective on both sides of a question weighed for each.
describe("attributions a reader cannot tell apart, and counts that weigh twice", () => {
  it("warns of two sources cited by one name", async () => {
    project = new TempProject();
    project.write("sources/transit/texts/second-hearing.txt", "A second hearing was held in April.\n");
    project.replace(
      "sources/transit/corpus.yaml",
      "perspectives:\n",
      "  - id: second-hearing\n    title: The Second Hearing\n    short_name: council hearing\n    publisher: City Council Secretariat\n    kind: hearing summary\n    date: 2024-04-12\n    place: Riverside\n    quality: As the first.\n    context_only: [{paragraph: 1, reason: the whole text}]\nperspectives:\n",
    );
    const run = await runCli(["check", "--root", project.dir]);
    expect(run.stderr).toContain('warning EXTRACT_SHORT_NAME_SHARED: sources "council-hearing" and "second-hearing" are both cited as "council hearing"');
  });

  it("warns of a counted perspective that holds claims of two views of one question", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "perspective: economist", "perspective: business-owners");
    const run = await runCli(["check", "--root", project.dir]);
    expect(run.stderr).toMatch(/warning EXTRACT_PERSPECTIVE_ON_TWO_SIDES: perspective "business-owners" \(several business owners\) holds claims of "[^"]+" and "[^"]+" on "worth-building"/);
  });
});
