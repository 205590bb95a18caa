import { describe, expect, it } from "vitest";
import { selectBrief } from "../../../src/select/select.js";
import { nameHolders, proportionalShares } from "../../../src/select/weight.js";
import { quotesOverlap } from "../../../src/select/overlap.js";
import { termNames } from "../../../src/select/glossary.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

const options = { buildDate: "2026-01-15" };
const base = makeExtract();
const claimIds = (model: ReturnType<typeof selectBrief>) => model.themes.flatMap((t) => t.viewpoints.flatMap((v) => v.shownClaims.map((c) => c.id)));

describe("selection prints what the brief asks, in its order, and counts only what it prints", () => {
  it("prints the sections in the brief's order, and lists the sources of a document that cites", () => {
    const model = selectBrief(makeBrief({ sections: ["themes", "bluf", "balance"] }), base, options);
    expect(model.sectionOrder).toEqual(["themes", "bluf", "sources", "balance"]);
    expect(model.weightIn).toBe("bluf");
    expect(selectBrief(makeBrief({ sections: ["themes"] }), base, options).weightIn).toBe("themes");
  });

  it("numbers endnotes and sources in the order the document prints them", () => {
    const model = selectBrief(makeBrief({ themes: ["t1"], sections: ["facts", "themes"] }), base, options);
    expect(model.citations).toBe("endnotes");
    // Facts first: their notes come first, and the first source cited is the earliest fact's.
    expect(model.facts.map((f) => [f.id, f.note])).toEqual([["f-early", 1], ["f-late", 2], ["f-undated", 3]]);
    expect(model.themes[0]!.viewpoints[0]!.claims[0]!.note).toBe(4);
    expect(model.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(model.sources[0]).toMatchObject({ id: "s2", number: 1 });
  });

  it("counts a source's claims and facts only where they are printed, and leaves out a source only facts cite when facts are not printed", () => {
    const extract = {
      ...base,
      sources: [...base.sources, { ...base.sources[0]!, id: "s3", short_name: "Three" }],
      facts: [{ ...base.facts[0]!, id: "f-s3", source: "s3" }],
    };
    expect(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).sources.map((s) => s.id)).toContain("s3");
    const withoutFacts = selectBrief(makeBrief({ themes: ["t1"], sections: ["bluf", "themes", "sources"] }), extract, options);
    expect(withoutFacts.sources.map((s) => s.id)).not.toContain("s3");
    expect(withoutFacts.sources.every((s) => s.citedFacts === 0)).toBe(true);
  });

  it("never prints a context fact, leaves out a fact dated after the brief with a notice, and prints a date once", () => {
    const extract = {
      ...base,
      facts: [
        { ...base.facts[0]!, id: "event", kind: "context" as const },
        { ...base.facts[0]!, id: "future", date: "2016-05", text: "A later event." },
        { ...base.facts[0]!, id: "dated", date: "2016-01", text: "In January 2016 something happened." },
        { ...base.facts[0]!, id: "plain", date: "2015-12", text: "Something happened." },
      ],
    };
    const model = selectBrief(makeBrief({ themes: ["t1"], date: "2016-03-01" }), extract, options);
    expect(model.facts.map((f) => f.id)).toEqual(["plain", "dated"]);
    expect(model.facts.map((f) => f.datePrefix)).toEqual(["December 2015", undefined]);
    expect(model.notices.filter((n) => n.code === "FACT_AFTER_BRIEF_DATE")).toEqual([
      { code: "FACT_AFTER_BRIEF_DATE", message: 'fact "future" is dated May 2016, after the brief\'s date (1 March 2016), and is left out', subject: { kind: "fact", id: "future", field: "date" } },
    ]);
  });

  it("keeps the claims of a source dated after the brief, with a notice naming the source once; an undated source gets none", () => {
    // s1 is dated 1 May 2020, s2 undated; the brief, dated 2019, cites both.
    const early = selectBrief(makeBrief({ themes: ["t1"], date: "2019-06-30" }), base, options);
    expect(early.sources.map((s) => s.id).sort()).toEqual(["s1", "s2"]);
    expect(claimIds(early)).toEqual(claimIds(selectBrief(makeBrief({ themes: ["t1"], date: "2020-05-01" }), base, options)));
    expect(early.notices.filter((n) => n.code === "SOURCE_AFTER_BRIEF_DATE")).toEqual([
      {
        code: "SOURCE_AFTER_BRIEF_DATE",
        message: 'source "s1" is dated 1 May 2020, after the brief\'s date (30 June 2019), and the brief cites it',
        subject: { kind: "source", id: "s1", field: "date" },
      },
    ]);
    // On the source's day, or a partial date that may have begun by then, there is nothing to tell.
    const sourceNotices = (model: ReturnType<typeof selectBrief>) => model.notices.filter((n) => n.code === "SOURCE_AFTER_BRIEF_DATE");
    expect(sourceNotices(selectBrief(makeBrief({ themes: ["t1"], date: "2020-05-01" }), base, options))).toEqual([]);
    const monthOnly = { ...base, sources: base.sources.map((s) => (s.id === "s1" ? { ...s, date: "2020-05" } : s)) };
    expect(sourceNotices(selectBrief(makeBrief({ themes: ["t1"], date: "2020-05-01" }), monthOnly, options))).toEqual([]);
  });

  // Regression: a town hall's memo could not leave out the banner; marking: none now prints none.
  it("prints the brief's marking, UNCLASSIFIED when it names none, and no banner for marking: none", () => {
    expect(selectBrief(makeBrief({ marking: "SECRET" }), base, options).marking).toBe("SECRET");
    expect(selectBrief(makeBrief({}), base, options).marking).toBe("UNCLASSIFIED");
    expect(selectBrief(makeBrief({ marking: "none" }), base, options).marking).toBe("");
    expect(selectBrief(makeBrief({ marking: "none", portion_marks: true }), base, options).portionMark).toBeUndefined();
  });

  it("does not print a fact that rests on the same words as a claim printed above it", () => {
    const words = "the projected cost of the line assumed no delays at all";
    const extract = {
      ...base,
      claims: base.claims.map((c) => (c.id === "y1" ? { ...c, quote: words } : c)),
      facts: [{ ...base.facts[0]!, id: "cost", source: "s1", locator: 1, quote: "projected cost of the line assumed no delays" }],
    };
    expect(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).facts).toEqual([]);
    expect(selectBrief(makeBrief({ themes: ["t1"], exclude_claims: ["y1"] }), extract, options).facts.map((f) => f.id)).toEqual(["cost"]);
  });

  it("lists the glossary terms the document uses, or all of them", () => {
    const extract = { ...base, glossary: [{ term: "SCO (Shanghai Cooperation Organization)", definition: "D." }, { term: "swing power / swing state", definition: "D." }, { term: "unused", definition: "D." }] };
    const used = extract.claims.map((c) => (c.id === "y1" ? { ...c, text: "The Shanghai Cooperation Organization met." } : c.id === "n1" ? { ...c, text: "Russia as a swing state." } : c));
    const model = selectBrief(makeBrief({ themes: ["t1"] }), { ...extract, claims: used }, options);
    expect(model.glossary.map((g) => g.term)).toEqual(["SCO (Shanghai Cooperation Organization)", "swing power / swing state"]);
    expect(selectBrief(makeBrief({ themes: ["t1"], glossary: "all" }), extract, options).glossary).toHaveLength(3);
    expect(termNames("Silk Road Economic Belt (SREB) / China's Silk Road initiative")).toEqual(["Silk Road Economic Belt", "SREB", "China's Silk Road initiative"]);
  });

  it("prints the questions once: the brief's own, or the themes' only where no other section prints them", () => {
    expect(selectBrief(makeBrief({ template: "handout" }), base, options).questions).toEqual([]);
    expect(selectBrief(makeBrief({ template: "handout", questions: ["Why?"] }), base, options).questions).toEqual(["Why?"]);
    expect(selectBrief(makeBrief({ sections: ["bluf", "questions"] }), base, options).questions).toEqual(["Yes or no?", "Up or down?"]);
  });

  it("moves a memo's assumptions to their own section, and keeps them with their view in a handout", () => {
    const extract = { ...base, claims: base.claims.map((c) => (c.id === "y2" ? { ...c, kind: "assumption" as const } : c)) };
    const memo = selectBrief(makeBrief({ themes: ["t1"] }), extract, options);
    expect(memo.assumptions.map((c) => c.id)).toEqual(["y2"]);
    expect(memo.themes[0]!.viewpoints[0]!.claims.map((c) => c.id)).not.toContain("y2");
    expect(memo.themes[0]!.viewpoints[0]!.shownClaims.map((c) => c.id)).toContain("y2");
    const handout = selectBrief(makeBrief({ template: "handout", themes: ["t1"] }), extract, options);
    expect(handout.assumptions).toEqual([]);
    expect(handout.themes[0]!.viewpoints[0]!.claims.map((c) => c.id)).toContain("y2");
  });

  it("excludes and pins claims as the brief says", () => {
    expect(claimIds(selectBrief(makeBrief({ themes: ["t1"], exclude_claims: ["y1"] }), base, options))).not.toContain("y1");
    const pinned = selectBrief(makeBrief({ themes: ["t1"], claims_per_viewpoint: 1, include_claims: ["y2"] }), base, options);
    expect(claimIds(pinned)).toContain("y2");
    expect(pinned.themes[0]!.viewpoints[0]!.shownClaims).toHaveLength(1);
  });

  it("names the perspective in the attribution only when the claim's text does not", () => {
    const extract = { ...base, claims: base.claims.map((c) => (c.id === "y1" ? { ...c, text: "One expert said so." } : c)) };
    const claims = selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!.viewpoints[0]!.shownClaims;
    expect(claims.find((c) => c.id === "y1")!.attribution).toBe("One");
    // The source's name kept on one line (a reader saw "(Evening / Post)").
    expect(claims.find((c) => c.id === "y3")!.attribution).toBe("some officials, Pub\u00a0Two");
  });

  it("takes the speaker as named when the text opens with them in other words, but keeps a how-many the text leaves out", () => {
    const attribution = (label: string, text: string) => {
      const extract = { ...base, perspectives: base.perspectives.map((p) => (p.id === "p1" ? { ...p, label } : p)), claims: base.claims.map((c) => (c.id === "y1" ? { ...c, text } : c)) };
      return selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!.viewpoints[0]!.shownClaims.find((c) => c.id === "y1")!.attribution;
    };
    // A reader's audit: "An engineer doubts … (one engineer, Council hearing)" named the speaker twice.
    expect(attribution("one engineer", "An engineer doubts the estimate.")).toBe("One");
    expect(attribution("a transport economist", "An economist points to other lines.")).toBe("One");
    expect(attribution("the staff union representative", "The staff union warns of extra shifts.")).toBe("One");
    expect(attribution("all panelists", "Panelists agreed on it.")).toBe("One");
    expect(attribution("those who view the ties as robust and durable", "Those who see the ties as robust warn of it.")).toBe("One");
    // A reader of the seminar handout found each of these holders said twice, in the text and after it.
    expect(attribution("the panel", "Panellists concluded that the crisis pushed them together.")).toBe("One");
    expect(attribution("various participants", "Among the forces behind close relations, some participants cited a shared view.")).toBe("One");
    expect(attribution("one Japanese perspective", "Looking back on three years of ties, this Japanese view held that it failed.")).toBe("One");
    // A review's cases, where the text does not say what the label says: another how-many, which of them, or a
    // longer word that only starts the same.
    expect(attribution("most economists", "Economists warn that some exporters will suffer.")).toBe("most economists, One");
    expect(attribution("most residents", "Other residents disagree with the plan.")).toBe("most residents, One");
    expect(attribution("officials of the energy ministry", "Officials worry about the cost.")).toBe("officials of the energy ministry, One");
    expect(attribution("analysts at the Carnegie Center", "Analysts expect a slowdown.")).toBe("analysts at the Carnegie Center, One");
    expect(attribution("the mayor", "Mayoral candidates promised a tram.")).toBe("the mayor, One");
    expect(attribution("the press", "Pressure mounted on the council.")).toBe("the press, One");
    // A holder's word later in the text, or a word of its qualifier, is not the holder named.
    expect(attribution("one panellist", "The panel's report shows Russia leaning east.")).toBe("one panellist, One");
    expect(attribution("some US commentators wary of China", "China's rise worries Washington, and some in Congress call for restraint.")).toBe("some US commentators wary of China, One");
    // "Russians avoid…" does not say "some": the attribution does.
    expect(attribution("some Russians", "Russians avoid the word.")).toBe("some Russians, One");
    expect(attribution("one engineer", "Critics doubt the estimate.")).toBe("one engineer, One");
    // A staffer's memo: "Dr Osei describes the charge as a price … (Dr Amara Osei of the Cycle Campaign, …)".
    expect(attribution("Dr Amara Osei of the Cycle Campaign", "Dr Osei describes the charge as a price on space.")).toBe("One");
    expect(attribution("Councillor Priya Nandakumar", "As Nandakumar’s report puts it, the scheme worked.")).toBe("One");
    expect(attribution("the Retail Alliance", "The Alliance’s survey found most shops lost trade.")).toBe("One");
    // Not a name: a label with a word in lower case; nor a name's other words, or its last word late in the text.
    expect(attribution("German Marshall Fund staff", "The Fund reported falling trade.")).toBe("German Marshall Fund staff, One");
    expect(attribution("Dr Amara Osei", "Amara and others describe the charge as a price on space, as Osei did.")).toBe("Dr Amara Osei, One");
    // A review: another name ending the same is not this one.
    expect(attribution("Dr Amara Osei", "Dr Kwame Osei describes the charge as a tax.")).toBe("Dr Amara Osei, One");
    expect(attribution("the Retail Alliance", "The Cycle Alliance’s survey shows shops gained trade.")).toBe("the Retail Alliance, One");
    expect(attribution("the Labour Party", "The Conservative Party opposes the charge.")).toBe("the Labour Party, One");
  });

  it("measures a one-pager on its theses: it prints no claims", () => {
    expect(selectBrief(makeBrief({ template: "one-pager" }), base, options).printsClaims).toBe(false);
    expect(selectBrief(makeBrief({ template: "one-pager" }), base, options).notes).toEqual([]);
  });
});

describe("due weight in selection", () => {
  const weighted = {
    ...base,
    perspectives: [
      { id: "p1", label: "one expert", prevalence: "one" as const },
      { id: "p2", label: "some officials", prevalence: "some" as const },
      { id: "p3", label: "most officials", prevalence: "most" as const },
    ],
    claims: [...base.claims, { ...base.claims[3]!, id: "n2", perspective: "p3", text: "A second no claim, from most officials.", source: "s1" }],
  };

  it("orders a view's holders strongest first and shows a claim of each holder the statement names", () => {
    const model = selectBrief(makeBrief({ themes: ["t1"], claims_per_viewpoint: 1 }), weighted, options);
    const no = model.themes[0]!.viewpoints.find((v) => v.id === "no")!;
    expect(no.holders.map((h) => [h.label, h.prevalence])).toEqual([
      ["most officials", "most"],
      ["some officials", "some"],
    ]);
    expect(nameHolders(no.holders).map((h) => h.label)).toEqual(["most officials", "some officials"]);
    expect(no.shownClaims.map((c) => c.perspective.label)).toContain("most officials");
  });

  it("gives space in proportion to weight with space: proportional, never below half an equal share", () => {
    expect(proportionalShares(["most", "one"]).map((s) => Math.round(s * 100))).toEqual([75, 25]);
    expect(proportionalShares(["most", "most"])).toEqual([0.5, 0.5]);
    expect(proportionalShares(["some", "unstated"])).toEqual([0.5, 0.5]);
    const three = proportionalShares(["consensus", "one", "one"]);
    expect(three.every((s) => s >= 0.5 / 3 - 1e-9)).toBe(true);
    expect(three.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    const model = selectBrief(makeBrief({ themes: ["t1"], space: "proportional", claims_per_viewpoint: 2 }), weighted, options);
    const [first, second] = model.themes[0]!.viewpoints;
    expect(first!.targetShare + second!.targetShare).toBeCloseTo(1);
    expect(model.themes[0]!.viewpoints.find((v) => v.id === "no")!.targetShare).toBeGreaterThan(0.5);
  });
});

describe("say it once", () => {
  // A reader's test: every quotation after its paraphrase in the seminar handout said the claim again, however few
  // words the two shared (the rule was fewer than two in five): a claim is said once unless the brief asks for quotes.
  it("prints no quotation after a claim's paraphrase unless the brief asks for the sources' words", () => {
    const extract = makeExtract();
    const shown = (fields: Record<string, unknown>) =>
      selectBrief(makeBrief({ template: "handout", themes: ["t1"], ...fields }), extract, options).themes[0]!.viewpoints.flatMap((v) => v.shownClaims);
    expect(shown({}).length).toBeGreaterThan(0);
    expect(shown({}).some((claim) => claim.showQuote)).toBe(false);
    expect(shown({ show_quotes: true }).every((claim) => claim.showQuote)).toBe(true);
    expect(selectBrief(makeBrief({ template: "handout", themes: ["t1"], show_quotes: true }), extract, options).notes).toEqual([]);
    // A memo's notes carry the words already.
    expect(selectBrief(makeBrief({ themes: ["t1"], show_quotes: true }), extract, options).themes[0]!.viewpoints.flatMap((v) => v.shownClaims).some((c) => c.showQuote)).toBe(false);
  });

  it("finds two facts or claims that rest on the same words", () => {
    expect(quotesOverlap("the projected cost of €310 million assumed no delays", "cost of €310 million assumed no delays")).toBe(true);
    expect(quotesOverlap("optimistic at best", "the projected cost of €310 million assumed no delays")).toBe(false);
    expect(quotesOverlap("q", "q")).toBe(false);
  });
});
