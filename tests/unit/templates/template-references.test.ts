import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { loadTemplates } from "../../../src/load/templates.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A file or address a project's template names to load is never loaded (the document is printed offline, from
 * a blank tab): before, `src="logo.png"` built with a ✓ and no word, and the logo was simply missing.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

/** Each warning as `file:line:col text-under-the-caret`. */
function placed(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  return diagnostics
    .filter((d) => d.code === "TEMPLATE_LOADS_NOTHING")
    .map((d) => {
      const text = texts.get(d.file!)!;
      const before = text.slice(0, d.span!.start).split("\n");
      return `${d.file}:${before.length}:${before.at(-1)!.length + 1} ${text.slice(d.span!.start, d.span!.end)}`;
    });
}

/** A memo template with `head` on its third line and `body` on its fifth, as the warnings' positions count. */
const memoTemplate = (head: string, body: string) => `{{!-- layout: memo --}}\n{{> head}}\n${head}\n<body>\n${body}\n</body>\n</html>\n`;

/** A project whose templates/ holds these files, loaded as a build loads them. */
async function loadedTemplates(files: Record<string, string>) {
  project = new TempProject();
  mkdirSync(project.path("templates"), { recursive: true });
  for (const [file, text] of Object.entries(files)) project.write(`templates/${file}`, text);
  return loadTemplates({ project: project.path("templates"), cwd: project.dir });
}

const letter = `{{!-- layout: memo --}}
{{> head}}
<body>
<img src="logo.png" alt="">
<img src="{{asset "emblem.svg"}}" alt=""><img class="{{brief.layout}}" alt="cost > benefit" src='https://example.org/x.png'>
<img src="data:image/png;base64,AAAA" alt="">
{{!-- <img src="in-a-comment.png"> --}}
{{#if brief.to}}<object data="file:///etc/passwd"></object>{{else}}<link rel="stylesheet" href="house.css">{{/if}}
<a href="https://example.org/report">the report</a>
<svg><rect fill="url(#shade)"/></svg>
<script>document.title = "x"</script>
{{#each brief.sectionOrder}}{{> (sectionPartial this) @root}}{{/each}}
</body>
</html>
`;

describe("a project's template that names a file or address to load", () => {
  it("is warned of at each value written out, in templates, partials and style sheets; {{asset}}, data:, #ids and links are not", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates/partials"), { recursive: true });
    mkdirSync(project.path("templates/assets"), { recursive: true });
    project.write("templates/assets/emblem.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
    project.write("templates/letter.hbs", letter);
    project.write("templates/partials/masthead.hbs", '<div style="background: url(paper.jpg)"></div>\n');
    project.write("templates/letter.css", '@import "fonts.css";\nbody { background: url("data:image/png;base64,AAAA"); }\nh1 { background: url( seal.png ); }\n');
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect(placed(checkTemplates(set).diagnostics, set.fileTexts)).toEqual([
      "templates/letter.hbs:4:11 logo.png",
      "templates/letter.hbs:5:98 https://example.org/x.png", // found past a > inside a quoted attribute
      "templates/letter.hbs:8:31 file:///etc/passwd",
      "templates/letter.hbs:8:97 house.css",
      "templates/letter.hbs:11:1 <script",
      "templates/partials/masthead.hbs:1:29 paper.jpg",
      "templates/letter.css:1:1 @import",
      "templates/letter.css:3:23 seal.png",
    ]);
    // Warnings: a brief using the template is not refused for them.
    expect(checkTemplates(set).templates.get("letter")!.errors).toEqual([]);
  });

  it("is shown by validate and by every build, at the line, with the asset helper as the way", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"));
    project.write("templates/letter.hbs", letter.replace('<img src="{{asset "emblem.svg"}}" alt="">', ""));
    project.replace("briefs/tram-memo.yaml", "template: memo", "template: letter");
    const validated = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(validated.stderr + validated.stdout).toContain(
      'templates/letter.hbs:4:11: warning TEMPLATE_LOADS_NOTHING: src="logo.png" is never loaded: documents are printed offline and load nothing, so it would be missing from the PDF',
    );
    expect(validated.stderr + validated.stdout).toContain('hint: put the image in templates/assets/ and write src="{{asset "NAME"}}": it is embedded in the document');
    expect(validated.code).toBe(0);
    // Every build, not only the first: a template set with warnings is not trusted unchecked by the next build.
    for (const force of [false, true]) {
      const built = await buildBriefs({ root: project.dir, cwd: project.dir, date: "2026-01-15", env: process.env, printer: new FakePrinter(), force });
      expect(built.results.find((r) => r.id === "tram-memo")!.status).toBe("built");
      expect(built.diagnostics.filter((d) => d.code === "TEMPLATE_LOADS_NOTHING")).toHaveLength(5);
    }
  });

  // A hostile run: an SVG <image href> or <use href>, image-set() with strings and a meta refresh went unwarned.
  it("is warned of in SVG's references, in image-set() strings, and for a refresh the document loses", async () => {
    const set = await loadedTemplates({
      "svgs.hbs": memoTemplate('<meta http-equiv="refresh" content="0">', '<svg><image href="seal.png"/><use xlink:href="icons.svg#a"/><use href="#local"/></svg>'),
      "svgs.css": 'h1 { background-image: image-set("hi.png" 1x, "hi2.png" 2x); }\n',
    });
    expect(placed(checkTemplates(set).diagnostics, set.fileTexts)).toEqual([
      'templates/svgs.hbs:3:6  http-equiv="refresh',
      "templates/svgs.hbs:5:19 seal.png",
      "templates/svgs.hbs:5:47 icons.svg#a",
      "templates/svgs.css:1:35 hi.png",
      "templates/svgs.css:1:48 hi2.png",
    ]);
  });

  // A hostile run: every load was told to "put the image in templates/assets/", a <script src>, an <iframe>, a
  // <video>, a font in @font-face and an @import alike, and a <base href> to put a style sheet in templates/.
  it("gives each kind of load a hint that is true of it", async () => {
    const set = await loadedTemplates({
      "loads.hbs": memoTemplate(
        '<base href="https://example.org/">',
        '<img src="logo.png" alt=""><script src="app.js"></script><iframe src="page.html"></iframe><video src="clip.mp4"></video>',
      ),
      "loads.css": '@import url("fonts.css");\n@font-face { font-family: House; src: url(house.woff2); }\n',
    });
    const hints = checkTemplates(set)
      .diagnostics.filter((d) => d.code === "TEMPLATE_LOADS_NOTHING")
      .map((d) => [set.fileTexts.get(d.file!)!.slice(d.span!.start, d.span!.end), d.hint]);
    expect(hints).toEqual([
      ["https://example.org/", "remove it: a document's names lead nowhere, and the browser is told to ignore a <base>"],
      ["logo.png", 'put the image in templates/assets/ and write src="{{asset "NAME"}}": it is embedded in the document'],
      ["<script", "remove it; what a template shows comes from the brief's model and Briefsmith's helpers"],
      ["page.html", "remove it: a printed document holds no frame, video, sound or embedded object; an image in templates/assets/ shows with {{asset}}"],
      ["clip.mp4", "remove it: a printed document holds no frame, video, sound or embedded object; an image in templates/assets/ shows with {{asset}}"],
      ["@import", "put the rules in a .css file in templates/: a project's style sheets apply to its templates by name"],
      ["house.woff2", "embed the font in the rule as a data: URL (src: url(data:font/woff2;base64,…)), or use a font installed on the machine"],
    ]);
  });

  // Regression: prose that mentions these words, a commented-out image and escaped HTML were warned of.
  it("is not said of prose, HTML comments or escaped HTML, nor of a comment in a <style>", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates/partials"), { recursive: true });
    project.write(
      "templates/prose.hbs",
      `{{!-- layout: memo --}}\n{{> head}}\n<body>\n<p>Set srcset= which, the data = 2019 figures, its url(s) are, write @import, src = the source list.</p>\n<!-- <img src="old.png"> -->\n<pre>&lt;img src="logo.png"&gt;</pre>\n<p style="color: #333">{{t brief.title}}</p>\n</body>\n</html>\n`,
    );
    project.write("templates/prose.css", "/* a background: url(paper.jpg) was tried */\nbody { color: black; }\n");
    project.write("templates/partials/styled.hbs", "<style>/* url(a.png) was tried */ p { color: black; }</style>\n");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect(placed(checkTemplates(set).diagnostics, set.fileTexts)).toEqual([]);
  });

  it("is not said of Briefsmith's own templates", async () => {
    const set = await loadTemplates();
    expect(placed(checkTemplates(set).diagnostics, set.fileTexts)).toEqual([]);
  });
});
