// Apart from the brief's schema, so that loading templates (which a build with nothing to do does) loads no zod schema.

/**
 * The layouts a template follows. Every template, Briefsmith's own or a
 * project's (templates/<name>.hbs), follows one: the layout decides the
 * sections it can print, its defaults (sections, citations, the balance
 * policy: memos are strict) and, for Word output, the document's layout.
 */
export const layoutNames = ["memo", "handout", "one-pager"] as const;
export type LayoutName = (typeof layoutNames)[number];

/** Briefsmith's own templates: one per layout, named after it. A project's templates/ folder may replace them and add others. */
export const templateNames = layoutNames;

/** The sections a brief can ask for, printed in the order the brief lists them. */
export const sectionNames = ["bluf", "themes", "comparison", "facts", "assumptions", "questions", "glossary", "sources", "balance", "classification"] as const;

export type SectionName = (typeof sectionNames)[number];
