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
