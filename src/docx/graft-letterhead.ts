import { XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import {
  elementChildren,
  elementsNamed,
  imageContentTypes,
  imageRelationship,
  markupCompatibilityNamespace,
  packageRelationshipsNamespace,
  parseXml,
  relationshipsNamespace,
  sectionReferences,
  wordNamespace,
  type ImageExtension,
  type LetterheadPart,
  type WordLetterhead,
} from "../load/word-letterhead.js";

const xmlnsNamespace = "http://www.w3.org/2000/xmlns/";
const drawingPlacementNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

/**
 * Put an office's letterhead (load/word-letterhead.ts) into a Word document
 * Briefsmith wrote: the letterhead's header content goes into the document's
 * headers and its footer content into the footers, of the first page and of
 * the others, with their pictures and styles. The document's own lines stay
 * where a reader expects them: the marking banner at the very top and bottom
 * of each page, the running title under the letterhead, "Page X of Y" at the
 * foot. The document must have been written with a first page of its own
 * (writeDocx does so on a letterhead): the letterhead's first-page header and
 * footer go there, or its only ones. The package is changed where it is,
 * before reproducibleDocx writes it out.
 */
export async function graftLetterhead(zip: JSZip, letterhead: WordLetterhead, options: { readonly bannerOnTop: boolean }): Promise<void> {
  const read = async (name: string) => {
    const entry = zip.file(name);
    if (entry === null) throw new Error(`the Word package has no ${name}: has docx changed?`);
    return parseXml(await entry.async("string"), name);
  };
  const document = await read("word/document.xml");
  const references = sectionReferences(document);
  const relationships = await read("word/_rels/document.xml.rels");
  const partOf = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const relationship = elementsNamed(relationships, packageRelationshipsNamespace, "Relationship").find((r) => r.getAttribute("Id") === id);
    return relationship === undefined ? undefined : `word/${relationship.getAttribute("Target")}`;
  };
  // A letterhead without a different first page is the same on page one (which has a header of its own all the same).
  const firstPage = letterhead.first ?? { header: letterhead.header, footer: letterhead.footer };
  const grafts: { part: string | undefined; content: LetterheadPart | undefined; at: "after-banner" | "start" }[] = [
    { part: partOf(references.header.default), content: letterhead.header, at: "after-banner" },
    { part: partOf(references.footer.default), content: letterhead.footer, at: "start" },
    { part: partOf(references.header.first), content: firstPage.header, at: "after-banner" },
    { part: partOf(references.footer.first), content: firstPage.footer, at: "start" },
  ];
  const media = new Set<ImageExtension>();
  // Drawing ids (wp:docPr) must be unique in the document: the letterhead's are numbered on from here.
  const drawingIds = { next: 1001 };
  for (const { part, content, at } of grafts) {
    if (part === undefined || content === undefined) continue;
    const ours = await read(part);
    const relationshipsName = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const ourRelationships = zip.file(relationshipsName) === null ? parseXml(`<Relationships xmlns="${packageRelationshipsNamespace}"/>`, relationshipsName) : await read(relationshipsName);
    const renamed = new Map<string, string>();
    let number = 1000;
    const taken = new Set(elementsNamed(ourRelationships, packageRelationshipsNamespace, "Relationship").map((r) => r.getAttribute("Id")));
    for (const [id, image] of content.images) {
      do number++;
      while (taken.has(`rId${number}`));
      const newId = `rId${number}`;
      const file = `media/letterhead-${part.slice(part.lastIndexOf("/") + 1, -".xml".length)}-${number - 1000}.${image.extension}`;
      zip.file(`word/${file}`, image.bytes);
      media.add(image.extension);
      const relationship = ourRelationships.createElementNS(packageRelationshipsNamespace, "Relationship");
      relationship.setAttribute("Id", newId);
      relationship.setAttribute("Type", imageRelationship);
      relationship.setAttribute("Target", file);
      ourRelationships.documentElement!.appendChild(relationship);
      renamed.set(id, newId);
    }
    const theirs = parsedPart(content, `${letterhead.shown} (${part})`);
    declareNamespaces(ours.documentElement!, theirs);
    const root = ours.documentElement!;
    const before = at === "after-banner" && options.bannerOnTop ? (elementChildren(root)[1] ?? null) : (elementChildren(root)[0] ?? null);
    for (const child of elementChildren(theirs)) {
      const imported = ours.importNode(child, true) as Element;
      for (const element of [imported, ...elementsNamed(imported, "*", "*")]) {
        for (let i = 0; i < element.attributes.length; i++) {
          const attribute = element.attributes.item(i)!;
          if (attribute.namespaceURI === relationshipsNamespace && renamed.has(attribute.value)) attribute.value = renamed.get(attribute.value)!;
        }
        if (element.namespaceURI === drawingPlacementNamespace && element.localName === "docPr") element.setAttribute("id", String(drawingIds.next++));
      }
      root.insertBefore(imported, before);
    }
    zip.file(part, serialize(ours));
    if (renamed.size > 0) zip.file(relationshipsName, serialize(ourRelationships));
  }
  if (media.size > 0) {
    const types = await read("[Content_Types].xml");
    const typesRoot = types.documentElement!;
    const known = new Set(elementChildren(typesRoot).map((e) => e.getAttribute("Extension")?.toLowerCase()));
    for (const extension of [...media].sort()) {
      if (known.has(extension)) continue;
      const entry = types.createElementNS(typesRoot.namespaceURI, "Default");
      entry.setAttribute("Extension", extension);
      entry.setAttribute("ContentType", imageContentTypes[extension]);
      typesRoot.insertBefore(entry, elementChildren(typesRoot)[0] ?? null);
    }
    zip.file("[Content_Types].xml", serialize(types));
  }
  if (letterhead.styles.size > 0) {
    const styles = await read("word/styles.xml");
    const stylesRoot = styles.documentElement!;
    const defined = new Set(elementsNamed(styles, wordNamespace, "style").map((s) => s.getAttributeNS(wordNamespace, "styleId")));
    for (const [id, style] of parsedStyles(letterhead)) {
      if (!defined.has(id)) stylesRoot.appendChild(styles.importNode(style, true));
    }
    zip.file("word/styles.xml", serialize(styles));
  }
}

/**
 * A letterhead's parts and styles, parsed once, however many Word files a build puts on it: what is grafted is
 * a copy (importNode), so the parsed original is never changed.
 */
const parsedParts = new WeakMap<LetterheadPart, Element>();
const parsedStyleLists = new WeakMap<WordLetterhead, readonly (readonly [string, Element])[]>();

function parsedPart(content: LetterheadPart, shown: string): Element {
  let parsed = parsedParts.get(content);
  if (parsed === undefined) parsedParts.set(content, (parsed = parseXml(content.xml, shown).documentElement!));
  return parsed;
}

/** The letterhead's styles in id order, parsed. */
function parsedStyles(letterhead: WordLetterhead): readonly (readonly [string, Element])[] {
  let parsed = parsedStyleLists.get(letterhead);
  if (parsed === undefined) {
    const ordered = [...letterhead.styles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    parsed = ordered.map(([id, xml]) => [id, parseXml(xml, `${letterhead.shown} (style ${id})`).documentElement!] as const);
    parsedStyleLists.set(letterhead, parsed);
  }
  return parsed;
}

/**
 * Declare on our part's root the namespaces the letterhead's part declares on its own and ours lacks, and let
 * readers ignore those it lets them ignore (mc:Ignorable): Word refuses a part that uses a namespace it does not
 * know unless the part says it may be ignored.
 */
function declareNamespaces(ours: Element, theirs: Element): void {
  const declared = (element: Element) => {
    const map = new Map<string, string>();
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i)!;
      if (attribute.namespaceURI === xmlnsNamespace && attribute.prefix === "xmlns") map.set(attribute.localName!, attribute.value);
    }
    return map;
  };
  const ourPrefixes = declared(ours);
  const theirPrefixes = declared(theirs);
  for (const [prefix, uri] of theirPrefixes) {
    if (!ourPrefixes.has(prefix)) {
      ours.setAttributeNS(xmlnsNamespace, `xmlns:${prefix}`, uri);
      ourPrefixes.set(prefix, uri);
    }
  }
  const theirIgnorable = theirs.getAttributeNS(markupCompatibilityNamespace, "Ignorable")?.split(/\s+/).filter(Boolean) ?? [];
  if (theirIgnorable.length === 0) return;
  const ourIgnorable = ours.getAttributeNS(markupCompatibilityNamespace, "Ignorable")?.split(/\s+/).filter(Boolean) ?? [];
  const ignorable = [...new Set([...ourIgnorable, ...theirIgnorable.filter((p) => ourPrefixes.get(p) === theirPrefixes.get(p))])];
  const mcPrefix = [...ourPrefixes].find(([, uri]) => uri === markupCompatibilityNamespace)?.[0];
  if (mcPrefix === undefined) {
    ours.setAttributeNS(xmlnsNamespace, "xmlns:mc", markupCompatibilityNamespace);
    ours.setAttributeNS(markupCompatibilityNamespace, "mc:Ignorable", ignorable.join(" "));
  } else {
    ours.setAttributeNS(markupCompatibilityNamespace, `${mcPrefix}:Ignorable`, ignorable.join(" "));
  }
}

function serialize(document: Document): string {
  const xml = new XMLSerializer().serializeToString(document);
  return xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
}
