import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { version } from "../../../src/version.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** The authoring commands of issue 13, in-process: init, new, source add, show, locate. */
let project: TempProject | undefined;
let folder: string | undefined;
afterEach(() => {
  project?.dispose();
  project = undefined;
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const corpusFile = "sources/transit/corpus.yaml";

/** A one-page PDF whose info dictionary's Author is `author` (PDF string syntax: \\n is a line break). */
function pdfWithAuthor(author: string): Buffer {
  const stream = "BT /F1 12 Tf 72 720 Td (The quay will be built on the north mole.) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Author (${author}) /Title (Quay plan) >>`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const page = `<!doctype html>
<html lang="en"><head><title>Harbour plan: the new ferry quay</title><meta name="author" content="Jo Marsh"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact us</a></nav>
<article><h1>Harbour plan: the new ferry quay</h1>
<p>The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027.</p>
<p>Fishermen said the quay would take half of their moorings and push their boats into the outer basin.</p>
<p>The board replied that the outer basin would be dredged first, at the ferry company's expense.</p>
</article><footer>© Harbour News</footer></body></html>`;

describe("brief init", () => {
  it("writes a project that validates: an example brief and corpus, editor settings, .gitignore and the nightly workflow", async () => {
    folder = mkdtempSync(join(tmpdir(), "briefsmith-init-"));
    const result = await runCli(["init", "project"], { cwd: folder });
    expect(result.code).toBe(0);
    const dir = join(folder, "project");
    for (const file of ["briefs/library-sundays-memo.yaml", "sources/library-hours/corpus.yaml", "templates/README.md", ".vscode/settings.json", ".gitignore", ".github/workflows/nightly-briefs.yml"]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8"));
    expect(settings["yaml.schemas"]["./node_modules/briefsmith/schemas/brief.schema.json"]).toEqual(["briefs/*.yaml", "briefs/*.yml"]);
    expect(readFileSync(join(dir, "briefs/library-sundays-memo.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/briefsmith\/schemas\/brief\.schema\.json\n/);
    expect(readFileSync(join(dir, "sources/library-hours/corpus.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/node_modules\/briefsmith\/schemas\/extract\.schema\.json\n/);
    const validated = await runCli(["validate"], { cwd: dir });
    expect(validated).toMatchObject({ code: 0, stderr: "" });
    expect(validated.stdout).toBe("1 brief, 1 corpus, 6 claims checked: no problems\n");
    expect((await runCli(["check"], { cwd: dir })).stdout).toContain("✓ library-hours: 0 errors, 0 warnings");
  });

  // A hostile author's test: init told her to `npm install --save-dev briefsmith`, which the README says is not on the
  // registry (it would install whatever package has that name); and the nightly workflow, run by `npm ci` on a
  // runner, cannot reach a tarball installed from her own disk.
  it("says to install the packed package from the project's vendor/ folder, where the nightly workflow finds it too", async () => {
    folder = mkdtempSync(join(tmpdir(), "briefsmith-init-"));
    const result = await runCli(["init"], { cwd: folder });
    expect(result.stdout).not.toContain("npm install --save-dev briefsmith\n");
    expect(result.stdout).toContain(`npm install --save-dev ./vendor/briefsmith-${version}.tgz`);
    expect(result.stdout).toContain("not on the npm registry");
    expect(readFileSync(join(folder, ".github/workflows/nightly-briefs.yml"), "utf8")).toContain("vendor/");
  });

  it("never overwrites a file that is there", async () => {
    folder = mkdtempSync(join(tmpdir(), "briefsmith-init-"));
    writeFileSync(join(folder, ".gitignore"), "mine\n");
    const result = await runCli(["init"], { cwd: folder });
    expect(result.stdout).toContain("1 there already and kept (.gitignore)");
    expect(readFileSync(join(folder, ".gitignore"), "utf8")).toBe("mine\n");
  });
});

describe("brief new", () => {
  it("writes a brief on the themes asked for, which validates", async () => {
    project = new TempProject();
    const result = await runCli(["new", "brief", "shops-handout", "--template", "handout", "--themes", "worth-building"], { cwd: project.dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("it validates; next: brief build shops-handout");
    expect(project.read("briefs/shops-handout.yaml")).toContain("themes: [worth-building]");
    expect((await runCli(["validate", "shops-handout"], { cwd: project.dir })).code).toBe(0);
    expect((await runCli(["new", "brief", "shops-handout"], { cwd: project.dir })).stderr).toContain("error FILE_EXISTS: briefs/shops-handout.yaml exists already");
    const typo = await runCli(["new", "brief", "other", "--themes", "worth-buildin"], { cwd: project.dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "worth-building"?');
  });

  // A hostile run: a corpus or template name of twenty characters or more ran into its comment's "#", which YAML
  // then read as part of the value; the brief was written, and did not even parse. An empty --themes wrote themes: [].
  it("writes a brief that parses whatever the length of its names, and refuses a --themes that names none", async () => {
    project = new TempProject();
    const corpus = "riverside-tram-extension-hearing";
    renameSync(project.path("sources/transit"), project.path(`sources/${corpus}`));
    project.replace(`sources/${corpus}/corpus.yaml`, "id: transit", `id: ${corpus}`);
    const result = await runCli(["new", "brief", "long-names", "--corpus", corpus, "--themes", "worth-building,worth-building"], { cwd: project.dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(project.read("briefs/long-names.yaml")).toContain(`corpus: ${corpus} # a folder under sources/`);
    expect(project.read("briefs/long-names.yaml")).toContain("themes: [worth-building]");
    const none = await runCli(["new", "brief", "no-themes", "--corpus", corpus, "--themes", ",,"], { cwd: project.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--themes names no theme");
    expect(existsSync(project.path("briefs/no-themes.yaml"))).toBe(false);
  });

  it("writes a corpus that checks, and a source can be added to it", async () => {
    project = new TempProject();
    expect((await runCli(["new", "corpus", "harbour"], { cwd: project.dir })).code).toBe(0);
    expect((await runCli(["check", "harbour"], { cwd: project.dir })).stdout).toContain("✓ harbour: 0 errors, 0 warnings");
    project.write("harbour-plan.html", page);
    expect((await runCli(["source", "add", "harbour-plan.html", "--corpus", "harbour"], { cwd: project.dir })).code).toBe(0);
    expect(project.read("sources/harbour/corpus.yaml")).toContain("sources:\n  - id: harbour-plan\n");
  });
});

describe("brief source add", () => {
  it("writes the page's main text one paragraph per line, appends a stub, keeps the extract's comments, and counts", async () => {
    project = new TempProject();
    project.replace(corpusFile, "perspectives:\n", "# Who holds the views.\nperspectives:   # by role\n");
    const before = project.read(corpusFile);
    project.write("Harbour Plan (2024).html", page);
    const result = await runCli(["source", "add", "Harbour Plan (2024).html", "--corpus", "transit"], { cwd: project.dir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("sources/transit/texts/harbour-plan-2024.txt: 4 paragraphs (from HTML)");
    expect(result.stdout).toContain('sources/transit/corpus.yaml: source "harbour-plan-2024" added; fill in what the document does not say: publisher, kind, date_note, place, quality');
    expect(project.read("sources/transit/texts/harbour-plan-2024.txt")).toBe(
      [
        "Harbour plan: the new ferry quay",
        "The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027.",
        "Fishermen said the quay would take half of their moorings and push their boats into the outer basin.",
        "The board replied that the outer basin would be dredged first, at the ferry company's expense.",
        "",
      ].join("\n"),
    );
    const after = project.read(corpusFile);
    const stubStart = after.indexOf("  - id: harbour-plan-2024\n");
    const stubEnd = after.indexOf("# Who holds the views.");
    // Everything but the stub is as it was, byte for byte: comments, order and layout.
    expect(after.slice(0, stubStart) + after.slice(stubEnd)).toBe(before);
    // Regression: the page's author was written as its publisher. An author is named in a comment; the publisher is left to fill in.
    expect(after.slice(stubStart, stubEnd)).toContain('    title: "Harbour plan: the new ferry quay"\n    publisher: TODO # who published it\n    # author: Jo Marsh\n    kind: TODO');
    // The TODOs are errors until filled in, so a brief never prints them.
    const validated = await runCli(["validate"], { cwd: project.dir });
    expect(validated.stderr).toContain('error EXTRACT_TODO: source "harbour-plan-2024" still has kind: TODO');
  });

  it("keeps a page's title without its site's name, and says a metadata date is to be checked", async () => {
    project = new TempProject();
    project.write(
      "echo.html",
      page
        .replace("<title>Harbour plan: the new ferry quay</title>", '<title>Harbour plan: the new ferry quay | Harbour News</title><meta property="og:site_name" content="Harbour News"><meta property="article:published_time" content="2024-05-02T09:00:00Z">'),
    );
    expect((await runCli(["source", "add", "echo.html", "--corpus", "transit", "--id", "echo"], { cwd: project.dir })).code).toBe(0);
    const stub = project.read(corpusFile).slice(project.read(corpusFile).indexOf("  - id: echo\n"));
    expect(stub).toContain('    title: "Harbour plan: the new ferry quay"\n    publisher: "Harbour News"\n    # author: Jo Marsh\n');
    expect(stub).toContain('    date: "2024-05-02" # from the page\'s metadata: check it is the source\'s own date\n');
  });

  // A hostile run: a page dated 2023-02-30 in its metadata got date: "2023-02-30", which the extract then refused;
  // and an extract with an unclosed bracket got the entry spliced inside it, and "source added".
  it("writes no date the calendar does not have, and adds nothing to an extract YAML cannot read", async () => {
    project = new TempProject();
    project.write("odd.html", page.replace("</title>", '</title><meta property="article:published_time" content="2023-02-30T09:00:00Z">'));
    expect((await runCli(["source", "add", "odd.html", "--corpus", "transit", "--id", "odd"], { cwd: project.dir })).code).toBe(0);
    const stub = project.read(corpusFile).slice(project.read(corpusFile).indexOf("  - id: odd\n"));
    expect(stub).not.toContain("2023-02-30");
    // The month is what the page gives that the calendar has.
    expect(stub).toContain('date: "2023-02" # from');
    project.replace(corpusFile, "perspectives:\n", "perspectives: [\n");
    const before = project.read(corpusFile);
    project.write("quay.html", page);
    const broken = await runCli(["source", "add", "quay.html", "--corpus", "transit", "--id", "quay"], { cwd: project.dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error YAML_[A-Z_]+: sources\/transit\/corpus\.yaml:\d+ is not valid YAML, so no source is added to it/);
    expect(project.read(corpusFile)).toBe(before);
    expect(existsSync(project.path("sources/transit/texts/quay.txt"))).toBe(false);
  });

  // A hostile run: a page's author with an escape sequence and a bell was written into the extract's comment as it
  // was, and YAML_CONTROL_CHARACTER then stopped every brief of the corpus; source add had said it was added.
  it("writes no control character a document's metadata holds into the extract", async () => {
    project = new TempProject();
    project.write("evil.html", page.replace('content="Jo Marsh"', 'content="Jo&#x1b;]0;PWNED&#x07; Marsh"').replace("<title>Harbour", "<title>&#x1b;[31mHarbour"));
    expect((await runCli(["source", "add", "evil.html", "--corpus", "transit", "--id", "evil"], { cwd: project.dir })).code).toBe(0);
    const stub = project.read(corpusFile).slice(project.read(corpusFile).indexOf("  - id: evil\n"));
    expect(stub).toContain("# author: Jo]0;PWNED Marsh");
    expect(stub).toContain('title: "[31mHarbour plan: the new ferry quay"');
    expect(project.read(corpusFile)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\\u00/);
    const check = await runCli(["check", "transit"], { cwd: project.dir });
    expect(check.stderr).not.toContain("YAML_CONTROL_CHARACTER");
  });

  // A hostile run: a file named "$$$ ###.txt" gave 'error BRIEF_INVALID_FORMAT: "" cannot be a source id', exit 1.
  it("asks for --id, as a usage error, when the file's name gives no id", async () => {
    project = new TempProject();
    project.write("$$$ ###.txt", "The harbour board met on Monday to discuss the ferry quay and its cost.\n");
    const run = await runCli(["source", "add", "$$$ ###.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the file\'s name "$$$ ###.txt" gives no source id: name one with --id, for example --id harbour-minutes');
    expect(run.stderr).not.toContain("BRIEF_INVALID_FORMAT");
  });

  // A hostile run: a link in the project to /etc/passwd was followed, and the file copied into the corpus's texts.
  it("refuses a file that is a link leading out of the project, and a link that leads nowhere", async () => {
    project = new TempProject();
    const outside = join(project.dir, "..", `${basename(project.dir)}-secret.txt`);
    writeFileSync(outside, "SECRET LINE one of the file outside the project.\n");
    try {
      symlinkSync(outside, project.path("inbox.txt"));
      const run = await runCli(["source", "add", "inbox.txt", "--corpus", "transit"], { cwd: project.dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("inbox.txt is a link to a file outside the project, so it is not read");
      expect(run.stderr).not.toContain("SECRET");
      expect(existsSync(project.path("sources/transit/texts/inbox.txt"))).toBe(false);
      symlinkSync(join(project.dir, "nothing-here.txt"), project.path("dangling.txt"));
      const dangling = await runCli(["source", "add", "dangling.txt", "--corpus", "transit"], { cwd: project.dir });
      expect(dangling.stderr).toContain("dangling.txt is a link to a file that does not exist");
      // Named where it is, the file is the author's to add.
      const named = await runCli(["source", "add", outside, "--corpus", "transit", "--id", "named"], { cwd: project.dir });
      expect(named.code).toBe(0);
    } finally {
      rmSync(outside, { force: true });
    }
  });

  // A hostile run: a 30 MB page was added (28.6 MiB of text), and every later show and check of the corpus failed on
  // a text over the 16 MiB a source text may have.
  it("refuses a document whose text is more than a source text may hold, writing nothing", async () => {
    project = new TempProject();
    const paragraph = "The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027.\n";
    project.write("huge.txt", paragraph.repeat(Math.ceil((17 * 1024 * 1024) / paragraph.length)));
    const before = project.read(corpusFile);
    const run = await runCli(["source", "add", "huge.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error FILE_TOO_LARGE: the text of huge\.txt is [\d.]+ MiB, over the 16\.0 MiB a source text may hold/);
    expect(existsSync(project.path("sources/transit/texts/huge.txt"))).toBe(false);
    expect(project.read(corpusFile)).toBe(before);
  });

  // A hostile run: a bad --id was BRIEF_INVALID_FORMAT with exit 1, as if a file had the problem; --corpus is a usage error.
  it("takes a bad --id as a usage error, exit 2, before reading the document", async () => {
    project = new TempProject();
    project.write("quay.html", page);
    const run = await runCli(["source", "add", "quay.html", "--corpus", "transit", "--id", "Quay_Plan"], { cwd: project.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--id takes a source id, lower-case letters, digits and single hyphens, not "Quay_Plan"');
  });

  // A hostile run: a 70-character id of good characters was told "lower-case letters, digits and single hyphens",
  // which it was; the length is what is wrong, and is said.
  it("says an id is too long when that is what is wrong with it, for brief new and source add --id alike", async () => {
    project = new TempProject();
    project.write("quay.html", page);
    const long = "quay".repeat(17);
    const added = await runCli(["source", "add", "quay.html", "--corpus", "transit", "--id", long], { cwd: project.dir });
    expect(added.code).toBe(2);
    expect(added.stderr).toContain(`--id takes a source id of at most 64 characters, not one of ${long.length}`);
    const made = await runCli(["new", "brief", long.slice(0, -1)], { cwd: project.dir });
    expect(made.code).toBe(2);
    expect(made.stderr).toContain(`an id is at most 64 characters; this one has ${long.length - 1}`);
    // A review: one of wrong characters past the 64th was told only its length.
    const wrong = await runCli(["new", "brief", `${"a".repeat(64)}_Bad`], { cwd: project.dir });
    expect(wrong.stderr).toContain("lower-case letters, digits and single hyphens");
  });

  // A line break in the author would end the comment and write YAML keys into the extract: the readers fold
  // whitespace, and the stub writes the comment on one line whatever it is given.
  it("writes a document's author as a one-line comment, whatever line breaks it holds", async () => {
    project = new TempProject();
    writeFileSync(project.path("quay.pdf"), pdfWithAuthor("Jo Marsh\\nquality: injected\\n  kind: report"));
    expect((await runCli(["source", "add", "quay.pdf", "--corpus", "transit", "--id", "quay"], { cwd: project.dir })).code).toBe(0);
    const text = project.read(corpusFile);
    const stub = text.slice(text.indexOf("  - id: quay\n"));
    expect(stub).toContain("    # author: Jo Marsh quality: injected kind: report\n");
    expect(stub).not.toMatch(/^\s+quality: injected/m);
  });

  // A staffer's test: an .odt named as a source already in the corpus was told the id was taken; with --force, only
  // then that Briefsmith does not read the format. What cannot be read is said first.
  it("says a document it cannot read is unreadable before saying its id is taken", async () => {
    project = new TempProject();
    project.write("council-hearing.odt", "not a document Briefsmith reads\u0000\u0001");
    const run = await runCli(["source", "add", "council-hearing.odt", "--corpus", "transit"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("FILE_EXISTS");
    expect(run.stderr).toMatch(/error INGEST_\w+/);
  });

  it("refuses to overwrite a text or reuse an id without --force, and refuses a URL", async () => {
    project = new TempProject();
    project.write("notes.txt", "First line.\n\nSecond line.\n");
    expect((await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir })).code).toBe(0);
    const again = await runCli(["source", "add", "notes.txt", "--corpus", "transit"], { cwd: project.dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error FILE_EXISTS: corpus sources/transit has a source "notes" already');
    expect((await runCli(["source", "add", "notes.txt", "--corpus", "transit", "--id", "council-hearing"], { cwd: project.dir })).stderr).toContain(
      "has a source \"council-hearing\" already",
    );
    project.write("notes.txt", "Only line.\n");
    const forced = await runCli(["source", "add", "notes.txt", "--corpus", "transit", "--force"], { cwd: project.dir });
    expect(forced.stdout).toContain('source "notes" was in the extract already');
    expect(project.read("sources/transit/texts/notes.txt")).toBe("Only line.\n");
    expect(project.read(corpusFile).match(/- id: notes\n/g)).toHaveLength(1);
    const url = await runCli(["source", "add", "https://example.org/report.html", "--corpus", "transit"], { cwd: project.dir });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain("Briefsmith downloads nothing");
  });
});

// A text replaced with --force under claims that cite it said nothing: the next check found every quote astray.
describe("brief source add --force over a cited text", () => {
  it("names each claim or fact whose quote the new text holds elsewhere, or not at all", async () => {
    project = new TempProject();
    const old = project.read("sources/transit/texts/council-hearing.txt").split("\n").filter((line) => line.trim() !== "");
    // A new edition: a foreword pushes every paragraph down by one, and the business owners' words are reworded.
    const reworded = old.map((line) => line.replace("small shops cannot survive two years of detours", "few shops would outlast the detours"));
    project.write("edition-2.txt", ["Foreword to the second edition.", ...reworded].join("\n\n") + "\n");
    const run = await runCli(["source", "add", "edition-2.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(run.code).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning:"));
    expect(warnings.length).toBeGreaterThan(1);
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: claim "[a-z-]+" quotes paragraph (\d+) of "council-hearing", but the new text has it in paragraph \d+: brief check --fix moves the locator there$/));
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: (claim|fact) "[a-z-]+" quotes paragraph \d+ of "council-hearing", but the new text does not hold it/));
    // What it says is what check --fix then mends: only the reworded quote is left.
    await runCli(["check", "--fix"], { cwd: project.dir });
    const after = await runCli(["source", "add", "edition-2.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(after.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([expect.stringContaining("the new text does not hold it")]);
  });

  // A hostile author's test: claims and facts that moved were named, but every context_only mark silently came to
  // cover another paragraph than the one it had been given a reason for.
  // A staffer's test: told "move the mark there", she ran brief check --fix, which moves locators only: the mark stayed,
  // on a paragraph it was not given for. A mark whose paragraph the new text has in one place is moved there.
  it("moves each context_only mark whose paragraph the new text has in one other place, and names one it does not have", async () => {
    project = new TempProject();
    const old = project.read("sources/transit/texts/council-hearing.txt").split("\n").filter((line) => line.trim() !== "");
    project.write("edition-2.txt", ["Foreword to the second edition.", ...old].join("\n\n") + "\n");
    const before = project.read("sources/transit/corpus.yaml");
    const run = await runCli(["source", "add", "edition-2.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sources/transit/corpus.yaml: the context_only mark of paragraph 1 of "council-hearing" (title line) moved to paragraph 2, where the new text has that paragraph\n');
    expect(run.stderr).not.toContain("context_only");
    const after = project.read("sources/transit/corpus.yaml");
    expect(after).not.toBe(before);
    expect(after.replace(/(context_only:\s*\n\s*- \{?\s*paragraph:\s*)2/, "$11")).toBe(before);
    project.write("edition-3.txt", old.slice(1).join("\n\n") + "\n");
    const gone = await runCli(["source", "add", "edition-3.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(gone.stderr).toContain('warning: context_only marks paragraph 2 of "council-hearing" (title line), but the new text does not have that paragraph: remove the mark, or mark what is there now');
  });

  // A review: a mark was moved onto a paragraph another mark still named, and the file had two marks on one paragraph.
  it("does not move a mark onto a paragraph another mark names", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "      - paragraph: 1\n        reason: title line\n", "      - paragraph: 1\n        reason: title line\n      - paragraph: 3\n        reason: an aside\n");
    const old = project.read("sources/transit/texts/council-hearing.txt").split("\n").filter((line) => line.trim() !== "");
    // The title is paragraph 3 now, and the old paragraph 3 is gone.
    project.write("edition-2.txt", ["A new opening line.", old[1], old[0], ...old.slice(3)].join("\n\n") + "\n");
    const run = await runCli(["source", "add", "edition-2.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(project.read("sources/transit/corpus.yaml").match(/- paragraph: 3\n/g)).toHaveLength(1);
    expect(run.stderr).toContain('warning: context_only marks paragraph 1 of "council-hearing" (title line), but the new text has that paragraph as paragraph 3, which another mark names: move this mark there and mend the other');
  });

  it("says nothing when every quote is where its locator says", async () => {
    project = new TempProject();
    project.write("same.txt", project.read("sources/transit/texts/council-hearing.txt"));
    const run = await runCli(["source", "add", "same.txt", "--corpus", "transit", "--id", "council-hearing", "--force"], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });
});

describe("brief show and brief locate", () => {
  it("numbers paragraphs as locators count them: blank lines are not paragraphs", async () => {
    project = new TempProject();
    const shown = await runCli(["show", "council-hearing", "--from", "3", "--to", "4"], { cwd: project.dir });
    expect(shown.stdout).toBe(
      'sources/transit/texts/council-hearing.txt (source "council-hearing" of corpus "transit"): 6 paragraphs\n' +
        "  3  Supporters said the extension would cut average commute times for 18,000 residents and “finally connect the northern estates to the jobs downtown.”\n" +
        "  4  Several business owners argued that construction would close Mill Street for two years and that “small shops cannot survive two years of detours.”\n",
    );
    // Line 7 of the file (cat -n) is paragraph 4.
    expect(project.read("sources/transit/texts/council-hearing.txt").split("\n")[6]).toContain("Several business owners");
    expect((await runCli(["show", "council-hearin"], { cwd: project.dir })).stderr).toContain('did you mean "council-hearing"?');
  });

  it("locates a quote by the checker's rules, or names the closest near-miss and what differs", async () => {
    project = new TempProject();
    // Straight quotes and a hyphen for the source's typographic ones: the checker allows it.
    const found = await runCli(["locate", 'that "small shops cannot survive'], { cwd: project.dir });
    expect(found).toMatchObject({ code: 0, stdout: expect.stringMatching(/^transit\/council-hearing:4 {2}Several business owners/) });
    const missed = await runCli(["locate", "small shops could not survive two years"], { cwd: project.dir });
    expect(missed.code).toBe(1);
    expect(missed.stderr).toContain("not found verbatim; closest: transit/council-hearing:4");
    expect(missed.stderr).toContain("the first 2 words match; then the quote has “could not survive two”, where the source goes on “cannot survive two years”");
    // A hostile run: a quote mark typed in the quote was printed inside the message's own, as ""small shops".
    const quoted = await runCli(["locate", 'construction would close "Mill Street for a year'], { cwd: project.dir });
    expect(quoted.stderr).toContain("then the quote has “\"Mill Street for a”, where the source goes on “Mill Street for two”");
    // A staffer's test: a quote with a capital and a full stop the source does not have was said to match four words.
    const capital = await runCli(["locate", "Small shops cannot survive two years of detours."], { cwd: project.dir });
    expect(capital.code).toBe(1);
    expect(capital.stderr).toContain("not found verbatim; with other capitals, punctuation or spacing it is in transit/council-hearing:4");
    expect(capital.stderr).toContain("the source writes it “small shops cannot survive two years of detours”: quote it as written there");
    // Part of a word is not a quote.
    expect((await runCli(["locate", "ptimistic at best"], { cwd: project.dir })).code).toBe(1);
    // A hostile run: a quote whose first word alone matched somewhere ("the …") was offered that place as the closest.
    const unrelated = await runCli(["locate", "the ferry quay was never built"], { cwd: project.dir });
    expect(unrelated.code).toBe(1);
    expect(unrelated.stderr).toContain("not found: no paragraph of the");
    expect(unrelated.stderr).not.toContain("closest");
    // A staffer's test: a quote whose opening she had reworded was "not found", though most of it is in the source
    // word for word: a near miss was looked for from the first words only.
    const reworded = await runCli(["locate", "Owners fear that construction would close Mill Street for two years"], { cwd: project.dir });
    expect(reworded.code).toBe(1);
    expect(reworded.stderr).toContain("not found verbatim; part of it is in transit/council-hearing:4");
    expect(reworded.stderr).toContain("“that construction would close Mill Street for two years” is there word for word; the rest of the quote is not, as written");
    // A review: with a near miss of two words at its opening ("Several business"), the longer run further in is named.
    const opening = await runCli(["locate", "Several business owners fear that construction would close Mill Street for two years"], { cwd: project.dir });
    expect(opening.stderr).toContain("“that construction would close Mill Street for two years” is there word for word");
    // A hostile author's test: that message said "nor its first word" of a quote whose first word ("the") is everywhere.
    expect(unrelated.stderr).toContain("has the quote, nor its first two words together");
    expect(unrelated.stderr).not.toContain("nor its first word\n");
    // And "ice increase" against "price increase" was told the quote has “” where the source goes on: every word
    // matched, but the quote starts inside a word.
    const cut = await runCli(["locate", "ptimistic at"], { cwd: project.dir });
    expect(cut.stderr).not.toContain("the quote has “”");
    expect(cut.stderr).toContain("its words are there, but it starts or ends inside a word of the source");
  });
});
