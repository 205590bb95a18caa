import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BriefsmithError, formatDiagnostic, loadCorpus, loadLexicon, positionAt, renderBrief, renderDocx, type BriefInput, type Lexicon } from "../../../src/index.js";
import { repoRoot } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

const codeOf = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: unknown) => (error instanceof BriefsmithError ? error.code : `not a BriefsmithError: ${String(error)}`));

// A library user could not use renderBrief's documented lexicon option (no loader or type was exported), and a
// word-list object of the wrong shape, a function among a brief's fields, or a template set that is none failed
// with a TypeError where API_INVALID_ARGUMENT is promised.
describe("renderBrief's arguments", () => {
  it("takes word lists loadLexicon read, Briefsmith's or a project's own, and refuses anything else as API_INVALID_ARGUMENT", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const brief: BriefInput = { title: "Should Riverside extend the tram?", template: "memo", corpus: "transit", themes: ["worth-building"] };
    const own: Lexicon = await loadLexicon();
    expect((await renderBrief(brief, corpus, { lexicon: own })).html).toContain("Riverside");
    writeFileSync(project.path("lexicon.yaml"), "tilt: {}\n");
    expect(await codeOf(loadLexicon(project.path("lexicon.yaml")))).toBe("LEXICON_INVALID");
    expect(await codeOf(loadLexicon(project.path("missing.yaml")))).toBe("FILE_NOT_FOUND");
    // A library user's test: "" was FILE_NOT_FOUND ' does not exist', where loadCorpus("") is API_INVALID_ARGUMENT.
    expect(await codeOf(loadLexicon(""))).toBe("API_INVALID_ARGUMENT");
    expect(await codeOf(loadLexicon(5 as unknown as string))).toBe("API_INVALID_ARGUMENT");
    expect(await codeOf(renderBrief(brief, corpus, { lexicon: {} as Lexicon }))).toBe("API_INVALID_ARGUMENT");
    expect(await codeOf(renderBrief({ ...brief, title: () => 1 } as unknown as BriefInput, corpus))).toBe("API_INVALID_ARGUMENT");
    expect(await codeOf(renderBrief(brief, corpus, { templates: {} as never }))).toBe("API_INVALID_ARGUMENT");
    // A library user's test: a brief object that holds itself was BRIEF_NOT_VALID about "the alias *a1", in YAML the
    // library had made of it.
    const circular: Record<string, unknown> = { ...brief };
    circular.self = circular;
    expect(await codeOf(renderBrief(circular as BriefInput, corpus))).toBe("API_INVALID_ARGUMENT");
  });
});

// A library user's tests: a word-list file of broken YAML threw the YAML library's own error (code "BAD_INDENT"), not
// a BriefsmithError; one of the wrong shape said "expected object, received undefined", and not where. And an inline
// brief with a misspelt key compiled: renderBrief took any record.
describe("a project's word lists and briefs given as fields", () => {
  it("are LEXICON_INVALID when the YAML is broken or a list is missing, saying where", async () => {
    project = new TempProject();
    const path = project.path("lexicon.yaml");
    const errorOf = (text: string) => {
      writeFileSync(path, text);
      return loadLexicon(path).then(
        () => undefined,
        (error: unknown) => error,
      );
    };
    for (const text of ["recommending:\n  - should\n - [\n", "recommending: [should]\nrecommending: [must]\n"]) {
      const error = await errorOf(text);
      expect(error).toBeInstanceOf(BriefsmithError);
      expect((error as BriefsmithError).code).toBe("LEXICON_INVALID");
      expect((error as BriefsmithError).message).toMatch(/lexicon\.yaml is not valid YAML at line \d+, column \d+: /);
    }
    const shape = (await errorOf("tilt: {}\n")) as BriefsmithError;
    expect(shape.code).toBe("LEXICON_INVALID");
    expect(shape.message).toContain("tilt.loaded");
    // An item of a list counted from one (a review: "estimative.rows.0.terms").
    const builtIn = readFileSync(join(repoRoot, "data/lexicon.yaml"), "utf8");
    const row = (await errorOf(builtIn.replace(/terms: \[almost no chance[^\]]*\]/, "terms: []"))) as BriefsmithError;
    expect(row.message).toContain("estimative.rows, item 1, terms");
  });

  it("are typed: a brief given as fields is a BriefInput, so a misspelt key does not compile", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    // @ts-expect-error themse is no key of a brief
    const misspelt = renderBrief({ title: "T", template: "memo", corpus: "transit", themse: ["worth-building"] }, corpus);
    expect(await codeOf(misspelt)).toBe("BRIEF_NOT_VALID");
  });
});

// A library user could not place renderBrief's warnings: a Diagnostic has offsets only, positionAt was not exported,
// and the text they point into (the YAML renderBrief made of a brief given as fields) was never returned.
describe("renderBrief's warnings", () => {
  it("come with the texts they point into, and positionAt turns their offsets into line and column", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const brief: BriefInput = { title: "Should Riverside extend the tram?", template: "memo", corpus: "transit", themes: ["worth-building"], date: "2024-03-01" };
    const rendered = await renderBrief(brief, corpus);
    const warning = rendered.diagnostics.find((d) => d.code === "SELECT_SOURCE_AFTER_BRIEF_DATE");
    expect(warning).toBeDefined();
    const text = rendered.fileTexts.get(warning!.file!);
    expect(text).toContain("date:");
    const { line, column } = positionAt(text!, warning!.span!.start);
    expect(text!.split("\n")[line - 1]!.slice(column - 1)).toMatch(/^2024-03-01/);
    expect(formatDiagnostic(warning!, text)).toContain(`brief.yaml:${line}:${column}:`);
  });
});

// A library user: renderDocx(model, undefined) said "renderDocx's model and balance is \"object\"", naming neither
// argument nor the value; a letterhead of the wrong shape was a TypeError.
describe("renderDocx's arguments", () => {
  it("says which argument is wrong, and refuses a letterhead loadTemplates did not read, as API_INVALID_ARGUMENT", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const { model, balance } = await renderBrief(project.read("briefs/tram-memo.yaml"), corpus);
    const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as BriefsmithError);
    const noBalance = await failure(renderDocx(model, undefined as never));
    expect(noBalance?.code).toBe("API_INVALID_ARGUMENT");
    expect(noBalance?.message).toBe("renderDocx's balance is undefined, which is not the balance report renderBrief returned");
    expect((await failure(renderDocx(undefined as never, balance)))?.message).toMatch(/^renderDocx's model is undefined/);
    expect(await codeOf(renderDocx(model, balance, { letterhead: {} as never }))).toBe("API_INVALID_ARGUMENT");
    expect((await renderDocx(model, balance)).length).toBeGreaterThan(1000);
  });
});

// A library user: renderBrief(b, c, { dat: "2016-01-01" }) rendered with today's date, without a word.
describe("an option a library function does not take", () => {
  it("is API_INVALID_ARGUMENT, with the option it probably meant", async () => {
    project = new TempProject();
    const corpus = await loadCorpus(project.path("sources/transit"));
    const error = await renderBrief(project.read("briefs/tram-memo.yaml"), corpus, { dat: "2016-01-01" } as never).then(() => undefined, (e: unknown) => e as BriefsmithError);
    expect(error?.code).toBe("API_INVALID_ARGUMENT");
    expect(error?.message).toBe('renderBrief takes no option "dat"');
    expect(error?.hint).toContain('did you mean "date"?');
    expect(await codeOf(loadCorpus(project.path("sources/transit"), { cdw: "." } as never))).toBe("API_INVALID_ARGUMENT");
  });
});
