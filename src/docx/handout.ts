import type { FileChild } from "docx";
import { overviewLead, phrases, readingNote, sourcesLine } from "../render/wording.js";
import { blockMarkdown, heading, numberedItems, portion, raw, text, unmarked, type DocxContext } from "./blocks.js";
import type { Layout } from "./layout.js";
import { evidenceMatrix } from "./sections.js";
import { style } from "./styles.js";

/**
 * The seminar handout in Word: its kind, Title and byline, an overview (the
 * summary, what it covers, its sources, how to read them, the questions in order), then the
 * sections; its facts are the evidence matrix (a table per question).
 */
export const handoutLayout: Layout = {
  margins: [0.95, 0.9, 0.9, 0.9],
  opening: (context: DocxContext) => {
    const { model } = context;
    const out: FileChild[] = [
      unmarked(style.documentKind, [raw(phrases.handoutKind)]),
      portion(context, style.title, [text(model.title)]),
      unmarked(style.byline, [...(model.to !== undefined ? [text(`For ${model.to} · `)] : []), ...(model.from !== undefined ? [text(`${model.from} · `)] : []), raw(model.dateDisplay)]),
      heading(context, 1, phrases.overview),
    ];
    if (model.summary !== undefined) out.push(...blockMarkdown(context, model.summary, style.normal));
    if (model.coversCorpus) out.push(portion(context, style.normal, [text(model.corpus.description)]));
    out.push(portion(context, style.normal, [text(overviewLead(model)), raw(" "), text(sourcesLine(model))]));
    // How to read the claims' labels and citations, before the first of them (footerNote leaves it to the overview).
    const reading = readingNote(model, context.balance);
    if (model.citations !== "endnotes" && reading !== "") out.push(portion(context, style.provenance, [raw(reading)]));
    // The questions in order; Word's navigation pane lists the headings, so no table of contents is needed.
    if (model.themes.length !== 1) out.push(...numberedItems(context, model.themes.map((theme) => [text(theme.title)])));
    return out;
  },
  sections: { facts: evidenceMatrix },
};
