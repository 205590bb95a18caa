import { describe, expect, it } from "vitest";
import { sanitiseSvg } from "../../../src/load/sanitise-svg.js";

/**
 * An SVG a template embeds may load nothing. CSS can load things however it is spelt: url() written
 * with CSS escapes (u\72l, \75rl), @import, image-set() and the like, in a <style> element or in a
 * style or presentation attribute. Each must be gone from the sanitised image, and said in the warning.
 */
const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}<circle cx="5" cy="5" r="4" fill="#135"/></svg>`;
const remote = "127.0.0.1:9";

describe("sanitiseSvg and CSS", () => {
  const styleElements: Record<string, string> = {
    "url() with an escaped letter": `circle { fill: u\\72l(http://${remote}/a.png) }`,
    "url() with an escaped first letter": `circle { background: \\75rl(http://${remote}/a.png) }`,
    "url() in capitals": `circle { background: URL(http://${remote}/a.png) }`,
    "an escaped @import": `@\\69mport "http://${remote}/a.css";`,
    "@import of a string": `@import "http://${remote}/a.css";`,
    "image-set() of a string": `circle { background-image: image-set("http://${remote}/a.png" 1x) }`,
    "@font-face with a src of a string": `@font-face { font-family: x; src: local(x), "http://${remote}/f.woff" }`,
    "nothing that loads": "circle { fill: #531 }",
  };
  for (const [what, css] of Object.entries(styleElements)) {
    it(`removes a <style> element: ${what}`, () => {
      const result = sanitiseSvg(svg(`<style>${css}</style>`));
      expect(result.svg).toContain("<circle");
      expect(result.svg).not.toContain("<style");
      expect(result.svg).not.toContain(remote);
      expect(result.svg).not.toContain(css.slice(0, 12));
      expect(result.removed.join("; ")).toContain("<style>");
    });
  }

  const attributes: Record<string, string> = {
    "a style attribute with an escaped url()": `style="fill: u\\72l(http://${remote}/a.png)"`,
    "a style attribute with an escaped first letter": `style="background: \\75rl(http://${remote}/a.png)"`,
    "a style attribute with image-set()": `style="background-image: image-set('http://${remote}/a.png' 1x)"`,
    "a style attribute with a second url() leading out": `style="fill: url(#g); background: url(http://${remote}/a.png)"`,
    "a style attribute with expression()": `style="width: expression(alert(1))"`,
    "a presentation attribute with an escaped url()": `fill="u\\72l(http://${remote}/a.png)"`,
    "a presentation attribute with a second url() leading out": `filter="url(#f) url(http://${remote}/a.svg#f)"`,
  };
  for (const [what, attribute] of Object.entries(attributes)) {
    it(`removes ${what}`, () => {
      const result = sanitiseSvg(svg(`<rect width="4" height="4" ${attribute}/>`));
      expect(result.svg).toContain("<rect");
      expect(result.svg).not.toContain(remote);
      expect(result.svg).not.toContain("expression(");
      expect(result.removed.join("; ")).toMatch(/the (style|fill|filter) attribute of <rect>/);
    });
  }

  it("keeps styles and links within the image", () => {
    const result = sanitiseSvg(svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#135"/></linearGradient></defs><rect width="4" height="4" fill="url(#g)" style="stroke: #531; stroke-width: 1"/>'));
    expect(result.removed).toEqual([]);
    expect(result.svg).toContain('fill="url(#g)"');
    expect(result.svg).toContain('style="stroke: #531; stroke-width: 1"');
  });
});
