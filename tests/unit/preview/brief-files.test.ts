import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../../src/preview/preview.js";
import type { BriefView } from "../../../src/preview/view.js";
import { briefVersion, writeBriefFile } from "../../../src/preview/write-brief.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * The brief files the preview reads and the composer writes: only the
 * project's own, never through a link out of it, never over a text the edit
 * was not made on.
 */
let project: TempProject | undefined;
let preview: Preview | undefined;
let outside: string | undefined;
afterEach(async () => {
  await preview?.close();
  project?.dispose();
  if (outside !== undefined) rmSync(outside, { recursive: true, force: true });
  preview = project = outside = undefined;
});

interface Answer {
  readonly status: number;
  readonly body: string;
}

function ask(path: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: preview!.port, path, method: options.method ?? "GET", headers: options.headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const token = () => new URL(preview!.url).searchParams.get("token")!;
const origin = () => `http://127.0.0.1:${preview!.port}`;
const state = async (brief: string) => JSON.parse((await ask(`/state?token=${token()}&brief=${brief}`)).body) as BriefView;
const compose = (brief: string, edit: unknown, headers: Record<string, string> = {}) =>
  ask(`/compose?token=${token()}&brief=${brief}`, { method: "POST", headers: { origin: origin(), "content-type": "application/json", ...headers }, body: JSON.stringify(edit) });

async function until<T>(read: () => Promise<T>, condition: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (condition(value)) return value;
    if (Date.now() - started > 10_000) throw new Error(`timed out; last: ${JSON.stringify(value, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function open(brief?: string): Promise<void> {
  preview = await startPreview({
    root: project!.dir,
    cwd: project!.dir,
    brief: brief === undefined ? undefined : project!.path(brief),
    printer: new FakePrinter(),
    date: () => "2024-04-02",
    settleMs: 5,
  });
}

/** A brief-shaped file outside the project, with a secret in it. */
function secretOutside(): string {
  outside = mkdtempSync(join(tmpdir(), "briefsmith-secret-"));
  const path = join(outside, "credentials.yaml");
  writeFileSync(path, "title: https://user:SECRET-TOKEN-42@example.com\ncorpus: transit\n");
  return path;
}

describe("brief preview's brief files", () => {
  it("refuses a brief that links outside the project: never read, never shown, never written", async () => {
    project = new TempProject();
    const secret = secretOutside();
    symlinkSync(secret, project.path("briefs/leak.yaml"));
    await open("briefs/leak.yaml");
    const view = await until(() => state("leak"), (v) => v.status !== "starting");
    expect(view.problems.map((p) => p.code)).toEqual(["FILE_OUTSIDE_FOLDER"]);
    expect(view.problems[0]!.text).toContain("briefs/leak.yaml leads outside the project folder");
    expect(JSON.stringify(view)).not.toContain("SECRET-TOKEN-42");
    const answer = await compose("leak", { op: "paper", value: "A4" });
    expect(answer.status).toBe(409);
    expect(answer.body).not.toContain("SECRET-TOKEN-42");
    expect(readFileSync(secret, "utf8")).toBe("title: https://user:SECRET-TOKEN-42@example.com\ncorpus: transit\n");
  });

  it("shows a brief linked from inside the project, but does not write through the link", async () => {
    project = new TempProject();
    mkdirSync(project.path("drafts"));
    const text = project.read("briefs/tram-memo.yaml").replace("Should Riverside extend the tram?", "Linked memo");
    writeFileSync(project.path("drafts/linked.yaml"), text);
    symlinkSync("../drafts/linked.yaml", project.path("briefs/linked.yaml"));
    await open("briefs/linked.yaml");
    expect(await until(() => state("linked"), (v) => v.status !== "starting")).toMatchObject({ status: "ok", title: "Linked memo" });
    const answer = await compose("linked", { op: "paper", value: "A4" });
    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.body).reason).toBe("briefs/linked.yaml is a symbolic link; the composer does not write through links: edit the file it leads to in your editor");
    expect(readFileSync(project.path("drafts/linked.yaml"), "utf8")).toBe(text);
    expect(statSync(project.path("briefs/linked.yaml"), { throwIfNoEntry: false })).toBeDefined();
  });

  it("refuses an edit made on a text the file no longer holds (saved in an editor since the page showed it)", async () => {
    project = new TempProject();
    await open("briefs/tram-memo.yaml");
    const shown = await until(() => state("tram-memo"), (v) => v.status === "ok");
    expect(shown.composer.version).toBe(briefVersion(project.read("briefs/tram-memo.yaml")));
    // The editor's save, not yet seen by the page.
    project.replace("briefs/tram-memo.yaml", "to: The Mayor", "to: The Council");
    const edited = project.read("briefs/tram-memo.yaml");
    const stale = await compose("tram-memo", { op: "paper", value: "A4" }, { "if-match": `"${shown.composer.version}"` });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).reason).toContain("briefs/tram-memo.yaml changed on disk since the page showed it");
    expect(project.read("briefs/tram-memo.yaml")).toBe(edited);
    // Made on the text as it is now, it is applied.
    const fresh = await compose("tram-memo", { op: "paper", value: "A4" }, { "if-match": `"${briefVersion(edited)}"` });
    expect(fresh.status).toBe(200);
    expect(project.read("briefs/tram-memo.yaml")).toBe(`${edited}paper: A4\n`);
    expect((await compose("tram-memo", { op: "paper", value: "A4" }, { "if-match": "W/whatever" })).status).toBe(400);
  });

  it("answers 404, not an internal error, for an edit to a brief removed while the edit was on its way", async () => {
    project = new TempProject();
    await open();
    // The request is checked (the brief exists) as soon as its head arrives; its body comes after the brief is gone.
    const answer = new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port: preview!.port,
          path: `/compose?token=${token()}&brief=tram-handout`,
          method: "POST",
          headers: { origin: origin(), "content-type": "application/json" },
        },
        (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on("error", reject);
      request.write('{"op": "paper", ');
      setTimeout(async () => {
        unlinkSync(project!.path("briefs/tram-handout.yaml"));
        await until(() => ask(`/state?token=${token()}&brief=tram-handout`), (a) => a.status === 404);
        request.end('"value": "A4"}');
      }, 100);
    });
    const { status, body } = await answer;
    expect(status).toBe(404);
    expect(JSON.parse(body)).toEqual({ ok: false, reason: "there is no brief tram-handout in this project now" });
  });
});

describe("brief preview following folders made after it started", () => {
  it("renders a brief once the corpus it names is copied in, and lists a brief saved in a new briefs/ subfolder", async () => {
    project = new TempProject();
    project.replace("briefs/tram-memo.yaml", "corpus: transit", "corpus: tram-2");
    await open("briefs/tram-memo.yaml");
    expect((await until(() => state("tram-memo"), (v) => v.status !== "starting")).problems.map((p) => p.code)).toContain("BRIEF_UNKNOWN_CORPUS");
    cpSync(project.path("sources/transit"), project.path("sources/tram-2"), { recursive: true });
    project.replace("sources/tram-2/corpus.yaml", "id: transit", "id: tram-2");
    expect((await until(() => state("tram-memo"), (v) => v.status === "ok")).problems).toEqual([]);
    mkdirSync(project.path("briefs/drafts/2024"), { recursive: true });
    writeFileSync(project.path("briefs/drafts/2024/late.yaml"), project.read("briefs/tram-memo.yaml").replace("Should Riverside extend the tram?", "Late draft"));
    // A page asks for it by name once the index lists it; its rendering starts when a page watches it.
    const index = await until(async () => JSON.parse((await ask(`/state?token=${token()}`)).body) as { briefs: { name: string; file: string }[] }, (i) => i.briefs.some((b) => b.name === "late"));
    expect(index.briefs.find((b) => b.name === "late")?.file).toBe("briefs/drafts/2024/late.yaml");
  });
});

describe("writeBriefFile", () => {
  it("writes nothing over a text other than the one the edit was made on, and keeps the file's mode", async () => {
    project = new TempProject();
    const path = project.path("briefs/tram-memo.yaml");
    const before = project.read("briefs/tram-memo.yaml");
    chmodSync(path, 0o640);
    const options = { root: project.dir, cwd: project.dir };
    expect(await writeBriefFile(path, "title: new\n", { ...options, expected: "title: old\n" })).toMatchObject({ ok: false, reason: expect.stringContaining("changed on disk") });
    expect(project.read("briefs/tram-memo.yaml")).toBe(before);
    expect(await writeBriefFile(path, `${before}paper: A4\n`, { ...options, expected: before })).toEqual({ ok: true });
    expect(project.read("briefs/tram-memo.yaml")).toBe(`${before}paper: A4\n`);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });
});
