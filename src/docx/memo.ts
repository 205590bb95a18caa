import type { Paragraph } from "docx";
import { phrases } from "../render/wording.js";
import { borderlessTable, portion, raw, text, unmarked, type DocxContext } from "./blocks.js";
import type { Layout } from "./layout.js";
import { style } from "./styles.js";

/**
 * The memo in Word: MEMORANDUM, then the header block (MEMORANDUM FOR, FROM,
 * DATE, SUBJECT) as a borderless table with a rule under it, then the
 * sections in the brief's order. The SUBJECT line is the document's Title; it
 * alone of the header block is a portion (the address lines are not), as a
 * marked memo is portion-marked.
 */
export const memoLayout: Layout = {
  margins: [0.85, 0.8, 0.8, 0.8],
  opening: (context: DocxContext) => {
    const { model } = context;
    const row = (label: string, value: Paragraph): Paragraph[] => [unmarked(style.memoLabel, [raw(label)]), value];
    const rows: Paragraph[][] = [];
    if (model.to !== undefined) rows.push(row(phrases.memoFor, unmarked(style.memoValue, [text(model.to)])));
    if (model.from !== undefined) rows.push(row(phrases.memoFrom, unmarked(style.memoValue, [text(model.from)])));
    rows.push(row(phrases.memoDate, unmarked(style.memoValue, [raw(model.dateDisplay)])));
    rows.push(row(phrases.memoSubject, portion(context, style.title, [text(model.title)])));
    return [unmarked(style.documentKind, [raw(phrases.memoKind)]), borderlessTable(rows, [1.9, 5.0], context.textWidth), unmarked(style.normal, [], { spacing: { after: 120 } })];
  },
  sections: {},
};
