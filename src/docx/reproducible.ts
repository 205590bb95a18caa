import { createHash } from "node:crypto";
import JSZip from "jszip";

/**
 * The same document, the same bytes. docx stamps the package with the time
 * it was made (docProps/core.xml's created and modified, each zip entry's
 * date) and names each hyperlink's relationship with a random id. Here the
 * package is written again with every date set to the document's own date,
 * the random ids replaced by numbered ones in order of appearance, and the
 * entries in the order docx wrote them, compressed alike: two builds of the
 * same brief give identical files, so the incremental build and the manifest
 * can trust a DOCX's hash as they trust a PDF's.
 *
 * Fixes of docx's Word XML ride along. Characters XML 1.0 does not allow
 * (control characters a brief may carry, which docx writes as they are and
 * which make Word refuse the file as damaged) are dropped, as a browser does
 * not show them either. Endnotes are numbered 1, 2, 3 as in the PDF (Word's
 * default is i, ii, iii), and the separator lines above the notes carry no
 * note number.
 */

/** The moment a document carries: its date at midnight UTC; never before 1980, the first date a zip entry can hold. */
export function documentMoment(isoDate: string): Date {
  const moment = new Date(`${isoDate}T00:00:00Z`);
  const earliest = new Date("1980-01-01T00:00:00Z");
  return Number.isNaN(moment.getTime()) || moment < earliest ? earliest : moment;
}

/** A textual change to one part of the package; it must find what it changes, or docx has changed under it. */
interface Patch {
  readonly part: string;
  readonly apply: (xml: string) => string;
}

function replaceOnce(xml: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(xml)) throw new Error(`the Word package has no ${what} to fix: has docx changed?`);
  return xml.replace(pattern, replacement);
}

function patches(moment: Date): Patch[] {
  const stamp = moment.toISOString().replace(/\.\d{3}Z$/, "Z");
  const noteSeparators = (kind: "endnote" | "footnote") => (xml: string) =>
    // <w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r> before <w:separator/> and <w:continuationSeparator/>
    xml.replace(new RegExp(`<w:r><w:rPr><w:rStyle w:val="${kind === "endnote" ? "Endnote" : "Footnote"}Reference"/></w:rPr><w:${kind}Ref/></w:r>(?=<w:r><w:(continuationS|s)eparator/>)`, "g"), "");
  return [
    {
      part: "docProps/core.xml",
      apply: (xml) => {
        const created = replaceOnce(xml, /(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`, "creation time");
        return replaceOnce(created, /(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`, "modification time");
      },
    },
    {
      part: "word/settings.xml",
      apply: (xml) => replaceOnce(xml, /<w:compat>/, `<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr><w:compat>`, "compatibility settings"),
    },
    {
      part: "word/document.xml",
      // The section's own endnote settings, which Word reads before the document's (CT_SectPr: after the footer references).
      apply: (xml) => replaceOnce(xml, /(<w:sectPr>(?:<w:(?:header|footer)Reference [^>]*\/>)*)/, `$1<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>`, "section properties"),
    },
    { part: "word/endnotes.xml", apply: noteSeparators("endnote") },
    { part: "word/footnotes.xml", apply: noteSeparators("footnote") },
  ];
}

/** Characters an XML 1.0 document cannot hold: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates. */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Relationship ids docx made at random ("rIdq3x…"), renamed rIdLink1, rIdLink2… in each part, in the order they appear. */
function renumberRelationships(parts: Map<string, string>): void {
  for (const [name, rels] of parts) {
    const match = /^(.*)_rels\/([^/]+)\.rels$/.exec(name);
    if (match === null) continue;
    const owner = `${match[1]}${match[2]}`;
    const random = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !/^rId\d+$/.test(id));
    if (random.length === 0) continue;
    let renamedRels = rels;
    let renamedOwner = parts.get(owner) ?? "";
    random.forEach((id, index) => {
      const next = `rIdLink${index + 1}`;
      renamedRels = renamedRels.split(`Id="${id}"`).join(`Id="${next}"`);
      renamedOwner = renamedOwner.split(`r:id="${id}"`).join(`r:id="${next}"`);
    });
    parts.set(name, renamedRels);
    if (parts.has(owner)) parts.set(owner, renamedOwner);
  }
}

/**
 * A package's seal, in its zip comment: the sha256 of its parts as Briefsmith wrote them. A Word file found where a
 * brief's goes, with no manifest entry to say whose it is (its brief withdrawn and back, the manifest lost), is
 * Briefsmith's own and unchanged only when its parts still hash to its seal. Word and LibreOffice write a package
 * anew, without the comment; a script that changes a part changes the hash. No program shows a zip comment.
 */
const sealPrefix = "content-sha256:";

/** The hash of a package's parts, by name (sorted) and content. */
function partsHash(parts: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash("sha256");
  for (const name of [...parts.keys()].sort()) hash.update(`${name}\0${parts.get(name)!.byteLength}\0`).update(parts.get(name)!);
  return hash.digest("hex");
}

/**
 * Whether these bytes are a Word file as Briefsmith wrote it, unchanged since: sealed, and its parts as sealed. One
 * saved again by Word, changed by a script, written by a Briefsmith from before the seal, or not a package at all, is not.
 */
export async function unchangedSinceWritten(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    // JSZip reads the archive's comment, though its types do not say so.
    const comment = (zip as { comment?: unknown }).comment;
    const seal = typeof comment === "string" && comment.startsWith(sealPrefix) ? comment.slice(sealPrefix.length) : undefined;
    if (seal === undefined) return false;
    const parts = new Map<string, Uint8Array>();
    for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("uint8array"));
    return partsHash(parts) === seal;
  } catch {
    return false;
  }
}

/** Write a docx package (docx's, opened with jszip) again, reproducibly (see above). */
export async function reproducibleDocx(source: JSZip, moment: Date): Promise<Uint8Array> {
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const parts = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const name of names) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, (await source.files[name]!.async("string")).replace(notXml, ""));
    else binary.set(name, await source.files[name]!.async("uint8array"));
  }
  renumberRelationships(parts);
  for (const patch of patches(moment)) {
    const xml = parts.get(patch.part);
    if (xml !== undefined) parts.set(patch.part, patch.apply(xml));
  }
  const out = new JSZip();
  const written = new Map<string, Uint8Array>();
  for (const name of names) {
    const text = parts.get(name);
    written.set(name, text === undefined ? binary.get(name)! : Buffer.from(text, "utf8"));
    out.file(name, written.get(name)!, { date: moment, createFolders: false });
  }
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    comment: `${sealPrefix}${partsHash(written)}`,
  });
}
