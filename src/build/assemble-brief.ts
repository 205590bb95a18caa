import { assessBalance } from "../balance/assess.js";
import type { Lexicon } from "../balance/lexicon.js";
import type { BalanceReport } from "../balance/measure.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BriefModel } from "../model.js";
import { spellOutAbbreviations } from "../render/abbreviations.js";
import { selectBrief } from "../select/select.js";
import type { CheckedBrief } from "../validate/brief.js";

/** A brief selected from its extract and measured for balance: everything but the document itself. */
export interface AssembledBrief {
  readonly model: BriefModel;
  readonly balance: BalanceReport;
  /** The balance problems, located in the brief and its extract: errors under the strict policy, warnings otherwise. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Select a checked brief's content and measure its balance. Whether the
 * brief may then be built is gate.ts's to decide. Pure.
 */
export function assembleBrief(checked: CheckedBrief, context: { date: string; lexicon: Lexicon }): AssembledBrief {
  const model = selectBrief(checked.brief, checked.corpus.extract, { buildDate: context.date });
  const { report, diagnostics } = assessBalance(checked, model, context.lexicon);
  // Measured on the extract's words; printed with each abbreviation spelled out where the reader first meets it.
  return { model: spellOutAbbreviations(model), balance: report, diagnostics };
}
