import { createRequire } from "node:module";
import type DOMPurifyModule from "dompurify";
import type { JSDOM as JSDOMClass } from "jsdom";

/**
 * SVG images of a project's templates/assets/, made safe to embed: DOMPurify
 * (made for exactly this, and tested against the browsers' own parsers) over a
 * jsdom window (the DOM its authors recommend on a server; linkedom and
 * happy-dom they do not vouch for). Kept: the SVG and SVG-filter elements and
 * attributes of DOMPurify's SVG profile, and <use> of a part of the same image.
 * Removed: scripts and event handlers (DOMPurify), <foreignObject> (HTML
 * inside the image), every href or xlink:href that is not a link within the
 * image (#id) or an embedded PNG, JPEG, GIF or WebP image, every <style>
 * element (CSS can load things in too many spellings to trust a style sheet:
 * u\72l(, \75rl(, @\69mport, image-set("…"), a font's src), and any
 * attribute, style and presentation attributes included, whose value has a
 * url() leading out of the image, a backslash (a CSS escape), @import, or a
 * CSS function that loads or runs something (image-set(), image(),
 * cross-fade(), element(), src(), paint(), expression()). What is left loads
 * nothing and runs nothing, wherever the image is shown. jsdom and DOMPurify are loaded on first use only: a build
 * that prints nothing, or a project without SVG, never pays for them.
 */

export interface SanitisedSvg {
  /** The image as XML, with the SVG namespace on its root. */
  readonly svg: string;
  /** What was removed, for a warning: "<script>", "the onload attribute of <svg>". */
  readonly removed: readonly string[];
}

interface Sanitiser {
  readonly purify: ReturnType<typeof DOMPurifyModule>;
  readonly serialise: (node: Node) => string;
}

let sanitiser: Sanitiser | undefined;

function loadSanitiser(): Sanitiser {
  if (sanitiser !== undefined) return sanitiser;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require("jsdom") as { JSDOM: typeof JSDOMClass };
  const createDOMPurify = require("dompurify") as typeof DOMPurifyModule;
  const window = new JSDOM("").window;
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const serializer = new window.XMLSerializer();
  sanitiser = { purify, serialise: (node) => serializer.serializeToString(node) };
  return sanitiser;
}

const embeddedImage = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;
/** A CSS escape (a backslash), @import, or a CSS function that loads or runs something other than url(). */
const loadsOrRuns = /\\|@import|(?:image-set|image|cross-fade|element|src|paint|expression)\s*\(/i;
/** Every url( in a value, with what it leads to. */
const urls = /url\s*\(\s*["']?\s*(.?)/gi;

/** Whether an attribute's value, read as CSS, can load or run anything: every url() must lead within the image (#id). */
function cssLoads(value: string): boolean {
  return loadsOrRuns.test(value) || [...value.matchAll(urls)].some((match) => match[1] !== "#");
}

/**
 * Make sanitising safe to start at any moment; to be awaited before an SVG can
 * be sanitised. jsdom require()s parse5, an ES module: should the renderer
 * (which imports parse5 too) be loading it at that moment, Node's require() of
 * a module still being imported fails ("Unexpected module status 0"), as a
 * build of the letterhead example did. Imported, and finished, here, it is not.
 */
export async function prepareSvgSanitiser(): Promise<void> {
  await import("parse5");
}

/** Sanitise one SVG document (its text). An SVG with nothing left (not an SVG at all) gives an empty `svg`. */
export function sanitiseSvg(text: string): SanitisedSvg {
  const { purify, serialise } = loadSanitiser();
  const removed: string[] = [];
  purify.removeAllHooks();
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    const element = node.nodeName.toLowerCase();
    const link = name === "href" || name === "xlink:href";
    const allowedLink = value.trim().startsWith("#") || (element === "image" && embeddedImage.test(value.trim()));
    if ((link && !allowedLink) || (!link && cssLoads(value))) {
      data.keepAttr = false;
      removed.push(`the ${data.attrName} attribute of <${element}>`);
    }
  });
  const body = purify.sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ["use"],
    ADD_ATTR: ["role"],
    FORBID_TAGS: ["foreignObject", "script", "style"],
    RETURN_DOM: true,
  });
  purify.removeAllHooks();
  for (const item of purify.removed as { element?: Node; attribute?: Attr | null; from?: Node }[]) {
    if (item.attribute) removed.push(`the ${item.attribute.name} attribute of <${item.from?.nodeName.toLowerCase() ?? "?"}>`);
    else if (item.element && item.element.nodeName !== "BODY" && item.element.nodeType === 1) removed.push(`<${item.element.nodeName.toLowerCase()}>`);
  }
  const root = (body as unknown as Element).firstElementChild;
  if (root === null || root.nodeName.toLowerCase() !== "svg") return { svg: "", removed };
  return { svg: serialise(root), removed: [...new Set(removed)] };
}
