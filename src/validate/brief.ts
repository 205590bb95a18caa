import { extname } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closestMatch, suggestionHint } from "../diagnostics/suggest.js";
import type { YamlFile } from "../load/yaml-file.js";
import { locate } from "../load/yaml-locate.js";
import { z } from "zod";
import { portionMarkOf, printedMarking, recognisedMarkings } from "../marking/portion-mark.js";
import { BriefSchema, layoutNames, layoutRefusals, layoutSections, sectionNames, TemplateId, type Brief, type LayoutName, type SectionName } from "../schema/brief.js";
import type { ReadonlyExtract } from "../schema/extract.js";
import { idPattern, withSingleHyphens } from "../schema/id-pattern.js";
import type { Corpus } from "./corpus.js";
import { describePath, diagnosticsFromZod } from "./zod-diagnostics.js";

/** A brief that passed the schema, with its id settled (the file name when not given) and its template's layout. */
export interface ValidBrief extends Brief {
  readonly id: string;
  /** The layout its template follows: what it can print, and its defaults. */
  readonly layout: LayoutName;
}

/** The templates a brief may name, each with the layout it follows (undefined: the template does not say a layout that exists). */
export type TemplateLayouts = ReadonlyMap<string, LayoutName | undefined>;

/** Briefsmith's own templates, each named after its layout: what a brief may name when no project's templates are known. */
export const builtInLayouts: TemplateLayouts = new Map(layoutNames.map((name) => [name, name]));


/** A brief that passed every check of its own, with the corpus it uses, which passed its checks too: ready to select from. */
export interface CheckedBrief {
  readonly file: YamlFile;
  readonly brief: ValidBrief;
  readonly corpus: Corpus;
}

/**
 * Validate a brief file against the schema, then against the templates it may
 * name: its template must exist (`templates`: the project's and Briefsmith's
 * own), and what it asks to print must fit the layout that template follows.
 * The id defaults to the file's base name.
 */
export function validateBriefFile(
  file: YamlFile,
  fileBaseName: string,
  templates: TemplateLayouts = builtInLayouts,
): { brief?: ValidBrief; references?: BriefReferences; diagnostics: Diagnostic[] } {
  if (file.data === undefined) return { diagnostics: [] }; // a YAML error has been reported already
  const result = BriefSchema.safeParse(file.data ?? {}, { reportInput: true });
  if (!result.success) {
    // The layout's rules are checked too when the fields they need are well-formed, and so are the brief's
    // references to its corpus (by the caller, which has the corpus): every problem at once.
    const fields = LayoutFields.safeParse(file.data ?? {});
    const layoutProblems = fields.success ? checkTemplate(fields.data, file, templates).diagnostics : [];
    // Only when the brief lists its themes itself: left to the default ("all", perhaps because the key is
    // misspelt: theme:), a list of viewpoints would be checked against every question, one error for each.
    const listsThemes = typeof file.data === "object" && file.data !== null && "themes" in file.data;
    const references = ReferenceFields.safeParse(file.data ?? {});
    return {
      diagnostics: [...diagnosticsFromZod(result.error.issues, file, "BRIEF", BriefSchema), ...layoutProblems],
      ...(references.success && listsThemes ? { references: references.data } : {}),
    };
  }
  const id = result.data.id ?? fileBaseName;
  if (!idPattern.test(id)) {
    const single = withSingleHyphens(id);
    return {
      diagnostics: [
        {
          severity: "error",
          code: "BRIEF_INVALID_ID",
          message: `the file name "${fileBaseName}" cannot be a brief id`,
          file: file.path,
          span: { start: 0, end: 1 },
          hint:
            single === undefined
              ? "rename the file to lower-case letters, digits and single hyphens, or set id: in the brief"
              : `an id takes single hyphens, never two together: rename the file ${single}${extname(file.path)}, or set id: in the brief`,
        },
      ],
    };
  }
  const { layout, diagnostics } = checkTemplate(result.data, file, templates);
  if (layout === undefined || diagnostics.length > 0) return { diagnostics };
  const brief = { ...result.data, id, layout };
  return { brief, diagnostics: checkPortionMarking(brief, file) };
}

/** With portion_marks, the marking must be one Briefsmith can abbreviate, or the brief gives portion_mark itself. */
function checkPortionMarking(brief: Brief, file: YamlFile): Diagnostic[] {
  if (!brief.portion_marks || brief.portion_mark !== undefined || portionMarkOf(brief.marking) !== undefined) return [];
  return [
    {
      severity: "error",
      code: "BRIEF_UNKNOWN_MARKING",
      message:
        printedMarking(brief.marking) === ""
          ? "portion_marks is on, but the brief has no marking (marking: none)"
          : `portion_marks is on, but the marking "${brief.marking}" is not one whose portion mark Briefsmith knows`,
      file: file.path,
      span: locate(file, file.data !== null && typeof file.data === "object" && "marking" in file.data ? ["marking"] : ["portion_marks"]),
      hint: `add portion_mark: with the mark to print (for example portion_mark: OS), or use a recognised marking: ${recognisedMarkings}`,
    },
  ];
}

/** The fields of a brief the layout's rules read, for checking them when another part of the brief is malformed. */
const LayoutFields = z.object({
  template: TemplateId,
  sections: z.array(z.enum(sectionNames)).optional(),
  questions: z.unknown().optional(),
  glossary: z.unknown().optional(),
  assessment: z.unknown().optional(),
  recommendation: z.unknown().optional(),
});

type LayoutFieldValues = z.infer<typeof LayoutFields>;

/** The fields of a brief that name things in its corpus, for checking them when another part of the brief is malformed. */
const ReferenceFields = z.object({
  corpus: BriefSchema.shape.corpus,
  themes: BriefSchema.shape.themes,
  viewpoints: BriefSchema.shape.viewpoints,
  include_claims: BriefSchema.shape.include_claims,
  exclude_claims: BriefSchema.shape.exclude_claims,
});

/** What a brief names in its corpus: checked against the corpus's extract (a valid brief is one). */
export type BriefReferences = z.infer<typeof ReferenceFields>;

/** The layout of the brief's template, and the problems of a template that does not exist or a section the layout cannot print. */
function checkTemplate(brief: LayoutFieldValues, file: YamlFile, templates: TemplateLayouts): { layout: LayoutName | undefined; diagnostics: Diagnostic[] } {
  const layout = templates.get(brief.template);
  if (layout === undefined && templates.has(brief.template)) {
    return {
      layout,
      diagnostics: [
        {
          severity: "error",
          code: "TEMPLATE_NOT_VALID",
          message: `template "${brief.template}" does not name a layout Briefsmith has, so this brief cannot be checked against it`,
          file: file.path,
          span: locate(file, ["template"]),
          hint: `fix the template's first line: {{!-- layout: memo --}} (brief validate shows where)`,
        },
      ],
    };
  }
  if (layout === undefined) {
    const builtIn = layoutNames as readonly string[];
    const names = [...builtIn.filter((n) => templates.has(n)), ...[...templates.keys()].filter((n) => !builtIn.includes(n)).sort()];
    const suggestion = suggestionHint(brief.template, names, "template", true);
    return {
      layout,
      diagnostics: [
        {
          severity: "error",
          code: "BRIEF_UNKNOWN_TEMPLATE",
          message: `there is no template "${brief.template}"`,
          file: file.path,
          span: locate(file, ["template"]),
          hint: suggestion.startsWith("did you mean") ? suggestion : `${suggestion}; a template of your own goes in templates/${brief.template}.hbs`,
        },
      ],
    };
  }
  return { layout, diagnostics: checkLayout(brief, layout, file) };
}

/**
 * What the brief asks to print fits its template's layout: each section is one
 * the layout prints, and what the brief gives or asks for (questions, an assessment, a recommendation,
 * glossary: all) has a section to print it, or it would be dropped without a word.
 */
function checkLayout(brief: LayoutFieldValues, layout: LayoutName, file: YamlFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: (string | number)[], message: string) =>
    diagnostics.push({ severity: "error", code: "BRIEF_INVALID_VALUE", message: `${describePath(path, file.data)}: ${message}`, file: file.path, span: locate(file, path) });
  // A template of the project's own is named in the message too: "a memo (template letter)".
  const what = brief.template === layout ? `a ${layout}` : `template ${brief.template} (a ${layout})`;
  const sections = brief.sections ?? [];
  const allowed = layoutSections[layout];
  sections.forEach((section, index) => {
    if (allowed.includes(section)) return;
    const reason = layoutRefusals[layout]?.[section] ?? `a ${layout} cannot print it`;
    problem(["sections", index], `${what} has no ${section} section: ${reason} (it can print ${allowed.join(", ")})`);
  });
  const needs: ["questions" | "glossary" | "assessment" | "recommendation", SectionName][] = [
    ["questions", "questions"],
    ["assessment", "bluf"],
    ["recommendation", "bluf"],
  ];
  // glossary: all asks for every term: the section that prints them must be there (used, the default, asks nothing).
  if (brief.glossary === "all") needs.push(["glossary", "glossary"]);
  for (const [field, section] of needs) {
    if (brief[field] === undefined) continue;
    if (!allowed.includes(section)) {
      problem([field], `${what} cannot print ${field}: ${layoutRefusals[layout]?.[section] ?? `it has no ${section} section`}`);
    } else if (brief.sections !== undefined && !sections.includes(section)) {
      // Said at sections:, where the fix usually is: a trainer was pointed at her first question instead.
      diagnostics.push({
        severity: "error",
        code: "BRIEF_INVALID_VALUE",
        message: `sections leaves out ${section}, so the ${field} this brief gives would not be printed`,
        file: file.path,
        span: locate(file, ["sections"]),
        hint: `add ${section} to sections, or remove ${field}`,
      });
    }
  }
  return diagnostics;
}

/** The themes and viewpoints a brief names exist in its corpus, and each viewpoint belongs to a chosen theme. */
export function checkBriefAgainstExtract(brief: BriefReferences, file: YamlFile, extract: ReadonlyExtract): Diagnostic[] {
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
    diagnostics.push(...listedTwice(brief.themes, "themes", file));
  }
  // The themes a misspelt one most likely meant: its "did you mean" is the fix, so their viewpoints and claims,
  // which the brief does list, are not said again to belong to a theme it "does not select".
  const meant = new Set(brief.themes === "all" ? [] : brief.themes.filter((t) => !themeIds.includes(t)).map((t) => closestMatch(t, themeIds)));
  if (brief.viewpoints !== "all") {
    diagnostics.push(...listedTwice(brief.viewpoints, "viewpoints", file));
    const allViewpoints = extract.themes.flatMap((t) => t.viewpoints.map((v) => v.id));
    const chosenViewpoints = chosenThemes.flatMap((t) => t.viewpoints.map((v) => v.id));
    brief.viewpoints.forEach((viewpoint, index) => {
      if (chosenViewpoints.includes(viewpoint)) return;
      const owner = extract.themes.find((t) => t.viewpoints.some((v) => v.id === viewpoint));
      if (owner !== undefined && meant.has(owner.id)) return;
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
    // A chosen theme with none of its viewpoints listed would print its question with no view under it.
    const listed = brief.viewpoints;
    for (const theme of chosenThemes) {
      if (theme.viewpoints.some((v) => listed.includes(v.id))) continue;
      const index = brief.themes === "all" ? -1 : brief.themes.indexOf(theme.id);
      diagnostics.push({
        severity: "error",
        code: "BRIEF_THEME_WITHOUT_VIEWPOINT",
        message: `theme "${theme.id}" has none of the viewpoints this brief lists, so it would print its question with no view`,
        file: file.path,
        span: locate(file, index >= 0 ? ["themes", index] : ["viewpoints"]),
        hint: `add one of its viewpoints (${theme.viewpoints.map((v) => `"${v.id}"`).join(", ")}) to viewpoints${index >= 0 ? ", or remove the theme from themes" : ", or list the themes to show instead of all"}`,
      });
    }
  }
  diagnostics.push(...checkClaimSteering(brief, file, extract, [...chosenThemes.map((t) => t.id), ...[...meant].filter((t) => t !== undefined)]));
  return diagnostics;
}

/** include_claims and exclude_claims name claims of the corpus, in a theme and viewpoint the brief shows. */
function checkClaimSteering(brief: BriefReferences, file: YamlFile, extract: ReadonlyExtract, chosenThemes: readonly string[]): Diagnostic[] {
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

/** A theme or viewpoint listed twice in a brief: a slip (a copied line), said at the second rather than taken once in silence. */
function listedTwice(ids: readonly string[], key: "themes" | "viewpoints", file: YamlFile): Diagnostic[] {
  const noun = key === "themes" ? "theme" : "viewpoint";
  return ids.flatMap((id, index) =>
    ids.indexOf(id) === index
      ? []
      : [
          {
            severity: "error" as const,
            code: key === "themes" ? "BRIEF_DUPLICATE_THEME" : "BRIEF_DUPLICATE_VIEWPOINT",
            message: `${noun} "${id}" is listed twice`,
            file: file.path,
            span: locate(file, [key, index]),
            hint: `list each ${noun} once`,
          },
        ],
  );
}
