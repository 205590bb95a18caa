import type { BriefModel, ClaimModel, FactModel } from "../model.js";
import { withoutQuotedPassages } from "../text/phrases.js";

/*
 * Abbreviations spelled out where the reader first meets them. A memo prints no glossary, and "the SCO and
 * NATO" left a reader to guess (a reader's test). The glossary says what each stands for ("SCO (Shanghai
 * Cooperation Organization)"); the first time one occurs in our own words, in the order the document prints
 * its sections, it reads "Shanghai Cooperation Organization (SCO)". A document that prints the glossary leaves
 * its text as it is: the glossary spells them out. Quotations are never touched: they are the sources' words.
 * It is done to the model as printed, after balance is measured: the long form is the reader's help, not more
 * argument for a view. The weight statements, written by the balance stage, keep the stance as the extract has it.
 */

/** "SCO", "G7", "EU": two characters or more, capitals and digits, starting with a capital. */
const isAbbreviation = (name: string) => /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(name);

/** What the glossary's abbreviations stand for: from "SCO (Shanghai Cooperation Organization)" or "Silk Road Economic Belt (SREB) / …". */
export function abbreviationsIn(entries: readonly { readonly term: string }[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of entries) {
    for (const part of entry.term.split(/\s+\/\s+/)) {
      const inner = /\(([^)]*)\)/.exec(part)?.[1]?.trim();
      const bare = part.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
      if (inner === undefined || inner === "" || bare === "") continue;
      if (isAbbreviation(bare) && !isAbbreviation(inner)) found.set(bare, inner);
      else if (isAbbreviation(inner) && !isAbbreviation(bare)) found.set(inner, bare);
    }
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An abbreviation not yet spelled out: its long form, and its use in a text, made once per document. */
interface Pending {
  readonly long: string;
  /** The long form in lower case, as texts are searched for it. */
  readonly longLower: string;
  readonly use: RegExp;
}

/** A standalone use, with the "a" or "an" before it: not inside a compound, nor before a possessive. */
function usePattern(abbreviation: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}\\-–—/])(?:(\\b[Aa]n?) )?${escape(abbreviation)}(?![\\p{L}\\p{N}\\-–—/]|['’]s\\b)`, "u");
}

/** Two abbreviations or more joined by a dash ("SREB–EEU"), with the "a" or "an" before them. */
const compoundPattern = /(?<![\p{L}\p{N}\-–—/])(?:(\b[Aa]n?) )?(\p{Lu}[\p{Lu}\p{N}]+(?:[–-]\p{Lu}[\p{Lu}\p{N}]+)+)(?![\p{L}\p{N}\-–—/]|['’]s\b)/gu;

/** Where a text uses abbreviations: the span of the use, what replaces it, and the abbreviations it spells out. */
interface Meeting {
  readonly index: number;
  readonly end: number;
  readonly replacement: string;
  readonly parts: readonly string[];
}

/**
 * Spell out, in one text, each abbreviation not yet spelled out where the reader first meets it: a standalone use
 * ("an LNG project" becomes "a liquefied natural gas (LNG) project"), or a compound, long forms first ("the Silk
 * Road Economic Belt–Eurasian Economic Union (SREB–EEU) link"; a part the glossary does not spell out stays as
 * written). Not before a possessive ("SCO’s"), where the long form would not read, nor within quotation marks: a
 * quoted phrase is somebody's words. One the text gives the long form of before any use is done. Left for a later
 * standalone use, a compound met first stood unexplained, or an abbreviation was spelled out twice (a reader's test,
 * then two reviews).
 */
function spellOut(text: string, pending: Map<string, Pending>, longForms: ReadonlyMap<string, string>): string {
  const searched = withoutQuotedPassages(text);
  const lower = searched.toLowerCase();
  const meetings: Meeting[] = [];
  const explainedAt = new Map<string, number>();
  for (const [abbreviation, { long, longLower, use }] of pending) {
    const at = lower.indexOf(longLower);
    if (at !== -1) explainedAt.set(abbreviation, at);
    const found = use.exec(searched);
    if (found === null) continue;
    const article = found[1] === undefined ? "" : `${articleFor(found[1], long)} `;
    meetings.push({ index: found.index, end: found.index + found[0].length, replacement: `${article}${long} (${abbreviation})`, parts: [abbreviation] });
  }
  for (const found of searched.matchAll(compoundPattern)) {
    const compound = found[2]!;
    const parts = compound.split(/[–-]/);
    if (!parts.some((part) => pending.has(part))) continue;
    const separators = compound.match(/[–-]/g)!;
    const long = parts.map((part, i) => `${longForms.get(part) ?? part}${separators[i] ?? ""}`).join("");
    const article = found[1] === undefined ? "" : `${articleFor(found[1], long)} `;
    meetings.push({ index: found.index, end: found.index + found[0].length, replacement: `${article}${long} (${compound})`, parts });
  }
  const done = new Set<string>();
  const chosen: Meeting[] = [];
  for (const meeting of meetings.sort((a, b) => a.index - b.index)) {
    const first = meeting.parts.some((part) => pending.has(part) && !done.has(part) && !((explainedAt.get(part) ?? Infinity) < meeting.index));
    if (!first) continue;
    chosen.push(meeting);
    for (const part of meeting.parts) done.add(part);
  }
  for (const abbreviation of [...done, ...explainedAt.keys()]) pending.delete(abbreviation);
  let out = text;
  for (const meeting of chosen.reverse()) out = `${out.slice(0, meeting.index)}${meeting.replacement}${out.slice(meeting.end)}`;
  return out;
}

/** "a" or "an" before the long form, in the case the text had. */
function articleFor(written: string, long: string): string {
  const article = /^[aeiou]/i.test(long) ? "an" : "a";
  return written[0] === "A" ? `A${article.slice(1)}` : article;
}

/** The model with the first use of each abbreviation its glossary terms spell out, in the order the document prints its sections. */
export function spellOutAbbreviations(model: BriefModel): BriefModel {
  if (model.sections.glossary) return model;
  const longForms = abbreviationsIn(model.glossary);
  const pending = new Map([...longForms].map(([abbreviation, long]): [string, Pending] => [abbreviation, { long, longLower: long.toLowerCase(), use: usePattern(abbreviation) }]));
  if (pending.size === 0) return model;
  const changed = new Map<object, Record<string, string>>();
  // Each text in print order, as changed so far.
  const spellInPrintOrder = (spell: (text: string) => string) => {
    const visit = (owner: object, field: string, original: string | undefined) => {
      const text = changed.get(owner)?.[field] ?? original;
      if (text === undefined || pending.size === 0) return;
      const spelled = spell(text);
      if (spelled !== text) changed.set(owner, { ...changed.get(owner), [field]: spelled });
    };
    for (const section of model.sectionOrder) {
      // The bottom line comes first: the office's own words in it are ours to spell out. (Its weight statements are
      // the balance report's, which this pass does not edit.)
      if (section === "bluf") for (const field of ["summary", "assessment", "recommendation"] as const) visit(model, field, model[field]);
      if (section === "themes" || section === "comparison") {
        for (const theme of model.themes) {
          visit(theme, "title", theme.title);
          visit(theme, "question", theme.question);
          for (const viewpoint of theme.viewpoints) {
            visit(viewpoint, "thesis", viewpoint.thesis);
            if (model.printsClaims) for (const claim of viewpoint.claims) visit(claim, "text", claim.text);
          }
          visit(theme, "coverageNote", theme.coverageNote);
        }
      }
      if (section === "facts") for (const fact of model.facts) visit(fact, "text", fact.text);
      if (section === "assumptions") for (const claim of model.assumptions) visit(claim, "text", claim.text);
    }
  };
  // Where the reader first meets each, text by text in print order.
  spellInPrintOrder((text) => spellOut(text, pending, longForms));
  if (changed.size === 0) return model;
  const edited = <O extends object>(owner: O): O => {
    const fields = changed.get(owner);
    return fields === undefined ? owner : { ...owner, ...fields };
  };
  // A claim or fact is one object wherever the model lists it (a view's claims, its shown claims, the assumptions).
  const claims = new Map<ClaimModel, ClaimModel>();
  const claim = (c: ClaimModel) => claims.get(c) ?? (claims.set(c, edited(c)), claims.get(c)!);
  const facts = new Map<FactModel, FactModel>();
  const fact = (f: FactModel) => facts.get(f) ?? (facts.set(f, edited(f)), facts.get(f)!);
  return {
    ...edited(model),
    themes: model.themes.map((theme) => ({
      ...edited(theme),
      viewpoints: theme.viewpoints.map((viewpoint) => ({ ...edited(viewpoint), claims: viewpoint.claims.map(claim), shownClaims: viewpoint.shownClaims.map(claim) })),
      facts: theme.facts.map(fact),
    })),
    facts: model.facts.map(fact),
    assumptions: model.assumptions.map(claim),
  };
}
