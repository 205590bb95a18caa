import type { FileChild } from "docx";
import { runInHeading } from "../text/prose.js";
import { balanceLine, endorsementLine, phrases } from "../render/wording.js";
import { blockMarkdown, bulletItem, heading, portion, raw, text, unmarked, type DocxContext } from "./blocks.js";
import type { Layout } from "./layout.js";
import { assessmentAndRecommendation, weightOf, type SectionWriter } from "./sections.js";
import { style } from "./styles.js";

/** The bottom line in a line per question. */
const bluf: SectionWriter = (context) => {
  const { model } = context;
  const out: FileChild[] = [heading(context, 1, phrases.bluf)];
  if (model.summary !== undefined) out.push(...blockMarkdown(context, model.summary, style.normal));
  if (model.weightIn === "bluf") {
    for (const theme of model.themes) {
      const weight = weightOf(context, theme.id)?.short;
      out.push(bulletItem(context, [text(runInHeading(theme.title), { bold: true }), raw(" "), ...(weight === undefined ? [] : [text(weight)])]));
    }
  }
  out.push(portion(context, style.lead, [text(endorsementLine(model))]));
  out.push(...assessmentAndRecommendation(context, false));
  return out;
};

/** Each question with one line per view: its label, its thesis and the sources that argue it. */
const themes: SectionWriter = (context) => {
  const out: FileChild[] = [];
  for (const theme of context.model.themes) {
    out.push(heading(context, 1, theme.title));
    out.push(portion(context, style.question, [text(theme.question)]));
    if (context.model.weightIn === "themes") {
      const weight = weightOf(context, theme.id)?.short;
      if (weight !== undefined) out.push(portion(context, style.normal, [text(weight)]));
    }
    for (const viewpoint of theme.viewpoints) {
      const sources = viewpoint.sourceRefs.length > 0 ? viewpoint.sourceRefs.map((ref) => ref.shortName).join("; ") : phrases.noArgumentInLine;
      out.push(bulletItem(context, [text(`${viewpoint.label}:`, { bold: true }), raw(" "), text(viewpoint.thesis), raw(" "), text(`(${sources})`, { style: style.attribution })]));
    }
  }
  return out;
};

/** The sources, in short, each under the name the view lines cite it by (a one-pager has no notes, so no numbers). */
const sources: SectionWriter = (context) => {
  const { model } = context;
  if (model.sources.length === 0) return [];
  return [
    heading(context, 1, phrases.sources),
    ...model.sources.map((source) =>
      portion(context, style.source, [text(`${source.shortName}:`, { bold: true }), raw(" "), text(`${source.publisher}, `), text(source.title, { italics: true }), text(`, ${source.dateDisplay}.`)]),
    ),
  ];
};

/** The balance in a line. */
const balance: SectionWriter = (context) => [portion(context, style.balance, [raw(phrases.balanceRunIn, { bold: true }), raw(" "), text(balanceLine(context.balance))])];

/** The one-pager in Word: Title and byline, then the bottom line, a line per view, the sources and the balance in short. */
export const onePagerLayout: Layout = {
  margins: [0.75, 0.7, 0.7, 0.7],
  opening: (context: DocxContext) => {
    const { model } = context;
    const byline = [...(model.to !== undefined ? [text(`For ${model.to} · `)] : []), ...(model.from !== undefined ? [text(`${model.from} · `)] : []), raw(model.dateDisplay)];
    return [portion(context, style.title, [text(model.title)]), unmarked(style.byline, byline)];
  },
  sections: { bluf, themes, sources, balance },
};
