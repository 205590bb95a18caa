import { describe, expect, it } from "vitest";
import { renderBlockMarkdown, renderInlineMarkdown } from "../../../src/render/markdown.js";
import { findUnsafeHtml } from "../../helpers/html-safety.js";

/** Bugs the fuzzer found in the Markdown renderer, one test each, named after what broke. */
describe("Markdown regressions", () => {
  it("text after an inline <code>, <pre>, <kbd> or <script> tag is escaped, not printed raw", () => {
    for (const tag of ["code", "pre", "kbd", "script", "SCRIPT"]) {
      const text = `before <${tag}><img src=x onerror=alert(1) after`;
      for (const html of [renderInlineMarkdown(text), renderBlockMarkdown(text)]) {
        expect(html).not.toContain("<img");
        expect(html).toContain("&lt;img src");
        expect(findUnsafeHtml(html)).toEqual([]);
      }
    }
    // The counterexample fast-check shrank it to.
    expect(renderBlockMarkdown("!<script><javascript:")).toBe("<p>!&lt;script&gt;&lt;javascript:</p>\n");
  });

  it("ordinary text, entities and code spans still render as before", () => {
    expect(renderInlineMarkdown("a &amp; b &#60; c")).toBe("a &amp; b &lt; c");
    expect(renderInlineMarkdown("`<b>` and *em*")).toBe("<code>&lt;b&gt;</code> and <em>em</em>");
  });
});
