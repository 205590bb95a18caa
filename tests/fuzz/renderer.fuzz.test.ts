import fc from "fast-check";
import JSZip from "jszip";
import { beforeAll, describe, it } from "vitest";
import type { Lexicon } from "../../src/balance/lexicon.js";
import { builtInLexicon } from "../../src/build/built-ins.js";
import { measureBalance } from "../../src/balance/measure.js";
import { renderDocx } from "../../src/docx/render-docx.js";
import { renderBlockMarkdown, renderInlineMarkdown } from "../../src/render/markdown.js";
import { rendererFor } from "../../src/build/render-brief.js";
import type { RenderHtml } from "../../src/render/render.js";
import { loadTemplates } from "../../src/load/templates.js";
import { templateNames } from "../../src/schema/brief.js";
import { selectBrief } from "../../src/select/select.js";
import { makeBrief, makeExtract } from "../helpers/fixtures.js";
import { findUnsafeHtml } from "../helpers/html-safety.js";
import { hostileField, hostileText } from "./arbitraries.js";
import { check, checkAsync, reportCases } from "./budget.js";

/**
 * The renderer, fuzzed: random and markup-shaped text through the Markdown
 * renderers and through whole documents. Whatever the text, the HTML has no
 * script, frame, image or embedded object, no event handler, no link to a
 * scheme other than http, https and mailto, and a style sheet that loads
 * nothing (tests/hostile/html-safety.ts).
 */

function assertSafe(html: string, input: unknown): void {
  const problems = findUnsafeHtml(html);
  if (problems.length > 0) throw new Error(`unsafe HTML from ${JSON.stringify(input)}:\n${problems.join("\n")}`);
}

let render: RenderHtml;
let lexicon: Lexicon;
beforeAll(async () => {
  render = rendererFor(await loadTemplates());
  lexicon = await builtInLexicon();
});

reportCases("renderer");

/** The free-text fields of the test extract, each replaced by hostile text. */
function hostileExtract(texts: readonly string[]) {
  let next = 0;
  const t = () => texts[next++ % texts.length]!;
  const base = makeExtract();
  return makeExtract({
    corpus: { ...base.corpus, title: t(), description: t() },
    sources: base.sources.map((s) => ({ ...s, title: t(), publisher: t(), short_name: t().slice(0, 60), kind: t(), place: t(), quality: t(), event: t() })),
    perspectives: base.perspectives.map((p) => ({ ...p, label: t(), description: t() })),
    themes: base.themes.map((theme) => ({
      ...theme,
      title: t(),
      question: t(),
      coverage_note: t(),
      indicators: [t(), t()],
      viewpoints: theme.viewpoints.map((v) => ({ ...v, label: t(), thesis: t() })),
    })),
    claims: base.claims.map((c) => ({ ...c, text: t(), quote: t() })),
    facts: base.facts.map((f) => ({ ...f, text: t(), quote: t() })),
    glossary: base.glossary.map((g, i) => ({ term: `${i} ${t()}`, definition: t() })),
  });
}

describe("fuzzed text renders to safe HTML", () => {
  it("inline Markdown", () => {
    check(fc.property(hostileText, (text) => assertSafe(renderInlineMarkdown(text), text)), 0.17);
  });

  it("block Markdown", () => {
    check(fc.property(hostileText, (text) => assertSafe(renderBlockMarkdown(text), text)), 0.17);
  });

  it("whole documents, every template, hostile text in every field", () => {
    const brief = fc.record({
      template: fc.constantFrom(...templateNames),
      title: hostileField(200),
      to: hostileField(200),
      from: hostileField(200),
      marking: hostileField(80),
      summary: hostileField(2000),
      questions: fc.array(hostileField(500), { minLength: 1, maxLength: 3 }),
    });
    check(
      fc.property(brief, fc.array(hostileField(300), { minLength: 5, maxLength: 12 }), (fields, texts) => {
        // A one-pager has no questions section, and refuses questions.
        const { questions, ...rest } = fields;
        const printable = fields.template === "one-pager" ? rest : { ...rest, questions };
        const model = selectBrief(makeBrief({ ...printable, corpus: "c", date: "2024-04-02" }), hostileExtract(texts), { buildDate: "2024-04-02" });
        assertSafe(render(model, measureBalance(model, { lexicon, policy: "off" })), { fields, texts });
      }),
      0.05,
    );
  });
});

/** A Word package that loads nothing and that Word can open: external relationships only hyperlinks to the web or mail, no fields in the text, only characters XML allows. */
async function assertSafeDocx(bytes: Uint8Array, input: unknown): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const xml = await zip.files[name]!.async("string");
    const problems: string[] = [];
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push("a character XML does not allow");
    for (const [relationship] of xml.matchAll(/<Relationship [^>]*\/>/g)) {
      if (relationship.includes('TargetMode="External"') && !/relationships\/hyperlink" Target="(https?:|mailto:)/.test(relationship)) problems.push(relationship);
    }
    if (name !== "word/footer1.xml" && /<w:instrText|<w:fldSimple|<w:fldChar/.test(xml)) problems.push("a field");
    if (name.startsWith("word/media/")) problems.push("media");
    if (problems.length > 0) throw new Error(`unsafe Word package from ${JSON.stringify(input)}: ${name}: ${problems.join("; ")}`);
  }
}

describe("fuzzed text renders to a safe Word file", () => {
  it("whole documents, every template, hostile text in every field", async () => {
    const brief = fc.record({
      template: fc.constantFrom(...templateNames),
      title: hostileField(200),
      from: hostileField(200),
      marking: hostileField(80),
      summary: hostileField(2000),
      portion_marks: fc.boolean(),
    });
    await checkAsync(
      fc.asyncProperty(brief, fc.array(hostileField(300), { minLength: 5, maxLength: 12 }), async (fields, texts) => {
        const model = selectBrief(makeBrief({ ...fields, portion_mark: fields.portion_marks ? "X" : undefined, corpus: "c", date: "2024-04-02" }), hostileExtract(texts), { buildDate: "2024-04-02" });
        await assertSafeDocx(await renderDocx(model, measureBalance(model, { lexicon, policy: "off" })), { fields, texts });
      }),
      0.01,
    );
  });
});
