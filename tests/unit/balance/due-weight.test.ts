import { beforeAll, describe, expect, it } from "vitest";
import { dueWeight, theView } from "../../../src/balance/due-weight.js";
import type { Lexicon } from "../../../src/balance/lexicon.js";
import { measureBalance } from "../../../src/balance/measure.js";
import { proportionInWords } from "../../../src/balance/note.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import type { Prevalence } from "../../../src/schema/extract.js";
import { selectBrief } from "../../../src/select/select.js";
import { makeBrief, makeExtract } from "../../helpers/fixtures.js";

const options = { buildDate: "2026-01-15" };
let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await builtInLexicon();
});

/** The fixture's theme t1 (views "Yes" and "No"), with the prevalence of its two perspectives and the views' stances set. */
function theme(p1: Prevalence | undefined, p2: Prevalence | undefined, stances = true, options2: { event?: boolean; sideBySource?: boolean } = {}) {
  const base = makeExtract();
  const label = (p: Prevalence | undefined, who: string) => (p === "one" ? `one ${who}` : p === undefined || p === "unstated" ? who : `${p} ${who}s`);
  const extract = {
    ...base,
    sources: base.sources.map((s) => (options2.event !== false ? { ...s, event: "A panel" } : s)),
    perspectives: [
      { id: "p1", label: label(p1, "expert"), prevalence: p1 },
      { id: "p2", label: label(p2, "official"), prevalence: p2 },
    ],
    claims: options2.sideBySource ? base.claims.filter((c) => c.viewpoint !== "yes" || c.perspective === "p1") : base.claims,
    themes: base.themes.map((t) => ({
      ...t,
      viewpoints: t.viewpoints.map((v) => ({ ...v, stance: stances ? (v.id === "yes" ? "say yes" : "say no") : undefined })),
    })),
  };
  return selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!;
}

/** Theme t1 weighed with these perspectives, claims and extra viewpoints; the views' stances "expect a yes" and "expect a no". */
function weighed(perspectives: { id: string; label: string; prevalence: Prevalence }[], claims: (base: ReturnType<typeof makeExtract>) => ReturnType<typeof makeExtract>["claims"], extraViewpoints: { id: string; label: string; thesis: string }[] = []) {
  const base = makeExtract();
  const extract = {
    ...base,
    perspectives,
    claims: claims(base),
    themes: base.themes.map((t) =>
      t.id !== "t1" ? t : { ...t, viewpoints: [...t.viewpoints.map((v) => ({ ...v, stance: v.id === "yes" ? "expect a yes" : "expect a no" })), ...extraViewpoints] },
    ),
  };
  return dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
}

/** Two single voices in two sources, and "some" in one. */
const singleVoicesAndSome: { id: string; label: string; prevalence: Prevalence }[] = [
  { id: "p1", label: "one expert", prevalence: "one" },
  { id: "p2", label: "one official", prevalence: "one" },
  { id: "p3", label: "some analysts", prevalence: "some" },
];

describe("the due-weight statement", () => {
  it("says where the weight lies, attributed to who holds each view and where, without an id", () => {
    // "yes": most experts (One) and one official (Pub Two); "no": one official (Pub Two) only.
    const weight = dueWeight(theme("most", "one"));
    expect(weight.verdict).toBe("lies-with");
    expect(weight.leading).toBe("yes");
    // A reader's test: "(some Russians, GMF workshop): those who hold it see …" read as words put in those Russians'
    // mouths. The stance is the view's; the holders the sources count are named after it, as those the sources attribute
    // it to ("the sources count most experts … for it" read as mechanical to a senior reader).
    expect(weight.text).toBe(
      "The weight of opinion in the sources lies with the “Yes” view: those who hold it say yes; the sources attribute it to most experts (One) and one official (Pub Two). Those who hold the “No” view say no; the sources attribute it to one official (Pub Two).",
    );
    expect(weight.short).toBe("The weight of opinion in the sources lies with “Yes” (most experts, One; one official, Pub Two) rather than “No” (one official, Pub Two).");
    expect(weight.text).not.toMatch(/\byes\b.*\bp1\b|"t1"|\bs1\b/);
  });

  it("leans when the views are close, and names each view of a single holder", () => {
    const weight = weighed(
      [
        { id: "p1", label: "one expert", prevalence: "one" },
        { id: "p2", label: "a few officials", prevalence: "few" },
      ],
      (base) => base.claims.filter((c) => c.viewpoint !== "yes" || c.perspective === "p1"),
    );
    expect(weight.verdict).toBe("leans-toward");
    expect(weight.text).toBe(
      "The weight of opinion in the sources leans toward the “No” view: those who hold it expect a no; the sources attribute it to a few officials (Pub Two). Those who hold the “Yes” view expect a yes; the sources attribute it to one expert (One).",
    );
  });

  // A reader's test: the Central Asia memo's bottom line leaned toward a view "some participants" of one workshop
  // held, while its Balance note said the other view rested on two sources, each with a single voice. And "held in
  // more of the sources", of two sources, read as vague where "both" says it.
  it("says the counts point different ways when one view is held more widely and another in more sources", () => {
    const weight = weighed(singleVoicesAndSome, (base) => [
      ...base.claims.filter((c) => c.id === "y1" || c.id === "y3"),
      ...base.claims.filter((c) => c.id === "n1").map((c) => ({ ...c, perspective: "p3" })),
    ]);
    expect(weight.verdict).toBe("divided");
    expect(weight.leading).toBeUndefined();
    expect(weight.text).toBe(
      "The sources’ accounts point different ways: “No” (some analysts, Pub Two) is held more widely, but “Yes” (one expert, One; one official, Pub Two) is held in both sources.",
    );
    expect(weight.short).toBe(weight.text);
    expect(weight.summary).toBe("By the sources’ own account, one view is held more widely and another in more of the sources.");
  });

  // Review: the summary said "another" when two views were each held in more of the sources.
  it("says others, when more than one view is held in more of the sources", () => {
    const weight = weighed(
      singleVoicesAndSome,
      (base) => {
        const claimOf = (id: string, viewpoint: string, source: string, perspective: string) => ({ ...base.claims.find((c) => c.id === "y1")!, id, viewpoint, source, perspective });
        return [claimOf("y1", "yes", "s1", "p1"), claimOf("y2", "yes", "s2", "p2"), claimOf("m1", "maybe", "s1", "p1"), claimOf("m2", "maybe", "s2", "p2"), claimOf("n1", "no", "s2", "p3")];
      },
      [{ id: "maybe", label: "Maybe", thesis: "It may be so." }],
    );
    expect(weight.verdict).toBe("divided");
    expect(weight.summary).toBe("By the sources’ own account, one view is held more widely and others in more of the sources.");
    expect(weight.text).toMatch(/^The sources’ accounts point different ways: “No” \(some analysts, Pub Two\) is held more widely, but “Yes” \(.*\) and “Maybe” \(.*\) are held in both sources\.$/);
  });

  // A reader's test: beside the views' theses, the statement's stances said each view's case twice. Without them it
  // names who holds each view, the views after the first in one sentence rather than "The sources attribute …" each.
  // A staffer's test: a view of one holder was said as "the cabinet member (Evening Post) is sure that … and worry
  // about …": the view never named, and only the first verb made to agree. Every view is named, its stance said of
  // those who hold it, as written.
  it("names a view of one holder, and says its stance as written", () => {
    const base = theme("most", "one");
    const single = {
      ...base,
      viewpoints: base.viewpoints.map((v) => (v.id === "no" ? { ...v, stance: "are sure that one rule does more good than harm and worry about schools going their own way" } : v)),
    };
    const text = dueWeight(single).text;
    expect(text).toContain("Those who hold the “No” view are sure that one rule does more good than harm and worry about schools going their own way; the sources attribute it to one official (Pub Two).");
    expect(text).not.toMatch(/is sure/);
  });

  /** The “Yes” view held by most experts (One), and “No” and a third view, “Maybe”, each held by one group (Pub Two). */
  const threeViews = (noHolders: string, maybeHolders: string) =>
    weighed(
      [
        { id: "p1", label: "most experts", prevalence: "most" },
        { id: "p2", label: noHolders, prevalence: "one" },
        { id: "p3", label: maybeHolders, prevalence: "one" },
      ],
      (base) => {
        const claimOf = (id: string, viewpoint: string, source: string, perspective: string) => ({ ...base.claims.find((c) => c.id === "y1")!, id, viewpoint, source, perspective });
        return [claimOf("y1", "yes", "s1", "p1"), claimOf("n1", "no", "s2", "p2"), claimOf("m1", "maybe", "s2", "p3")];
      },
      [{ id: "maybe", label: "Maybe", thesis: "It may be so." }],
    );

  it("names who holds each view without their stances, for a page that prints the views' theses under it", () => {
    expect(dueWeight(theme("most", "one")).attributed).toBe(
      "The weight of opinion in the sources lies with the “Yes” view, which the sources attribute to most experts (One) and one official (Pub Two). The sources attribute the “No” view to one official (Pub Two).",
    );
    const three = threeViews("one official", "one analyst");
    expect(three.attributed).toBe(
      "The weight of opinion in the sources lies with the “Yes” view, which the sources attribute to most experts (One). The sources attribute the “No” view to one official (Pub Two); the “Maybe” view, to one analyst (Pub Two).",
    );
    expect(three.attributed).not.toMatch(/expect a (?:yes|no)/);
    expect(three.text).toContain("those who hold it expect a yes");
  });

  // A reader's test: "the sources attribute the “A” view to one explanation (GMF workshop); the “B” view, to one
  // explanation (GMF workshop); the “C” view, to one explanation (GMF workshop)" read as a form filled in.
  it("attributes views with the same holders together, without their stances", () => {
    const three = threeViews("one explanation", "one explanation");
    expect(three.attributed).toContain("The sources attribute the “No” and “Maybe” views each to one explanation (Pub Two).");
  });

  it("says the sources do not count, when they do not", () => {
    const weight = dueWeight(theme(undefined, "unstated", false));
    expect(weight.verdict).toBe("unstated");
    expect(weight.text).toBe("The sources do not say how widely either view is held. The “Yes” view is argued at the One and the Pub Two. The “No” view is argued at the Pub Two.");
    expect(dueWeight(theme(undefined, undefined, false, { sideBySource: true, event: false })).text).toBe(
      "The sources do not say how widely either view is held. The “Yes” view is argued in One. The “No” view is argued in Pub Two.",
    );
    // Views argued in the same place are said together.
    const oneSource = makeExtract();
    const same = { ...oneSource, claims: oneSource.claims.map((c) => ({ ...c, source: "s1", perspective: "p1" })) };
    expect(dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), same, options).themes[0]!).text).toBe(
      "The sources do not say how widely either view is held. Both views are argued in One.",
    );
    expect(weight.summary).toBe("The sources do not say how widely the views are held.");
  });

  it("says the sources are divided when the views are held as widely, and names views without a stance by their label", () => {
    const weight = dueWeight(theme("some", "some", false, { sideBySource: true }));
    expect(weight.verdict).toBe("divided");
    expect(weight.sentences[0]).toBe("By the sources’ own account, no view is held clearly more widely than another.");
    // How widely a view is held, not how much is printed of it: "more weight" read as a claim about space.
    expect(weight.text).not.toContain("weight");
    expect(weight.text).toContain("take the “Yes” view");
  });

  // A reader's test: a handout leaned toward a view counted in one source, and its Balance note said the other view
  // "rests on two sources", with nothing to say that the second source argues it without a count.
  it("names the source where a counted view is also argued without a count", () => {
    const base = makeExtract();
    const claim = base.claims[0]!;
    const extract = makeExtract({
      perspectives: [
        { id: "analysts", label: "some analysts", prevalence: "some" },
        { id: "talk", label: "one presentation", prevalence: "one" },
        { id: "officials", label: "officials", prevalence: "unstated" },
      ],
      claims: [
        { ...claim, id: "y1", viewpoint: "yes", source: "s1", perspective: "analysts" },
        { ...claim, id: "n1", viewpoint: "no", source: "s1", perspective: "talk", text: "A no claim." },
        { ...claim, id: "n2", viewpoint: "no", source: "s2", perspective: "officials", text: "Another no claim." },
      ],
    });
    const model = selectBrief(makeBrief({ themes: ["t1"] }), extract, options);
    const weight = dueWeight(model.themes[0]!);
    expect(weight.verdict).toBe("leans-toward");
    expect(weight.text).toContain("The weight of opinion in the sources leans toward the “Yes” view");
    expect(weight.text).toContain("“No” is also argued in Pub Two, with no word there on how widely it is held.");
  });

  // The handout said "Some Russians (GMF workshop) see two civilisations with little in common, each turned mainly
  // toward the West": the view's stance, which sums up what its critics said too, given to the one group counted.
  it("says a view's stance of all who hold it, never of the holders named alone", () => {
    const base = makeExtract();
    const extract = {
      ...base,
      sources: base.sources.map((s) => ({ ...s, event: "A panel" })),
      perspectives: [
        { id: "p1", label: "most experts", prevalence: "most" as const },
        { id: "p2", label: "officials", prevalence: "unstated" as const },
      ],
      themes: base.themes.map((t) => ({ ...t, viewpoints: t.viewpoints.map((v) => ({ ...v, stance: v.id === "yes" ? "say yes" : "say no" })) })),
    };
    const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
    expect(weight.text).toBe(
      "The weight of opinion in the sources lies with the “Yes” view: those who hold it say yes; the sources attribute it to most experts (One). The “No” view is argued at the Pub Two, and so is the “Yes” view, with no word there on how widely either is held.",
    );
    expect(weight.text).not.toContain("most experts (One) say yes");
    // The officials are named in the extract: what the sources leave unsaid is how widely they hold it, not whose it is.
    expect(weight.text).not.toMatch(/whose|who holds/);
  });

  // The morning one-pager's short form named two views of three: the one no source counts was left out.
  it("names, in its short form too, a view that no source counts", () => {
    const base = makeExtract();
    const extract = {
      ...base,
      perspectives: [
        { id: "p1", label: "most experts", prevalence: "most" as const },
        { id: "p2", label: "officials", prevalence: "unstated" as const },
      ],
      claims: base.claims.filter((c) => c.viewpoint !== "yes" || c.perspective === "p1"),
    };
    const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
    expect(weight.short).toBe("The weight of opinion in the sources lies with “Yes” (most experts, One). “No” is argued with no word on how widely it is held.");
  });
});

describe("balance measures what is printed", () => {
  it("measures a one-pager on its theses and never checks the wording of claims it does not print", () => {
    const base = makeExtract();
    const extract = { ...base, claims: base.claims.map((c) => (c.id === "y1" ? { ...c, text: "There is a good chance of it, clearly." } : c)) };
    const onePager = measureBalance(selectBrief(makeBrief({ template: "one-pager", themes: ["t1"] }), extract, options), { lexicon });
    expect(onePager.measured).toBe("theses");
    expect(onePager.themes[0]!.viewpoints.map((v) => v.words)).toEqual([3, 4]);
    expect(onePager.problems.map((p) => p.code)).not.toContain("OFF_SCALE_LIKELIHOOD");
    const memo = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), extract, options), { lexicon });
    expect(memo.measured).toBe("claims");
    expect(memo.problems.map((p) => p.code)).toContain("OFF_SCALE_LIKELIHOOD");
  });

  it("holds each view to its proportional share, and no view below half an equal share", () => {
    const base = makeExtract({
      perspectives: [
        { id: "p1", label: "one expert", prevalence: "one" },
        { id: "p2", label: "most officials", prevalence: "most" },
      ],
    });
    const extract = { ...base, claims: base.claims.filter((c) => c.viewpoint !== "yes" || c.perspective === "p1") };
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"], space: "proportional" }), extract, options), { lexicon });
    const byId = Object.fromEntries(report.themes[0]!.viewpoints.map((v) => [v.id, v]));
    expect(byId.no!.targetShare).toBeCloseTo(0.75);
    expect(byId.yes!.targetShare).toBeCloseTo(0.25);
    expect(report.space).toBe("proportional");
  });

  it("writes the Balance note for a reader: space as a proportion in words, no word count, no id, no policy name", () => {
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), makeExtract(), options), { lexicon, policy: "warn" });
    const note = report.themes[0]!.note;
    // 9 words against 15.
    // Two views: "the other view" (a staffer's handout said "the other views" of one).
    expect(note[0]).toBe("“No” gets less space than the other view: about three-fifths as much.");
    expect(note.join(" ")).not.toMatch(/\bwords\b|\d/);
    expect(note).toContain("“Yes” rests on two sources, “No” on one.");
    expect(note.join(" ")).not.toMatch(/"yes"|"no"|t1|warn|strict|0\.\d\d/);
  });

  it("says where the weight lies once: the note leaves it to the bottom line or the questions when the document prints them", () => {
    const noteOf = (fields: Record<string, unknown>) => measureBalance(selectBrief(makeBrief({ themes: ["t1"], ...fields }), makeExtract(), options), { lexicon, policy: "warn" }).themes[0]!;
    const memo = noteOf({});
    expect(memo.weight.summary).not.toBe("");
    expect(memo.note).not.toContain(memo.weight.summary);
    expect(noteOf({ template: "handout" }).note).not.toContain(memo.weight.summary);
    // Neither a bottom line nor the questions printed: the note is the only place that says it.
    expect(noteOf({ sections: ["sources", "balance"] }).note).toContain(memo.weight.summary);
  });

  // A reader's review: a memo of one claim per view said in its Balance note that both views were "each argued by a
  // single voice", while its bottom line gave one of them "some Russians and some outside analysts". The note spoke
  // of the claims printed, the bottom line of the sources; the note now says it speaks of this document.
  it("says a view shown through one holder's claims is so here, not that the sources give it a single voice", () => {
    const note = measureBalance(selectBrief(makeBrief({ themes: ["t1"], claims_per_viewpoint: 1 }), makeExtract(), options), { lexicon, policy: "warn" }).themes[0]!.note;
    expect(note.join(" ")).not.toContain("single voice");
    expect(note).toContain("Here, “Yes” and “No” each rest on one holder’s arguments.");
    const onlyNo = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), makeExtract(), options), { lexicon, policy: "warn" }).themes[0]!.note;
    expect(onlyNo).toContain("Here, “No” rests on one holder’s arguments.");
  });

  it("says 'two sources', not 'both sources', when the views rest on two each but not the same two", () => {
    const base = makeExtract();
    const extract = makeExtract({
      sources: [...base.sources, { id: "s3", title: "Three", publisher: "Pub Three", kind: "report", date: "2021-01-01", place: "Z", quality: "Q." }],
      claims: [...base.claims, { ...base.claims.find((c) => c.id === "n1")!, id: "n2", source: "s3", text: "Another no claim from a third source." }],
    });
    const note = measureBalance(selectBrief(makeBrief({ themes: ["t1"] }), extract, options), { lexicon, policy: "warn" }).themes[0]!.note;
    expect(note).toContain("Each view rests on two sources.");
    expect(note.join(" ")).not.toContain("both sources");
  });
});

// Regression: the handout printed "The “A live triangle” view", two articles.
describe("a view named in a sentence", () => {
  it("keeps a label's own article out of the way", () => {
    expect(theView("Limited partnership")).toBe("the “Limited partnership” view");
    expect(theView("A live triangle")).toBe("the view “A live triangle”");
    expect(theView("The long game")).toBe("the view “The long game”");
    expect(theView("Another path")).toBe("the “Another path” view");
  });
});

describe("a view's space in words", () => {
  it("names the nearest simple fraction, and says when it is under a third", () => {
    expect([0.1, 0.32, 0.47, 0.5, 0.62, 0.7, 0.76, 0.79, 0.91].map(proportionInWords)).toEqual([
      "less than a third as much",
      "about a third as much",
      "about half as much",
      "about half as much",
      "about three-fifths as much",
      "about two-thirds as much",
      "about three-quarters as much",
      "about four-fifths as much",
      "about nine-tenths as much",
    ]);
  });
});

describe("the office's assessment", () => {
  const assess = (assessment: string) =>
    measureBalance(selectBrief(makeBrief({ themes: ["t1"], assessment }), makeExtract(), options), { lexicon, thresholds: { underweightRatio: 0.5 } }).problems.map((p) => p.code);

  it("states a likelihood and a confidence level, in separate sentences", () => {
    expect(assess("An alliance is unlikely. We have moderate confidence in this judgment.")).toEqual(expect.not.arrayContaining(["ASSESSMENT_WITHOUT_LIKELIHOOD", "ASSESSMENT_WITHOUT_CONFIDENCE", "LIKELIHOOD_WITH_CONFIDENCE"]));
    expect(assess("We have moderate confidence that nothing changes.")).toContain("ASSESSMENT_WITHOUT_LIKELIHOOD");
    expect(assess("An alliance is unlikely.")).toContain("ASSESSMENT_WITHOUT_CONFIDENCE");
    expect(assess("An alliance is unlikely, with moderate confidence.")).toContain("LIKELIHOOD_WITH_CONFIDENCE");
    expect(assess("An alliance is a good chance. We have low confidence.")).toContain("OFF_SCALE_LIKELIHOOD");
  });

  it("recommends only when the brief has a recommendation", () => {
    expect(assess("An alliance is unlikely; we should wait. We have low confidence.")).toContain("RECOMMENDATION_IN_SYNTHESIS");
  });
});

// A staffer's hearing had most councillors for one view and the Chamber of Commerce's representative (one voice)
// for the other, which some residents also held in a newspaper: the lone voice made the hearing a source "holding"
// the second view, so it was "held in more of the sources" and the counts "pointed different ways". Leaving the
// representative's prevalence out gave a lean toward the first: a more precise extract read less accurately.
describe("a source where one view is held more widely than another", () => {
  it("counts for that view only, not for a weaker view voiced there too", () => {
    const base = makeExtract();
    const extract = {
      ...base,
      perspectives: [
        { id: "p1", label: "most councillors", prevalence: "most" as const },
        { id: "p2", label: "the chamber representative", prevalence: "one" as const },
        { id: "p3", label: "some residents", prevalence: "some" as const },
      ],
      claims: [
        { ...base.claims[0]!, id: "y1", viewpoint: "yes", source: "s1", perspective: "p1" },
        { ...base.claims[0]!, id: "n1", viewpoint: "no", source: "s1", perspective: "p2", text: "A no claim at the hearing." },
        { ...base.claims[0]!, id: "n2", viewpoint: "no", source: "s2", perspective: "p3", text: "A no claim in the paper." },
      ],
    };
    const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
    expect(weight.verdict).toBe("leans-toward");
    expect(weight.leading).toBe("yes");
    const withoutTheLoneVoice = { ...extract, perspectives: extract.perspectives.map((p) => (p.id === "p2" ? { ...p, prevalence: "unstated" as const } : p)) };
    expect(dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), withoutTheLoneVoice, options).themes[0]!).verdict).toBe("leans-toward");
  });
});

// A reader's test: "For both, the sources also give arguments …" in a question of three views.
describe("arguments the sources give without counting their holders", () => {
  it("are said of two counted views by name when a third view is there", () => {
    const base = makeExtract();
    const extract = {
      ...base,
      perspectives: [
        { id: "p1", label: "one expert", prevalence: "one" as const },
        { id: "p2", label: "some officials", prevalence: "some" as const },
        { id: "p3", label: "an argument", prevalence: "unstated" as const },
      ],
      themes: base.themes.map((t) => (t.id === "t1" ? { ...t, viewpoints: [...t.viewpoints, { id: "maybe", label: "Maybe", thesis: "It may be so." }] } : t)),
      claims: [
        ...base.claims,
        { ...base.claims[0]!, id: "y9", viewpoint: "yes", perspective: "p3" },
        { ...base.claims[0]!, id: "n9", viewpoint: "no", perspective: "p3", source: "s2" },
        { ...base.claims[0]!, id: "m1", viewpoint: "maybe", perspective: "p3", source: "s2", text: "A maybe claim." },
      ],
    };
    const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
    expect(weight.text).not.toContain("For both");
    expect(weight.text).toMatch(/For “(Yes|No)” and “(Yes|No)”, the sources also give arguments without saying how widely they are held\./);
  });
});

// A reader's test: a handout leaving out one of a question's three views said in its Balance note "Each view is
// given about the same room on every question", and nowhere near it that a view was left out.
describe("the Balance note of a question with a view left out", () => {
  it("says which view is not set out, where the weight is stated with the question", () => {
    const base = makeExtract();
    const extract = {
      ...base,
      themes: base.themes.map((t) => (t.id === "t1" ? { ...t, viewpoints: [...t.viewpoints, { id: "maybe", label: "Maybe", thesis: "It may be so." }] } : t)),
      claims: [...base.claims, { ...base.claims[0]!, id: "m1", viewpoint: "maybe", source: "s2", text: "A maybe claim." }],
    };
    const report = measureBalance(selectBrief(makeBrief({ template: "handout", themes: ["t1"], viewpoints: ["yes", "no"] }), extract, options), { lexicon, policy: "warn" });
    expect(report.themes[0]!.note).toContain("Of the sources’ three views on this question, “Maybe” is not set out here.");
  });
});

// A review: a view the extract gives no claim (its coverage note says why) was "argued with no word on how widely
// it is held" in the short form and summary, which the full statement, rightly, did not say.
// A review: a memo showing one view of two named, for the view it left out, "most panellists (Carnegie panel)",
// a source its list of sources did not have.
describe("a holder of a view left out, in a source the document does not list", () => {
  it("is named with the source, said not to be cited here", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "most experts", prevalence: "most" }, { id: "p2", label: "some officials", prevalence: "some" }] });
    const extract = { ...base, facts: [], claims: base.claims.filter((c) => c.viewpoint !== "yes" || c.perspective === "p1") };
    const model = selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["no"] }), extract, options);
    expect(model.sources.map((s) => s.id)).toEqual(["s2"]);
    const text = measureBalance(model, { lexicon, policy: "warn" }).themes[0]!.weight.text;
    expect(text).toContain("most experts (One, not cited here)");
    expect(text).toContain("(Pub Two)");
    expect(text).not.toContain("Pub Two, not cited here");
  });
});

describe("a view the sources give no argument for", () => {
  it("is not said to be argued, in any form of the statement", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "most experts", prevalence: "most" }, { id: "p2", label: "one official", prevalence: "one" }] });
    const extract = {
      ...base,
      themes: base.themes.map((t) => (t.id === "t1" ? { ...t, viewpoints: [...t.viewpoints, { id: "wait", label: "Wait and see", thesis: "Wait." }], coverage_note: "No source argues for waiting." } : t)),
    };
    for (const viewpoints of ["all", ["yes", "no"]] as const) {
      const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"], viewpoints }), extract, options).themes[0]!);
      for (const form of [weight.text, weight.short, weight.summary]) expect(form).not.toMatch(/“Wait and see” (?:view )?is argued/);
    }
  });
});

describe("a brief that shows one view", () => {
  // It said "Only the “Yes” view is set out here … nothing is weighed against it", and never that the sources hold
  // another: the views a brief leaves out are weighed all the same, and named as not set out.
  it("weighs the views it leaves out as well, and says they are not set out", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "one expert", prevalence: "one" }, { id: "p2", label: "some officials", prevalence: "some" }] });
    const model = selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["yes"] }), base, options);
    const weight = dueWeight(model.themes[0]!);
    expect(weight.verdict).toBe("leans-toward");
    expect(weight.views.map((v) => [v.viewpointId, v.shown])).toEqual([["yes", true], ["no", false]]);
    // Said first, so that the weighing after it is not read as a contest between the views on the page.
    expect(weight.sentences[0]).toBe("Of the sources’ two views on this question, “No” is not set out here.");
    expect(weight.summary).toMatch(/^Of the sources’ two views on this question, “No” is not set out here\. /);
    expect(weight.short).toMatch(/^Of the sources’ two views on this question, “No” is not set out here\. /);
  });

  // A review: with the question's statement printed without stances (the views' theses follow it), a view the brief
  // leaves out, which has no thesis on the page, was named and never said.
  it("keeps the stance of a view left out in the statement printed without stances", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "one expert", prevalence: "one" }, { id: "p2", label: "some officials", prevalence: "some" }] });
    const extract = { ...base, themes: base.themes.map((t) => ({ ...t, viewpoints: t.viewpoints.map((v) => ({ ...v, stance: v.id === "yes" ? "say yes" : "say no" })) })) };
    const weight = dueWeight(selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["no"] }), extract, options).themes[0]!);
    expect(weight.leading).toBe("yes");
    expect(weight.attributed).toMatch(/leans toward the “Yes” view: those who hold it say yes; the sources attribute it to [^.]*\./);
    expect(weight.attributed).toMatch(/The sources attribute the “No” view to /);
  });

  // A trainer's handout read "Only “Economics as a binding force” is set out here. Each view rests on two sources.":
  // "each view" of one, and no word of the two the sources also give.
  it("says in the Balance note how many views the sources give, and of the one shown what it rests on", () => {
    const report = measureBalance(selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["yes"] }), makeExtract(), options), { lexicon, policy: "warn" });
    expect(report.themes[0]!.note.slice(0, 2)).toEqual(["Only “Yes” is set out here, of the two views the sources give.", "It rests on two sources."]);
  });

  it("says only that view is set out, weighing nothing against it, when the extract has no other", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "one expert", prevalence: "one" }, { id: "p2", label: "some officials", prevalence: "some" }] });
    const oneSided = { ...base, themes: base.themes.map((t) => (t.id === "t1" ? { ...t, viewpoints: t.viewpoints.filter((v) => v.id === "yes") } : t)), claims: base.claims.filter((c) => c.viewpoint !== "no") };
    const model = selectBrief(makeBrief({ themes: ["t1"] }), oneSided, options);
    const weight = dueWeight(model.themes[0]!);
    expect(weight.verdict).toBe("one-view");
    expect(weight.text).toBe("Only the “Yes” view is set out here, held by some officials (Pub Two) and one expert (One).");
    expect(weight.summary).toBe("With one view set out, nothing is weighed against it.");
  });
});

// A trainer's handout left out one of three views on a question: the statement then said the weight of the sources
// lay with one of the two shown, where the sources, counted whole, were divided.
describe("a brief that shows some of a question's views", () => {
  it("says where the weight of the sources lies as a brief showing them all does", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "one expert", prevalence: "one" }, { id: "p2", label: "some officials", prevalence: "some" }, { id: "p3", label: "most analysts", prevalence: "most" }] });
    const extract = {
      ...base,
      themes: base.themes.map((t) => (t.id === "t1" ? { ...t, viewpoints: [...t.viewpoints, { id: "maybe", label: "Maybe", thesis: "It may be so." }] } : t)),
      claims: [...base.claims, { ...base.claims[0]!, id: "m1", viewpoint: "maybe", perspective: "p3", source: "s2", text: "A maybe claim." }],
    };
    const all = dueWeight(selectBrief(makeBrief({ themes: ["t1"] }), extract, options).themes[0]!);
    const two = dueWeight(selectBrief(makeBrief({ themes: ["t1"], viewpoints: ["yes", "no"] }), extract, options).themes[0]!);
    // Held by most analysts in one source, against some officials in two: the counts point different ways.
    expect(all.verdict).toBe("divided");
    expect(two.verdict).toBe("divided");
    expect(two.text).toBe(`Of the sources’ three views on this question, “Maybe” is not set out here. ${all.text}`);
  });
});

// An author's test: a memo said a view was "also argued in Fiscal note, with no word there on how widely it is held",
// a source it neither cited nor listed (its one claim there was not among those the brief selected).
describe("an uncounted argument in a source the document does not list", () => {
  it("names the source as not cited here", () => {
    const base = makeExtract({ perspectives: [{ id: "p1", label: "most experts", prevalence: "most" }, { id: "p2", label: "some officials", prevalence: "some" }, { id: "p3", label: "a note" }] });
    const extract = {
      ...base,
      sources: [...base.sources, { id: "s3", title: "Three", publisher: "Pub Three", short_name: "Fiscal note", kind: "report", date_note: "undated", place: "Z", quality: "Q.", context_only: [] }],
      facts: [],
      claims: [...base.claims.filter((c) => c.theme === "t1"), { ...base.claims[0]!, id: "y9", source: "s3", perspective: "p3", text: "A yes claim from a note." }],
    };
    const model = selectBrief(makeBrief({ themes: ["t1"], claims_per_viewpoint: 1 }), extract, options);
    expect(model.sources.map((s) => s.id)).not.toContain("s3");
    const text = measureBalance(model, { lexicon, policy: "warn" }).themes[0]!.weight.text;
    expect(text).toContain("Fiscal note (not cited here)");
  });
});

// A review: a statement naming only the holders a brief shows made an unnamed holder's source read as one that counts
// nobody, and said a view "(one panellist, Carnegie panel) is held in both sources". The statement names the holders
// the sources count, whatever the brief shows.
describe("the holders a statement names for a view set out", () => {
  it("are those the sources count, and their sources count for the view", () => {
    const base = makeExtract({
      perspectives: [{ id: "p1", label: "most experts", prevalence: "most" }, { id: "p2", label: "some officials", prevalence: "some" }, { id: "p3", label: "one official", prevalence: "one" }, { id: "p4", label: "a commentator" }],
    });
    const yes = base.claims.filter((c) => c.viewpoint === "yes" && c.id !== "y2");
    const extract = {
      ...base,
      facts: [],
      claims: [...yes, { ...yes[0]!, id: "y9", source: "s2", perspective: "p4", text: "A commentator's yes." }, { ...base.claims.find((c) => c.id === "n1")!, perspective: "p3" }],
    };
    const text = measureBalance(selectBrief(makeBrief({ themes: ["t1"], claims_per_viewpoint: 1 }), extract, options), { lexicon, policy: "warn" }).themes[0]!.weight.text;
    expect(text).toContain("most experts (One) and some officials (Pub Two)");
    expect(text).not.toMatch(/“Yes” is also argued/);
  });
});
