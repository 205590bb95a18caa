import type { FileChild } from "docx";
import type { SectionName } from "../schema/brief.js";
import type { DocxContext } from "./blocks.js";
import type { SectionWriter } from "./sections.js";

/**
 * A Word layout: what a document of one of the layouts (memo, handout,
 * one-pager) looks like in Word. Its page
 * margins (those of its style sheet), what opens the document (the memo's
 * header block, the handout's title and overview), and its own version of any
 * section (as templates/<template>-<section>.hbs replaces a shared partial).
 * A document is written in the layout its template follows (model.layout): a
 * template of the project's own changes the HTML and PDF; the Word file is
 * written in its layout, in Word's styles (a house style is set in Word).
 */
export interface Layout {
  /** Page margins in inches: top, right, bottom, left. */
  readonly margins: readonly [number, number, number, number];
  readonly opening: (context: DocxContext) => FileChild[];
  readonly sections: Partial<Readonly<Record<SectionName, SectionWriter>>>;
}

