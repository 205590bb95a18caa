import { describe, expect, it } from "vitest";
import { formatDiagnostic, positionAt } from "../../../src/diagnostics/format.js";

describe("formatDiagnostic", () => {
  const text = "title: A\nthemes:\n  - centrl-asia\n";

  it("prints file:line:col, the line, a caret under the span, and the hint", () => {
    const start = text.indexOf("centrl");
    const out = formatDiagnostic(
      {
        severity: "error",
        code: "BRIEF_UNKNOWN_THEME",
        message: 'unknown theme "centrl-asia"',
        file: "briefs/a.yaml",
        span: { start, end: start + "centrl-asia".length },
        hint: 'did you mean "central-asia"?',
      },
      text,
    );
    expect(out).toBe(
      [
        'briefs/a.yaml:3:5: error BRIEF_UNKNOWN_THEME: unknown theme "centrl-asia"',
        "  3 |   - centrl-asia",
        "    |     ^^^^^^^^^^^",
        '  hint: did you mean "central-asia"?',
      ].join("\n"),
    );
  });

  // An author's test: after "(港湾局)" the caret landed three columns short, under "port" instead of the apostrophe.
  it("puts the caret under the span as a terminal draws the line: wide characters take two columns", () => {
    const line = "quote: 'Mr. Nakamura (港湾局) said the port's survival'";
    const start = line.indexOf("s survival");
    const out = formatDiagnostic({ severity: "error", code: "YAML_UNEXPECTED_TOKEN", message: "m", file: "c.yaml", span: { start, end: start + 1 } }, line);
    const [, source, underline] = out.split("\n");
    expect(underline!.indexOf("^") - "    | ".length).toBe(source!.indexOf("s survival") - "  1 | ".length + 3);
    expect(underline).toBe(`    | ${" ".repeat(line.indexOf("s survival") + 3)}^`);
  });

  it("computes 1-based positions", () => {
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, text.indexOf("themes"))).toEqual({ line: 2, column: 1 });
  });

  it("prints a message without a location when there is none", () => {
    expect(formatDiagnostic({ severity: "error", code: "FILE_NOT_FOUND", message: "m" })).toBe("error FILE_NOT_FOUND: m");
  });
});

describe("diagnostics never pass control characters to the terminal", () => {
  it("shows an escape sequence in a file as a visible character, carets still aligned", () => {
    const text = "ti\u001b[2Jtle: x\n";
    const out = formatDiagnostic({ severity: "error", code: "FILE_NOT_FOUND", message: 'unknown key "ti\u001b[2Jtle"', file: "b.yaml", span: { start: 0, end: 9 } }, text);
    expect(out).not.toContain("\u001b");
    expect(out).toContain('unknown key "ti\ufffd[2Jtle"');
    expect(out.split("\n")[2]).toBe("    | ^^^^^^^^^");
  });
});
