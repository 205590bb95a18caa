import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProjectTemplates, type TemplateEntry, type TemplateFile, type TemplateSet } from "../../../src/load/templates.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { templateUses } from "../../../src/validate/template-uses.js";
import { repoRoot } from "../../helpers/cli.js";

/**
 * Cache keys read what a template uses from its syntax tree alone, which costs
 * a build with nothing to do almost nothing; the checker finds the same by a
 * full walk with the model's types. The two must agree, template by template.
 */
describe("templateUses", () => {
  for (const [name, root] of [["Briefsmith's own templates", repoRoot], ["the letterhead example's", join(repoRoot, "examples", "letterhead")]] as const) {
    it(`finds the partials and assets the checker finds, in ${name}`, async () => {
      const set = await loadProjectTemplates(root, root);
      const check = checkTemplates(set);
      expect(set.templates.size).toBeGreaterThanOrEqual(3);
      for (const template of set.templates.keys()) {
        const report = check.templates.get(template)!;
        expect(templateUses(set, template), template).toEqual({ partials: report.partials, assets: report.assets });
      }
    });
  }

  it("follows includes by name and through sectionPartial, and not what a comment names", () => {
    const file = (name: string, source: string): TemplateFile => ({ name, shown: `templates/${name}.hbs`, origin: "project", source });
    const letter: TemplateEntry = { ...file("letter", '{{!-- {{> old-masthead}} --}}{{> masthead}}{{#each brief.sectionOrder}}{{> (sectionPartial this)}}{{/each}}'), layout: "memo", layoutSpan: undefined };
    const partials = new Map([
      ["masthead", file("masthead", '<img src="{{asset "logo.svg"}}">{{> "address"}}')],
      ["address", file("address", "{{brief.from}}")],
      ["old-masthead", file("old-masthead", "")],
      ["letter-themes", file("letter-themes", "")],
      ...["bluf", "themes", "facts", "assumptions", "questions", "glossary", "sources", "balance", "comparison", "classification"].map((s) => [`section-${s}`, file(`section-${s}`, "")] as const),
    ]);
    const set = { templates: new Map([["letter", letter]]), partials } as unknown as TemplateSet;
    const uses = templateUses(set, "letter");
    expect(uses.assets).toEqual(["logo.svg"]);
    expect(uses.partials).toContain("masthead");
    expect(uses.partials).toContain("address");
    expect(uses.partials).toContain("letter-themes");
    expect(uses.partials).not.toContain("section-themes");
    expect(uses.partials).not.toContain("old-masthead");
  });
});
