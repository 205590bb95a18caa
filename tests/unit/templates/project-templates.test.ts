import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import Handlebars from "handlebars";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import type { BriefResult, BuildOptions } from "../../../src/build/types.js";
import { loadTemplates, stylesFor } from "../../../src/load/templates.js";
import { registerHelpers } from "../../../src/render/helpers.js";
import { compileOptions, contentSecurityPolicy, runtimeOptions, withContentSecurityPolicy, withoutRedirects } from "../../../src/render/render.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * A project's templates/ folder over Briefsmith's: replacing and adding
 * templates and partials, the order of the styles, assets embedded, and what
 * a change to each rebuilds. With a fake printer: the HTML is what is checked.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

function build(p: TempProject, printer: FakePrinter, options: Partial<BuildOptions> = {}) {
  return buildBriefs({ root: p.dir, cwd: p.dir, date: "2026-01-15", env: process.env, printer, ...options });
}
const statuses = (results: readonly BriefResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

const letter = `{{!-- layout: memo --}}
{{> head}}
<body class="letter">
{{> masthead}}
<h1>{{t brief.title}}</h1>
{{#each brief.sectionOrder}}{{> (sectionPartial this) @root}}{{/each}}
</body>
</html>
`;

/** The mini project with a letter template (memo layout), a masthead partial, an emblem and styles; tram-memo uses the letter. */
function letterProject(): TempProject {
  const p = new TempProject();
  mkdirSync(p.path("templates/partials"), { recursive: true });
  mkdirSync(p.path("templates/assets"), { recursive: true });
  p.write("templates/letter.hbs", letter);
  p.write("templates/partials/masthead.hbs", '<div class="masthead"><img src="{{asset "emblem.svg"}}" alt="Riverside"><p>RIVERSIDE COUNCIL LETTERHEAD</p></div>');
  p.write("templates/assets/emblem.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><circle cx="5" cy="5" r="4" fill="#135"/><image href="http://127.0.0.1:9/x.png"/></svg>');
  p.write("templates/house.css", ".house-rule { color: #135; }\n");
  p.write("templates/letter.css", ".letter-rule { color: #531; }\n");
  p.replace("briefs/tram-memo.yaml", "template: memo", "template: letter");
  return p;
}

describe("a project's own templates", () => {
  it("adds a template that follows a layout, with its partial, styles and an embedded, sanitised image", async () => {
    project = letterProject();
    const printer = new FakePrinter();
    const result = await build(project, printer);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    const html = project.read("output/tram-memo.html");
    expect(html).toContain("RIVERSIDE COUNCIL LETTERHEAD");
    // The memo layout's sections and defaults: a bottom line, endnotes.
    expect(html).toContain('id="section-bluf"');
    expect(html).toContain('id="section-notes"');
    const uri = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    expect(uri).not.toBeNull();
    const svg = Buffer.from(uri![1]!, "base64").toString("utf8");
    expect(svg).toContain("<circle");
    expect(svg).not.toMatch(/script|onload|127\.0\.0\.1/);
    // Briefsmith's base and memo sheets, then the house style, then the letter's own, in that order.
    const base = html.indexOf("@page {");
    expect(base).toBeGreaterThan(-1);
    expect(html.indexOf(".house-rule")).toBeGreaterThan(base);
    expect(html.indexOf(".letter-rule")).toBeGreaterThan(html.indexOf(".house-rule"));
    // The house style applies to Briefsmith's templates too; the letter's own styles do not.
    const handout = project.read("output/tram-handout.html");
    expect(handout).toContain(".house-rule");
    expect(handout).not.toContain(".letter-rule");
    expect(handout).not.toContain("LETTERHEAD");
  });

  // A hostile run: a style sheet is set into the document's <style> as it is, so one that wrote </style> went on as
  // HTML: a <base>, an image or a paragraph of its own in every document it styles.
  it("keeps a style sheet inside its <style>: one that closes it writes no HTML into the document", async () => {
    project = letterProject();
    project.write("templates/house.css", '.house-rule { color: #135; }\n</STYLE ><base href="http://127.0.0.1:9/"><p>INJECTED BY CSS</p><style>\n');
    const result = await build(project, new FakePrinter());
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    for (const id of ["tram-memo", "tram-handout"]) {
      const html = project.read(`output/${id}.html`);
      const styleEnds = [...html.matchAll(/<\/style/gi)];
      expect(styleEnds).toHaveLength(1);
      // What the sheet wrote is style text, not elements: nothing of it after the one end of <style>.
      const [inStyle, afterStyle] = [html.slice(0, styleEnds[0]!.index), html.slice(styleEnds[0]!.index)];
      expect(inStyle).toContain(".house-rule");
      expect(inStyle).toContain("INJECTED BY CSS");
      expect(afterStyle).not.toMatch(/<base|INJECTED/i);
    }
  });

  it("replaces a built-in template and a built-in partial", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates/partials"), { recursive: true });
    project.write("templates/memo.hbs", "{{> head}}\n<body><p>OUR OWN MEMO for {{t brief.to}}</p>{{> footer-note}}</body></html>\n");
    project.write("templates/partials/footer-note.hbs", "<p>OUR OWN FOOTER ({{brief.layout}})</p>");
    const result = await build(project, new FakePrinter());
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "built", "tram-one-pager": "built" });
    expect(project.read("output/tram-memo.html")).toContain("OUR OWN MEMO for The Mayor");
    expect(project.read("output/tram-memo.html")).toContain("OUR OWN FOOTER (memo)");
    // A partial replaced for the project is replaced in Briefsmith's templates too.
    expect(project.read("output/tram-handout.html")).toContain("OUR OWN FOOTER (handout)");
    const listed = await runCli(["list", "templates", "--root", "."], { cwd: project.dir });
    expect(listed.stdout).toMatch(/^memo\s+memo\s+templates\/memo\.hbs \(replaces the built-in memo\)/m);
    expect(listed.stdout).toMatch(/^handout\s+handout\s+built-in/m);
  });

  it("a template change rebuilds the briefs that use it, and only those", async () => {
    project = letterProject();
    const printer = new FakePrinter();
    await build(project, printer);
    expect(new Set((await build(project, printer)).results.map((r) => r.status))).toEqual(new Set(["unchanged"]));
    const cases: [string, () => void, Record<string, string>][] = [
      ["the letter", () => project!.replace("templates/letter.hbs", "<h1>", '<h1 class="title">'), { "tram-memo": "built" }],
      ["its partial", () => project!.replace("templates/partials/masthead.hbs", "LETTERHEAD", "LETTERHEAD (DRAFT)"), { "tram-memo": "built" }],
      ["its styles", () => project!.write("templates/letter.css", ".letter-rule { color: #000; }\n"), { "tram-memo": "built" }],
      ["its emblem", () => project!.write("templates/assets/emblem.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'), { "tram-memo": "built" }],
      ["a partial only the handout uses", () => project!.write("templates/partials/handout-facts.hbs", "<p>NO FACTS</p>"), { "tram-handout": "built" }],
      ["the house style", () => project!.write("templates/house.css", ".house-rule { color: #000; }\n"), { "tram-memo": "built", "tram-handout": "built", "tram-one-pager": "built" }],
      ["an image no template uses", () => project!.write("templates/assets/spare.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'), {}],
      ["a template no brief uses", () => project!.write("templates/spare.hbs", "{{!-- layout: handout --}}\n{{> head}}<body></body></html>"), {}],
    ];
    for (const [what, change, rebuilt] of cases) {
      change();
      const expected = { "tram-handout": "unchanged", "tram-memo": "unchanged", "tram-one-pager": "unchanged", ...rebuilt };
      expect(statuses((await build(project, printer)).results), what).toEqual(expected);
    }
  });

  it("a brief whose template has an error is refused by build as by validate; the others build", async () => {
    project = letterProject();
    project.replace("templates/letter.hbs", "{{t brief.title}}", "{{t brief.titel}}");
    const printer = new FakePrinter();
    const result = await build(project, printer);
    expect(statuses(result.results)).toEqual({ "tram-handout": "built", "tram-memo": "invalid", "tram-one-pager": "built" });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual(
      expect.arrayContaining([
        ["TEMPLATE_UNKNOWN_FIELD", "templates/letter.hbs"],
        ["TEMPLATE_NOT_VALID", "briefs/tram-memo.yaml"],
      ]),
    );
    expect(printer.printed.some((html) => html.includes("LETTERHEAD"))).toBe(false);
    const validated = await runCli(["validate", "--root", ".", "--json"], { cwd: project.dir });
    const verdicts = JSON.parse(validated.stdout) as { briefs: { id: string; status: string }[] };
    expect(Object.fromEntries(verdicts.briefs.map((b) => [b.id, b.status]))).toEqual({ "tram-handout": "ok", "tram-memo": "invalid", "tram-one-pager": "ok" });
  });

  it("a brief naming a template that does not exist is refused with a did-you-mean", async () => {
    project = letterProject();
    project.replace("briefs/tram-memo.yaml", "template: letter", "template: leter");
    const result = await runCli(["validate", "--root", "."], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BRIEF_UNKNOWN_TEMPLATE: there is no template "leter"');
    expect(result.stderr).toContain('did you mean "letter"?');
  });
});

// Regression: a pipe named like a style sheet or a partial was left out without a word (found by a mutation run).
describe("what in templates/ is not a file", () => {
  it("a pipe or a folder named as a template, partial, style sheet or asset is reported; a folder beside the assets is not", async () => {
    const project = new TempProject();
    try {
      mkdirSync(project.path("templates/partials"), { recursive: true });
      mkdirSync(project.path("templates/assets/originals"), { recursive: true });
      execFileSync("mkfifo", [project.path("templates/house.css"), project.path("templates/assets/logo.png")]);
      mkdirSync(project.path("templates/partials/odd.hbs"));
      const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
      expect(set.diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual([
        "templates/assets/logo.png FILE_NOT_REGULAR",
        "templates/house.css FILE_NOT_REGULAR",
        "templates/partials/odd.hbs FILE_IS_DIRECTORY",
      ]);
    } finally {
      project.dispose();
    }
  });
});

// A review: a template's name is an id (a brief names it), and ids take single hyphens; a style sheet named BEM
// fashion, house--dark.css, accepted before that rule was made one, was then told to use "lower-case letters,
// digits and hyphens", which it did.
describe("a file named with hyphens together", () => {
  it("is told to take single hyphens, with the name it would have", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"), { recursive: true });
    project.write("templates/house--dark.css", "body { color: #111; }\n");
    project.write("templates/Letter.hbs", "{{!-- layout: memo --}}\n");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect(set.diagnostics.map((d) => [d.file, d.hint])).toEqual([
      ["templates/Letter.hbs", "rename it to lower-case letters, digits and single hyphens, as in letter.hbs or house-style.css"],
      ["templates/house--dark.css", "a name takes single hyphens, never two together: rename it house-dark.css"],
    ]);
  });
});

describe("the styles' order", () => {
  it("is Briefsmith's base, the layout's, the project's shared sheets by name, then the template's own", async () => {
    project = letterProject();
    project.write("templates/another.css", ".another {}\n");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    const sheets = stylesFor(set, "letter");
    expect(sheets[0]).toBe(set.styles.get("base"));
    expect(sheets[1]).toBe(set.styles.get("memo"));
    expect(sheets.slice(2)).toEqual([".another {}\n", ".house-rule { color: #135; }\n", ".letter-rule { color: #531; }\n"]);
  });
});

describe("the template sandbox", () => {
  it("compiles without strict (the checker refuses unknown fields first) and runs without prototype access", () => {
    expect(compileOptions).toEqual({});
    expect(runtimeOptions).toEqual({ allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    const handlebars = Handlebars.create();
    handlebars.registerHelper("say", (value: unknown) => typeof value);
    // What the checker would refuse first, run anyway: inherited properties and methods give nothing
    // (with prototype access on, constructor would be Object, and constructor.name "Object").
    const quiet = { ...runtimeOptions };
    const log = Handlebars.log;
    (Handlebars as { log: unknown }).log = () => undefined;
    try {
      expect(handlebars.compile("[{{say __proto__}}][{{say constructor}}][{{say __defineGetter__}}]", compileOptions)({}, quiet)).toBe("[undefined][undefined][undefined]");
      expect(handlebars.compile("[{{constructor.name}}]", compileOptions)({}, quiet)).toBe("[]");
    } finally {
      (Handlebars as { log: unknown }).log = log;
    }
    // An absent field, or a field of an absent parent, prints nothing.
    expect(handlebars.compile("[{{missing}}][{{absent.field}}]", compileOptions)({}, runtimeOptions)).toBe("[][]");
  });

  it("looks up Briefsmith's own word tables by their own keys only: a name an object inherits gives no function's text", async () => {
    const set = await loadTemplates({});
    const handlebars = Handlebars.create();
    registerHelpers(handlebars, set, set.templates.get("memo")!);
    const run = (source: string) => handlebars.compile(source, compileOptions)({}, runtimeOptions);
    expect(run('{{kindLabel "judgment"}}|{{kindLabel "constructor"}}|{{kindLabel "toString"}}')).toBe("Judgment|constructor|toString");
    expect(run('{{bearingSymbol "consistent"}}|{{bearingSymbol "constructor"}}|{{bearingSymbol "__proto__"}}')).toBe("C|?|?");
  });

  it("puts the content security policy first in a document whose template leaves it out", () => {
    const bare = "<html><head><link rel=stylesheet href=http://127.0.0.1:9/x.css></head><body>x</body></html>";
    const fixed = withContentSecurityPolicy(bare);
    expect(fixed.startsWith(`<!DOCTYPE html>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`)).toBe(true);
    expect(fixed.endsWith(bare)).toBe(true);
    const proper = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">\n<title>x</title>`;
    expect(withContentSecurityPolicy(proper)).toBe(proper);
  });

  // A hostile run: a style sheet that closed its own tag left a <base href> in the HTML file, which default-src does
  // not cover: every link of the file, the notes' "#note-1" too, went to the other site.
  it("forbids a <base> and forms as well as loading", () => {
    expect(contentSecurityPolicy.split("; ")).toEqual(expect.arrayContaining(["default-src 'none'", "base-uri 'none'", "form-action 'none'"]));
  });

  // A hostile run: the policy's text inside an html tag's unclosed attribute passed for Briefsmith's head, so no
  // policy was put first, and the browser, reading the quoted value on past it, loaded the template's image.
  it("is put first too when the template only writes its text where the browser would not read it as a tag", () => {
    const disguised = `<!DOCTYPE html>\n<html data-x='>\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">\n<img src="http://127.0.0.1:9/x">`;
    expect(withContentSecurityPolicy(disguised).startsWith(`<!DOCTYPE html>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"`)).toBe(true);
  });
});

describe("redirects", () => {
  it("are cut out of a document however the tag is written, and nothing else changes", () => {
    const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`;
    const page = (inner: string) => `<!DOCTYPE html><html><head>${policy}</head><body><p>a</p>${inner}<p>b</p></body></html>`;
    for (const tag of ['<meta http-equiv="refresh" content="0;url=http://x/">', "<META HTTP-EQUIV=Refresh CONTENT='0;url=http://x/'>", '<meta content="a>b" http-equiv="&#114;efresh">', '<meta\nhttp-equiv = " refresh "\ncontent="0">']) {
      expect(withoutRedirects(page(tag)), tag).toBe(page(""));
    }
    expect(withoutRedirects(page("<p>refresh</p>"))).toBe(page("<p>refresh</p>"));
  });

  // A hostile run: inside <noscript> the tag was left, read as text by a parser that runs scripts, and a reader's
  // browser with JavaScript off, opening the HTML file, followed it to the address.
  it("are cut out of a <noscript> too, where a browser without JavaScript reads them", () => {
    const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`;
    const refresh = '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">';
    expect(withoutRedirects(`<!DOCTYPE html><html><head>${policy}<noscript>${refresh}</noscript></head><body><noscript><p>x</p>${refresh}</noscript></body></html>`)).toBe(
      `<!DOCTYPE html><html><head>${policy}<noscript></noscript></head><body><noscript><p>x</p></noscript></body></html>`,
    );
  });

  // A hostile run: cutting the inner tag joined the text around it into a live one.
  it("are cut until none is left, however they are nested", () => {
    const nested = '<<meta http-equiv="refresh" content="9">meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">';
    const doubly = '<<<meta http-equiv="refresh" content="1">meta http-equiv="refresh" content="2">meta http-equiv="refresh" content="0;url=http://x/">';
    for (const attack of [nested, doubly]) expect(withoutRedirects(`<!DOCTYPE html><html><head></head><body>${attack}</body></html>`)).not.toMatch(/<meta[^>]*refresh/i);
  });
});

describe("reading a project's templates folder", () => {
  // A hostile run: a 40,000 × 40,000 PNG of 275 KB built with a ✓ and was simply missing from the PDF; one of
  // 20,000 × 20,000 took 14 s to print. A font in assets/ was told to be saved as .png, .jpg or .svg.
  it("refuses an image of more pixels than a page can show, and says where a font goes", async () => {
    project = letterProject();
    const png = (width: number, height: number) => {
      const header = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
      header.writeUInt32BE(13, 8);
      header.write("IHDR", 12, "latin1");
      header.writeUInt32BE(width, 16);
      header.writeUInt32BE(height, 20);
      return header;
    };
    const jpeg = (width: number, height: number) => {
      const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03]);
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]), sof]);
    };
    writeFileSync(project.path("templates/assets/band.png"), png(40_000, 40_000));
    writeFileSync(project.path("templates/assets/photo.jpg"), jpeg(12_000, 9_000));
    writeFileSync(project.path("templates/assets/logo.png"), png(2_480, 600));
    writeFileSync(project.path("templates/assets/office.ttf"), "not really a font");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect([...set.assets.keys()].sort()).toEqual(["emblem.svg", "logo.png"]);
    expect(set.diagnostics.map((d) => [d.file, d.message, d.hint])).toEqual([
      ["templates/assets/band.png", "the image is 40,000 × 40,000 pixels, more than a printed page can show", "export it at most 10,000 pixels a side (a page's width at 300 dpi is about 2,500)"],
      ["templates/assets/office.ttf", "this is not a PNG, JPEG or SVG image, so no template can embed it", "a font is embedded in a style sheet's @font-face as a data: URL (src: url(data:font/woff2;base64,…)); move it out of templates/assets/"],
      ["templates/assets/photo.jpg", "the image is 12,000 × 9,000 pixels, more than a printed page can show", "export it at most 10,000 pixels a side (a page's width at 300 dpi is about 2,500)"],
    ]);
  });

  it("refuses an asset that is not the image its name says, and a link leading out of the folder", async () => {
    project = letterProject();
    writeFileSync(project.path("templates/assets/fake.png"), "not a png");
    project.write("templates/assets/notes.txt", "x");
    const outside = project.path("outside.svg");
    writeFileSync(outside, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const { symlinkSync } = await import("node:fs");
    symlinkSync(outside, project.path("templates/assets/linked.svg"));
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect([...set.assets.keys()].sort()).toEqual(["emblem.svg"]);
    expect(set.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["TEMPLATE_ASSET_INVALID", "templates/assets/fake.png"],
      ["FILE_OUTSIDE_FOLDER", "templates/assets/linked.svg"],
      ["TEMPLATE_ASSET_INVALID", "templates/assets/notes.txt"],
    ]);
  });

  it("refuses a templates/ folder that is a link to a folder outside the project, reading nothing in it", async () => {
    project = letterProject();
    const { renameSync, symlinkSync, mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const outside = mkdtempSync(`${tmpdir()}/briefsmith-outside-templates-`);
    try {
      writeFileSync(`${outside}/evil.hbs`, "{{!-- layout: memo --}}\n<p>{{brief.SECRET_TOKEN_123}}</p>\n");
      writeFileSync(`${outside}/house.css`, "/* SECRET_TOKEN_123 */\n");
      renameSync(project.path("templates"), project.path("templates-real"));
      symlinkSync(outside, project.path("templates"));
      const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
      expect(set.projectDir).toBeUndefined();
      expect([...set.templates.keys()].sort()).toEqual(["handout", "memo", "one-pager"]);
      expect(set.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([["error", "FILE_OUTSIDE_FOLDER", "templates"]]);
      for (const args of [["validate", "--reporter", "github"], ["validate"], ["build", "--format", "html"]]) {
        const run = await runCli(args, { cwd: project.dir });
        expect(run.code, args.join(" ")).toBe(1);
        expect(run.stdout + run.stderr).not.toContain("SECRET_TOKEN_123");
        expect(run.stdout + run.stderr).toContain("templates leads outside the project folder");
      }
      // Nor is any brief printed with Briefsmith's own templates in the office's stead.
      expect(existsSync(project.path("output/tram-handout.html"))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  // Review: templates/letter.css refused refused every template's briefs, though it styles the letter only.
  it("refuses, for a style sheet it could not read, the briefs of the templates it styles only", async () => {
    project = letterProject();
    const { symlinkSync, rmSync } = await import("node:fs");
    writeFileSync(project.path("elsewhere.css"), "p { color: red }\n");
    rmSync(project.path("templates/letter.css"));
    symlinkSync(project.path("elsewhere.css"), project.path("templates/letter.css"));
    const { checkTemplates } = await import("../../../src/validate/templates.js");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    const errors = (name: string) => checkTemplates(set).templates.get(name)!.errors.map((d) => d.code);
    expect(errors("letter")).toContain("FILE_OUTSIDE_FOLDER");
    expect(errors("memo")).toEqual([]);
    // A house style applies to every template: refused, it puts them all in error.
    rmSync(project.path("templates/house.css"));
    symlinkSync(project.path("elsewhere.css"), project.path("templates/house.css"));
    const withHouse = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect(checkTemplates(withHouse).templates.get("memo")!.errors.map((d) => d.code)).toContain("FILE_OUTSIDE_FOLDER");
  });

  // A CI engineer's test: templates/memo.hbs made a link out of the project was refused, and every memo was then
  // printed with Briefsmith's own memo over the office's PDFs, "✓ built".
  it("refuses the briefs of a project template it could not read, keeping their last outputs; other briefs build", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"));
    project.write("templates/memo.hbs", `{{!-- layout: memo --}}\n<html><body><h1>OFFICE MEMO {{t brief.title}}</h1></body></html>\n`);
    expect(statuses((await build(project, new FakePrinter())).results)).toMatchObject({ "tram-memo": "built", "tram-handout": "built" });
    const before = project.read("output/tram-memo.html");
    expect(before).toContain("OFFICE MEMO");
    const { renameSync, symlinkSync } = await import("node:fs");
    renameSync(project.path("templates/memo.hbs"), project.path("memo-elsewhere.hbs"));
    symlinkSync(project.path("memo-elsewhere.hbs"), project.path("templates/memo.hbs"));
    project.replace("briefs/tram-memo.yaml", "date: 2024-04-02", "date: 2024-04-03");
    project.replace("briefs/tram-handout.yaml", "date: 2024-04-02", "date: 2024-04-03");
    const result = await build(project, new FakePrinter());
    expect(statuses(result.results)).toMatchObject({ "tram-memo": "invalid", "tram-handout": "built" });
    expect(result.diagnostics.map((d) => d.code)).toContain("FILE_OUTSIDE_FOLDER");
    expect(project.read("output/tram-memo.html")).toBe(before);
    const validated = await runCli(["validate"], { cwd: project.dir });
    expect(validated.code).toBe(1);
    expect(validated.stdout + validated.stderr).toMatch(/tram-memo would not build/);
  });
});
