import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";

const ingestMarkdown = (text: string) => ingestDocument(new TextEncoder().encode(text), { fileName: "notes.md" });

const markdown = `---
title: "Partners of Convenience"
author: [Jane Roe, John Doe]
date: 2016-02-04
---

# The Heading Is Not the Title

Relations have *grown* **closer**, says [the report](https://example.org/report "Report"),
a claim that \`everyone\` repeats &amp; few test.

## Three points

- first point
- second point, with a [link][ref]
  1. a nested point

> A block quote
> over two lines.

![a chart](chart.png)

[ref]: https://example.org/ref
`;

describe("ingesting Markdown", () => {
  it("gives headings, paragraphs, list items and quotes as plain text, with the front matter's metadata", async () => {
    const document = await ingestMarkdown(markdown);
    expect(document.paragraphs).toEqual([
      "The Heading Is Not the Title",
      "Relations have grown closer, says the report, a claim that everyone repeats & few test.",
      "Three points",
      "first point",
      "second point, with a link",
      "a nested point",
      "A block quote over two lines.",
    ]);
    expect(document.metadata).toEqual({ title: "Partners of Convenience", author: "Jane Roe; John Doe", date: "2016-02-04" });
    expect(document.format).toBe("md");
  });

  it("takes the title from the first level-1 heading when there is no front matter", async () => {
    const document = await ingestMarkdown("Intro line.\n\n# Real Title\n\nText.\n\n# Second\n");
    expect(document.metadata).toEqual({ title: "Real Title" });
    expect(document.paragraphs).toEqual(["Intro line.", "Real Title", "Text.", "Second"]);
  });

  it("warns about front matter that is not YAML, and still reads the text", async () => {
    const document = await ingestMarkdown("---\ntitle: [unclosed\n---\nText.\n");
    expect(document.paragraphs).toEqual(["Text."]);
    expect(document.warnings).toEqual([expect.stringContaining("front matter")]);
  });
});

// An author's test: "…eleven o’clock.[^1]" and "[^1]: The minutes were approved …" came in as raw syntax.
describe("Markdown footnotes", () => {
  it("read as a Word file's: the call as [1], the note's text as a paragraph at the end", async () => {
    const document = await ingestMarkdown("The meeting ended at eleven o’clock.[^1] It resumed at two.\n\n[^1]: The minutes were approved on 1 June 2023.\n\nA last paragraph.\n");
    expect(document.paragraphs).toEqual([
      "The meeting ended at eleven o’clock.[1] It resumed at two.",
      "A last paragraph.",
      "The minutes were approved on 1 June 2023.",
    ]);
  });
});
