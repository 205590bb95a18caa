import type { BriefModel } from "../model.js";
import { withoutQuotedPassages } from "../text/phrases.js";
import { findTerms, type Lexicon, type TermMatch } from "./lexicon.js";
import { problem, type BalanceProblem, type BalanceSubject } from "./problem.js";

/**
 * The analytic standards for our own language (ICD 203): likelihood words
 * from the scale, one row of it, never beside a confidence level; and a
 * synthesis that recommends only when asked to.
 */

interface OwnText {
  readonly subject: BalanceSubject;
  readonly text: string;
}

/**
 * The texts of a brief that are ours, not the sources', and that the document
 * prints: the summary, assessment and recommendation, questions, notes,
 * theses, stances, and the claims and facts printed (a one-pager prints no
 * claim, so no claim's wording can fail it).
 */
function ownTexts(model: BriefModel): OwnText[] {
  const texts: OwnText[] = [];
  const brief = (field: string, text: string | undefined) => {
    if (text !== undefined) texts.push({ subject: { kind: "brief", id: model.id, field }, text });
  };
  brief("summary", model.summary);
  brief("assessment", model.assessment);
  brief("recommendation", model.recommendation);
  for (const theme of model.themes) {
    texts.push({ subject: { kind: "theme", id: theme.id, field: "question" }, text: theme.question });
    if (theme.coverageNote) texts.push({ subject: { kind: "theme", id: theme.id, field: "coverage_note" }, text: theme.coverageNote });
    for (const viewpoint of theme.viewpoints) {
      texts.push({ subject: { kind: "viewpoint", id: viewpoint.id, field: "thesis" }, text: viewpoint.thesis });
      if (viewpoint.stance) texts.push({ subject: { kind: "viewpoint", id: viewpoint.id, field: "stance" }, text: viewpoint.stance });
      if (model.printsClaims) {
        for (const claim of viewpoint.shownClaims) texts.push({ subject: { kind: "claim", id: claim.id, field: "text" }, text: claim.text });
      }
    }
    for (const fact of theme.facts) texts.push({ subject: { kind: "fact", id: fact.id, field: "text" }, text: fact.text });
  }
  return texts;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“(])/);
}

const scaleTermsByLexicon = new WeakMap<Lexicon, readonly string[]>();

/** Both rows of the scale as one list, made once per lexicon so its pattern is compiled once. */
function scaleTermsOf(lexicon: Lexicon): readonly string[] {
  let terms = scaleTermsByLexicon.get(lexicon);
  if (terms === undefined) {
    terms = lexicon.estimative.rows.flatMap((row) => row.terms);
    scaleTermsByLexicon.set(lexicon, terms);
  }
  return terms;
}

/**
 * ICD 203: likelihood words come from its scale, from one row of it only, and
 * a likelihood term never shares a sentence with a confidence level.
 */
export function checkEstimativeLanguage(model: BriefModel, lexicon: Lexicon, problems: BalanceProblem[]): string | undefined {
  const [firstRow, secondRow] = lexicon.estimative.rows as [Lexicon["estimative"]["rows"][0], Lexicon["estimative"]["rows"][0]];
  const rowsUsed = new Map<string, BalanceSubject>();
  const scaleTerms = scaleTermsOf(lexicon);
  for (const { subject, text } of ownTexts(model)) {
    const own = withoutQuotedPassages(text);
    // Scale terms first, so "almost certainly" is not also read as the off-scale "certainly".
    let offScaleText = own;
    for (const found of findTerms(own, scaleTerms)) {
      offScaleText = offScaleText.slice(0, found.index) + " ".repeat(found.length) + offScaleText.slice(found.index + found.length);
    }
    for (const found of findTerms(offScaleText, lexicon.estimative.off_scale)) {
      problems.push(
        problem({
          severity: "error",
          code: "OFF_SCALE_LIKELIHOOD",
          subject: { ...subject, term: found.term },
          message: `"${found.term}" in the ${subject.field} of ${subject.kind} "${subject.id}" is not one of the likelihood scale's words (ICD 203)`,
        }),
      );
    }
    for (const row of [firstRow, secondRow]) {
      if (findTerms(own, row.terms).length > 0 && !rowsUsed.has(row.name)) rowsUsed.set(row.name, subject);
    }
    for (const sentence of sentences(own)) {
      const likelihood = findTerms(sentence, scaleTerms);
      const confidence = findTerms(sentence, lexicon.estimative.confidence);
      if (likelihood.length > 0 && confidence.length > 0) {
        problems.push(
          problem({
            severity: "error",
            code: "LIKELIHOOD_WITH_CONFIDENCE",
            subject,
            message: `the ${subject.field} of ${subject.kind} "${subject.id}" puts a likelihood ("${likelihood[0]!.term}") and a confidence level ("${confidence[0]!.term}") in one sentence`,
          }),
        );
      }
    }
  }
  if (rowsUsed.size > 1) {
    const second = rowsUsed.get(secondRow.name)!;
    problems.push(
      problem({
        severity: "error",
        code: "MIXED_ESTIMATIVE_ROWS",
        subject: second,
        message: `the brief mixes the two rows of the ICD 203 scale ("${firstRow.name}" terms and "${secondRow.name}" terms, as in the ${second.field} of ${second.kind} "${second.id}")`,
      }),
    );
  }
  return rowsUsed.size === 1 ? [...rowsUsed.keys()][0] : undefined;
}

/** Opens a question reported rather than asked: "you asked whether the city should …", "it asks what a ban should cost". */
const reportedQuestion = /\b(?:whether(?!\s+or\s+not)|(?:ask|asks|asked|asking|wonder|wonders|wondered)\s+(?:if|what|how|which|who|whom|why|when|where))\b/i;

/**
 * A verb that reports what someone holds, with its subject's last word (past an adverb: "we strongly recommend"):
 * "some parents say …", "the forum recommends that …". "Called" alone names ("a plan called Safe Schools").
 */
const reportingVerb =
  /\b([\p{L}’']+)(?:\s+(?:\p{L}+ly|therefore|also|now|again|still|thus|hence))*\s+(?:say|says|said|argue|argues|argued|recommend|recommends|recommended|urge|urges|urged|propose|proposes|proposed|contend|contends|contended|insist|insists|insisted|claim|claims|claimed|suggest|suggests|suggested|warn|warns|warned|believe|believes|believed|think|thinks|thought|want|wants|wanted|(?:call|calls|called)\s+for)\b/giu;

/** Where a clause of the memo's own may begin after a reported one: not at ", and that …", which reports on. */
const clauseBreak = /;\s*|,\s+(?:but|yet|while|whereas|so|and(?!\s+that\b))\s+/g;

/** A clause that opens a sentence and ends at its comma ("If the council wants fewer distractions, …"): what the sentence says follows it. */
const openingClause = /^\s*(?:if|whether|whatever|whoever|however|when|whenever|although|though|unless|while|as|because|since|once)\b[^,]*,\s*/i;

/** The memo's own voice: "we" and "I" report nothing, they say it, and nor does the memo naming itself. */
const ownSubjects: ReadonlySet<string> = new Set(["we", "i", "memo", "paper", "brief"]);

/**
 * A recommending word the memo does not say in its own voice: in a question reported ("whether … should"), or
 * after a verb that reports someone else's view ("the forum recommends that …", "some parents say pupils must …"),
 * earlier in its clause. A staffer's summary, "You asked whether the city should ban smartphones", was refused
 * as a recommendation of the memo's own. `own` is `text` with its quotations blanked out, at the same length:
 * sentences are told apart in `text`, where a quotation may hold the full stop that ends one.
 */
function reported(text: string, own: string, match: TermMatch): boolean {
  const end = match.index + match.length;
  const sentenceStart = Math.max(0, ...[...text.slice(0, end).matchAll(/[.!?]["”’)]*\s+(?=[A-Z"“(\d])/g)].map((m) => m.index + m[0].length));
  const sentence = own.slice(sentenceStart, end);
  // The clause the word is in: "some parents say pupils need phones, but the council must act" recommends.
  const clause = sentence.slice(Math.max(0, ...[...sentence.matchAll(clauseBreak)].map((m) => m.index + m[0].length))).replace(openingClause, "");
  if (reportedQuestion.test(clause)) return true;
  return [...clause.matchAll(reportingVerb)].some((verb) => !ownSubjects.has(verb[1]!.toLowerCase()));
}

/** The synthesis (summary and assessment) states the range of views and a judgment; it recommends only when the brief asks for a recommendation. */
export function checkSynthesis(model: BriefModel, lexicon: Lexicon, problems: BalanceProblem[]): void {
  if (model.recommendation !== undefined) return;
  for (const [field, text] of [["summary", model.summary], ["assessment", model.assessment]] as const) {
    if (text === undefined) continue;
    const own = withoutQuotedPassages(text);
    const found = findTerms(own, lexicon.recommending).filter((match) => !reported(text, own, match));
    if (found.length > 0) {
      problems.push(
        problem({
          severity: "error",
          code: "RECOMMENDATION_IN_SYNTHESIS",
          subject: { kind: "brief", id: model.id, field, term: found[0]!.term },
          message: `the ${field} recommends ("${found[0]!.term}"), but the brief asks for no recommendation`,
        }),
      );
    }
  }
}

/**
 * The office's assessment is an estimative judgment (ICD 203): it says how
 * likely, with a term of the scale, and how confident, with a confidence
 * level; checkEstimativeLanguage already keeps the two in separate sentences.
 */
export function checkAssessment(model: BriefModel, lexicon: Lexicon, problems: BalanceProblem[]): void {
  if (model.assessment === undefined) return;
  const own = withoutQuotedPassages(model.assessment);
  const subject = { kind: "brief" as const, id: model.id, field: "assessment" };
  if (findTerms(own, scaleTermsOf(lexicon)).length === 0) {
    problems.push(
      problem({
        severity: "error",
        code: "ASSESSMENT_WITHOUT_LIKELIHOOD",
        subject,
        message: "the assessment states no likelihood; say how likely, with a term of the ICD 203 scale (for example \"likely\" or \"unlikely\")",
      }),
    );
  }
  if (findTerms(own, lexicon.estimative.confidence).length === 0) {
    problems.push(
      problem({
        severity: "error",
        code: "ASSESSMENT_WITHOUT_CONFIDENCE",
        subject,
        message: "the assessment states no confidence level; add a sentence with high, moderate or low confidence",
      }),
    );
  }
}
