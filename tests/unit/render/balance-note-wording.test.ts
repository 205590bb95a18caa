import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

const visible = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

// A reader's test: the Balance note gave the tool's own measure ("Space is the words of the claims printed for each
// view") and promised a rotation of views in documents with a single question.
describe("the Balance note's opening", () => {
  it("says in a reader's words how room is shared, and says nothing of an order of questions when there is one", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { html } = await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus);
    const text = visible(html);
    expect(text).toContain(
      "Each view is given about the same room, measured in the words printed for it: none has less than four-fifths of an equal share. Room is not weight: where the weight of opinion in the sources lies is said in the bottom line.",
    );
    expect(text).not.toMatch(/claims printed|rotates|from question to question/);
  });

  // A senior reader's test: "How this memo presents its question." opened the note as a fragment, and the note
  // said only that each view had the same room: equal airtime, with nothing to say it is not the weight of the sources.
  it("opens with a sentence and says that room is not weight, and where the weight is said", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const inBluf = visible((await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus)).html);
    expect(inBluf).not.toContain("How this memo presents");
    expect(inBluf).toContain("Room is not weight: where the weight of opinion in the sources lies is said in the bottom line.");
    const noBluf = "title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nsections: [themes, sources, balance]\n";
    expect(visible((await renderBrief(noBluf, corpus)).html)).toContain("Room is not weight: where the weight of opinion in the sources lies is said with the question.");
  });
});

// A reader's test: "Each view is given about the same room …" then, under the question, "Each view gets about the
// same space." The same statement twice; in a handout of eleven questions, twelve times.
describe("equal room", () => {
  it("is said once, in the opening, and under a question only where a view falls short of it", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const even = visible((await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus)).html);
    expect(even).toContain("Each view is given about the same room");
    expect(even).not.toContain("gets about the same space");
    const short = visible(
      (await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\nexclude_claims: [build-payback]\nbalance: warn\n", corpus)).html,
    );
    expect(short).toContain("Each view is meant to have about the same room, measured in the words printed for it, and none less than four-fifths of an equal share; the note below says where a view has less.");
    expect(short).toMatch(/“Build it” gets less space than the other view: about [a-z-]+ as much\./);
  });
});

// A reader's test: "REPORTING", "JUDGMENT", "ASSUMPTION" before every claim, with no key; "Judgment" read as ours.
describe("the reading note", () => {
  it("gives the key to the label before each claim, where claims are printed", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { html } = await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus);
    expect(visible(html)).toContain("The label before a claim says what kind of statement the source makes: reporting (what happened or was said), judgment (a view the source states or reports, not ours) or assumption (what a view takes for granted).");
  });

  // A reader's test: "para. 2" was the first paragraph of a synopsis to her, the third line of the source to the
  // extract (title and headings count); a clearance officer checking a quote looked in the wrong place.
  it("says how paragraphs are counted, and a judgment is not only the source's own view", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { html } = await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus);
    expect(visible(html)).toContain("(paragraphs are counted from the top of the source, its title, headings and each bullet included)");
    expect(visible(html)).not.toContain("the source’s own view");
  });
});

// A reader's test: a handout's key to the labels and citations was its last paragraph, alone on page 17, fifteen
// pages after the first label; and it spoke of quotations the handout no longer prints.
describe("a handout's reading note", () => {
  it("comes once, in the overview, before the first claim, and speaks of quotations only where they are printed", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const brief = "title: Tram\ntemplate: handout\ncorpus: transit\ndate: 2024-04-02\n";
    const text = visible((await renderBrief(brief, corpus)).html);
    const key = "The label before a claim says";
    expect(text.split(key)).toHaveLength(2);
    expect(text.indexOf(key)).toBeLessThan(text.indexOf("Judgment"));
    expect(text).toContain("Claims are our paraphrase of the sources, each cited by source and paragraph");
    expect(text).not.toContain("a quotation cited by paragraph");
    const quoting = visible((await renderBrief(`${brief}show_quotes: true\n`, corpus)).html);
    expect(quoting).toContain("a quotation cited by paragraph is the source’s own words");
  });
});

// A reader's test: a one-pager on a question titled as a question read "Is the extension worth building?: “Build it”
// gets less space …", a colon after the question mark.
describe("a one-pager's balance line", () => {
  it("runs a question's title in before its note without a colon after its own mark", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "title: Is the extension worth building?", "title: Worth building?");
    // A one-pager weighs the views' theses: one of two words against one of eight.
    project.replace("sources/transit/corpus.yaml", "thesis: Shorter commutes and long-run ridership justify the cost.", "thesis: Worth it.");
    const corpus = await loadCorpus(project.path("sources/transit"));
    const brief = "title: Tram\ntemplate: one-pager\ncorpus: transit\ndate: 2024-04-02\nbalance: warn\n";
    const text = visible((await renderBrief(brief, corpus)).html);
    expect(text).toMatch(/Worth building\? “Build it” gets less space/);
    expect(text).not.toContain("?:");
  });
});
