import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { hashTemplate } from "../../../src/incremental/cache-key.js";
import { loadProjectTemplates, type TemplateEntry, type TemplateFile, type TemplateSet } from "../../../src/load/templates.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { templateUses } from "../../../src/validate/template-uses.js";
import { repoRoot } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

/**
 * Cache keys read what a template uses by a scan of its text, which costs a
 * build with nothing to do almost nothing; the checker finds it by a full walk
 * with the model's types. The scan may name more, never less: a file it misses
 * is a change that rebuilds nothing (a stale document).
 */
describe("templateUses", () => {
  for (const [name, root] of [["Briefsmith's own templates", repoRoot], ["the letterhead example's", join(repoRoot, "examples", "letterhead")]] as const) {
    it(`finds the partials and assets the checker finds, in ${name}`, async () => {
      const set = await loadProjectTemplates(root, root);
      const check = checkTemplates(set);
      expect(set.templates.size).toBeGreaterThanOrEqual(3);
      for (const template of set.templates.keys()) {
        const report = check.templates.get(template)!;
        const uses = templateUses(set, template);
        expect(uses.partials, template).toEqual(expect.arrayContaining([...report.partials]));
        expect(uses.assets, template).toEqual(expect.arrayContaining([...report.assets]));
      }
    });
  }

  it("follows includes by name and through sectionPartial, and counts what a comment names", () => {
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
    // Counted: a comment's names cost at most a rebuild for nothing.
    expect(uses.partials).toContain("old-masthead");
  });

  it("finds includes and assets written with whitespace control, spaces, brackets, or after an escaped comment", () => {
    const file = (name: string, source: string): TemplateFile => ({ name, shown: `templates/${name}.hbs`, origin: "project", source });
    const names = ["tilde", "tilde-both", "spaced", "bracketed", "after-escape", "in-block"];
    const letter: TemplateEntry = {
      ...file(
        "letter",
        [
          "{{~> tilde}}",
          "{{~>tilde-both~}}",
          "{{>  spaced }}",
          "{{> [bracketed]}}",
          "\\{{!-- not a comment: {{> after-escape}} --}}",
          "{{~#> in-block}}{{/in-block}}",
          '{{~asset "a.svg"}}',
          "<img src=\"{{~ asset 'b.svg' ~}}\">",
          '{{#if (asset\n"c.svg")}}{{/if}}',
        ].join("\n"),
      ),
      layout: "memo",
      layoutSpan: undefined,
    };
    const partials = new Map(names.map((n) => [n, file(n, "")] as const));
    const set = { templates: new Map([["letter", letter]]), partials } as unknown as TemplateSet;
    const uses = templateUses(set, "letter");
    expect(uses.partials).toEqual([...names].sort());
    expect(uses.assets).toEqual(["a.svg", "b.svg", "c.svg"]);
  });

  it("a change to an asset embedded with {{~asset}} changes the cache key of the template", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates/assets"), { recursive: true });
    project.write("templates/letter.hbs", '{{!-- layout: memo --}}\n<html><body><img src="{{~asset "x.svg"}}" alt="">{{brief.title}}</body></html>\n');
    project.write("templates/assets/x.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#135"/></svg>');
    const before = hashTemplate(await loadProjectTemplates(project.dir, project.dir), "letter");
    project.write("templates/assets/x.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#531"/></svg>');
    const after = hashTemplate(await loadProjectTemplates(project.dir, project.dir), "letter");
    expect(after).not.toBe(before);
  });
});
