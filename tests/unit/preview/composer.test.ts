import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BriefEditSchema, composeBrief, type BriefEdit, type ThemeCatalog } from "../../../src/preview/composer.js";

const catalog: ThemeCatalog = {
  themes: [
    { id: "alliance", viewpoints: [{ id: "alliance-quasi" }, { id: "alliance-limited" }] },
    { id: "energy", viewpoints: [{ id: "energy-binding" }, { id: "energy-disappointing" }] },
    { id: "order", viewpoints: [{ id: "order-revise" }, { id: "order-keep" }] },
  ],
};

const brief = `# A two-page memo for a senior official.
title: "China and Russia: an alliance?"   # the subject line
template: memo
corpus: sino-russian
# Which themes to show.
themes: [alliance]
to: Deputy Assistant Secretary
date: 2016-02-15
marking: UNCLASSIFIED  # banner
summary: >-
  You asked whether China and Russia are moving
  toward an alliance.
balance: strict
`;

function compose(text: string, edit: BriefEdit): string {
  const result = composeBrief(text, edit, catalog);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe("composeBrief: one key changed, the rest of the file as written", () => {
  it("checking a theme adds it to the list, keeping every comment, the key order and the folded summary", () => {
    const after = compose(brief, { op: "theme", id: "energy", selected: true });
    expect(after).toBe(brief.replace("themes: [alliance]", "themes: [alliance, energy]"));
    expect(parse(after).themes).toEqual(["alliance", "energy"]);
  });

  it("unchecking a theme of a block list removes only its line", () => {
    const block = brief.replace("themes: [alliance]", "themes:\n  - alliance # first\n  - energy\n  - order # last");
    const after = compose(block, { op: "theme", id: "energy", selected: false });
    expect(after).toBe(brief.replace("themes: [alliance]", "themes:\n  - alliance # first\n  - order # last"));
  });

  it("unchecking a theme of a brief that shows all of them lists the others, in the corpus's order", () => {
    const all = brief.replace("themes: [alliance]", "themes: all # every theme");
    const after = compose(all, { op: "theme", id: "energy", selected: false });
    expect(after).toContain("themes: [alliance, order] # every theme");
    expect(parse(after).themes).toEqual(["alliance", "order"]);
  });

  it("refuses to leave a brief without a theme", () => {
    expect(composeBrief(brief, { op: "theme", id: "alliance", selected: false }, catalog)).toEqual({ ok: false, reason: "a brief needs at least one theme" });
  });

  it("drops the listed viewpoints of a theme unchecked, and adds all views of a theme checked", () => {
    const listed = brief.replace("themes: [alliance]", "themes: [alliance, energy]\nviewpoints: [alliance-quasi, alliance-limited, energy-binding]");
    const without = compose(listed, { op: "theme", id: "energy", selected: false });
    expect(parse(without)).toMatchObject({ themes: ["alliance"], viewpoints: ["alliance-quasi", "alliance-limited"] });
    const withOrder = compose(without, { op: "theme", id: "order", selected: true });
    expect(parse(withOrder)).toMatchObject({ themes: ["alliance", "order"], viewpoints: ["alliance-quasi", "alliance-limited", "order-revise", "order-keep"] });
  });

  it("falls back to all viewpoints when the last listed ones go with their theme", () => {
    const listed = brief.replace("themes: [alliance]", "themes: [alliance, energy]\nviewpoints: [energy-binding, energy-disappointing]");
    expect(parse(compose(listed, { op: "theme", id: "energy", selected: false }))).toMatchObject({ themes: ["alliance"], viewpoints: "all" });
  });

  it("unchecking a viewpoint of a brief showing all of them lists the others of its themes", () => {
    const after = compose(brief, { op: "viewpoint", id: "alliance-quasi", selected: false });
    expect(parse(after).viewpoints).toEqual(["alliance-limited"]);
    // Added where the schema puts it: after themes, before to.
    expect(Object.keys(parse(after))).toEqual(["title", "template", "corpus", "themes", "viewpoints", "to", "date", "marking", "summary", "balance"]);
    expect(parse(compose(after, { op: "viewpoint", id: "alliance-quasi", selected: true })).viewpoints).toEqual(["alliance-limited", "alliance-quasi"]);
  });

  it("refuses a viewpoint of a theme the brief does not select, and ids the corpus lacks", () => {
    expect(composeBrief(brief, { op: "viewpoint", id: "energy-binding", selected: true }, catalog)).toMatchObject({ ok: false, reason: expect.stringContaining("select the theme first") });
    expect(composeBrief(brief, { op: "theme", id: "nope", selected: true }, catalog)).toEqual({ ok: false, reason: 'the corpus has no theme "nope"' });
    expect(composeBrief(brief, { op: "theme", id: "energy", selected: true }, undefined)).toMatchObject({ ok: false });
  });

  it("sets a scalar in place, keeping its comment, and quotes a value that needs it", () => {
    const after = compose(brief, { op: "marking", value: "SECRET: EYES ONLY" });
    expect(after).toContain('marking: "SECRET: EYES ONLY"  # banner');
    expect(parse(after).marking).toBe("SECRET: EYES ONLY");
    expect(compose(brief, { op: "template", value: "handout" })).toBe(brief.replace("template: memo", "template: handout"));
  });

  it("adds a missing key in the schema's order, and removes it again leaving the file as it was", () => {
    const withPaper = compose(brief, { op: "paper", value: "A4" });
    expect(withPaper).toBe(brief.replace("marking: UNCLASSIFIED  # banner\n", "marking: UNCLASSIFIED  # banner\npaper: A4\n"));
    const withClaims = compose(brief, { op: "claims_per_viewpoint", value: 3 });
    expect(Object.keys(parse(withClaims))).toEqual(["title", "template", "corpus", "themes", "to", "date", "marking", "claims_per_viewpoint", "summary", "balance"]);
    expect(compose(withClaims, { op: "claims_per_viewpoint", value: null })).toBe(brief);
  });

  it("adds to a block list at its indentation, after the last item, keeping comment lines between items", () => {
    const block = brief.replace("themes: [alliance]", "themes:\n    - alliance\n    # energy later\n    - order");
    const after = compose(block, { op: "theme", id: "energy", selected: true });
    expect(after).toContain("themes:\n    - alliance\n    # energy later\n    - order\n    - energy\nto:");
  });

  it("turns a block list back into all on the key's line, and keeps Windows line endings", () => {
    const listed = brief.replace("themes: [alliance]", "themes: [alliance, energy]\nviewpoints:\n  - energy-binding\n  - energy-disappointing").replace(/\n/g, "\r\n");
    const after = compose(listed, { op: "theme", id: "energy", selected: false });
    expect(after).toContain("themes: [alliance]\r\nviewpoints: all\r\nto:");
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    const withPaper = compose(after, { op: "paper", value: "A4" });
    expect(withPaper).toContain("marking: UNCLASSIFIED  # banner\r\npaper: A4\r\nsummary:");
  });

  it("fills a key written with no value, and appends to a file without a final newline", () => {
    expect(compose("title: T\ntemplate: memo\ncorpus: c\nmarking:\n", { op: "marking", value: "OPEN" })).toBe("title: T\ntemplate: memo\ncorpus: c\nmarking: OPEN\n");
    expect(compose("title: T\nmarking: # to do\n", { op: "marking", value: "OPEN" })).toBe("title: T\nmarking: OPEN # to do\n");
    expect(compose("title: T\ntemplate: memo\ncorpus: c", { op: "paper", value: "A4" })).toBe("title: T\ntemplate: memo\ncorpus: c\npaper: A4\n");
  });

  it("quotes an id that YAML would read as another type", () => {
    const odd: ThemeCatalog = { themes: [{ id: "yes", viewpoints: [{ id: "true" }, { id: "null" }] }] };
    const result = composeBrief("title: T\ntemplate: memo\ncorpus: c\n", { op: "viewpoint", id: "null", selected: false }, odd);
    expect(result).toMatchObject({ ok: true });
    expect(parse((result as { text: string }).text).viewpoints).toEqual(["true"]);
  });

  it("keeps the comment above a key it removes", () => {
    const commented = brief.replace("balance: strict", "# Show three claims a side.\nclaims_per_viewpoint: 3\nbalance: strict");
    const after = compose(commented, { op: "claims_per_viewpoint", value: null });
    expect(after).toContain("# Show three claims a side.\nbalance: strict");
  });

  it("reports an edit that changes nothing, and refuses a brief whose YAML is broken", () => {
    expect(composeBrief(brief, { op: "theme", id: "alliance", selected: true }, catalog)).toEqual({ ok: true, text: brief, changed: false });
    expect(composeBrief("title: [unclosed\n", { op: "paper", value: "A4" }, catalog)).toMatchObject({ ok: false, reason: expect.stringContaining("YAML errors") });
    expect(composeBrief("- a list\n", { op: "paper", value: "A4" }, catalog)).toMatchObject({ ok: false });
  });
});

describe("BriefEditSchema: what the panel may ask", () => {
  it("accepts the panel's edits and refuses anything else", () => {
    expect(BriefEditSchema.safeParse({ op: "theme", id: "alliance", selected: true }).success).toBe(true);
    expect(BriefEditSchema.safeParse({ op: "claims_per_viewpoint", value: null }).success).toBe(true);
    for (const bad of [
      { op: "title", value: "x" },
      { op: "theme", id: "../etc", selected: true },
      { op: "template", value: "../../evil" },
      { op: "marking", value: "TOP\nSECRET" },
      { op: "marking", value: "x".repeat(81) },
      { op: "claims_per_viewpoint", value: 0 },
      { op: "paper", value: "A4", extra: 1 },
    ]) {
      expect(BriefEditSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
