import { describe, expect, it } from "vitest";
import { isAllowedLink, renderBlockMarkdown, renderInlineMarkdown } from "../../../src/render/markdown.js";

describe("Markdown from extracts is data, not markup", () => {
  it("renders emphasis", () => {
    expect(renderInlineMarkdown("a *quasi-alliance*")).toBe("a <em>quasi-alliance</em>");
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = renderInlineMarkdown('x <script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("escapes block-level HTML too", () => {
    expect(renderBlockMarkdown('<iframe src="https://evil.example"></iframe>\n\ntext')).not.toContain("<iframe");
  });

  it("keeps http, https and mailto links and drops javascript:, data: and file: targets", () => {
    expect(renderInlineMarkdown("[a](https://example.org)")).toBe('<a href="https://example.org">a</a>');
    expect(renderInlineMarkdown("[a](mailto:x@example.org)")).toContain('href="mailto:x@example.org"');
    for (const href of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "/relative"]) {
      expect(renderInlineMarkdown(`[click](${href})`)).toBe("click");
    }
  });

  it("drops reference-style links to file: targets", () => {
    expect(renderBlockMarkdown("[see][r]\n\n[r]: file:///etc/passwd")).not.toContain("href");
  });

  it("turns images into their alt text, so nothing is ever loaded", () => {
    expect(renderInlineMarkdown("![a map](https://example.org/map.png)")).toBe("a map");
  });

  it("judges link protocols strictly", () => {
    expect(isAllowedLink("HTTPS://EXAMPLE.ORG")).toBe(true);
    expect(isAllowedLink("  javascript:alert(1)")).toBe(false);
  });
});

describe("headings in our own Markdown", () => {
  it("become bold text, so a summary cannot add entries to the PDF outline", () => {
    expect(renderBlockMarkdown("# Not an outline entry")).toBe("<p><strong>Not an outline entry</strong></p>\n");
  });
});
