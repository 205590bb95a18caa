import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { suggestionHint } from "../diagnostics/suggest.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { portionMarkOf, recognisedMarkings } from "../marking/portion-mark.js";
import { BriefSchema, type Brief } from "../schema/brief.js";
import { idPattern, type Extract } from "../schema/extract.js";
import type { Corpus } from "./corpus.js";
import { diagnosticsFromZod } from "./zod-diagnostics.js";

/** A brief that passed the schema, with its id settled (the file name when not given). */
export interface ValidBrief extends Brief {
  readonly id: string;
}

/** A brief that passed every check of its own, with the corpus it uses, which passed its checks too: ready to select from. */
export interface CheckedBrief {
  readonly file: YamlFile;
  readonly brief: ValidBrief;
  readonly corpus: Corpus;
}

/** Validate a brief file against the schema. The id defaults to the file's base name. */
export function validateBriefFile(file: YamlFile, fileBaseName: string): { brief?: ValidBrief; diagnostics: Diagnostic[] } {
  if (file.data === undefined) return { diagnostics: [] }; // a YAML error has been reported already
  const result = BriefSchema.safeParse(file.data ?? {}, { reportInput: true });
  if (!result.success) return { diagnostics: diagnosticsFromZod(result.error.issues, file, "BRIEF", BriefSchema) };
  const id = result.data.id ?? fileBaseName;
  if (!idPattern.test(id)) {
    return {
      diagnostics: [
        {
          severity: "error",
          code: "BRIEF_INVALID_ID",
          message: `the file name "${fileBaseName}" cannot be a brief id`,
          file: file.path,
          span: { start: 0, end: 1 },
          hint: "rename the file to lower-case letters, digits and hyphens, or set id: in the brief",
        },
      ],
    };
  }
  const brief = { ...result.data, id };
  return { brief, diagnostics: checkPortionMarking(brief, file) };
}

/** With portion_marks, the marking must be one Briefsmith can abbreviate, or the brief gives portion_mark itself. */
function checkPortionMarking(brief: Brief, file: YamlFile): Diagnostic[] {
  if (!brief.portion_marks || brief.portion_mark !== undefined || portionMarkOf(brief.marking) !== undefined) return [];
  return [
    {
      severity: "error",
      code: "BRIEF_UNKNOWN_MARKING",
      message: `portion_marks is on, but the marking "${brief.marking}" is not one whose portion mark Briefsmith knows`,
      file: file.path,
      span: locate(file, file.data !== null && typeof file.data === "object" && "marking" in file.data ? ["marking"] : ["portion_marks"]),
      hint: `add portion_mark: with the mark to print (for example portion_mark: OS), or use a recognised marking: ${recognisedMarkings}`,
    },
  ];
}

/** The themes and viewpoints a brief names exist in its corpus, and each viewpoint belongs to a chosen theme. */
export function checkBriefAgainstExtract(brief: ValidBrief, file: YamlFile, extract: Extract): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const themeIds = extract.themes.map((t) => t.id);
  const chosenThemes =
    brief.themes === "all" ? extract.themes : extract.themes.filter((t) => (brief.themes as string[]).includes(t.id));
  if (brief.themes !== "all") {
    brief.themes.forEach((theme, index) => {
      if (!themeIds.includes(theme)) {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_UNKNOWN_THEME",
          message: `corpus "${brief.corpus}" has no theme "${theme}"`,
          file: file.path,
          span: locate(file, ["themes", index]),
          hint: suggestionHint(theme, themeIds, "theme"),
        });
      }
    });
    const seen = new Set<string>();
    brief.themes.forEach((theme, index) => {
      if (seen.has(theme)) {
        diagnostics.push({
          severity: "error",
          code: "BRIEF_DUPLICATE_THEME",
          message: `theme "${theme}" is listed twice`,
          file: file.path,
          span: locate(file, ["themes", index]),
          hint: "list each theme once",
        });
      }
      seen.add(theme);
    });
  }
  if (brief.viewpoints !== "all") {
    const allViewpoints = extract.themes.flatMap((t) => t.viewpoints.map((v) => v.id));
    const chosenViewpoints = chosenThemes.flatMap((t) => t.viewpoints.map((v) => v.id));
    brief.viewpoints.forEach((viewpoint, index) => {
      if (chosenViewpoints.includes(viewpoint)) return;
      const owner = extract.themes.find((t) => t.viewpoints.some((v) => v.id === viewpoint));
      diagnostics.push({
        severity: "error",
        code: "BRIEF_UNKNOWN_VIEWPOINT",
        message: owner
          ? `viewpoint "${viewpoint}" belongs to theme "${owner.id}", which this brief does not select`
          : `corpus "${brief.corpus}" has no viewpoint "${viewpoint}"`,
        file: file.path,
        span: locate(file, ["viewpoints", index]),
        hint: owner ? `add "${owner.id}" to themes, or remove this viewpoint` : suggestionHint(viewpoint, allViewpoints, "viewpoint"),
      });
    });
  }
  diagnostics.push(...checkClaimSteering(brief, file, extract, chosenThemes.map((t) => t.id)));
  return diagnostics;
}

/** include_claims and exclude_claims name claims of the corpus, in a theme and viewpoint the brief shows. */
function checkClaimSteering(brief: ValidBrief, file: YamlFile, extract: Extract, chosenThemes: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const claimIds = extract.claims.map((c) => c.id);
  for (const key of ["include_claims", "exclude_claims"] as const) {
    (brief[key] ?? []).forEach((id, index) => {
      const claim = extract.claims.find((c) => c.id === id);
      let message: string | undefined;
      let hint: string | undefined;
      if (claim === undefined) {
        message = `corpus "${brief.corpus}" has no claim "${id}"`;
        hint = suggestionHint(id, claimIds, "claim");
      } else if (!chosenThemes.includes(claim.theme)) {
        message = `claim "${id}" belongs to theme "${claim.theme}", which this brief does not select`;
        hint = `add "${claim.theme}" to themes, or remove this claim from ${key}`;
      } else if (brief.viewpoints !== "all" && !brief.viewpoints.includes(claim.viewpoint)) {
        message = `claim "${id}" argues viewpoint "${claim.viewpoint}", which this brief does not show`;
        hint = `add "${claim.viewpoint}" to viewpoints, or remove this claim from ${key}`;
      }
      if (message !== undefined) {
        diagnostics.push({ severity: "error", code: "BRIEF_UNKNOWN_CLAIM", message, file: file.path, span: locate(file, [key, index]), hint });
      }
    });
  }
  return diagnostics;
}
