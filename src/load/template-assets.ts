import { sanitiseSvg } from "./sanitise-svg.js";

/** The images a template can embed, by their file's extension. */
const assetTypes = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", svg: "image/svg+xml" } as const;
export type AssetType = (typeof assetTypes)[keyof typeof assetTypes];

/** An image of a project's templates/assets/, as read: embedded as a data: URI wherever a template names it. */
export interface TemplateAsset {
  /** Its file name, which a template uses: {{asset "logo.svg"}}. */
  readonly name: string;
  /** As diagnostics show it: templates/assets/logo.svg. */
  readonly shown: string;
  readonly type: AssetType;
  readonly bytes: Uint8Array;
}

/** An asset's name: a plain file name, never a path. */
export const assetNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The type a file's name says it is, or undefined for a file that is not a PNG, JPEG or SVG image. */
export function assetTypeOf(name: string): AssetType | undefined {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return Object.hasOwn(assetTypes, extension) ? assetTypes[extension as keyof typeof assetTypes] : undefined;
}

/** Why the bytes are not the image the name says, or undefined when they are. */
export function assetContentProblem(type: AssetType, bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (type === "image/png") return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ? undefined : "it is named .png but is not a PNG image";
  if (type === "image/jpeg") return starts(0xff, 0xd8, 0xff) ? undefined : "it is named .jpg but is not a JPEG image";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096));
  return /<svg[\s>]/i.test(head) ? undefined : "it is named .svg but has no <svg> element near its start";
}

/** The most pixels an image may have a side: a page's width at 300 dpi is about 2,500; a larger one prints slowly or not at all. */
const maxSidePixels = 10_000;

/**
 * Why a PNG or JPEG has more pixels than a page can show, or undefined. A file of a few hundred kilobytes can
 * hold 40,000 × 40,000 pixels: Chromium left such an image out of the PDF, and took 14 s over one of 20,000 a side.
 */
export function assetSizeProblem(type: AssetType, bytes: Uint8Array): string | undefined {
  const size = type === "image/png" ? pngSize(bytes) : type === "image/jpeg" ? jpegSize(bytes) : undefined;
  if (size === undefined || (size.width <= maxSidePixels && size.height <= maxSidePixels)) return undefined;
  return `the image is ${size.width.toLocaleString("en")} × ${size.height.toLocaleString("en")} pixels, more than a printed page can show`;
}

export const assetSizeHint = `export it at most ${maxSidePixels.toLocaleString("en")} pixels a side (a page's width at 300 dpi is about 2,500)`;

/** A PNG's width and height, from its header chunk (IHDR), which the format puts first. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A JPEG's width and height, from its start-of-frame segment (SOF0 to SOF15, not the DHT, JPG and DAC markers). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

export interface EmbeddedAsset {
  /** data:image/…;base64,…: nothing to fetch when the document is printed or opened. */
  readonly uri: string;
  /** For an SVG: what sanitising removed (scripts, event handlers, external links). */
  readonly removed: readonly string[];
}

const embedded = new WeakMap<TemplateAsset, EmbeddedAsset>();

/** The asset as a data: URI, SVG sanitised first (src/load/sanitise-svg.ts); computed once per asset. */
export function embedAsset(asset: TemplateAsset): EmbeddedAsset {
  let result = embedded.get(asset);
  if (result === undefined) {
    if (asset.type === "image/svg+xml") {
      const clean = sanitiseSvg(new TextDecoder("utf-8", { fatal: false }).decode(asset.bytes));
      result = { uri: `data:image/svg+xml;base64,${Buffer.from(clean.svg, "utf8").toString("base64")}`, removed: clean.removed };
    } else {
      result = { uri: `data:${asset.type};base64,${Buffer.from(asset.bytes).toString("base64")}`, removed: [] };
    }
    embedded.set(asset, result);
  }
  return result;
}
