import type { BalanceReport } from "../balance/measure.js";
import { checkOptionsArgument, invalidArgument } from "../errors/argument.js";
import type { BriefModel } from "../model.js";
import type { WordLetterhead } from "../load/word-letterhead.js";

/**
 * A brief's Word document (.docx), made from its model and balance report
 * (what renderBrief returns), never from its HTML. The docx library is
 * loaded on the first call, so nothing that does not write Word pays for it.
 * The same model gives the same bytes. With `letterhead` (a template set's
 * `letterheads.get(model.template)`), on the office's letterhead.
 */
export async function renderDocx(model: BriefModel, balance: BalanceReport, options: { letterhead?: WordLetterhead | undefined } = {}): Promise<Uint8Array> {
  // Each argument named by itself, with the value given: "model and balance is \"object\"" said neither which nor what.
  if (typeof model !== "object" || model === null || !("layout" in model)) throw invalidArgument("renderDocx's model", model, "the model renderBrief returned");
  if (typeof balance !== "object" || balance === null || !("verdict" in balance)) throw invalidArgument("renderDocx's balance", balance, "the balance report renderBrief returned");
  checkOptionsArgument("renderDocx's options", options, { letterhead: true });
  const letterhead = options.letterhead as unknown;
  if (letterhead !== undefined && (typeof letterhead !== "object" || letterhead === null || !("styles" in letterhead) || !((letterhead as { styles: unknown }).styles instanceof Map))) {
    throw invalidArgument("renderDocx's letterhead", letterhead, "a letterhead loadTemplates read (templates.letterheads.get(model.template))");
  }
  const { writeDocx } = await import("./write-docx.js");
  return writeDocx(model, balance, options.letterhead);
}
