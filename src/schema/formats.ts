/** The files a brief can be built into: the PDF and HTML printed from the templates, and a Word document made from the same model. */
export const outputFormats = ["pdf", "html", "docx"] as const;
export type OutputFormat = (typeof outputFormats)[number];
