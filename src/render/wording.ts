import { viewName } from "../balance/due-weight.js";
import { weightPrinted, type BalanceReport } from "../balance/measure.js";
import type { BriefModel, SourceModel } from "../model.js";
import { countOf, joinWords, runInHeading } from "../text/prose.js";

/**
 * The sentences a document says in its own voice, built from the model so
 * that every renderer (HTML now, Word later) prints the same words. Counts in
 * words, plurals that agree, no ids, no policy names.
 */

/**
 * The fixed words of the documents: headings, labels, and the sentences that
 * do not depend on the brief. Templates print them with {{phrase "name"}};
 * the Word writer uses the same table.
 */
export const phrases = {
  memoKind: "Memorandum",
  handoutKind: "Seminar handout",
  memoFor: "MEMORANDUM FOR:",
  memoFrom: "FROM:",
  memoDate: "DATE:",
  memoSubject: "SUBJECT:",
  overview: "Overview",
  contents: "Contents",
  blufMemo: "Bottom line up front",
  bluf: "Bottom line",
  recommendation: "Recommendation",
  coverage: "Coverage:",
  noArgumentForView: "The sources carry no argument for this view.",
  noArgumentInColumn: "No argument for this view in the sources.",
  noArgumentInLine: "no argument in the sources",
  indicators: "What would tell the views apart",
  indicatorsNote: "Analyst’s indicators, not the sources’ words.",
  keyFacts: "Key facts",
  evidence: "The evidence: analysis of competing hypotheses",
  achFact: "Fact",
  achDiagnostic: "Diagnostic?",
  notDiagnostic: "not diagnostic",
  assumptions: "Key assumptions",
  assumptionsLead: "What the views take for granted, as their sources state it.",
  questions: "Discussion questions",
  glossary: "Glossary",
  notes: "Notes",
  sources: "Sources",
  sourceDate: "Date:",
  balanceNote: "Balance note",
  balanceRunIn: "Balance.",
} as const;

export type PhraseName = keyof typeof phrases;

/** A claim's kind as its small label says it. */
export const kindLabels: Readonly<Record<string, string>> = { reporting: "Reporting", judgment: "Judgment", assumption: "Assumption" };

/** How the evidence matrix shows each bearing. */
export const bearingSymbols: Readonly<Record<string, string>> = { consistent: "C", inconsistent: "I", neutral: "N" };

/** A piece of the evidence matrix's lead: plain text, a bearing's symbol, or words in italics. */
export type LeadPart = { readonly text: string } | { readonly bearing: "consistent" | "inconsistent" | "neutral" } | { readonly emphasis: string };

/**
 * Under a question's evidence matrix, the views the brief leaves out: they have no column, so a fact that bears only
 * on one of them reads "not diagnostic" among the views set out (a reader's test).
 */
export function achLeftOutLine(labels: readonly string[]): string {
  const views = joinWords(labels.map(viewName));
  return labels.length === 1 ? `${views}, not set out here, is not rated against these facts.` : `${views}, not set out here, are not rated against these facts.`;
}

/** The evidence matrix's lead: how to read it (Heuer's analysis of competing hypotheses), with the symbols as the matrix shows them. */
export function achLead(): readonly LeadPart[] {
  return [
    { text: "Where the sources give dated or numeric facts on a question, each is set against each view (Heuer’s method): " },
    { bearing: "consistent" },
    { text: " consistent, " },
    { bearing: "inconsistent" },
    { text: " inconsistent, " },
    { bearing: "neutral" },
    { text: " neutral. A fact rated the same against every view is " },
    { emphasis: phrases.notDiagnostic },
    { text: ": it cannot tell the views apart, however important it seems. The ratings are our reading of the sources, for discussion, not a verdict." },
  ];
}

/** What a reader calls the document. */
export function documentNoun(model: BriefModel): string {
  return model.layout === "one-pager" ? "paper" : model.layout;
}

/** "Cited for three claims and one fact." (only what this document prints) */
export function citedLine(source: SourceModel): string {
  // Claims and facts are counted apart (different things), each in words under ten.
  const parts = [source.citedClaims > 0 ? countOf(source.citedClaims, "claim") : "", source.citedFacts > 0 ? countOf(source.citedFacts, "fact") : ""].filter(Boolean);
  return parts.length === 0 ? "" : `Cited for ${joinWords(parts)}.`;
}

/** The sources a document draws on, in a sentence: "It draws on two sources: the Carnegie panel, a panel summary (undated), and …". */
export function sourcesLine(model: BriefModel): string {
  if (model.sources.length === 0) return "";
  const describe = (s: SourceModel) => `${/^[aeiou]/i.test(s.kind) ? "an" : "a"} ${s.kind} (${s.shortName}, ${s.dateDisplay})`;
  return `It draws on ${countOf(model.sources.length, "source")}: ${joinWords(model.sources.map(describe))}.`;
}

/** The opening of a handout's overview: what it sets out, for a seminar. */
export function overviewLead(model: BriefModel): string {
  const questions = countOf(model.themes.length, "question");
  const each = model.themes.length === 1 ? "the views side by side" : "for each, the views side by side";
  return `This ${documentNoun(model)} sets out ${questions} on which views differ: ${each}, who holds them and where they say it. It takes no side.`;
}

/** The bottom line's word on endorsement, and on the office's own assessment when there is one. */
export function endorsementLine(model: BriefModel): string {
  // Not "endorses none of them" beside a judgment of the office's own, which a reader took for taking a side after all.
  if (model.assessment !== undefined) return "The views set out are the sources’, each attributed to those who hold it; our own judgment is given apart, under “Our assessment”.";
  return `The views are the sources’, each attributed to those who hold it; this ${documentNoun(model)} endorses none of them.`;
}

/** Who the assessment is from, for its label: "Our assessment (Eurasia Policy Staff)". */
export function assessmentLabel(model: BriefModel): string {
  return model.from !== undefined ? `Our assessment (${model.from})` : "Our assessment";
}

/** How to read the citations: at the head of the notes, or at the foot of a document that quotes inline. */
export function readingNote(model: BriefModel, balance: BalanceReport): string {
  if (!model.printsClaims && model.facts.length === 0) return "";
  // Said of quotation marks only where the document's own sentences set a view's name in them ("the “Yes” view").
  const names = namesViewsInQuotes(model, balance) ? `The names of the views, ${quotesPrinted(model) ? "also " : ""}in quotation marks, are ours.` : "The names of the views are ours.";
  const citations =
    model.citations === "endnotes"
      ? `Claims are our paraphrase of the sources; each note gives the source’s own words and the paragraph they come from (${paragraphCount}). The names of the views are ours.`
      : quotesPrinted(model)
        ? `Claims are our paraphrase of the sources; a quotation cited by paragraph is the source’s own words (${paragraphCount}). ${names}`
        : `Claims are our paraphrase of the sources, each cited by source and paragraph (${paragraphCount}). ${names}`;
  // A reader's test: a capitalised badge on every claim, with no key, read as the tool's jargon, and "Judgment" as ours.
  return model.printsClaims ? `${citations} ${kindKey}` : citations;
}

/**
 * Whether the balance report's sentences (the weight statements, the Balance note), which the document prints,
 * name a view in quotation marks. A view's name otherwise heads its section or a table's column, unquoted.
 */
function namesViewsInQuotes(model: BriefModel, balance: BalanceReport): boolean {
  const names = model.themes.flatMap((theme) => theme.viewpoints.map((view) => viewName(view.label)));
  return someText(balance, (text) => names.some((name) => text.includes(name)));
}

/** Whether any text in a value (its strings, in objects and lists all the way down) passes `test`. */
function someText(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === "string") return test(value);
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some((item) => someText(item, test));
}

/** Whether a claim's quotation follows it anywhere in the document (inline citations, with show_quotes: true). */
function quotesPrinted(model: BriefModel): boolean {
  const claims = [...model.themes.flatMap((theme) => theme.viewpoints.flatMap((viewpoint) => viewpoint.shownClaims)), ...model.assumptions];
  return claims.some((claim) => claim.showQuote);
}

/**
 * How paragraphs are counted: every line of the source's text from its start, as the extract's locators count
 * them. A reader checking a quote counts from the first paragraph of the body and lands a few short (a reader's test).
 */
const paragraphCount = "paragraphs are counted from the top of the source, its title, headings and each bullet included";

/** What the label before each claim means: most judgments are the views of people a source reports, not its author's. */
const kindKey =
  "The label before a claim says what kind of statement the source makes: reporting (what happened or was said), judgment (a view the source states or reports, not ours) or assumption (what a view takes for granted).";

/** The tool credit, only when the brief asks for it. */
export function creditLine(model: BriefModel): string {
  return model.credit ? `Prepared with Briefsmith from the extract “${model.corpus.title}”.` : "";
}

/** The Balance note's opening: what is measured and how, in a reader's words, and that room is not weight. */
export function balanceLead(model: BriefModel, balance: BalanceReport): string {
  const questions = model.themes.length > 1;
  if (balance.verdict === "not checked") return `The notes below say how this ${documentNoun(model)} presents ${questions ? "each question" : "its question"}.`;
  // In a reader's words: "space is the words of the claims printed" read as the tool's own measure.
  const measure = balance.measured === "claims" ? "the words printed for it" : "the words of its summary";
  // Equal room is said once, here, for every question that has it: under each question only a view short of it is.
  const short = balance.themes.filter((theme) => !evenlySpaced(theme, balance)).length;
  const room =
    balance.space === "proportional"
      ? `Each view is given room in proportion to how widely the sources say it is held, measured in ${measure}, and none less than half an equal share.`
      : short === 0
        ? `Each view is given about the same room${questions ? " on every question" : ""}, measured in ${measure}: none has less than ${fraction(balance.thresholds.underweightRatio)} of an equal share.`
        : `Each view is meant to have about the same room, measured in ${measure}, and none less than ${fraction(balance.thresholds.underweightRatio)} of an equal share; ${short === 1 ? "the note below says where" : "the notes below say where"} a view has less.`;
  // A reader's test: a note that only said each view got the same room read as equal airtime passed off as balance.
  const printed = weightPrinted(model);
  const where = printed === "bluf" ? "in the bottom line" : printed === "questions" ? (questions ? "with each question" : "with the question") : "below";
  const notWeight = balance.space === "proportional" ? "" : ` Room is not weight: where the weight of opinion in the sources lies is said ${where}.`;
  // The first view changes from question to question; with one question there is nothing to rotate.
  return `${room}${notWeight}${questions ? " The order of the views varies from question to question." : ""}`;
}

/**
 * A one-pager's balance, in a line: "Each view gets about the same space on
 * every question", or the questions where it does not, with their own sentence;
 * with more than one question, that the order of the views varies.
 */
export function balanceLine(balance: BalanceReport): string {
  const even = balance.themes.filter((theme) => evenlySpaced(theme, balance));
  const parts: string[] = [];
  if (even.length > 0) {
    const scope = even.length === balance.themes.length ? (balance.themes.length === 1 ? "" : " on every question") : ` on ${joinWords(even.map((t) => t.title))}`;
    parts.push(`Each view gets about the same space${scope}.`);
  }
  // The question's title run in, as the handout does: a title that is a question ("Alliance or partnership?") took a
  // colon after its question mark.
  for (const theme of balance.themes.filter((t) => !even.includes(t))) parts.push(`${runInHeading(theme.title)} ${theme.note[0] ?? ""}`);
  if (balance.themes.length > 1) parts.push("The order of the views varies from question to question.");
  return parts.join(" ");
}

/** Whether no view of a question has less than its share of the space. */
function evenlySpaced(theme: BalanceReport["themes"][number], balance: Pick<BalanceReport, "thresholds">): boolean {
  return theme.viewpoints.every((v) => v.fairShareRatio >= balance.thresholds.underweightRatio);
}

/** 0.8 as "four-fifths", 0.75 as "three-quarters"; otherwise a percentage. */
function fraction(ratio: number): string {
  const named: Record<string, string> = { "0.5": "half", "0.75": "three-quarters", "0.8": "four-fifths", "0.9": "nine-tenths", "1": "all" };
  return named[String(ratio)] ?? `${Math.round(ratio * 100)}%`;
}
