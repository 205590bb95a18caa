import JSZip from "jszip";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtInTemplatesDir } from "../../../src/load/package-files.js";
import { startPreview, type Preview } from "../../../src/preview/preview.js";
import type { BriefView } from "../../../src/preview/view.js";
import { runCli } from "../../helpers/cli.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The preview server without a browser: a fake printer, real HTTP on
 * 127.0.0.1, the real watcher. What a request must carry to be answered, what
 * it gets, and that the server writes nothing but the brief.
 */

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

let project: TempProject;
let printer: FakePrinter;
let preview: Preview;
let token: string;

function get(path: string, options: { host?: string; headers?: Record<string, string>; method?: string; body?: string; port?: number; address?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const port = options.port ?? preview.port;
    const request = httpRequest(
      {
        host: options.address ?? "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

const withToken = (path: string, extra = "") => `${path}?token=${token}${extra}`;
const origin = () => ({ origin: `http://127.0.0.1:${preview.port}` });

async function view(): Promise<BriefView> {
  return JSON.parse((await get(withToken("/state", "&brief=tram-memo"))).body.toString("utf8")) as BriefView;
}

/** Wait until the brief's view satisfies a condition (the watcher and renderer run on their own). */
async function until(condition: (view: BriefView) => boolean, timeoutMs = 10_000): Promise<BriefView> {
  const started = Date.now();
  for (;;) {
    const current = await view();
    if (condition(current)) return current;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last view: ${JSON.stringify(current, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every file of the project with a hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

beforeEach(async () => {
  project = new TempProject();
  // A copy of the templates, so a test can edit one.
  cpSync(builtInTemplatesDir, project.path("templates"), { recursive: true });
  printer = new FakePrinter();
  preview = await startPreview({
    root: project.dir,
    cwd: project.dir,
    templatesDir: project.path("templates"),
    brief: project.path("briefs/tram-memo.yaml"),
    printer,
    date: () => "2024-04-02",
    settleMs: 5,
  });
  token = new URL(preview.url).searchParams.get("token")!;
  await until((v) => v.status !== "starting");
});

afterEach(async () => {
  await preview.close();
  project.dispose();
});

describe("brief preview's server: who may ask", () => {
  it("prints an address on 127.0.0.1 with a long random token and the brief", () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}&brief=tram-memo$/);
  });

  it("answers on 127.0.0.1 only", async () => {
    await expect(get(withToken("/"), { address: "::1", host: `[::1]:${preview.port}` })).rejects.toThrow();
  });

  it("refuses a request without the token, or with a wrong one", async () => {
    expect((await get("/")).status).toBe(403);
    expect((await get("/assets/preview.js")).status).toBe(403);
    expect((await get("/?token=")).status).toBe(403);
    expect((await get(`/?token=${token.slice(0, -1)}`)).status).toBe(403);
    expect((await get(`/?token=${token}x`)).status).toBe(403);
    expect((await get(withToken("/"))).status).toBe(200);
  });

  it("refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token", async () => {
    expect((await get(withToken("/"), { host: `evil.example:${preview.port}` })).status).toBe(403);
    expect((await get(withToken("/"), { host: `127.0.0.1:${preview.port + 1}` })).status).toBe(403);
    expect((await get(withToken("/"), { host: `localhost:${preview.port}` })).status).toBe(200);
    expect((await get(withToken("/"), { headers: { origin: "http://evil.example" } })).status).toBe(403);
    expect((await get(withToken("/"), { headers: { origin: "null" } })).status).toBe(403);
    expect((await get(withToken("/"), { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });

  it("serves files by name only: no path from a request is read", async () => {
    for (const path of ["/../../etc/passwd", "/assets/../../../etc/passwd", "/assets/..%2F..%2F..%2Fetc%2Fpasswd", "/assets/%2Fetc%2Fpasswd", "/assets/preview.js/..", "/etc/passwd", "/assets/", "/assets/package.json"]) {
      const answer = await get(withToken(path));
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString("utf8"), path).not.toContain("root:");
    }
    expect((await get(withToken("/state", "&brief=../../etc/passwd"))).status).toBe(404);
    expect((await get(withToken("/state", "&brief=constructor"))).status).toBe(404);
    expect((await get(withToken("/download", "&brief=tram-memo&format=../../etc/passwd"))).status).toBe(404);
    expect((await get(withToken("/assets/preview.js"))).status).toBe(200);
    expect((await get(withToken("/assets/pdf.worker.mjs"))).headers["content-type"]).toContain("text/javascript");
  });

  it("accepts only the methods of each route", async () => {
    expect((await get(withToken("/"), { method: "POST", headers: origin() })).status).toBe(405);
    expect((await get(withToken("/compose", "&brief=tram-memo"))).status).toBe(405);
    expect((await get(withToken("/"), { method: "DELETE" })).status).toBe(405);
  });
});

describe("brief preview's server: what it sends", () => {
  it("sends the page with a strict policy, and the document with the printing policy and a sandbox of its own", async () => {
    const page = await get(withToken("/", "&brief=tram-memo"));
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).not.toContain("unsafe");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body.toString("utf8")).toContain(`/assets/preview.js?token=${token}`);
    expect(page.body.toString("utf8")).toMatch(/<iframe id="document" sandbox=""/);

    const document = await get(withToken("/document", "&brief=tram-memo"));
    expect(document.status).toBe(200);
    const policy = String(document.headers["content-security-policy"]);
    expect(policy.split("; ")).toEqual(expect.arrayContaining(["default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "font-src data:", "sandbox"]));
    expect(policy).not.toContain("script-src");
    expect(document.body.toString("utf8")).toBe(printer.printed.at(-1));
  });

  it("sends the state, the PDF the printer made, and the PDF as a download named after the brief", async () => {
    const current = await view();
    expect(current).toMatchObject({ name: "tram-memo", file: "briefs/tram-memo.yaml", status: "ok", title: "Should Riverside extend the tram?", pages: 1, problems: [] });
    expect(current.balance?.verdict).toBe("balanced");
    expect(current.balance?.themes[0]?.dueWeight).toMatch(/\S/);
    expect(current.balance?.themes[0]?.viewpoints.map((v) => v.label)).toEqual(["Build it", "Do not build it"]);
    expect(current.outputs).toEqual([
      { format: "pdf", label: "PDF" },
      { format: "docx", label: "Word" },
    ]);
    expect(current.composer.themes).toEqual([
      {
        id: "worth-building",
        title: "Is the extension worth building?",
        selected: true,
        viewpoints: [
          { id: "build-it", label: "Build it", selected: true },
          { id: "do-not-build", label: "Do not build it", selected: true },
        ],
      },
    ]);
    const pdf = await get(withToken("/pdf", "&brief=tram-memo"));
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.body.toString("latin1")).toMatch(/^%PDF-1\.7\n% [0-9a-f]{64} 2024-04-02\n/);
    const download = await get(withToken("/download", "&brief=tram-memo&format=pdf"));
    expect(download.headers["content-disposition"]).toBe('attachment; filename="tram-memo.pdf"');
    expect(download.body.equals(pdf.body)).toBe(true);
  });

  it("offers the Word file of the same rendering, made from its model as brief build makes it", async () => {
    const download = await get(withToken("/download", "&brief=tram-memo&format=docx"));
    expect(download.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(download.headers["content-disposition"]).toBe('attachment; filename="tram-memo.docx"');
    const zip = await JSZip.loadAsync(download.body);
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Should Riverside extend the tram?");
  });

  it("streams the view as server-sent events, first the current one", async () => {
    const events = await new Promise<string>((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port: preview.port, path: withToken("/events", "&brief=tram-memo") }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes("event: view")) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on("error", reject);
      request.end();
    });
    expect(events).toMatch(/^retry: 1000\n\nevent: view\ndata: \{"name":"tram-memo"/);
  });

  it("lists the project's briefs for the index, with their template, title and verdict", async () => {
    project.replace("briefs/tram-one-pager.yaml", "corpus: transit", "corpus: transit\nthemes: [worth-bilding]");
    const index = JSON.parse((await get(withToken("/state"))).body.toString("utf8"));
    expect(index.briefs).toEqual([
      { name: "tram-handout", file: "briefs/tram-handout.yaml", title: "The Riverside tram debate", template: "handout", verdict: "balanced", problems: 0 },
      { name: "tram-memo", file: "briefs/tram-memo.yaml", title: "Should Riverside extend the tram?", template: "memo", verdict: "balanced", problems: 0 },
      { name: "tram-one-pager", file: "briefs/tram-one-pager.yaml", title: "Riverside tram extension at a glance", template: "one-pager", verdict: "problems", problems: 1 },
    ]);
  });
  // The index measured balance past the gate: a brief refused for a misquote in a claim it shows was listed
  // "balanced" while validate and build refused it.
  it("gives each brief the verdict validate gives it: a brief refused for a claim it shows has problems", async () => {
    project.replace("sources/transit/corpus.yaml", "quote: optimistic at best", "quote: pessimistic at best");
    const index = JSON.parse((await get(withToken("/state"))).body.toString("utf8")) as { briefs: { name: string; verdict: string }[] };
    const validated = JSON.parse((await runCli(["validate", "--json"], { cwd: project.dir })).stdout) as { briefs: { id: string; status: string }[] };
    const refused = validated.briefs.filter((b) => b.status !== "ok").map((b) => b.id);
    expect(refused.length).toBeGreaterThan(0);
    expect(index.briefs.filter((b) => b.verdict === "problems").map((b) => b.name)).toEqual(refused);
  });
});

describe("brief preview's server: following the files", () => {
  it("renders again when the brief is saved in place or by rename, and keeps the last good pages behind problems", async () => {
    const before = await view();
    project.replace("briefs/tram-memo.yaml", "title: Should Riverside extend the tram?", "title: Extend the tram to Riverside?");
    const edited = await until((v) => v.title === "Extend the tram to Riverside?");
    expect(edited.pdfRevision).toBeGreaterThan(before.pdfRevision!);

    // An editor's atomic save: a temporary file renamed over the brief.
    writeFileSync(project.path("briefs/.tram-memo.yaml.swp"), project.read("briefs/tram-memo.yaml").replace("Extend the tram", "Build the tram"));
    renameSync(project.path("briefs/.tram-memo.yaml.swp"), project.path("briefs/tram-memo.yaml"));
    const renamed = await until((v) => v.title === "Build the tram to Riverside?");

    project.replace("briefs/tram-memo.yaml", "template: memo", "template: memoo");
    const broken = await until((v) => v.status === "problems");
    expect(broken.pdfRevision).toBe(renamed.pdfRevision);
    expect(broken.title).toBe("Build the tram to Riverside?");
    expect(broken.problems.map((p) => p.code)).toEqual(["BRIEF_UNKNOWN_TEMPLATE"]);
  });

  it("keeps the second of two quick saves (chokidar alone drops a change within 50 ms of another)", async () => {
    project.replace("briefs/tram-memo.yaml", "title: Should Riverside extend the tram?", "title: First save");
    // Long enough for the first save to be seen and read, short enough to fall in chokidar's 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(project.path("briefs/.tram-memo.yaml.swp"), project.read("briefs/tram-memo.yaml").replace("First save", "Second save"));
    renameSync(project.path("briefs/.tram-memo.yaml.swp"), project.path("briefs/tram-memo.yaml"));
    expect((await until((v) => v.title === "Second save")).status).toBe("ok");
  });

  it("shows a misquote in the corpus exactly as brief validate prints it, and clears it when fixed", async () => {
    project.replace("sources/transit/corpus.yaml", "small shops cannot survive", "small shops could not survive");
    const broken = await until((v) => v.status === "problems");
    const line = project.read("sources/transit/corpus.yaml").split("\n").findIndex((l) => l.includes("small shops could not survive")) + 1;
    expect(broken.problems.map((p) => [p.code, p.file, p.line])).toEqual([["EXTRACT_MISQUOTE", "sources/transit/corpus.yaml", line]]);
    const validate = await runCli(["validate", "briefs/tram-memo.yaml"], { cwd: project.dir });
    expect(validate.stderr).toContain(`${broken.problems[0]!.text}\n`);
    expect(broken.composer.themes.map((t) => t.id)).toEqual(["worth-building"]);

    project.replace("sources/transit/corpus.yaml", "small shops could not survive", "small shops cannot survive");
    const fixed = await until((v) => v.status === "ok");
    expect(fixed.problems).toEqual([]);
  });

  it("checks the quotes again when a source text is saved", async () => {
    project.replace("sources/transit/texts/council-hearing.txt", "small shops cannot survive", "small shops can survive");
    const broken = await until((v) => v.status === "problems");
    expect(broken.problems.map((p) => p.code)).toEqual(["EXTRACT_MISQUOTE"]);
  });

  it("renders again when a template is saved, with the template as saved", async () => {
    const before = await view();
    project.replace("templates/partials/section-bluf.hbs", `{{phrase "blufMemo"}}`, "The bottom line");
    await until((v) => v.pdfRevision! > before.pdfRevision!);
    expect(printer.printed.at(-1)).toContain("The bottom line");
    expect(printer.printed.at(-1)).not.toContain("Bottom line up front");
  });

  it("names a brief whose YAML is broken, and the composer waits for a fix", async () => {
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: [The Mayor");
    const broken = await until((v) => v.status === "problems");
    expect(broken.problems[0]?.code).toMatch(/^YAML_/);
    expect(broken.composer.unavailable).toContain("YAML errors");
    const refused = await get(withToken("/compose", "&brief=tram-memo"), {
      method: "POST",
      headers: { ...origin(), "content-type": "application/json" },
      body: JSON.stringify({ op: "paper", value: "A4" }),
    });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body.toString("utf8")).reason).toContain("YAML errors");
  });
});

describe("brief preview's composer over HTTP", () => {
  const compose = (body: string, headers: Record<string, string> = { ...origin(), "content-type": "application/json" }) =>
    get(withToken("/compose", "&brief=tram-memo"), { method: "POST", headers, body });

  it("edits the brief file, keeping its comments, and the preview follows", async () => {
    project.replace("briefs/tram-memo.yaml", "template: memo", "# The Mayor reads memos.\ntemplate: memo # not a handout");
    await until((v) => v.status === "ok" && v.revision > 1);
    const answer = await compose(JSON.stringify({ op: "paper", value: "A4" }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ ok: true, changed: true });
    expect(project.read("briefs/tram-memo.yaml")).toBe(
      "title: Should Riverside extend the tram?\n# The Mayor reads memos.\ntemplate: memo # not a handout\ncorpus: transit\nto: The Mayor\nfrom: Policy Unit\ndate: 2024-04-02\npaper: A4\n",
    );
    expect((await until((v) => v.paper === "A4")).composer.paper).toBe("A4");
  });

  it("refuses what is not a composer edit from the preview page", async () => {
    const brief = project.read("briefs/tram-memo.yaml");
    expect((await compose(JSON.stringify({ op: "paper", value: "A4" }), { "content-type": "application/json" })).status).toBe(403);
    expect((await compose(JSON.stringify({ op: "paper", value: "A4" }), { ...origin(), "content-type": "text/plain" })).status).toBe(415);
    expect((await compose("{not json")).status).toBe(400);
    expect((await compose(JSON.stringify({ op: "title", value: "pwned" }))).status).toBe(400);
    expect((await compose("x".repeat(20_000))).status).toBe(413);
    const unknown = await compose(JSON.stringify({ op: "theme", id: "nope", selected: true }));
    expect(unknown.status).toBe(409);
    expect(JSON.parse(unknown.body.toString("utf8"))).toEqual({ ok: false, reason: 'the corpus has no theme "nope"' });
    const last = await compose(JSON.stringify({ op: "viewpoint", id: "build-it", selected: false }));
    expect(last.status).toBe(200);
    expect(project.read("briefs/tram-memo.yaml")).toBe(brief.replace("date: 2024-04-02\n", "date: 2024-04-02\n").replace("corpus: transit\n", "corpus: transit\nviewpoints: [do-not-build]\n"));
  });

  it("writes nothing but the brief file, and leaves no temporary file", async () => {
    const before = snapshot(project.dir);
    const mode = statSync(project.path("briefs/tram-memo.yaml")).mode;
    for (const edit of [
      { op: "marking", value: "OFFICIAL" },
      { op: "claims_per_viewpoint", value: 1 },
      { op: "template", value: "one-pager" },
    ]) {
      expect((await compose(JSON.stringify(edit))).status).toBe(200);
    }
    for (const path of ["/", "/state", "/pdf", "/document", "/download", "/assets/preview.js"]) await get(withToken(path, "&brief=tram-memo&format=pdf"));
    await until((v) => v.composer.template === "one-pager");
    const after = snapshot(project.dir);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    expect(changed).toEqual(["briefs/tram-memo.yaml"]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(statSync(project.path("briefs/tram-memo.yaml")).mode).toBe(mode);
  });
});
