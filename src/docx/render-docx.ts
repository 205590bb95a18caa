import type { BalanceReport } from "../balance/measure.js";
import type { BriefModel } from "../model.js";

/**
 * A brief's Word document (.docx), made from its model and balance report
 * (what renderBrief returns), never from its HTML. The docx library is
 * loaded on the first call, so nothing that does not write Word pays for it.
 * The same model gives the same bytes.
 */
export async function renderDocx(model: BriefModel, balance: BalanceReport): Promise<Uint8Array> {
  const { writeDocx } = await import("./write-docx.js");
  return writeDocx(model, balance);
}
