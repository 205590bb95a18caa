import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lexicon } from "../../../src/balance/lexicon.js";
import { measureBalance } from "../../../src/balance/measure.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { loadTemplates } from "../../../src/load/templates.js";
import { rendererFor } from "../../../src/build/render-brief.js";
import type { RenderHtml } from "../../../src/render/render.js";
import { selectBrief } from "../../../src/select/select.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

/**
 * Portion marks in the HTML (and so the PDF): with portion_marks, every
 * paragraph, heading, list item and table cell of each template starts with
 * the mark, once; the form's own labels (MEMORANDUM, the address block, the
 * byline, the decision lines) and the classification block do not.
 */
let lexicon: Lexicon;
let render: RenderHtml;
beforeAll(async () => {
  lexicon = await builtInLexicon();
  render = rendererFor(await loadTemplates());
});

const classification = { classified_by: "A. Clerk, Records Officer", derived_from: "Guide 7", reason: "1.4(c)", declassify_on: "20450101" };
const prose = {
  summary: "An opening in **our** words.\n\n- a list item\n- another\n\n1. first\n2. second",
  assessment: "It is likely so. We have moderate confidence in this judgment.",
  recommendation: "That the Office *act*.",
  questions: ["Which view holds?"],
  glossary: "all",
};

/** The test extract with every kind of thing a template prints: an assumption, a coverage note, indicators. */
function extract() {
  const base = makeExtract();
  return makeExtract({
    claims: base.claims.map((c) => (c.id === "y2" ? { ...c, kind: "assumption" } : c)),
    themes: base.themes.map((t) => (t.id === "t1" ? { ...t, coverage_note: "one source covers it", indicators: ["A sign that would tell."] } : t)),
  });
}
const briefs = {
  memo: { template: "memo", ...prose, sections: ["bluf", "themes", "facts", "assumptions", "questions", "glossary", "sources", "balance", "classification"] },
  handout: { template: "handout", ...prose, themes: ["t1", "t2"], sections: ["bluf", "comparison", "facts", "questions", "glossary", "sources", "balance", "classification"], credit: true },
  "one-pager": { template: "one-pager", summary: prose.summary, recommendation: prose.recommendation, sections: ["bluf", "themes", "sources", "balance", "classification"] },
} as const;

function page(fields: Record<string, unknown>): Document {
  const model = selectBrief(makeBrief({ themes: ["t1"], marking: "UNCLASSIFIED//FOR OFFICIAL USE ONLY", portion_marks: true, classification_block: classification, ...fields }), extract(), { buildDate: "2026-01-15" });
  expect(model.portionMark).toBe("(U//FOUO)");
  return parseHTML(render(model, measureBalance(model, { lexicon, policy: "warn" }))).document;
}

/** Elements that are not portions: the form's labels and the classification block. */
const notPortions = "p.doc-kind, p.byline, p.decision-lines, p.classification-line, .memo-fields th, .memo-fields td";

describe.each(Object.entries(briefs))("portion marks in the %s", (_name, fields) => {
  it("head every paragraph, heading, list item and table cell, once", () => {
    const document = page(fields);
    const exempt = new Set(document.querySelectorAll(notPortions));
    const subject = document.querySelector(".memo-fields h1");
    const portions = [...document.querySelectorAll("body p, body h1, body h2, body h3, body h4, body li, body td, body th, body dt")].filter(
      (element) => !exempt.has(element) || element === subject,
    );
    expect(portions.length).toBeGreaterThan(10);
    for (const element of portions) {
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text === "") continue;
      expect(text, element.outerHTML.slice(0, 200)).toMatch(/^\(U\/\/FOUO\) /);
      expect(text).not.toMatch(/^\(U\/\/FOUO\) \(U\/\/FOUO\)/);
    }
    // The form's labels are not portions.
    for (const element of exempt) if (element.querySelector("h1") === null) expect(element.textContent ?? "").not.toContain("(U//FOUO)");
  });

  it("print the classification authority block last, without portion marks", () => {
    const lines = [...page(fields).querySelectorAll("#section-classification p")].map((p) => p.textContent);
    expect(lines).toEqual(["Classified By: A. Clerk, Records Officer", "Derived From: Guide 7", "Reason: 1.4(c)", "Declassify On: 20450101"]);
  });
});

describe("without portion_marks", () => {
  it("prints no portion mark, and no classification section unless the brief gives the block", () => {
    const model = selectBrief(makeBrief({ themes: ["t1"], summary: prose.summary }), makeExtract(), { buildDate: "2026-01-15" });
    const html = render(model, measureBalance(model, { lexicon, policy: "warn" }));
    expect(model.portionMark).toBeUndefined();
    expect(html).not.toContain('class="portion-mark"');
    expect(html).not.toContain("section-classification");
  });

  it("puts the classification block where sections place it", () => {
    const model = selectBrief(makeBrief({ themes: ["t1"], classification_block: classification, sections: ["bluf", "classification", "themes"] }), makeExtract(), { buildDate: "2026-01-15" });
    expect(model.sectionOrder).toEqual(["bluf", "classification", "themes", "sources"]);
    const defaulted = selectBrief(makeBrief({ themes: ["t1"], classification_block: classification }), makeExtract(), { buildDate: "2026-01-15" });
    expect(defaulted.sectionOrder.at(-1)).toBe("classification");
    expect(defaulted.sectionOrder.at(-2)).toBe("balance");
  });
});
