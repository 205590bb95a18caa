import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { BriefsmithError } from "../../src/errors/briefsmith-error.js";
import { parseYamlFile } from "../../src/load/yaml-file.js";
import { prepareBriefs } from "../../src/build/prepare.js";
import type { Extract } from "../../src/schema/extract.js";
import { splitParagraphs } from "../../src/text/paragraphs.js";
import { checkBriefAgainstExtract, validateBriefFile } from "../../src/validate/brief.js";
import { mergeExtractFiles } from "../../src/validate/merge-extract.js";
import { checkExtractQuotes } from "../../src/validate/quotes.js";
import { checkExtractReferences } from "../../src/validate/references.js";
import { miniProject } from "../helpers/cli.js";
import { TempProject } from "../helpers/project.js";
import { applyEdits, edits, hostileText } from "./arbitraries.js";
import { check, checkAsync, reportCases } from "./budget.js";

/**
 * The front door, fuzzed: mutated briefs and extracts go through the whole
 * validation path. Whatever the input, the result is a valid brief or
 * extract, or diagnostics that each carry a code and a file (and, when they
 * point into the file, a span inside it). Nothing throws.
 */

const briefTexts = ["tram-memo", "tram-handout", "tram-one-pager"].map((id) => readFileSync(join(miniProject, "briefs", `${id}.yaml`), "utf8"));
const corpusText = readFileSync(join(miniProject, "sources/transit/corpus.yaml"), "utf8");
const sourceText = readFileSync(join(miniProject, "sources/transit/texts/council-hearing.txt"), "utf8");
const paragraphs = new Map([["council-hearing", splitParagraphs(sourceText)]]);

function validExtract(): Extract {
  const { file } = parseYamlFile("corpus.yaml", corpusText);
  return mergeExtractFiles([file], "sources/transit").extract!;
}
const extract = validExtract();

function expectWellFormed(diagnostics: readonly Diagnostic[], path: string, text: string): void {
  // Plain checks rather than expect(): this runs thousands of times.
  const fail = (what: string, d: Diagnostic) => {
    throw new Error(`${what}: ${JSON.stringify(d).slice(0, 300)}`);
  };
  for (const d of diagnostics) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(d.code)) fail("a diagnostic without a proper code", d);
    if (d.file !== path) fail("a diagnostic that does not name its file", d);
    if (typeof d.message !== "string" || d.message.length === 0) fail("a diagnostic without a message", d);
    if (d.span !== undefined && !(d.span.start >= 0 && d.span.end > d.span.start && d.span.start <= text.length)) fail("a span outside the file", d);
    if (!formatDiagnostic(d, text).includes(`${d.severity} ${d.code}: `)) fail("a diagnostic that prints badly", d);
  }
}

/** A brief's text through load and validation; returns whether it came out valid. */
function validateBriefText(text: string): boolean {
  const path = "briefs/fuzzed.yaml";
  const parsed = parseYamlFile(path, text);
  const validated = validateBriefFile(parsed.file, "fuzzed");
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (validated.brief !== undefined) diagnostics.push(...checkBriefAgainstExtract(validated.brief, parsed.file, extract));
  expectWellFormed(diagnostics, path, parsed.file.text);
  if (validated.brief === undefined && !diagnostics.some((d) => d.severity === "error")) throw new Error("no brief, and no error saying why");
  return validated.brief !== undefined;
}

/** An extract's text through load, merge, references and quotes. */
function validateExtractText(text: string): boolean {
  const path = "sources/transit/corpus.yaml";
  const parsed = parseYamlFile(path, text);
  const merged = mergeExtractFiles([parsed.file], "sources/transit");
  const diagnostics = [...parsed.diagnostics, ...merged.diagnostics];
  if (merged.extract !== undefined) {
    diagnostics.push(...checkExtractReferences(merged.extract, merged.origins));
    diagnostics.push(...checkExtractQuotes(merged.extract, merged.origins, paragraphs));
  }
  expectWellFormed(diagnostics, path, parsed.file.text);
  if (merged.extract === undefined && !diagnostics.some((d) => d.severity === "error")) throw new Error("no extract, and no error saying why");
  return merged.extract !== undefined && diagnostics.length === 0;
}

const briefKeys = ["id", "title", "template", "corpus", "themes", "viewpoints", "to", "from", "date", "marking", "paper", "claims_per_viewpoint", "sections", "summary", "questions"];
const extractSections = ["corpus", "sources", "perspectives", "themes", "claims", "facts", "glossary"];
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostileText, fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }));

/** YAML for any value, or the value's own text when it cannot be written as YAML. */
function toYaml(value: unknown): string {
  try {
    return stringify(value, { lineWidth: 0 }) ?? "";
  } catch {
    return String(value);
  }
}

let valid = 0;
reportCases("front door");
afterAll(() => console.log(`fuzz front door: ${valid} of the fuzzed inputs were valid`));

describe("fuzzed briefs and extracts get a valid result or located diagnostics, never an exception", () => {
  it("mutated brief YAML", () => {
    check(fc.property(fc.constantFrom(...briefTexts), edits, (text, list) => void (validateBriefText(applyEdits(text, list)) && valid++)), 0.2);
  });

  it("mutated extract YAML", () => {
    check(fc.property(edits, (list) => void (validateExtractText(applyEdits(corpusText, list)) && valid++)), 0.15);
  });

  it("briefs with random values for their keys", () => {
    const brief = fc.dictionary(fc.oneof(fc.constantFrom(...briefKeys), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 8 });
    check(fc.property(brief, (fields) => void (validateBriefText(toYaml({ title: "T", template: "memo", corpus: "transit", ...fields })) && valid++)), 0.08);
  });

  it("extracts with random structure in a section", () => {
    const base = parseYamlFile("corpus.yaml", corpusText).file.data as Record<string, unknown>;
    check(
      fc.property(fc.constantFrom(...extractSections), anyValue, (section, value) => void (validateExtractText(toYaml({ ...base, [section]: value })) && valid++)),
      0.08,
    );
  });

  it("whole files of random structure and random text", () => {
    check(
      fc.property(fc.oneof(anyValue.map(toYaml), hostileText, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        validateBriefText(text);
        validateExtractText(text);
      }),
      0.08,
    );
  });

  it("a project on disk with mutated files, through prepareBriefs", async () => {
    const project = new TempProject();
    try {
      await checkAsync(
        fc.asyncProperty(fc.constantFrom(...briefTexts), edits, edits, async (brief, briefEdits, corpusEdits) => {
          project.write("briefs/tram-memo.yaml", applyEdits(brief, briefEdits));
          project.write("sources/transit/corpus.yaml", applyEdits(corpusText, corpusEdits));
          try {
            const preparation = await prepareBriefs([project.path("briefs")], { root: project.dir, cwd: project.dir });
            for (const d of preparation.diagnostics) expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
          } catch (error) {
            expect(error).toBeInstanceOf(BriefsmithError);
          }
        }),
        0.02,
      );
    } finally {
      project.dispose();
    }
  });
});
