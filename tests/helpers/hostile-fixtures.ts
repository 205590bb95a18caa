import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { stringify } from "yaml";
import type { TempProject } from "./project.js";

/**
 * The hostile corpus: briefs and extracts written to attack Briefsmith, each
 * of which must either build a safe PDF or fail with a clear user error.
 *
 * Payloads point at a canary HTTP server on 127.0.0.1 (any request it gets is
 * a leak) and at a secret file through file: URLs (its marker must never
 * appear in any output).
 */
export interface Sandbox {
  /** http://127.0.0.1:PORT, the canary server. */
  readonly canary: string;
  /** The secret file: an absolute path, and as a file: URL. */
  readonly secretPath: string;
  readonly secretUrl: string;
}

/** A brief, alone in briefs/safe/<id>.yaml, that must build into a safe PDF. */
export interface SafeBriefFixture {
  readonly id: string;
  readonly fields: Record<string, unknown>;
  /** Text a reader must see in the PDF, as typed: proof the payload was shown as text, not run. */
  readonly visible: readonly string[];
}

/** Hostile text placed somewhere in the "hostile" corpus, which must still build. */
export interface ExtractFixture {
  readonly id: string;
  /** Where the payload goes, for the report. */
  readonly site: string;
  readonly visible: readonly string[];
}

/** Input that must be refused with a clear error, pointing at the right file. */
export interface ErrorFixture {
  readonly id: string;
  /** The file the diagnostic names, relative to the project. */
  readonly file: string;
  readonly code: string;
  /** Whether the diagnostic carries a line and column (false for files that cannot be read at all). */
  readonly located: boolean;
  readonly write: (project: TempProject) => void;
}

const date = "2024-04-02";

export function safeBriefFixtures(s: Sandbox): SafeBriefFixture[] {
  const c = s.canary;
  const handout = (id: string, fields: Record<string, unknown>, visible: string[]): SafeBriefFixture => ({
    id,
    fields: { title: `Hostile ${id}`, template: "handout", ...fields },
    visible,
  });
  const memo = (id: string, fields: Record<string, unknown>, visible: string[]): SafeBriefFixture => ({
    id,
    fields: { title: `Hostile ${id}`, template: "memo", ...fields },
    visible,
  });
  const summary = (id: string, text: string, visible: string[]) => handout(id, { summary: text }, visible);
  return [
    memo("title-script", { title: '<script>alert("title")</script> Tram' }, ['<script>alert("title")</script>']),
    memo("title-img-onerror", { title: "<img src=x onerror=alert(1)> tram" }, ["<img src=x onerror=alert(1)>"]),
    memo("title-handlebars", { title: "{{constructor.constructor('return process')()}} and {{{styles}}} {{> head}}" }, [
      "{{constructor.constructor('return process')()}}",
      "{{{styles}}}",
    ]),
    memo("title-control-chars", { title: "Bell \u0007 nul \u0000 bidi \u202eevil\u202c and zero\u200bwidth" }, ["Bell"]),
    memo("to-remote-img", { to: `<img src="${c}/to.png">` }, [`<img src="${c}/to.png">`]),
    memo("from-iframe", { from: `<iframe src="${c}/from"></iframe>` }, [`<iframe src="${c}/from"></iframe>`]),
    memo("to-javascript-url", { to: "javascript:alert(document.domain)" }, ["javascript:alert(document.domain)"]),
    memo("marking-css-breakout", { marking: `"; } body { background: url(${c}/m1) } @page { /*` }, ["body { background: url("]),
    memo("marking-style-close", { marking: "</style><script>alert(1)</script><style>" }, ["</style><script>alert(1)</script>"]),
    memo("marking-css-import", { marking: `\\"; @import url(${c}/m2); content: "` }, ["@import url("]),
    memo("marking-file-import", { marking: `'); @import '${s.secretUrl}` }, ["@import"]),
    memo("marking-css-escape", { marking: "\\0 \\\\ \\22 \\3c /style\\3e  \\7d" }, ["/style"]),
    summary("summary-script", `<script>fetch("${c}/summary-script")</script>\n\nAfter the script.`, ["<script>fetch(", "After the script."]),
    summary("summary-img-onerror", `Before <img src=x onerror="fetch('${c}/onerror')"> after.`, ["<img src=x onerror="]),
    summary("summary-remote-md-image", `A map: ![a map of the line](${c}/map.png).`, ["a map of the line"]),
    summary("summary-file-image", `<img src="${s.secretUrl}"> and ![the secret](${s.secretUrl})`, ["the secret"]),
    summary("summary-iframe-file", `<iframe src="${s.secretUrl}"></iframe>`, ["<iframe src="]),
    summary("summary-meta-refresh", `<meta http-equiv="refresh" content="0;url=${c}/refresh">\n\nStill here.`, ["Still here.", "http-equiv"]),
    summary("summary-object-embed", `<object data="${c}/object"></object> <embed src="${c}/embed">`, ["<object data="]),
    summary("summary-link-stylesheet", `<link rel="stylesheet" href="${c}/link.css">`, ['<link rel="stylesheet"']),
    summary("summary-base-href", `<base href="${c}/base/">\n\n[a relative link](page.html)`, ["<base href=", "a relative link"]),
    summary("summary-svg-script", `<svg onload="fetch('${c}/svg')"><script>fetch('${c}/svg2')</script><image href="${c}/svg.png"/></svg>`, [
      "<svg onload=",
    ]),
    summary("summary-style-import", `<style>@import url(${c}/style.css); body { background: url(${c}/bg.png) }</style>`, ["<style>@import"]),
    summary("summary-javascript-link", "[plain javascript](javascript:alert(1))", ["plain javascript"]),
    summary("summary-javascript-mixed-case", "[mixed case](JaVaScRiPt:alert(1))", ["mixed case"]),
    summary("summary-javascript-tab", "[with a tab](java\tscript:alert(1))", ["with a tab"]),
    summary("summary-javascript-entities", "[entity encoded](&#106;&#97;&#118;&#97;script&colon;alert(1))", ["entity encoded"]),
    summary("summary-javascript-angle", "[angle brackets](<javascript:alert(1)>) and <javascript:alert(2)>", ["angle brackets"]),
    summary("summary-file-reference-link", `[see the file][r]\n\n[r]: ${s.secretUrl}`, ["see the file"]),
    summary("summary-data-html-link", "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", ["data link"]),
    summary("summary-autolinks", `<${c}/autolink> and www.example.org and someone@example.org`, ["www.example.org"]),
    summary("summary-link-title-injection", `[titled](${c}/t "x\\" onmouseover=\\"alert(1)")`, ["titled"]),
    summary("summary-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ["<math><mtext>"]),
    summary("summary-comment-trick", '<!--<img src="--><img src=x onerror=alert(1)//">', ["<!--<img src="]),
    summary("summary-noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ["<noscript>"]),
    summary("summary-details-ontoggle", `<details open ontoggle="fetch('${c}/toggle')">x</details>`, ["ontoggle="]),
    summary("summary-ping", `<a href="${c}/a" ping="${c}/ping">pinged</a>`, ["ping="]),
    summary("summary-other-schemes", `[vb](vbscript:msgbox(1)) [rel](//127.0.0.1/protocol-relative) [ws](ws://127.0.0.1/ws)`, ["vb", "rel"]),
    summary("summary-form", `<form action="${c}/form"><input type=submit formaction="${c}/fa"><button>Go</button></form>`, ["<form action="]),
    summary("summary-long-markup", "<b>".repeat(600), ["<b><b><b>"]),
    // marked printed text after an inline <code>, <pre>, <kbd> or <script> raw: an unclosed tag there came out live.
    summary("summary-raw-block-text", `<kbd><img src="${c}/kbd.png" onerror="fetch('${c}/kbd')"`, ["<kbd><img src="]),
    handout(
      "questions-html",
      { questions: ['<a href="javascript:alert(1)">first</a>', `<img src="${s.secretUrl}">`, `<video poster="${c}/poster.png"></video>`] },
      ['<a href="javascript:alert(1)">first</a>', "<video poster="],
    ),
  ];
}

/** The payloads written into the "hostile" corpus: raw HTML in the source text (and so in quotes), Markdown in claims. */
export function rawPayloads(s: Sandbox): string[] {
  const c = s.canary;
  return [
    `<script>fetch("${c}/x-script")</script>`,
    `<img src="${c}/x-img.png" onerror="fetch('${c}/x-onerror')">`,
    `<img src="${s.secretUrl}">`,
    `<iframe src="${c}/x-iframe"></iframe>`,
    `<link rel="stylesheet" href="${c}/x-link.css">`,
    `<style>@import url("${c}/x-import.css");</style>`,
    `<div style="background:url(${c}/x-bg.png)">styled</div>`,
    `<meta http-equiv="refresh" content="0;url=${c}/x-refresh">`,
    `<object data="${s.secretUrl}"></object>`,
    `<a href="javascript:fetch('${c}/x-js')">click</a>`,
    "{{constructor.constructor('return process')()}}",
    "</li></ul></td></table><script>alert(1)</script>",
  ];
}

export function markdownPayloads(s: Sandbox): string[] {
  const c = s.canary;
  return [
    "[a plain javascript link](javascript:alert(1))",
    `[a file link](${s.secretUrl})`,
    `![a remote image](${c}/x-md.png)`,
    "[a data link](data:text/html,<script>alert(1)</script>)",
    `an autolink <${c}/x-autolink>`,
    "[a mixed-case link](JaVaScRiPt:alert(1))",
    `raw <img src="${c}/x-md-raw.png"> in Markdown`,
    "[an entity link](&#x6A;avascript:alert(1))",
    "`<script>alert(1)</script>` in code",
    "**bold** <b onmouseover=alert(1)>hover</b>",
    "{{#each this}}{{this}}{{/each}}",
    `<${s.secretUrl}>`,
    `<code><img src=${c}/x-code.png onerror=alert(1) `,
  ];
}

export function extractFixtures(s: Sandbox): ExtractFixture[] {
  const raw = rawPayloads(s);
  const md = markdownPayloads(s);
  const fixtures: ExtractFixture[] = [];
  raw.forEach((payload, i) => fixtures.push({ id: `quote-${i + 1}`, site: "a claim's quote and the source text", visible: [payload] }));
  md.forEach((payload, i) => fixtures.push({ id: `claim-text-${i + 1}`, site: "a claim's Markdown text", visible: [`Claim ${i + 1}:`] }));
  fixtures.push(
    { id: "glossary", site: "glossary terms and definitions", visible: [raw[0]!, raw[3]!] },
    { id: "source-fields", site: "a source's title, publisher, place, kind, event, date note, quality, url", visible: ["<svg onload=alert(1)> Publisher"] },
    { id: "theme-fields", site: "a theme's title, question, viewpoints, indicators, coverage note", visible: ['<script>alert("theme")</script>'] },
    { id: "perspective-label", site: "a perspective's label", visible: ["<b onmouseover=alert(1)>voices</b>"] },
    { id: "fact-text", site: "a fact's Markdown text", visible: ["a fact with"] },
    { id: "corpus-description", site: "the corpus title and description", visible: ["<iframe srcdoc="] },
  );
  return fixtures;
}

/** Write the "hostile" corpus (a copy of transit with payloads everywhere) and its three briefs. */
export function writeHostileCorpus(project: TempProject, s: Sandbox): string[] {
  const c = s.canary;
  const raw = rawPayloads(s);
  const md = markdownPayloads(s);
  const dir = "sources/hostile";
  cpSync(project.path("sources/transit"), project.path(dir), { recursive: true });
  // The fact quotes a paragraph of its own: a fact resting on the same words as a printed claim is not printed again.
  const factPayload = `A fact paragraph <img src="${c}/fact-quote.png">`;
  const text = ["Hostile source (2024)", ...raw, factPayload].join("\n\n") + "\n";
  project.write(`${dir}/texts/hostile-source.txt`, text);
  let corpus = project.read(`${dir}/corpus.yaml`);
  corpus = corpus
    .replace("  id: transit\n  title: Riverside tram extension hearing\n", `  id: hostile\n  title: ${q(`Hostile <script>alert("corpus")</script> corpus`)}\n`)
    .replace(
      "  description: The source is the secretariat's summary of the Riverside city council's hearing of March 2024 on whether to extend the tram line to the northern estates.\n",
      `  description: ${q(`<iframe srcdoc="<script>fetch('${c}/srcdoc')</script>"></iframe> a corpus`)}\n`,
    )
    .replace("    title: Is the extension worth building?\n", `    title: ${q('Worth building? <script>alert("theme")</script>')}\n`)
    .replace(
      "    question: Do the benefits of the extension outweigh its costs?\n",
      `    question: ${q(`Do the benefits <img src="${c}/question.png"> outweigh the costs?`)}\n`,
    )
    .replace("        label: Build it\n", `        label: ${q("Build it <b onmouseover=alert(1)>")}\n`)
    .replace("        thesis: Disruption and cost risk outweigh the benefits.\n", `        thesis: ${q(`Disruption <iframe src="${c}/thesis"></iframe> outweighs the benefits.`)}\n`)
    .replace(
      "      - Whether the cost estimate is revised after detailed design.\n",
      `      - ${q(`<script>fetch("${c}/indicator")</script> Whether the cost estimate is revised.`)}\n    coverage_note: ${q(
        `<link rel=stylesheet href="${c}/coverage.css"> The sources carry both sides.`,
      )}\n`,
    );
  // A payload whose text to replace is gone from the mini corpus would leave that field untested, silently.
  for (const payload of ["</script> corpus", "/srcdoc", "Worth building? <script>", "/question.png", "Build it <b onmouseover", "/thesis", "/indicator", "/coverage.css"]) {
    if (!corpus.includes(payload)) throw new Error(`hostile fixture: the mini corpus no longer has the text the ${payload} payload replaces`);
  }
  const source = {
    id: "hostile-source",
    title: `A source <script>fetch("${c}/source-title")</script>`,
    short_name: "<i onclick=alert(1)>Hostile</i>",
    publisher: "<svg onload=alert(1)> Publisher",
    kind: `<meta http-equiv="refresh" content="0;url=${c}/kind">`,
    event: `<object data="${s.secretUrl}"></object>`,
    date_note: `<img src="${c}/date-note.png"> undated`,
    place: "<base href=http://127.0.0.1/>",
    url: "https://example.org/<script>alert(1)</script>",
    quality: `<style>@import url(${c}/quality.css)</style> quality`,
    context_only: [{ paragraph: 1, reason: "title line" }],
  };
  const perspective = { id: "hostile-voices", label: "<b onmouseover=alert(1)>voices</b>", source: "hostile-source" };
  // A pair of claims (one per side, so the brief stays balanced) for each payload: Markdown in the text, raw HTML in the quote.
  const claims = Array.from({ length: Math.max(raw.length, md.length) }, (_, i) =>
    (["build-it", "do-not-build"] as const).map((viewpoint) => ({
      id: `hostile-${viewpoint}-${i + 1}`,
      theme: "worth-building",
      viewpoint,
      source: "hostile-source",
      perspective: "hostile-voices",
      kind: "reporting",
      text: `Claim ${i + 1}: ${md[i % md.length]}`,
      quote: raw[i % raw.length],
      locator: (i % raw.length) + 2,
    })),
  ).flat();
  const fact = {
    id: "hostile-fact",
    theme: "worth-building",
    text: `a fact with [a javascript link](javascript:alert(1)) and <img src="${c}/fact.png">`,
    source: "hostile-source",
    quote: factPayload,
    locator: raw.length + 2,
    bears_on: { "build-it": "neutral", "do-not-build": "neutral" },
  };
  const glossary = raw.map((payload, i) => ({ term: `Term ${i + 1} ${payload}`, definition: payload }));
  corpus = corpus
    .replace("sources:\n", `sources:\n${indentList([source])}`)
    .replace("perspectives:\n", `perspectives:\n${indentList([perspective])}`)
    .replace("claims:\n", `claims:\n${indentList(claims)}`)
    .replace("facts:\n", `facts:\n${indentList([fact])}`)
    .replace("glossary:\n", `glossary:\n${indentList(glossary)}`);
  project.write(`${dir}/corpus.yaml`, corpus);
  const briefs = ["handout", "memo", "one-pager"].map((template) => `hostile-corpus-${template}`);
  for (const id of briefs) {
    const template = id.replace("hostile-corpus-", "");
    // Endnotes print every quote (inline, a handout shows quotes only with show_quotes: true), so every payload is seen.
    const citations = template === "handout" ? { citations: "endnotes" } : {};
    project.write(`briefs/safe/${id}.yaml`, stringify({ title: `Hostile corpus as a ${template}`, template, corpus: "hostile", date, ...citations }, { lineWidth: 0 }));
  }
  return briefs;
}

/** A corpus with thousands of themes: loading and checking it must stay fast, and a brief of one theme still builds. */
export function writeThousandsOfThemes(project: TempProject, count: number): string {
  const dir = "sources/many-themes";
  cpSync(project.path("sources/transit"), project.path(dir), { recursive: true });
  const themes = Array.from({ length: count }, (_, i) => ({
    id: `theme-${i}`,
    title: `Theme ${i}`,
    question: `Question ${i}?`,
    viewpoints: [
      { id: `theme-${i}-yes`, label: "Yes", thesis: "Yes." },
      { id: `theme-${i}-no`, label: "No", thesis: "No." },
    ],
    // No claims: the themes are there for their number (brief check would otherwise refuse their empty viewpoints).
    coverage_note: "A generated theme without claims.",
  }));
  project.replace(`${dir}/corpus.yaml`, "  id: transit\n", "  id: many-themes\n");
  project.replace(`${dir}/corpus.yaml`, "themes:\n", `themes:\n${indentList(themes)}`);
  project.write(
    "briefs/safe/many-themes.yaml",
    stringify({ title: `A corpus of ${count} themes`, template: "memo", corpus: "many-themes", themes: ["worth-building"], date }, { lineWidth: 0 }),
  );
  return "many-themes";
}

export function writeSafeBrief(project: TempProject, fixture: SafeBriefFixture): void {
  writeFile(project, `briefs/safe/${fixture.id}.yaml`, stringify({ corpus: "transit", date, ...fixture.fields }, { lineWidth: 0 }));
}

/** A brief of its own, in briefs/errors/. */
function brief(id: string, text: string | Buffer, code: string, located = true): ErrorFixture {
  const file = `briefs/errors/${id}.yaml`;
  return { id, file, code, located, write: (project) => writeFile(project, file, text) };
}

/** A corpus of its own (a copy of transit, changed by `change`), and a brief that uses it. */
function corpus(id: string, code: string, change: (project: TempProject, dir: string) => void, options: { file?: string; located?: boolean } = {}): ErrorFixture {
  const dir = `sources/${id}`;
  return {
    id,
    file: options.file ?? `${dir}/corpus.yaml`,
    code,
    located: options.located ?? true,
    write: (project) => {
      cpSync(project.path("sources/transit"), project.path(dir), { recursive: true });
      project.replace(`${dir}/corpus.yaml`, "  id: transit\n", `  id: ${id}\n`);
      change(project, dir);
      writeFile(project, `briefs/errors/${id}.yaml`, stringify({ title: id, template: "memo", corpus: id, date }));
    },
  };
}

const base = `title: A brief\ntemplate: memo\ncorpus: transit\ndate: ${date}\n`;

export function errorFixtures(s: Sandbox): ErrorFixture[] {
  const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (const [i, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) {
    const previous = i === 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][i - 1];
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
  }
  const outside = "../".repeat(12) + s.secretPath.replace(/^\//, "");
  return [
    brief("id-traversal", `${base}id: ../../etc/passwd\n`, "BRIEF_INVALID_FORMAT"),
    brief("id-slash", `${base}id: a/b\n`, "BRIEF_INVALID_FORMAT"),
    brief("id-dot-dot", `${base}id: ..\n`, "BRIEF_INVALID_FORMAT"),
    brief("id-nul", `${base}id: "tram\\0memo"\n`, "BRIEF_INVALID_FORMAT"),
    brief("id-control-chars", `${base}id: "tram\\nmemo\\u0007"\n`, "BRIEF_INVALID_FORMAT"),
    brief("id-absolute", `${base}id: /etc/passwd\n`, "BRIEF_INVALID_FORMAT"),
    { ...brief("Bad File Name", base, "BRIEF_INVALID_ID"), id: "file-name-not-an-id" },
    brief("template-traversal", base.replace("template: memo", "template: ../memo"), "BRIEF_INVALID_FORMAT"),
    brief("template-absolute", base.replace("template: memo", "template: /etc/passwd"), "BRIEF_INVALID_FORMAT"),
    brief("template-partial", base.replace("template: memo", 'template: "{{> head}}"'), "BRIEF_INVALID_FORMAT"),
    brief("corpus-traversal", base.replace("corpus: transit", "corpus: ../../etc"), "BRIEF_INVALID_FORMAT"),
    brief("marking-too-long", `${base}marking: ${q("<script>".repeat(12))}\n`, "BRIEF_TOO_BIG"),
    brief("summary-too-long", `${base}summary: ${q("<img src=x>".repeat(200))}\n`, "BRIEF_TOO_BIG"),
    brief("huge-string", `${base}summary: ${q("<script>alert(1)</script>".repeat(5000))}\n`, "YAML_STRING_TOO_LONG"),
    brief("huge-key", `${base}? ${"k".repeat(150_000)}\n: 1\n`, "YAML_STRING_TOO_LONG"),
    brief("huge-implicit-key", `${base}${"k".repeat(150_000)}: 1\n`, "YAML_KEY_OVER_1024_CHARS"),
    brief("deep-flow", `${base}questions: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, "YAML_TOO_DEEP"),
    brief("deep-block", base + Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " x\n", "YAML_TOO_DEEP"),
    brief("billion-laughs", `${base}${laughs.join("\n")}\n`, "YAML_ALIAS_LIMIT"),
    brief("alias-cycle", `${base}questions: &q [*q]\n`, "YAML_ALIAS_CYCLE"),
    brief("alias-unknown", `${base}summary: *nowhere\n`, "YAML_UNKNOWN_ALIAS"),
    // One theme a line: each diagnostic prints its source line (see the todo on long lines in hostile-build.test.ts).
    brief("thousands-of-themes", `${base}themes:\n${Array.from({ length: 2000 }, (_, i) => `  - t${i}\n`).join("")}`, "BRIEF_UNKNOWN_THEME"),
    brief("byte-order-mark", `\ufeff${base}`, "YAML_BOM"),
    brief("not-utf8", Buffer.concat([Buffer.from(base), Buffer.from("to: Stra"), Buffer.from([0xdf, 0x65]), Buffer.from("\n")]), "FILE_NOT_UTF8", false),
    brief("tab-indent", `${base}questions:\n\t- one\n`, "YAML_TAB_AS_INDENT"),
    brief("duplicate-key", `${base}title: Another\n`, "YAML_DUPLICATE_KEY"),
    brief("yaml-tag", `${base}summary: !!js/function "function () { return process }"\n`, "YAML_TAG_RESOLVE_FAILED"),
    brief("proto-key", `${base}__proto__: {template: handout}\n`, "BRIEF_UNKNOWN_KEY"),
    brief("complex-key", `${base}? [title]\n: x\n`, "YAML_NON_STRING_KEY"),
    brief("two-documents", `${base}---\ntitle: Second\n`, "YAML_MULTIPLE_DOCS"),
    {
      id: "brief-is-a-pipe",
      file: "briefs/errors/brief-is-a-pipe.yaml",
      code: "FILE_NOT_REGULAR",
      located: false,
      write: (project) => execFileSync("mkfifo", [project.path("briefs/errors/brief-is-a-pipe.yaml")]),
    },
    corpus("err-alias-bomb", "YAML_ALIAS_LIMIT", (project, dir) => {
      const entries = Array.from({ length: 999 }, (_, i) => `  - {term: t${i}, definition: *big}`).join("\n");
      project.replace(
        `${dir}/corpus.yaml`,
        "glossary:\n",
        `glossary:\n  - term: big\n    definition: &big ${q("<script>alert(1)</script> ".repeat(3500))}\n${entries}\n`,
      );
    }),
    corpus("err-deep-extract", "YAML_TOO_DEEP", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "glossary:\n", `glossary: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}\nx:\n`);
    }),
    corpus("err-text-directory", "FILE_IS_DIRECTORY", (project, dir) => {
      project.remove(`${dir}/texts/council-hearing.txt`);
      mkdirSync(project.path(`${dir}/texts/council-hearing.txt`));
    }),
    corpus("err-text-missing", "EXTRACT_MISSING_TEXT", (project, dir) => project.remove(`${dir}/texts/council-hearing.txt`)),
    corpus("err-text-not-utf8", "FILE_NOT_UTF8", (project, dir) => {
      writeFileSync(project.path(`${dir}/texts/council-hearing.txt`), Buffer.concat([Buffer.from(project.read(`${dir}/texts/council-hearing.txt`)), Buffer.from([0xe9, 0x0a])]));
    }),
    corpus("err-text-outside", "EXTRACT_TEXT_OUTSIDE_CORPUS", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "    quality: A secretariat", `    text: ${q(outside)}\n    quality: A secretariat`);
    }),
    corpus("err-text-absolute", "EXTRACT_TEXT_OUTSIDE_CORPUS", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "    quality: A secretariat", `    text: ${q(s.secretPath)}\n    quality: A secretariat`);
    }),
    // A link out of the corpus is refused before the device is ever opened.
    corpus("err-text-device", "FILE_OUTSIDE_FOLDER", (project, dir) => {
      project.remove(`${dir}/texts/council-hearing.txt`);
      symlinkSync("/dev/zero", project.path(`${dir}/texts/council-hearing.txt`));
    }),
    corpus("err-url-javascript", "EXTRACT_INVALID_FORMAT", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "    quality: A secretariat", `    url: "javascript:alert(1)"\n    quality: A secretariat`);
    }),
    corpus("err-url-file", "EXTRACT_INVALID_FORMAT", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "    quality: A secretariat", `    url: ${q(s.secretUrl)}\n    quality: A secretariat`);
    }),
    corpus("err-claim-id-traversal", "EXTRACT_INVALID_FORMAT", (project, dir) => {
      project.replace(`${dir}/corpus.yaml`, "  - id: build-commutes\n", "  - id: ../../build-commutes\n");
    }),
  ];
}

/** A double-quoted YAML string, safe for any text. */
function q(text: string): string {
  return JSON.stringify(text);
}

/** Items as a YAML block list indented two spaces, to splice under a top-level key. */
function indentList(items: readonly unknown[]): string {
  return stringify(items, { lineWidth: 0 })
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}

function writeFile(project: TempProject, relative: string, data: string | Buffer): void {
  mkdirSync(dirname(project.path(relative)), { recursive: true });
  writeFileSync(project.path(relative), data);
}
