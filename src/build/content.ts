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
   * No claim or fact changed, but the document did: its other wording (a heading, a view's label, a source's
   * name, the summary) or its layout (the template). Claims and facts are told apart by id; the rest is not.
   */
  readonly other: boolean;
}

/** A short hash of what a reader sees of a claim or fact: its words, its quote, where it is from. */
function hashOf(parts: Readonly<Record<string, unknown>>): string {
  return sha256(JSON.stringify(parts)).slice(0, 16);
}

function claimHash(claim: ClaimModel): string {
  return hashOf({ text: claim.text, quote: claim.quote, locator: claim.locator, kind: claim.kind, source: claim.source.id, perspective: claim.perspective.id });
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

/** The claims and facts a brief shows, each with a hash of its text, and its rendered HTML's (`htmlHash`, its sha256): recorded in the manifest. */
export function contentOf(model: BriefModel, htmlHash: string): ManifestContent {
  const claims: Record<string, string> = {};
  for (const theme of model.themes) for (const viewpoint of theme.viewpoints) for (const claim of viewpoint.claims) claims[claim.id] = claimHash(claim);
  for (const claim of model.assumptions) claims[claim.id] ??= claimHash(claim);
  const facts: Record<string, string> = {};
  for (const fact of model.facts) facts[fact.id] = factHash(fact);
  return { claims: sorted(claims), facts: sorted(facts), html: htmlHash.slice(0, 16) };
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function compare(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): ContentChanges {
  const added = Object.keys(after).filter((id) => !(id in before));
  const removed = Object.keys(before).filter((id) => !(id in after));
  const revised = Object.keys(after).filter((id) => id in before && before[id] !== after[id]);
  return { added, removed, revised };
}

export function changesBetween(before: ManifestContent, after: ManifestContent): BriefChanges {
  const claims = compare(before.claims, after.claims);
  const facts = compare(before.facts, after.facts);
  const none = [claims, facts].every((c) => c.added.length + c.removed.length + c.revised.length === 0);
  // A manifest from before the HTML was recorded says nothing of it: no change is claimed there.
  return { claims, facts, other: none && before.html !== undefined && after.html !== undefined && before.html !== after.html };
}
