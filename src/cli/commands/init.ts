import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { initProject } from "../../author/init-project.js";
import { displayPath } from "../../load/project.js";
import { version } from "../../version.js";
import { defineCommand } from "../command.js";
import { exitCodes, UsageError } from "../io.js";
import { plural } from "../report.js";

export const initCommand = defineCommand({
  name: "init",
  positionals: "[DIR]",
  summary: "start a project: an example brief and corpus, editor settings, a nightly workflow",
  description: `Make a Briefsmith project in DIR (default: the current folder): briefs/ with
an example memo, sources/ with a tiny example corpus, templates/ (with a
README on making your own),
.vscode/settings.json mapping the JSON Schemas (keys completed and checked
as you type), a .gitignore, and .github/workflows/nightly-briefs.yml. Files
that exist already are left as they are. Then: npx brief validate, npx brief
build.`,
  options: {},
  async run(io, { positionals }) {
    if (positionals.length > 1) throw new UsageError("give one folder: brief init [DIR]");
    const dir = resolve(io.cwd, positionals[0] ?? ".");
    const result = await initProject(dir);
    const where = dir === io.cwd ? "." : displayPath(dir, io.cwd);
    const out = (line: string) => io.stdout.write(line + "\n");
    out(`Briefsmith project in ${where}: ${plural(result.created.length, "file")} written${result.kept.length > 0 ? `, ${result.kept.length} there already and kept (${result.kept.join(", ")})` : ""}`);
    for (const file of result.created) out(`  ${file}`);
    out("");
    const cd = where === "." ? "" : `cd ${where} && `;
    if (!existsSync(join(dir, "node_modules", "briefsmith"))) {
      // Not on the npm registry: the package packed from Briefsmith's repository, kept in the project so that the
      // nightly workflow's `npm ci` finds it on a runner as well.
      out(`Install Briefsmith in it (the schemas and the workflow use it from there). It is not on the npm registry: put the package you packed from its repository (npm pack) in vendor/, then ${cd}PUPPETEER_SKIP_DOWNLOAD=1 npm install --save-dev ./vendor/briefsmith-${version}.tgz`);
    }
    out(`Check the example, then build it: ${cd}npx brief validate && npx brief build`);
    out("Bring in your own documents: npx brief new corpus NAME, then npx brief source add FILE --corpus NAME");
    return exitCodes.ok;
  },
});
