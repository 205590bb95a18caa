import { ExtractSchema, type Extract } from "../../src/schema/extract.js";
import { builtInLayouts, type ValidBrief } from "../../src/validate/brief.js";
import { BriefSchema, type LayoutName } from "../../src/schema/brief.js";

/** A small extract built in code: one theme, two viewpoints, claims from two sources. */
export function makeExtract(overrides: Partial<Record<keyof Extract, unknown>> = {}): Extract {
  const claim = (id: string, viewpoint: string, source: string, perspective: string, text: string) => ({
    id,
    theme: "t1",
    viewpoint,
    source,
    perspective,
    kind: "reporting",
    text,
    quote: "q",
    locator: 1,
  });
  return ExtractSchema.parse({
    corpus: { id: "c", title: "Corpus", description: "A corpus." },
    sources: [
      { id: "s1", title: "One", publisher: "Pub One", short_name: "One", kind: "report", date: "2020-05-01", place: "X", quality: "Q." },
      { id: "s2", title: "Two", publisher: "Pub Two", kind: "report", date_note: "undated", place: "Y", quality: "Q." },
    ],
    perspectives: [
      { id: "p1", label: "one expert" },
      { id: "p2", label: "some officials" },
    ],
    themes: [
      {
        id: "t1",
        title: "Theme one",
        question: "Yes or no?",
        viewpoints: [
          { id: "yes", label: "Yes", thesis: "It is so." },
          { id: "no", label: "No", thesis: "It is not so." },
        ],
      },
      {
        id: "t2",
        title: "Theme two",
        question: "Up or down?",
        viewpoints: [
          { id: "up", label: "Up", thesis: "Up." },
          { id: "down", label: "Down", thesis: "Down." },
        ],
      },
    ],
    claims: [
      claim("y1", "yes", "s1", "p1", "First yes claim in our words."),
      claim("y2", "yes", "s1", "p1", "Second yes claim."),
      claim("y3", "yes", "s2", "p2", "Third yes claim from another source."),
      claim("n1", "no", "s2", "p2", "A no claim with a few more words here."),
      { ...claim("u1", "up", "s1", "p1", "Up claim."), theme: "t2" },
      { ...claim("d1", "down", "s2", "p2", "Down claim."), theme: "t2" },
    ],
    facts: [
      { id: "f-late", theme: "t1", date: "2021", text: "Later fact.", source: "s1", quote: "q", locator: 1, bears_on: { yes: "consistent", no: "consistent" } },
      { id: "f-early", theme: "t1", date: "2020-03", text: "Earlier fact.", source: "s2", quote: "q", locator: 1, bears_on: { yes: "consistent", no: "inconsistent" } },
      { id: "f-undated", theme: "t1", text: "Undated fact.", source: "s1", quote: "q", locator: 1, bears_on: {} },
    ],
    glossary: [
      { term: "beta", definition: "B." },
      { term: "Alpha", definition: "A." },
    ],
    ...overrides,
  });
}

/** A valid brief; a template of a project's own (not memo, handout or one-pager) follows the memo layout unless `layout` says otherwise. */
export function makeBrief(fields: Record<string, unknown> = {}): ValidBrief {
  const { layout, ...rest } = fields as { layout?: LayoutName };
  const brief = BriefSchema.parse({ title: "A brief", template: "memo", corpus: "c", ...rest });
  return { ...brief, id: brief.id ?? "a-brief", layout: layout ?? builtInLayouts.get(brief.template) ?? "memo" };
}
