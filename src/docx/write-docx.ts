import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type INumberingOptions,
} from "docx";
import JSZip from "jszip";
import type { BalanceReport } from "../balance/measure.js";
import type { BriefModel } from "../model.js";
import { typographic } from "../render/typography.js";
import type { LayoutName } from "../schema/brief.js";
import { decimalReference, DocxContext, raw, text } from "./blocks.js";
import { handoutLayout } from "./handout.js";
import type { Layout } from "./layout.js";
import { memoLayout } from "./memo.js";
import { onePagerLayout } from "./one-pager.js";
import { graftLetterhead } from "./graft-letterhead.js";
import type { WordLetterhead } from "../load/word-letterhead.js";
import { documentMoment, reproducibleDocx } from "./reproducible.js";
import { footerNote, noteParagraph, notesHeading, sharedSections } from "./sections.js";
import { documentNumbering, documentStyles, style } from "./styles.js";

/** The Word layout of each of the layouts templates follow. */
const layouts: Readonly<Record<LayoutName, Layout>> = { memo: memoLayout, handout: handoutLayout, "one-pager": onePagerLayout };

/** Page sizes in twips (a twentieth of a point). */
const pages = { Letter: { width: 12240, height: 15840 }, A4: { width: 11906, height: 16838 } } as const;
const inch = 1440;

/**
 * Write a brief's Word document from its model: the same sections in the same
 * order as the PDF, in Word's own styles, with the marking in every page's
 * header and footer, "Page X of Y" as Word fields, the quotes in real
 * endnotes, the document's title, subject and author in its properties, and
 * the same bytes every time for the same model. On an office's letterhead
 * (load/word-letterhead.ts), when its template has one.
 */
export async function writeDocx(model: BriefModel, balance: BalanceReport, letterhead?: WordLetterhead): Promise<Uint8Array> {
  const layout = layouts[model.layout];
  const page = pages[model.paper];
  const [top, right, bottom, left] = layout.margins.map((m) => Math.round(m * inch)) as [number, number, number, number];
  const textWidth = page.width - left - right;
  const context = new DocxContext(model, balance, textWidth);
  // A letterhead with a first page of its own: so has the document, and the letterhead goes on both kinds of page.
  // On a letterhead, page one has a header of its own whether or not the letterhead does: the running title starts on
  // page two (on page one it crowded the letterhead and the memo's own heading).
  const ownFirstPage = letterhead !== undefined;

  const children: FileChild[] = [...layout.opening(context)];
  for (const section of model.sectionOrder) children.push(...(layout.sections[section] ?? sharedSections[section])(context));
  children.push(...footerNote(context), ...notesHeading(context));
  const endnotes = Object.fromEntries(model.notes.map((note) => [String(note.number), { children: [noteParagraph(context, note)] }]));

  const document = new Document({
    title: typographic(model.title),
    subject: typographic(model.corpus.title),
    ...(model.from !== undefined ? { creator: typographic(model.from), lastModifiedBy: typographic(model.from) } : { creator: "", lastModifiedBy: "" }),
    customProperties: model.marking === "" ? [] : [{ name: "Marking", value: model.marking }],
    styles: documentStyles(model.layout),
    numbering: withStarts(documentNumbering(), context.decimalStarts),
    endnotes,
    sections: [
      {
        properties: {
          ...(ownFirstPage ? { titlePage: true } : {}),
          page: {
            size: { width: page.width, height: page.height },
            margin: { top, right, bottom, left, header: Math.round(0.3 * inch), footer: Math.round(0.3 * inch) },
          },
        },
        headers: { default: runningHeader(model, textWidth), ...(ownFirstPage ? { first: bannerHeader(model) } : {}) },
        footers: { default: runningFooter(model, textWidth), ...(ownFirstPage ? { first: runningFooter(model, textWidth) } : {}) },
        children,
      },
    ],
  });
  // Opened once: the letterhead goes in where it is, and the package is written out once, reproducibly.
  const pkg = await JSZip.loadAsync(await Packer.toBuffer(document));
  if (letterhead !== undefined) await graftLetterhead(pkg, letterhead, { bannerOnTop: model.marking !== "" });
  return reproducibleDocx(pkg, documentMoment(model.date));
}

/** The marking banner, centred, as the PDF's; an empty header line in an unmarked document. */
function bannerParagraph(model: BriefModel): Paragraph {
  return model.marking === ""
    ? new Paragraph({ style: style.header })
    : new Paragraph({ style: style.header, alignment: AlignmentType.CENTER, children: [raw(model.marking, { style: style.marking })] });
}

/** The first page's header on a letterhead: the marking banner, and the letterhead under it (the memo's own heading gives title and date). */
function bannerHeader(model: BriefModel): Header {
  return new Header({ children: [bannerParagraph(model)] });
}

/** The running header, as the PDF's: the marking centred at the top; under it the short title, and the date on the right. */
function runningHeader(model: BriefModel, textWidth: number): Header {
  return new Header({
    children: [
      ...(model.marking === "" ? [] : [bannerParagraph(model)]),
      new Paragraph({
        style: style.header,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        children: [text(model.runningTitle), new TextRun({ children: [new Tab(), model.dateDisplay] })],
      }),
    ],
  });
}

/** The footer: the marking in the middle, "Page X of Y" on the right, as Word fields (PAGE and NUMPAGES). */
function runningFooter(model: BriefModel, textWidth: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: style.footer,
        alignment: AlignmentType.LEFT,
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(textWidth / 2) },
          { type: TabStopType.RIGHT, position: textWidth },
        ],
        children: [
          new TextRun({ children: [new Tab()] }),
          raw(model.marking, { style: style.marking }),
          new TextRun({ children: [new Tab(), "Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** The numbering definitions, with one per ordered list that starts at another number than one. */
function withStarts(numbering: INumberingOptions, starts: ReadonlySet<number>): INumberingOptions {
  const decimal = numbering.config.find((c) => c.reference === "decimal")!;
  const extra = [...starts].sort((a, b) => a - b).map((start) => ({ reference: decimalReference(start), levels: decimal.levels.map((level, index) => (index === 0 ? { ...level, start } : level)) }));
  return { config: [...numbering.config, ...extra] };
}
