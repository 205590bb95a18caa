import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/**
 * What `brief validate` prints for broken templates of a project's own: each
 * problem at templates/FILE:line:col with its line and a caret, like every
 * other diagnostic, and the brief using the template refused at its
 * template: line. Snapshots, so a worse message shows in review.
 */
const letterHead = "{{!-- layout: memo --}}\n{{> head}}\n<body>\n";
const cases: Record<string, Record<string, string>> = {
  "syntax: a block closed with the wrong name": { "letter.hbs": `${letterHead}{{#if brief.to}}<p>{{t brief.to}}</p>{{/each}}\n</body>` },
  // A hostile run: an {{#if}} never closed was reported at the file's last line, the caret under nothing.
  "syntax: a block never closed": { "letter.hbs": `${letterHead}{{#if brief.to}}<p>{{t brief.to}}</p>\n{{#each brief.themes}}<h2>{{t title}}</h2>{{/each}}\n<h1>{{t brief.title}}</h1>\n</body>\n` },
  "syntax: an unclosed mustache": { "letter.hbs": `${letterHead}<h1>{{t brief.title</h1>\n</body>` },
  "unknown field": { "letter.hbs": `${letterHead}<h1>{{t brief.titel}}</h1>\n</body>` },
  "unknown field inside each": { "letter.hbs": `${letterHead}{{#each brief.themes}}<h2>{{t titel}}</h2>{{/each}}\n</body>` },
  "unknown helper": { "letter.hbs": `${letterHead}<h1>{{upper brief.title}}</h1>\n</body>` },
  "helper with the wrong number of values": { "letter.hbs": `${letterHead}<p>{{count brief.counts.claims}}</p>\n</body>` },
  // A hostile run: {{{brief.title}}} wrote a brief's (or an extract's) text into the document as HTML, without a word.
  "triple braces on text": { "letter.hbs": `${letterHead}<h1>{{{brief.title}}}</h1><p>{{& brief.to}}</p>\n</body>` },
  // A hostile run: each of these printed "[object Object]" (or a list run together) in the PDF, and validate said nothing.
  "helper given a list or a mapping": { "letter.hbs": `${letterHead}<p>{{t brief.themes}}</p><p>{{sentence brief.themes.[0].viewpoints}}</p>\n</body>` },
  "helper that gives a mapping, printed": { "letter.hbs": `${letterHead}{{#each brief.themes}}<p>{{weight id}}</p>{{/each}}\n</body>` },
  "lookup of a mapping, printed": { "letter.hbs": `${letterHead}<p>{{lookup brief "sections"}}</p><p>{{lookup brief "title"}}</p>\n</body>` },
  // A hostile run: the brief's hint said the letterhead's problems were "reported at their own lines"; a Word file has none.
  "a letterhead that is not a Word file": { "letter.hbs": `${letterHead}<h1>{{t brief.title}}</h1>\n</body>`, "letter.docx": "a text file named .docx" },
  "unknown partial": { "letter.hbs": `${letterHead}{{> masthaed}}\n</body>`, "partials/masthead.hbs": "<p>Town of Millbrook</p>" },
  // A hostile run: the hint said to put the file at templates/partials/../../secret.hbs.
  "partial named by a path": { "letter.hbs": `${letterHead}{{> ../../secret}}\n</body>` },
  "partial named in capitals": { "letter.hbs": `${letterHead}{{> Masthead}}\n</body>`, "partials/masthead.hbs": "<p>Town of Millbrook</p>" },
  "unknown field in a partial": { "letter.hbs": `${letterHead}{{> masthead}}\n</body>`, "partials/masthead.hbs": "<p>{{t brief.office}}</p>" },
  "unknown asset": { "letter.hbs": `${letterHead}<img src="{{asset "logo.png"}}" alt="">\n</body>`, "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  "asset named by a path": { "letter.hbs": `${letterHead}<img src="{{asset "../../secret.svg"}}" alt="">\n</body>` },
  "no layout": { "letter.hbs": "{{> head}}\n<body></body>" },
  "unknown layout": { "letter.hbs": "{{!-- layout: memorandum --}}\n{{> head}}\n<body></body>" },
  "inline partial": { "letter.hbs": `${letterHead}{{#*inline "x"}}y{{/inline}}\n</body>` },
  "a section the layout cannot print": { "letter.hbs": `${letterHead}</body>`, "../briefs/tram-memo.yaml": "title: Should Riverside extend the tram?\ntemplate: letter\ncorpus: transit\nsections: [bluf, comparison]\n" },
};

describe("diagnostics for broken templates", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.dispose());

  // A hostile run: the partial's file is there but refused (a link out of the project), and the hint said to put it there.
  it("a partial whose file is refused is said to be refused, not missing", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates/partials"), { recursive: true });
    project.replace("briefs/tram-memo.yaml", "template: memo", "template: letter");
    project.write("templates/letter.hbs", `${letterHead}{{> masthead}}\n</body>`);
    const outside = join(project.dir, "..", `${basename(project.dir)}-outside.hbs`);
    writeFileSync(outside, "<p>Town of Millbrook</p>");
    try {
      symlinkSync(outside, project.path("templates/partials/masthead.hbs"));
      const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('there is no partial "masthead"');
      expect(result.stderr).toContain("hint: templates/partials/masthead.hbs is there but cannot be used: see its own error");
      expect(result.stderr).not.toContain("A partial of your own goes in");
    } finally {
      rmSync(outside, { force: true });
    }
  });

  for (const [name, files] of Object.entries(cases)) {
    it(name, async () => {
      project = new TempProject();
      mkdirSync(project.path("templates/partials"), { recursive: true });
      mkdirSync(project.path("templates/assets"), { recursive: true });
      project.replace("briefs/tram-memo.yaml", "template: memo", "template: letter");
      for (const [file, text] of Object.entries(files)) project.write(`templates/${file}`, text);
      const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/internal error|    at /);
      // The other briefs use Briefsmith's templates and still validate.
      expect(result.stderr).not.toMatch(/tram-handout would not build|tram-one-pager would not build/);
      expect(result.stderr.replaceAll(project.dir, "<project>")).toMatchSnapshot();
    });
  }
});
