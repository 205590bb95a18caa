/**
 * A value as a CSS string literal that is safe inside a <style> element:
 * everything but letters, digits and spaces is hex-escaped, so no quote,
 * backslash, "<" or "}" from a brief can end the string or the style sheet.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return out + '"';
}
