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
 * image (#id) or an embedded PNG, JPEG, GIF or WebP image, any attribute whose
 * value has a url() leading out of the image, and <style> elements with
 * @import or url(). What is left loads nothing and runs nothing, wherever the
 * image is shown. jsdom and DOMPurify are loaded on first use only: a build
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
const localUrl = /^\s*url\(\s*["']?#/i;

/** Sanitise one SVG document (its text). An SVG with nothing left (not an SVG at all) gives an empty `svg`. */
export function sanitiseSvg(text: string): SanitisedSvg {
  const { purify, serialise } = loadSanitiser();
  const removed: string[] = [];
  purify.removeAllHooks();
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && /@import|url\s*\(/i.test(node.textContent ?? "")) {
      removed.push("a <style> element that loads something (@import or url())");
      node.parentNode?.removeChild(node);
    }
  });
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    const element = node.nodeName.toLowerCase();
    const link = name === "href" || name === "xlink:href";
    const allowedLink = value.trim().startsWith("#") || (element === "image" && embeddedImage.test(value.trim()));
    if ((link && !allowedLink) || (/url\s*\(/i.test(value) && !localUrl.test(value))) {
      data.keepAttr = false;
      removed.push(`the ${data.attrName} attribute of <${element}>`);
    }
  });
  const body = purify.sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ["use"],
    ADD_ATTR: ["role"],
    FORBID_TAGS: ["foreignObject", "script"],
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
