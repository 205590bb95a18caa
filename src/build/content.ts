import { sha256 } from "../text/sha256.js";
import type { BriefModel, ClaimModel, FactModel } from "../model.js";
import type { ManifestContent } from "../output/manifest.js";

/** Ids that appeared, disappeared, or read differently since the last build. */
export interface ContentChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly revised: readonly string[];
}

/** What changed in a brief's claims and facts since the last build: would a reader who has the last PDF read something new? */
export interface BriefChanges {
  readonly claims: ContentChanges;
  readonly facts: ContentChanges;
  /**
   * The document changed besides its claims and facts: its other wording (the title or date, a heading, a view's label,
   * who holds it, a source's name, the summary) or its layout (the template). Claims and facts are told apart by
   * id; the rest is not.
   */
  readonly other: boolean;
}

/** A short hash of what a reader sees of a claim or fact: its words, its quote, where it is from. */
function hashOf(parts: unknown): string {
  return sha256(JSON.stringify(parts)).slice(0, 16);
}

/** A claim as read: its words and where it is from, and the question and view it is printed under (a claim moved to the other view reads differently). */
function claimHash(claim: ClaimModel, themeId: string, viewpointId: string): string {
  return hashOf({
    text: claim.text,
    quote: claim.quote,
    locator: claim.locator,
    kind: claim.kind,
    source: claim.source.id,
    perspective: claim.perspective.id,
    theme: themeId,
    viewpoint: viewpointId,
  });
}

function factHash(fact: FactModel): string {
  return hashOf({
    text: fact.text,
    quote: fact.quote,
    locator: fact.locator,
    date: fact.date,
    source: fact.source.id,
    bearings: fact.bearings.map((b) => [b.viewpointId, b.bearing]),
  });
}

/**
 * The model's parts that are claims or facts (told apart by id, above), or that only follow from them: their counts
 * and numbers (a holder's claims, a source's citations, the notes) and the glossary, the terms their words use.
 * None is the document's other wording. A list or a count: the sections' flags of the same names stay. Never
 * printed: the notices.
 */
const claimsAndFacts = new Set(["claims", "shownClaims", "assumptions", "facts", "notes", "counts", "citedClaims", "citedFacts", "claimsInExtract", "glossary", "notices"]);

/**
 * A hash of everything a document is made of besides its claims and facts: the brief's own wording (title,
 * summary, date), the views' labels and theses, who holds them, the sources' names, the sections; and the template
 * and code that lay it out (`layout`). A claim added or removed changes none of it: a review found every claim added
 * also said as other wording while the frame kept the lists of ids, and a memo's glossary, which it does not print.
 */
function frameOf(model: BriefModel, layout: string): string {
  const json = JSON.stringify(model, (key: string, value: unknown) => (claimsAndFacts.has(key) && (Array.isArray(value) || typeof value === "number") ? undefined : value));
  return hashOf([json, layout]);
}

/**
 * The claims and facts a brief prints, each with a hash of how it reads, the hash of the rest (`frame`, with
 * `layout`: the hash of its template and of Briefsmith's code), and its rendered HTML's (`htmlHash`, its sha256):
 * recorded in the manifest. A one-pager prints its views' theses, not their claims, and a brief without a facts
 * section no facts: those the brief selected (balance weighs them) are not what a reader of it would find changed.
 */
export function contentOf(model: BriefModel, htmlHash: string, layout: string): ManifestContent {
  const assumptions = new Set(model.sections.assumptions ? model.assumptions.map((claim) => claim.id) : []);
  const claims: Record<string, string> = {};
  for (const theme of model.themes) {
    for (const viewpoint of theme.viewpoints) {
      for (const claim of viewpoint.shownClaims) {
        if (model.printsClaims || assumptions.has(claim.id)) claims[claim.id] ??= claimHash(claim, theme.id, viewpoint.id);
      }
    }
  }
  const facts: Record<string, string> = {};
  if (model.sections.facts) for (const fact of model.facts) facts[fact.id] = factHash(fact);
  // In the order printed: claims that change places are told by it (see changesBetween).
  return { claims, facts, html: htmlHash.slice(0, 16), frame: frameOf(model, layout) };
}

/** Whether the ids both records hold are in another order: claims that changed places, their notes numbered anew. */
function reordered(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): boolean {
  const common = (from: Readonly<Record<string, string>>, other: Readonly<Record<string, string>>) => Object.keys(from).filter((id) => id in other);
  return common(before, after).join("\n") !== common(after, before).join("\n");
}

function compare(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): ContentChanges {
  const added = Object.keys(after).filter((id) => !(id in before));
  const removed = Object.keys(before).filter((id) => !(id in after));
  const revised = Object.keys(after).filter((id) => id in before && before[id] !== after[id]);
  return { added, removed, revised };
}

const noChange: ContentChanges = { added: [], removed: [], revised: [] };

export function changesBetween(before: ManifestContent, after: ManifestContent): BriefChanges {
  const htmlChanged = before.html !== undefined && after.html !== undefined && before.html !== after.html;
  // A manifest from before the frame was recorded listed every claim and fact a brief selected, printed or not, and
  // hashed claims without their view: compared with this one, a one-pager lost twenty claims and every claim read
  // as revised (a review). Once, after the upgrade, only a document that changed is said to, as other wording; a
  // manifest from before the HTML was recorded says nothing of it, and no change is claimed there.
  if (before.frame === undefined || after.frame === undefined) return { claims: noChange, facts: noChange, other: htmlChanged };
  const claims = compare(before.claims, after.claims);
  const facts = compare(before.facts, after.facts);
  const none = [claims, facts].every((c) => c.added.length + c.removed.length + c.revised.length === 0);
  // Claims in another order are read in another order, their notes numbered anew: with one revised beside them, the
  // HTML alone could not tell it (a second review).
  const moved = reordered(before.claims, after.claims) || reordered(before.facts, after.facts);
  return { claims, facts, other: before.frame !== after.frame || moved || (none && htmlChanged) };
}
