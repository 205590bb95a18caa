import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lexicon } from "../../../src/balance/lexicon.js";
import { measureBalance } from "../../../src/balance/measure.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { renderDocx } from "../../../src/docx/render-docx.js";
import { selectBrief } from "../../../src/select/select.js";
import { normaliseForQuote } from "../../../src/text/paragraphs.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";
import { markdownPayloads, rawPayloads, safeBriefFixtures } from "../../helpers/hostile-fixtures.js";

/**
 * The hostile briefs, written to Word: every payload shows as the text it is;
 * the package holds no external relationship but hyperlinks to the web or
 * mail (no image, template or frame to fetch, no file: link), and no field
 * but the footer's page numbers (a field such as INCLUDEPICTURE or
 * INCLUDETEXT would make Word fetch or read something).
 */
const sandbox = { canary: "http://127.0.0.1:9", secretPath: "/tmp/briefsmith-secret", secretUrl: "file:///tmp/briefsmith-secret" };
let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await builtInLexicon();
});

async function wordOf(fields: Record<string, unknown>, extract = makeExtract()) {
  const model = selectBrief(makeBrief({ themes: ["t1"], ...fields }), extract, { buildDate: "2026-01-15" });
  const zip = await JSZip.loadAsync(await renderDocx(model, measureBalance(model, { lexicon, policy: "off" })));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts.set(name, await zip.files[name]!.async("string"));
  return parts;
}

const unescape = (xml: string) => xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

function expectNothingFetched(parts: Map<string, string>): void {
  for (const [name, xml] of parts) {
    // Word refuses a package with a character XML does not allow (a control character in a title, say) as damaged.
    expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    if (name.endsWith(".rels")) {
      for (const [relationship] of xml.matchAll(/<Relationship [^>]*\/>/g)) {
        if (!relationship.includes('TargetMode="External"')) continue;
        expect(relationship, name).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"');
        expect(relationship, name).toMatch(/Target="(https?:|mailto:)/);
      }
    }
    if (name.startsWith("word/") && name !== "word/footer1.xml") {
      expect(xml, name).not.toMatch(/<w:instrText|<w:fldSimple|<w:fldChar/);
    }
  }
  expect([...parts.get("word/footer1.xml")!.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["PAGE", "NUMPAGES"]);
  expect([...parts.keys()].some((name) => name.startsWith("word/media/"))).toBe(false);
}

describe("hostile briefs written to Word", () => {
  it.each(safeBriefFixtures(sandbox).map((f) => [f.id, f] as const))("%s: shows the payload as text and fetches nothing", async (_id, fixture) => {
    const { title: _title, template, ...rest } = fixture.fields as Record<string, unknown> & { title: string; template: string };
    const parts = await wordOf({ ...rest, title: fixture.fields.title, template });
    expectNothingFetched(parts);
    const text = textOf([...parts.entries()].filter(([n]) => n.startsWith("word/")).map(([, x]) => x).join(""));
    // As a reader compares: straight and typographic quotes alike (our titles get typographic quotes).
    for (const visible of fixture.visible) expect(normaliseForQuote(text)).toContain(normaliseForQuote(visible));
  });

  it("raw HTML in quotes and Markdown in claims: shown as typed, links only to the web or mail", async () => {
    const base = makeExtract();
    const raw = rawPayloads(sandbox);
    const markdown = markdownPayloads(sandbox);
    // Every payload, shared out over the claims.
    const share = (payloads: string[], i: number) => payloads.filter((_, j) => j % base.claims.length === i).join(" and ");
    const claims = base.claims.map((c, i) => ({ ...c, text: share(markdown, i), quote: share(raw, i) }));
    for (const citations of ["endnotes", "inline"]) {
      const parts = await wordOf({ citations, themes: "all" }, makeExtract({ claims }));
      expectNothingFetched(parts);
      const rels = parts.get("word/_rels/document.xml.rels")!;
      expect(rels).not.toContain("file:");
      expect(rels).not.toMatch(/javascript|data:/i);
      const all = textOf([...parts.values()].join(""));
      expect(all).toContain("<b onmouseover=alert(1)>hover</b>");
      expect(all).toContain("<script>alert(1)</script>");
      expect(all).toContain("{{#each this}}{{this}}{{/each}}");
    }
  });
});
