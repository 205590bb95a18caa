import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../../src/errors/codes.js";
import { repoRoot } from "../helpers/cli.js";

/**
 * The README's table of error codes is made from `errorCodes`, so a new code
 * cannot go undocumented. After changing the list, `npm run test:update`
 * rewrites the table.
 */
const readmePath = join(repoRoot, "README.md");
const start = "<!-- error-codes:start -->\n";
const end = "<!-- error-codes:end -->";

function codeTable(): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const rows = Object.entries(errorCodes).map(([code, doc]) => `| \`${code}\` | ${cell(doc.meaning)} | ${cell(doc.fix)} |`);
  return ["| code | meaning | typical fix |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

describe("README", () => {
  it("lists every error code with its meaning and typical fix", () => {
    const readme = readFileSync(readmePath, "utf8");
    const from = readme.indexOf(start) + start.length;
    const to = readme.indexOf(end);
    expect(from).toBeGreaterThan(start.length);
    const table = codeTable();
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(readmePath, readme.slice(0, from) + table + readme.slice(to));
    else expect(readme.slice(from, to)).toBe(table);
  });
});
