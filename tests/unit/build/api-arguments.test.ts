import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildBriefs } from "../../../src/build/build-briefs.js";
import { loadCorpus } from "../../../src/build/load-corpus.js";
import { renderBrief } from "../../../src/build/render-brief.js";
import { validateBriefs } from "../../../src/build/validate-briefs.js";
import { renderDocx } from "../../../src/docx/render-docx.js";
import { BriefsmithError } from "../../../src/errors/briefsmith-error.js";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";
import { loadProjectTemplates, loadTemplates } from "../../../src/load/templates.js";
import { createPrinter } from "../../../src/print/printer.js";
import { FakePrinter } from "../../helpers/fake-printer.js";
import { TempProject } from "../../helpers/project.js";

/**
 * What a program passes to the library's functions is checked at the call (API_INVALID_ARGUMENT), before anything
 * is read, written or started. A hostile run of the library: buildBriefs printed "30 February 2016" for date
 * "2016-02-30", took "yesterday" for today, built nothing without a word for jobs 0, said "built" for formats
 * ["exe"] and wrote nothing; options given as null, or a number for a path, were TypeErrors.
 */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

async function refusal(call: () => Promise<unknown>): Promise<BriefsmithError> {
  const error = await call().then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BriefsmithError)) throw new Error(`expected a BriefsmithError, got ${String(error)}`);
  return error;
}

const untyped = <T>(value: unknown) => value as T;

describe("buildBriefs and validateBriefs", () => {
  const badBuildOptions: Record<string, unknown> = {
    "an impossible date": { date: "2016-02-30" },
    "a date that is no date": { date: "yesterday" },
    "no tab to print in": { jobs: 0 },
    "a negative jobs": { jobs: -1 },
    "more tabs than a machine can print in": { jobs: 99 },
    "a negative timeout": { timeoutMs: -5 },
    "an unknown format": { formats: ["exe"] },
    "formats as text": { formats: "pdf" },
    "a shard past the count": { shard: { index: 5, count: 2 } },
    "paths as text": { paths: "briefs/tram-memo.yaml" },
    "a number for a folder": { root: 5 },
    "a signal that is not one": { signal: {} },
  };
  for (const [name, options] of Object.entries(badBuildOptions)) {
    it(`buildBriefs refuses ${name} at the call, writing nothing`, async () => {
      project = new TempProject();
      const error = await refusal(() => buildBriefs({ root: project!.dir, cwd: project!.dir, printer: new FakePrinter(), ...(options as object) }));
      expect(error.code).toBe("API_INVALID_ARGUMENT");
      expect(existsSync(project.path("output"))).toBe(false);
    });
  }

  it("buildBriefs and validateBriefs refuse options that are not an object of options", async () => {
    for (const options of [null, "briefs", 42]) {
      expect((await refusal(() => buildBriefs(untyped(options)))).code).toBe("API_INVALID_ARGUMENT");
      expect((await refusal(() => validateBriefs(untyped(options)))).code).toBe("API_INVALID_ARGUMENT");
    }
  });

  it("validateBriefs refuses a date that is not a day of the calendar, and paths as text", async () => {
    project = new TempProject();
    for (const options of [{ date: "2016-02-30" }, { date: "yesterday" }, { date: "" }, { date: 42 }, { paths: "briefs/tram-memo.yaml" }]) {
      const error = await refusal(() => validateBriefs({ root: project!.dir, cwd: project!.dir, ...untyped<object>(options) }));
      expect(error.code, JSON.stringify(options)).toBe("API_INVALID_ARGUMENT");
    }
  });
});

describe("the other functions", () => {
  it("refuse options given as null or as the wrong kind of value", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const brief = "title: Should Riverside extend the tram?\ntemplate: memo\ncorpus: transit\n";
    const calls: Record<string, () => Promise<unknown>> = {
      "loadCorpus(dir, null)": () => loadCorpus(project!.path("sources/transit"), untyped(null)),
      "loadCorpus(dir, { cwd: 5 })": () => loadCorpus("sources/transit", untyped({ cwd: 5 })),
      "renderBrief(brief, corpus, null)": () => renderBrief(brief, corpus, untyped(null)),
      'renderBrief(brief, corpus, "2016-02-15")': () => renderBrief(brief, corpus, untyped("2016-02-15")),
      "renderBrief(brief, corpus, { file: 5 })": () => renderBrief(brief, corpus, untyped({ file: 5 })),
      "createPrinter(null)": () => createPrinter(untyped(null)),
      "renderDocx(model, balance, null)": async () => {
        const { model, balance } = await renderBrief(brief, corpus, { date: "2024-04-02" });
        return renderDocx(model, balance, untyped(null));
      },
      "loadTemplates(null)": () => loadTemplates(untyped(null)),
      'ingestDocument("text", …)': () => ingestDocument(untyped("hello"), { fileName: "a.txt" }),
      "ingestDocument(bytes) without options": () => ingestDocument(new TextEncoder().encode("hello"), untyped(undefined)),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await refusal(call).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(BriefsmithError);
      expect((error as BriefsmithError).code, name).toBe("API_INVALID_ARGUMENT");
    }
  });
});

// A hostile run of the library: a signal aborted before the call made buildBriefs throw BUILD_INTERRUPTED, "stopped
// while it waited for the output folder's lock", though it held no lock and waited for none.
describe("a build whose signal has fired before it starts", () => {
  it("returns a result that says it was stopped, with nothing built and the lock left free", async () => {
    project = new TempProject();
    const printer = new FakePrinter();
    const result = await buildBriefs({ root: project.dir, cwd: project.dir, printer, signal: AbortSignal.abort("stop") });
    expect(result.interrupted).toBeDefined();
    expect(result.results.filter((r) => r.status === "built")).toEqual([]);
    expect(printer.printed).toEqual([]);
    const next = await buildBriefs({ root: project.dir, cwd: project.dir, printer });
    expect(next.interrupted).toBeUndefined();
    expect(next.results.filter((r) => r.status === "built")).toHaveLength(3);
  });
});

// A library user: loadTemplates with a mistyped project folder, or with the project's own folder for its templates
// folder, gave Briefsmith's templates alone without a word; a brief naming the project's template then failed.
describe("loadTemplates given a project folder that reads nothing", () => {
  it("refuses a path whose folder does not exist either, and a project's own folder, naming its templates folder", async () => {
    project = new TempProject();
    mkdirSync(project.path("templates"));
    project.write("templates/house.hbs", "{{!-- layout: memo --}}\n{{> memo-body}}\n");
    const mistyped = await refusal(() => loadTemplates({ project: project!.path("briefz/templates"), cwd: project!.dir }));
    expect(mistyped).toMatchObject({ code: "API_INVALID_ARGUMENT", message: `loadTemplates's project is ${project.path("briefz/templates")}, which does not exist, nor is ${project.path("briefz")} a folder` });
    const root = await refusal(() => loadTemplates({ project: project!.dir, cwd: project!.dir }));
    expect(root).toMatchObject({ code: "API_INVALID_ARGUMENT", hint: `give its templates folder: ${project.path("templates")}` });
    // A project without a templates folder has no templates of its own: no error.
    project.remove("templates");
    await expect(loadTemplates({ project: project.path("templates"), cwd: project.dir })).resolves.toMatchObject({ diagnostics: [] });
  });
});

// A review: validateBriefs of a root that does not exist said PATH_NOT_FOUND, and then its templates' own failure,
// heard by nobody, ended the program that had caught the first (`brief validate --root /tmp/nope` printed a stack).
describe("validateBriefs of a root that does not exist", () => {
  it("fails with PATH_NOT_FOUND alone: nothing else fails unheard", async () => {
    const unheard: unknown[] = [];
    const listener = (reason: unknown) => unheard.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const missing = join(tmpdir(), "briefsmith-no-such-root");
      // Briefsmith's own templates not found either: they fail too, after the briefs have.
      await expect(validateBriefs({ root: missing, templatesDir: join(missing, "templates") })).rejects.toMatchObject({ code: "PATH_NOT_FOUND" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unheard).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("leaves Briefsmith's own reading of a project's templates as it was: a root that does not exist has Briefsmith's alone", async () => {
    // What `brief list templates --root /tmp/nope` lists, and `brief new brief` offers, without a word about loadTemplates.
    const set = await loadProjectTemplates(join(tmpdir(), "briefsmith-no-such-root"), tmpdir());
    expect(set.diagnostics).toEqual([]);
    expect([...set.templates.keys()]).toContain("memo");
  });
});

// A hostile run of the library: loadTemplates({ project: "/etc/passwd" }) resolved with no diagnostic, Briefsmith's
// templates alone; loadCorpus of a corpus's YAML file said "there is no corpus folder", though the path exists.
describe("a file named where a folder is expected", () => {
  it("is said to be a file, for a corpus and for a project's templates", async () => {
    project = new TempProject();
    const corpus = await refusal(() => loadCorpus("sources/transit/corpus.yaml", { cwd: project!.dir }));
    expect(corpus).toMatchObject({ code: "PATH_NOT_A_FOLDER", message: "sources/transit/corpus.yaml is a file, not a corpus folder" });
    project.write("templates", "not a folder\n");
    const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "PATH_NOT_A_FOLDER", message: "templates is a file, not a folder of templates" }));
  });
});

// A hostile CI run: --root naming a folder that does not exist created it, and output/ in it, before failing; --out
// under /proc spun at full CPU for ever in Node's recursive mkdir, deaf to every signal.
describe("an output folder that cannot be made, a project folder that is not there", () => {
  it("writes nothing for a project folder that does not exist", async () => {
    const missing = join(tmpdir(), `briefsmith-no-project-${process.pid}`);
    const error = await refusal(() => buildBriefs({ root: missing, printer: new FakePrinter() }));
    expect(error).toMatchObject({ code: "PATH_NOT_FOUND", message: `there is no project folder ${missing}` });
    expect(existsSync(missing)).toBe(false);
  });

  // A CI engineer's test: `brief build` in an empty folder failed with "briefs does not exist" and left output/ behind.
  it("writes nothing for briefs that are not there", async () => {
    const empty = mkdtempSync(join(tmpdir(), "briefsmith-empty-"));
    try {
      const error = await refusal(() => buildBriefs({ root: empty, cwd: empty, printer: new FakePrinter() }));
      expect(error).toMatchObject({ code: "PATH_NOT_FOUND", message: "briefs does not exist" });
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync("/proc/self"))("refuses an output folder the system will not make, at once", async () => {
    project = new TempProject();
    const error = await refusal(() => buildBriefs({ root: project!.dir, cwd: project!.dir, outDir: "/proc/briefsmith-out", printer: new FakePrinter() }));
    expect(error.code).toBe("OUTPUT_NOT_WRITABLE");
  });
});
