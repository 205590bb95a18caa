import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { unpackEntry, zipProblem } from "./zip-entry.js";

/**
 * An office's letterhead in Word: the page headers and footers of a
 * templates/NAME.docx the office made in Word, which the Word documents of
 * the template NAME are printed on (docx/graft-letterhead.ts puts them in).
 * Taken from the file's first section: the header and footer of every page,
 * and, when the section has a different first page (as a letterhead usually
 * has), those of the first page. Their images and the styles their
 * paragraphs use come along. Nothing else of the file is used.
 *
 * The file is the office's, but it may come into a project with a pull
 * request: what it could make Word or LibreOffice fetch, run or read is
 * removed, and said in a warning. Kept: paragraphs, tables, text and
 * pictures stored in the file (PNG, JPEG, GIF, EMF, WMF), and the styles
 * they use, rebuilt. Removed: links and linked pictures (their text stays),
 * every field (unlinked: the text it last showed stays), embedded objects,
 * controls, media, data bindings, extension lists, tracked changes
 * (accepted), and references to the file's comments, notes and lists, which
 * the document does not have. Removal goes by an element's local name,
 * whatever prefix the file gives it.
 */
export interface WordLetterhead {
  /** As diagnostics show it: templates/letterhead.docx. */
  readonly shown: string;
  /** The page header and footer of every page (of every page but the first, when the first has its own). */
  readonly header: LetterheadPart | undefined;
  readonly footer: LetterheadPart | undefined;
  /** The first page's own header and footer (Word's "different first page"); undefined when the first page has none of its own. */
  readonly first: { readonly header: LetterheadPart | undefined; readonly footer: LetterheadPart | undefined } | undefined;
  /** Definitions of the styles the parts use (w:style elements as XML, with what they are based on), by style id. */
  readonly styles: ReadonlyMap<string, string>;
}

/** One header or footer of the letterhead, made safe. */
export interface LetterheadPart {
  /** The whole part (w:hdr or w:ftr) as XML: its namespaces, then its paragraphs and tables. */
  readonly xml: string;
  /** The pictures it shows, by the relationship id the XML names them with. */
  readonly images: ReadonlyMap<string, LetterheadImage>;
}

export interface LetterheadImage {
  readonly extension: ImageExtension;
  readonly bytes: Uint8Array;
}

/** The pictures a letterhead may hold, by the extension their part is given, with the content type a package declares for it. */
export const imageContentTypes = { png: "image/png", jpeg: "image/jpeg", gif: "image/gif", emf: "image/x-emf", wmf: "image/x-wmf" } as const;
export type ImageExtension = keyof typeof imageContentTypes;

/** What reading a letterhead gave: the letterhead, or why there is none; and what was removed from it. */
export type LetterheadReading =
  | { readonly letterhead: WordLetterhead; readonly removed: readonly string[]; readonly problem?: undefined }
  | { readonly letterhead?: undefined; readonly removed?: undefined; readonly problem: string };

export const wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
const drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main";
const vmlNamespace = "urn:schemas-microsoft-com:vml";
export const markupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";
export const imageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/** Limits: a letterhead is a few parts and a logo; a file far past them is not one (or is built to exhaust memory). */
const letterheadLimits = {
  /** Any one part or picture, unpacked. */
  entryBytes: 8 * 1024 * 1024,
  /** Everything unpacked. */
  totalBytes: 32 * 1024 * 1024,
  /** A header's elements, and how deep they nest. */
  elements: 100_000,
  depth: 100,
} as const;

/**
 * Elements removed wherever they are, by local name (whatever namespace a file gives them), with what the warning
 * says of them ("" for what a reader would not miss: references to the file's own comments, notes and lists).
 */
const removedElements: ReadonlyMap<string, string> = new Map([
  ["object", "an embedded object"],
  ["OLEObject", "an embedded object"],
  ["control", "a control"],
  ["altChunk", "an imported file"],
  ["subDoc", "a subdocument"],
  ["contentPart", "an ink drawing"],
  ["dataBinding", "a data binding"],
  ["fldData", "field data"],
  ["hlinkClick", "a link"],
  ["hlinkHover", "a link"],
  ["hlinkMouseOver", "a link"],
  ["webVideoPr", "an online video"],
  ["videoFile", "a video"],
  ["audioFile", "a sound"],
  ["wavAudioFile", "a sound"],
  ["quickTimeFile", "a video"],
  // Extension lists hold what older readers may skip: online videos, SVG copies of pictures, and more to come.
  ["extLst", ""],
  ["del", "tracked changes (accepted)"],
  ["moveFrom", "tracked changes (accepted)"],
  ["rPrChange", ""],
  ["pPrChange", ""],
  ["sectPrChange", ""],
  ["tblPrChange", ""],
  ["trPrChange", ""],
  ["tcPrChange", ""],
  ["commentRangeStart", ""],
  ["commentRangeEnd", ""],
  ["commentReference", ""],
  ["footnoteReference", ""],
  ["endnoteReference", ""],
  ["numPr", ""],
  ["bookmarkStart", ""],
  ["bookmarkEnd", ""],
]);

/** Elements replaced by what they hold: a hyperlink by its text, an accepted insertion by what it inserted. */
const unwrappedElements: ReadonlySet<string> = new Set(["hyperlink", "ins", "moveTo", "customXml", "smartTag"]);

/** Attributes that name an address or file outside the document (a shape's link, a linked picture), removed wherever they are. */
const outsideAttributes: ReadonlySet<string> = new Set(["href", "althref", "src", "target", "link", "action"]);

const imageTypes: readonly { extension: ImageExtension; matches: (bytes: Uint8Array) => boolean; names: readonly string[] }[] = [
  { extension: "png", names: ["png"], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { extension: "jpeg", names: ["jpeg", "jpg"], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { extension: "gif", names: ["gif"], matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  // An enhanced metafile starts with its header record (type 1) and says " EMF" at byte 40.
  { extension: "emf", names: ["emf"], matches: (b) => startsWith(b, [0x01, 0x00, 0x00, 0x00]) && startsWith(b.subarray(40), [0x20, 0x45, 0x4d, 0x46]) },
  // A Windows metafile: placeable (D7CDC69A) or plain (type 1 or 2, header of 9 words).
  { extension: "wmf", names: ["wmf"], matches: (b) => startsWith(b, [0xd7, 0xcd, 0xc6, 0x9a]) || ((b[0] === 1 || b[0] === 2) && startsWith(b.subarray(1), [0x00, 0x09, 0x00])) },
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Read an office's letterhead from a .docx file's bytes. Never throws for a bad file: the reading says what is wrong. */
export async function readWordLetterhead(bytes: Uint8Array, shown: string): Promise<LetterheadReading> {
  let pkg: Package;
  try {
    pkg = await Package.open(bytes);
  } catch (error) {
    return { problem: `this is not a Word document (.docx): ${zipProblem(error)}` };
  }
  try {
    return await readParts(pkg, shown);
  } catch (error) {
    if (error instanceof LetterheadProblem) return { problem: error.message };
    throw error;
  }
}

class LetterheadProblem extends Error {}

async function readParts(pkg: Package, shown: string): Promise<LetterheadReading> {
  const mainPart = "word/document.xml";
  const document = await pkg.xml(mainPart);
  if (document === undefined) throw new LetterheadProblem("it has no word/document.xml, so it is not a Word document (.docx)");
  const references = sectionReferences(document);
  const targets = await pkg.relationships(mainPart);
  const removed = new Set<string>();
  // A file with no styles part has Word's built-in defaults: its default style is then a plain one.
  const styles = new OfficeStyles((await pkg.xml("word/styles.xml")) ?? parseXml(`<w:styles xmlns:w="${wordNamespace}"/>`, "word/styles.xml"));
  const part = async (id: string | undefined): Promise<LetterheadPart | undefined> => {
    const target = id === undefined ? undefined : targets.get(id);
    if (target === undefined || target.external) return undefined;
    return sanitisePart(pkg, target.part, removed, styles);
  };
  const header = await part(references.header.default);
  const footer = await part(references.footer.default);
  const first = references.titlePage ? { header: await part(references.header.first), footer: await part(references.footer.first) } : undefined;
  if (header === undefined && footer === undefined && first?.header === undefined && first?.footer === undefined) {
    throw new LetterheadProblem("its first section has no page header or footer, so there is no letterhead to take from it");
  }
  return { letterhead: { shown, header, footer, first, styles: styles.definitions() }, removed: [...removed].sort() };
}

/** The header and footer references of a document's first section, by type, and whether its first page has its own. */
export function sectionReferences(document: Document): {
  header: Partial<Record<"default" | "first", string>>;
  footer: Partial<Record<"default" | "first", string>>;
  titlePage: boolean;
} {
  // The first section's properties: in the paragraph that ends it, or the body's own when there is one section.
  const sectPr = elementsNamed(document, wordNamespace, "sectPr")[0];
  const result = { header: {}, footer: {}, titlePage: false } as ReturnType<typeof sectionReferences>;
  if (sectPr === undefined) return result;
  for (const child of elementChildren(sectPr)) {
    if (child.namespaceURI !== wordNamespace) continue;
    if (child.localName === "headerReference" || child.localName === "footerReference") {
      const type = child.getAttributeNS(wordNamespace, "type") || "default";
      const id = child.getAttributeNS(relationshipsNamespace, "id");
      if ((type === "default" || type === "first") && id) result[child.localName === "headerReference" ? "header" : "footer"][type] = id;
    } else if (child.localName === "titlePg") {
      result.titlePage = !["0", "false", "off"].includes(child.getAttributeNS(wordNamespace, "val") ?? "");
    }
  }
  return result;
}

/** A header or footer part, with only what is safe kept (see WordLetterhead), and its pictures. */
async function sanitisePart(pkg: Package, name: string, removed: Set<string>, styles: OfficeStyles): Promise<LetterheadPart | undefined> {
  const document = await pkg.xml(name);
  const root = document?.documentElement;
  if (root === undefined || root === null || root.namespaceURI !== wordNamespace || (root.localName !== "hdr" && root.localName !== "ftr")) return undefined;
  checkShape(root, name);
  const relationships = await pkg.relationships(name);
  const images = new Map<string, LetterheadImage>();
  for (const [id, target] of relationships) {
    if (target.type !== imageRelationship) continue;
    if (target.external) {
      removed.add("a picture linked from outside the file");
      continue;
    }
    const bytes = await pkg.bytes(target.part);
    const extension = target.part.slice(target.part.lastIndexOf(".") + 1).toLowerCase();
    const type = imageTypes.find((t) => t.names.includes(extension));
    if (bytes !== undefined && type !== undefined && type.matches(bytes)) images.set(id, { extension: type.extension, bytes });
    else removed.add(`a picture that is not a PNG, JPEG, GIF, EMF or WMF image (${target.part.replace(/^word\//, "")})`);
  }
  const say = (what: string) => removed.add(what);
  // Word shows one branch of each mc:AlternateContent; which, it decides itself. The fallback is kept, read as
  // everything else is: nothing is hidden in a branch the checks would not look at.
  for (const choice of elementsNamed(root, markupCompatibilityNamespace, "AlternateContent").reverse()) {
    const fallback = elementChildren(choice).find((c) => c.namespaceURI === markupCompatibilityNamespace && c.localName === "Fallback");
    if (fallback !== undefined) unwrap(fallback);
    for (const branch of elementChildren(choice)) if (branch.namespaceURI === markupCompatibilityNamespace) choice.removeChild(branch);
    unwrap(choice);
  }
  removeOutsideReferences(root, say);
  removeUnkeptReferences(root, images, say);
  // Last, on what the letterhead will hold: a page number is kept live only if it stands alone there, and a decoy
  // "PAGE" in a tracked deletion or a dropped picture's text box, removed above, cannot vouch for what follows it.
  unlinkFields(root, say);
  styles.restyle(root);
  const used = new Set(elementsNamed(root, "*", "*").flatMap((e) => attributes(e).filter((a) => a.namespaceURI === relationshipsNamespace).map((a) => a.value)));
  for (const id of images.keys()) if (!used.has(id)) images.delete(id);
  return { xml: new XMLSerializer().serializeToString(root), images };
}

/** A header of thousands of nested elements is no letterhead, and walking it would exhaust the stack. */
function checkShape(root: Element, name: string): void {
  let count = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > letterheadLimits.depth || ++count > letterheadLimits.elements) throw new LetterheadProblem(`${name} is nested deeper or holds more than a letterhead could need`);
    for (const child of elementChildren(element)) stack.push([child, depth + 1]);
  }
}

/**
 * Remove, wherever they are, the elements that embed, bind or link anything (and say so), the changes a reviewer
 * would still have to accept (insertions are taken in, deletions taken out), and the references to the file's
 * comments, notes and lists. A hyperlink and its like become their text. Deepest first, so no element is looked
 * at after an ancestor went.
 */
function removeOutsideReferences(root: Element, say: (what: string) => void): void {
  for (const element of elementsNamed(root, "*", "*").reverse()) {
    const local = element.localName ?? "";
    const what = removedElements.get(local);
    if (what !== undefined) {
      if (what !== "") say(what);
      element.parentNode?.removeChild(element);
    } else if (unwrappedElements.has(local)) {
      if (local === "hyperlink") {
        say("a link (its text is kept)");
        // Its text without the link's look, a character style or a colour and underline set directly: kept, the blue
        // underline looked clickable and was not.
        for (const look of ["rStyle", "color", "u"].flatMap((name) => elementsNamed(element, wordNamespace, name))) look.parentNode?.removeChild(look);
      }
      unwrap(element);
    } else {
      for (const attribute of attributes(element)) {
        if (!outsideAttributes.has(attribute.localName ?? "")) continue;
        say(attribute.localName === "link" ? "a picture linked from outside the file" : "an address a shape or picture links to");
        element.removeAttributeNode(attribute);
      }
    }
  }
}

/** A reference to anything but a kept picture (a chart, a diagram, an embedded file, a picture not kept): the drawing it is in goes whole. */
function removeUnkeptReferences(root: Element, images: ReadonlyMap<string, LetterheadImage>, say: (what: string) => void): void {
  for (const element of elementsNamed(root, "*", "*").reverse()) {
    const references = attributes(element).filter((a) => a.namespaceURI === relationshipsNamespace);
    const picture = (element.namespaceURI === drawingNamespace && element.localName === "blip") || (element.namespaceURI === vmlNamespace && element.localName === "imagedata");
    const unkept = references.filter((a) => !images.has(a.value));
    if (unkept.length === 0 && !(picture && references.length === 0)) continue;
    if (!picture) say("a reference to another part of the file (a chart, a diagram or an embedded file)");
    const drawing = closest(element, (e) => e.namespaceURI === wordNamespace && (e.localName === "drawing" || e.localName === "pict")) ?? element;
    drawing.parentNode?.removeChild(drawing);
  }
}

/**
 * Every field is unlinked, as Word's "Unlink Field" does: the text it last showed stays, as plain text; its
 * instruction goes, and so does every run of it (a field nested in another's instruction included). A field's parts
 * may sit in one run or many, and a run may hold its begin, instruction, separator and end together.
 *
 * A page number is the one field kept live (PAGE, NUMPAGES or SECTIONPAGES, with no switch but a number format,
 * standing alone): it reads nothing and fetches nothing, and unlinked it printed "page 1" on every page of a memo.
 */
function unlinkFields(root: Element, say: (what: string) => void): void {
  const names = new Set<string>();
  for (const simple of elementsNamed(root, wordNamespace, "fldSimple").reverse()) {
    const instruction = simple.getAttributeNS(wordNamespace, "instr") ?? "";
    if (isPageNumber(instruction) && elementsNamed(simple, wordNamespace, "fldSimple").length === 0) continue;
    names.add(fieldName(instruction));
    unwrap(simple);
  }
  // Fields open at this point, innermost last: whether each is still in its instruction, that instruction, the runs
  // that carry its parts, and whether another field began inside it.
  const open: { separated: boolean; instruction: string; runs: Element[]; nested: boolean }[] = [];
  const remove: Element[] = [];
  const pageNumbers: (typeof open)[number][] = [];
  const kept = new Set<Element>();
  // How many fields have parts in each run: a run shared with an unlinked field is not kept.
  const fieldsIn = new Map<Element, number>();
  const carries = (field: { runs: Element[] }, run: Element) => {
    if (field.runs.at(-1) === run) return;
    field.runs.push(run);
    fieldsIn.set(run, (fieldsIn.get(run) ?? 0) + 1);
  };
  for (const run of elementsNamed(root, wordNamespace, "r")) {
    const inInstruction = open.some((field) => !field.separated);
    let machinery = false;
    for (const part of elementsNamed(run, wordNamespace, "*")) {
      if (part.localName === "instrText" || part.localName === "delInstrText") {
        machinery = true;
        const field = open.at(-1);
        if (field !== undefined && !field.separated) field.instruction += part.textContent ?? "";
        if (field !== undefined) carries(field, run);
      } else if (part.localName === "fldChar") {
        machinery = true;
        const type = part.getAttributeNS(wordNamespace, "fldCharType");
        if (type === "begin") {
          for (const outer of open) outer.nested = true;
          const field = { separated: false, instruction: "", runs: [] as Element[], nested: false };
          carries(field, run);
          open.push(field);
        } else if (type === "separate" && open.length > 0) {
          open.at(-1)!.separated = true;
          carries(open.at(-1)!, run);
        } else if (type === "end" && open.length > 0) {
          const field = open.pop()!;
          carries(field, run);
          if (open.length === 0 && !field.nested && isPageNumber(field.instruction)) pageNumbers.push(field);
          else names.add(fieldName(field.instruction));
        }
      }
    }
    if (machinery || inInstruction) remove.push(run);
  }
  for (const field of open) names.add(fieldName(field.instruction));
  // A page number is kept only where it stands alone: not inside another field, nothing inside it, its runs its own.
  for (const field of pageNumbers) {
    if (field.runs.every((run) => fieldsIn.get(run) === 1)) for (const run of field.runs) kept.add(run);
    else names.add(fieldName(field.instruction));
  }
  for (const run of remove) if (!kept.has(run)) run.parentNode?.removeChild(run);
  // Whatever field parts are left outside runs go too.
  for (const part of [...elementsNamed(root, wordNamespace, "fldChar"), ...elementsNamed(root, wordNamespace, "instrText")]) {
    if (!kept.has(part.parentNode as Element)) part.parentNode?.removeChild(part);
  }
  if (names.size > 0) say(`fields, unlinked: the text each last showed is kept (${[...names].map((n) => n || "unnamed").sort().join(", ")})`);
}

/** A page number's instruction: PAGE, NUMPAGES or SECTIONPAGES, with at most a number format (\* Arabic, \* MERGEFORMAT). */
function isPageNumber(instruction: string): boolean {
  return /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)(?:\s+\\\*\s+(?:MERGEFORMAT|CHARFORMAT|Arabic|roman|Roman|alphabetic|ALPHABETIC))*\s*$/.test(instruction);
}

function fieldName(instruction: string): string {
  return (instruction.trim().split(/\s+/)[0] ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** The style the letterhead's paragraphs without one of their own are given: the office's default paragraph style, as it was in its file. */
const letterheadDefaultStyle = "LetterheadNormal";

/**
 * The office's styles that the letterhead uses, under names of their own. The letterhead's paragraphs keep the look
 * the office gave them: a style the document also has (Normal, Header) would otherwise take the document's
 * definition, whose line spacing, for one, LibreOffice applies exactly and so cuts a logo short. Each style the
 * parts name becomes Letterhead<id>, with what it is based on; the office's default paragraph style, with the
 * file's own defaults (w:docDefaults) folded in, becomes LetterheadNormal, which every paragraph without a style
 * of its own is given.
 */
class OfficeStyles {
  readonly #document: Document;
  readonly #byId = new Map<string, Element>();
  readonly #defaultId: string;
  readonly #used = new Set<string>();

  constructor(document: Document) {
    this.#document = document;
    let defaultId: string | undefined;
    for (const style of elementsNamed(document, wordNamespace, "style")) {
      const id = style.getAttributeNS(wordNamespace, "styleId");
      if (!id) continue;
      this.#byId.set(id, style);
      if (style.getAttributeNS(wordNamespace, "type") === "paragraph" && ["1", "true", "on"].includes(style.getAttributeNS(wordNamespace, "default") ?? "")) defaultId = id;
    }
    // Word's default paragraph style is Normal when the file does not mark one.
    this.#defaultId = defaultId ?? "Normal";
  }

  /** The id a style of the file has in the document: undefined for one the file does not define (the default excepted). */
  #renamed(id: string): string | undefined {
    if (id === this.#defaultId) return letterheadDefaultStyle;
    return this.#byId.has(id) ? `Letterhead${id}` : undefined;
  }

  /** Give a part's paragraphs, runs and tables the renamed styles, and unstyled paragraphs LetterheadNormal; note which are used. */
  restyle(root: Element): void {
    const owner = root.ownerDocument!;
    for (const element of elementsNamed(root, "*", "*")) {
      if (element.namespaceURI !== wordNamespace || !["pStyle", "rStyle", "tblStyle"].includes(element.localName ?? "")) continue;
      const id = element.getAttributeNS(wordNamespace, "val") ?? "";
      const renamed = this.#renamed(id);
      if (renamed === undefined) {
        // A style the file names but does not define: Word shows the default, and so does the document.
        element.parentNode?.removeChild(element);
        continue;
      }
      element.setAttributeNS(wordNamespace, "w:val", renamed);
      this.#used.add(id);
    }
    for (const paragraph of elementsNamed(root, wordNamespace, "p")) {
      const properties = elementChildren(paragraph).find((c) => c.namespaceURI === wordNamespace && c.localName === "pPr");
      if (properties !== undefined && elementChildren(properties).some((c) => c.namespaceURI === wordNamespace && c.localName === "pStyle")) continue;
      const pPr = properties ?? paragraph.insertBefore(owner.createElementNS(wordNamespace, "w:pPr"), paragraph.firstChild);
      const pStyle = owner.createElementNS(wordNamespace, "w:pStyle");
      pStyle.setAttributeNS(wordNamespace, "w:val", letterheadDefaultStyle);
      pPr.insertBefore(pStyle, pPr.firstChild);
    }
  }

  /** The definitions of the styles used, renamed, and of those they are based on, as XML, by their new id. */
  definitions(): Map<string, string> {
    const serializer = new XMLSerializer();
    const styles = new Map<string, string>([[letterheadDefaultStyle, serializer.serializeToString(defaultStyleCopy(this.#document, this.#byId.get(this.#defaultId)))]]);
    const pending = [...this.#used];
    while (pending.length > 0) {
      const id = pending.pop()!;
      const renamed = this.#renamed(id);
      const style = this.#byId.get(id);
      if (renamed === undefined || style === undefined || styles.has(renamed)) continue;
      const parent = this.#parentOf(id);
      if (parent !== undefined) pending.push(parent);
      styles.set(renamed, serializer.serializeToString(this.#copy(style, renamed, parent)));
    }
    return styles;
  }

  /** The style a style is based on, when the file defines it and following the chain does not lead back (LibreOffice crashes on a loop). */
  #parentOf(id: string): string | undefined {
    const parentOf = (of: string) => {
      const basedOn = this.#byId.get(of) === undefined ? undefined : elementChildren(this.#byId.get(of)!).find((c) => c.namespaceURI === wordNamespace && c.localName === "basedOn");
      const value = basedOn?.getAttributeNS(wordNamespace, "val");
      return value && this.#renamed(value) !== undefined ? value : undefined;
    };
    const parent = parentOf(id);
    const seen = new Set([id]);
    for (let step = parent; step !== undefined; step = parentOf(step)) {
      if (seen.has(step)) return undefined;
      seen.add(step);
    }
    return parent;
  }

  /**
   * A style rebuilt from what a style may hold and the letterhead needs: its name, what it is based on, and its
   * paragraph, run and table properties, without list numbering, references to other styles or tracked changes.
   * Anything else a file puts in a style element (links, objects, unknown markup) is not copied.
   */
  #copy(style: Element, id: string, parent: string | undefined): Element {
    const document = this.#document;
    const copy = document.createElementNS(wordNamespace, "w:style");
    copy.setAttributeNS(wordNamespace, "w:type", style.getAttributeNS(wordNamespace, "type") || "paragraph");
    copy.setAttributeNS(wordNamespace, "w:customStyle", "1");
    copy.setAttributeNS(wordNamespace, "w:styleId", id);
    const name = document.createElementNS(wordNamespace, "w:name");
    const given = elementChildren(style).find((c) => c.namespaceURI === wordNamespace && c.localName === "name")?.getAttributeNS(wordNamespace, "val");
    name.setAttributeNS(wordNamespace, "w:val", `Letterhead ${given || id}`);
    copy.appendChild(name);
    if (parent !== undefined) {
      const basedOn = document.createElementNS(wordNamespace, "w:basedOn");
      basedOn.setAttributeNS(wordNamespace, "w:val", this.#renamed(parent)!);
      copy.appendChild(basedOn);
    }
    for (const local of ["pPr", "rPr", "tblPr", "trPr", "tcPr"]) {
      const properties = elementChildren(style).find((c) => c.namespaceURI === wordNamespace && c.localName === local);
      if (properties === undefined) continue;
      const kept = properties.cloneNode(true) as Element;
      for (const child of elementChildren(kept)) if (child.namespaceURI !== wordNamespace || !styleProperty(child.localName ?? "")) kept.removeChild(child);
      for (const inner of elementChildren(kept)) for (const deeper of elementsNamed(inner, "*", "*")) if (deeper.namespaceURI !== wordNamespace) deeper.parentNode?.removeChild(deeper);
      copy.appendChild(kept);
    }
    return copy;
  }
}

/** Properties a copied style keeps: all Word's own but list numbering, other styles, tracked changes and a section's. */
function styleProperty(local: string): boolean {
  return !["numPr", "pStyle", "rStyle", "tblStyle", "sectPr", "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "cnfStyle"].includes(local);
}

/** Word's order of a paragraph's and a run's properties: Word refuses a file that gives them in another. */
const propertyOrder: Readonly<Record<"pPr" | "rPr", readonly string[]>> = {
  pPr: "keepNext keepLines pageBreakBefore framePr widowControl suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle".split(" "),
  rPr: "rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath".split(" "),
};

const wordDefaults: Readonly<Record<"pPr" | "rPr", Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  pPr: { spacing: { before: "0", after: "0", line: "240", lineRule: "auto" } },
  rPr: { sz: { val: "20" }, szCs: { val: "20" } },
};

/** LetterheadNormal: the file's default paragraph and run properties (w:docDefaults), overridden by its default style's own. */
function defaultStyleCopy(document: Document, defaultStyle: Element | undefined): Element {
  const style = document.createElementNS(wordNamespace, "w:style");
  style.setAttributeNS(wordNamespace, "w:type", "paragraph");
  style.setAttributeNS(wordNamespace, "w:customStyle", "1");
  style.setAttributeNS(wordNamespace, "w:styleId", letterheadDefaultStyle);
  const name = document.createElementNS(wordNamespace, "w:name");
  name.setAttributeNS(wordNamespace, "w:val", "Letterhead Normal");
  style.appendChild(name);
  const defaults = elementsNamed(document, wordNamespace, "docDefaults")[0];
  for (const kind of ["pPr", "rPr"] as const) {
    const merged = new Map<string, Element>();
    const take = (from: Element | undefined) => {
      const properties = from === undefined ? undefined : elementChildren(from).find((c) => c.namespaceURI === wordNamespace && c.localName === kind);
      for (const property of properties === undefined ? [] : elementChildren(properties)) {
        if (property.namespaceURI === wordNamespace && propertyOrder[kind].includes(property.localName ?? "")) merged.set(property.localName!, property);
      }
    };
    const defaultsOf = defaults === undefined ? undefined : elementsNamed(defaults, wordNamespace, kind === "pPr" ? "pPrDefault" : "rPrDefault")[0];
    take(defaultsOf);
    take(defaultStyle);
    // What the file leaves unsaid is Word's own default (single spacing, nothing after, 10 points), not the document's.
    for (const [local, values] of Object.entries(wordDefaults[kind])) {
      if (merged.has(local)) continue;
      const property = document.createElementNS(wordNamespace, `w:${local}`);
      for (const [attribute, value] of Object.entries(values)) property.setAttributeNS(wordNamespace, `w:${attribute}`, value);
      merged.set(local, property);
    }
    const properties = document.createElementNS(wordNamespace, `w:${kind}`);
    for (const local of propertyOrder[kind]) {
      const property = merged.get(local);
      if (property !== undefined) properties.appendChild(property.cloneNode(true));
    }
    style.appendChild(properties);
  }
  return style;
}

/** A Word package (a zip file), read with limits on what it unpacks. */
export class Package {
  readonly #zip: JSZip;
  #unpacked = 0;

  private constructor(zip: JSZip) {
    this.#zip = zip;
  }

  static async open(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  /** An entry's bytes; undefined when there is none. */
  async bytes(name: string): Promise<Uint8Array | undefined> {
    const entry = this.#zip.file(name);
    if (entry === null) return undefined;
    const limit = Math.min(letterheadLimits.entryBytes, letterheadLimits.totalBytes - this.#unpacked);
    const unpacked = await unpackEntry(entry, limit).catch((error: unknown) => {
      throw new LetterheadProblem(`${name} is damaged: ${zipProblem(error)}`);
    });
    if (unpacked.tooLarge) throw new LetterheadProblem(`${name} unpacks to more than a letterhead could need`);
    this.#unpacked += unpacked.bytes.length;
    return unpacked.bytes;
  }

  /** An XML entry, parsed with namespaces; undefined when there is none. */
  async xml(name: string): Promise<Document | undefined> {
    const bytes = await this.bytes(name);
    if (bytes === undefined) return undefined;
    return parseXml(new TextDecoder("utf-8", { fatal: false }).decode(bytes), name);
  }

  /** A part's relationships by id: what each refers to, as the name of a part in the package or an outside address. */
  async relationships(part: string): Promise<Map<string, { type: string; part: string; external: boolean }>> {
    const slash = part.lastIndexOf("/");
    const folder = part.slice(0, slash + 1);
    const document = await this.xml(`${folder}_rels/${part.slice(slash + 1)}.rels`);
    const result = new Map<string, { type: string; part: string; external: boolean }>();
    if (document === undefined) return result;
    for (const relationship of elementsNamed(document, packageRelationshipsNamespace, "Relationship")) {
      const id = relationship.getAttribute("Id");
      const target = relationship.getAttribute("Target") ?? "";
      if (!id) continue;
      const external = relationship.getAttribute("TargetMode") === "External";
      result.set(id, { type: relationship.getAttribute("Type") ?? "", part: external ? target : resolvePart(folder, target), external });
    }
    return result;
  }
}

/** A relationship's target as a part name: relative to the part's folder, or from the package's root when it starts with /. */
function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

/** Parse XML with namespaces. A part with a document type declaration is refused: Word never writes one, and entities are a way to blow up memory. */
export function parseXml(text: string, name: string): Document {
  if (/<!DOCTYPE/i.test(text)) throw new LetterheadProblem(`${name} declares a document type, which a Word document never does`);
  const problems: string[] = [];
  const report = (message: string) => problems.push(message.split("\n")[0]!.replace(/^\[xmldom \w+\]\s*/, ""));
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: report, fatalError: report } }).parseFromString(text, "text/xml");
  if (problems.length > 0 || document.documentElement === null) throw new LetterheadProblem(`${name} is not well-formed XML (${problems[0] ?? "no root element"})`);
  return document;
}

/** The elements under a node with this namespace and local name ("*" for any), in document order. (xmldom's lists cannot be spread.) */
export function elementsNamed(node: Document | Element, namespace: string, localName: string): Element[] {
  const list = node.getElementsByTagNameNS(namespace, localName);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

export function elementChildren(element: Element): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) if (node.nodeType === 1) children.push(node as Element);
  return children;
}

function attributes(element: Element): Attr[] {
  const list: Attr[] = [];
  for (let i = 0; i < element.attributes.length; i++) list.push(element.attributes.item(i)!);
  return list;
}

function closest(element: Element, test: (e: Element) => boolean): Element | undefined {
  for (let node: Node | null = element; node !== null && node.nodeType === 1; node = node.parentNode) if (test(node as Element)) return node as Element;
  return undefined;
}

/** Replace an element by its children. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (parent === null) return;
  while (element.firstChild !== null) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}
