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
  if (typeof model !== "object" || model === null || !("layout" in model) || typeof balance !== "object" || balance === null) {
    throw invalidArgument("renderDocx's model and balance", typeof model, "what renderBrief returned (its model and balance)");
  }
  checkOptionsArgument("renderDocx's options", options);
  const { writeDocx } = await import("./write-docx.js");
  return writeDocx(model, balance, options.letterhead);
}
