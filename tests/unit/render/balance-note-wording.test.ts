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
      "How this memo presents its question. Each view is given about the same room: measured in the words printed for it, none has less than four-fifths of an equal share.",
    );
    expect(text).not.toMatch(/claims printed|rotates|from question to question/);
  });
});

// A reader's test: "REPORTING", "JUDGMENT", "ASSUMPTION" before every claim, with no key; "Judgment" read as ours.
describe("the reading note", () => {
  it("gives the key to the label before each claim, where claims are printed", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { html } = await renderBrief("title: Tram\ntemplate: memo\ncorpus: transit\ndate: 2024-04-02\n", corpus);
    expect(visible(html)).toContain("The label before a claim says what kind of statement the source makes: reporting (what happened or was said), judgment (the source’s own view, not ours) or assumption (what a view takes for granted).");
  });
});
