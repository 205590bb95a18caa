import fc from "fast-check";

/**
 * Text that tries to be markup: fragments of HTML, Markdown, URLs, CSS,
 * Handlebars and YAML, glued to random Unicode. Random strings alone almost
 * never spell "<img src=x onerror=…>"; these do, often.
 */
const markupTokens = [
  "<", ">", "</", "/>", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>", "<svg onload=alert(1)>",
  "<a href=\"javascript:alert(1)\">", "<style>", "</style>", "<object data=x>", "<embed src=x>", "<link rel=stylesheet href=x>",
  "<meta http-equiv=refresh content=0;url=x>", "<base href=//x/>", "<input type=image src=x>", "<form action=x>", "<math>",
  "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE html>", " onerror=", " onclick=", " on", "=", "\"", "'", "`",
  "javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", "vbscript:", "data:text/html,", "data:image/svg+xml,",
  "file:///etc/passwd", "http://127.0.0.1/", "https://example.org/", "mailto:x@example.org", "//evil.example/", "ws://x/",
  "&#106;", "&#x6A;", "&colon;", "&lpar;", "&amp;", "&lt;", "&gt;", "&quot;", "&#0;", "%6A", "\\", "\\u003c",
  "[", "]", "(", ")", "![", "](", "][", "[x]: ", "<http://", "<javascript:", "www.", "@", "*", "**", "_", "~~", "`", "```",
  "# ", "> ", "- ", "1. ", "- [ ] ", "|", "| --- |", "---", "    ", "\n", "\n\n", "\t", " ", "  \n",
  "{{", "}}", "{{{", "}}}", "{{> head}}", "{{constructor.constructor}}", "{{#each this}}", "{{/each}}",
  "@import", "url(", "expression(", "}", "{", ";", "/*", "*/", "\u0000", "\u0007", "\u202e", "\u200b", "\ufeff", "\ud800", "\u2028",
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...markupTokens), fc.string({ maxLength: 6 })), { maxLength: 24 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Hostile text that still passes the schemas' "non-empty" rule, cut to `max` characters. */
export function hostileField(max: number): fc.Arbitrary<string> {
  return hostileText.map((text) => `x ${text}`.slice(0, max));
}

/** Tokens that change the structure of YAML when dropped into it. */
const yamlTokens = [
  ": ", ":", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!str ", "!!binary ", "!foo ", "? ", "|", ">", "|-",
  "#", "'", "\"", "\t", "\n", "\n  ", "  ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a\n", "\ufeff", "\\", "\\x", "\\u", "null",
  "~", "yes", "1e999", "0x", ".inf", "__proto__: ", "constructor: ", "\r", "\r\n", "\u0000", "\u0085", "\u2028",
];

export type Edit =
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "duplicate"; readonly at: number; readonly length: number }
  | { readonly kind: "swap-lines"; readonly a: number; readonly b: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: position, text: fc.oneof(fc.constantFrom(...yamlTokens), hostileText) }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: position, b: position }),
);

/** A few random edits: insertions, deletions, duplications and swapped lines. */
export const edits: fc.Arbitrary<Edit[]> = fc.array(edit, { minLength: 1, maxLength: 6 });

export function applyEdits(text: string, list: readonly Edit[]): string {
  for (const e of list) {
    if (e.kind === "swap-lines") {
      const lines = text.split("\n");
      const a = Math.floor(e.a * lines.length);
      const b = Math.floor(e.b * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      text = lines.join("\n");
      continue;
    }
    const at = Math.floor(e.at * (text.length + 1));
    if (e.kind === "insert") text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.kind === "delete") text = text.slice(0, at) + text.slice(at + e.length);
    else text = text.slice(0, at) + text.slice(at, at + e.length) + text.slice(at);
  }
  return text;
}
