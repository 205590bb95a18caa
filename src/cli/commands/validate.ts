import { prepareBriefs } from "../../build/prepare.js";
import { errorCount } from "../../diagnostics/diagnostic.js";
import { defineCommand, projectOptions } from "../command.js";
import { exitCodes } from "../io.js";
import { projectRoot } from "../options.js";
import { plural, printDiagnostics } from "../report.js";

export const validateCommand = defineCommand({
  name: "validate",
  positionals: "[PATH…]",
  summary: "check briefs and their corpora; no browser needed",
  description: `Check briefs and the corpora they use, without a browser: schema, references,
and that every quote is verbatim in its source, in the paragraph its locator
names. Reports every problem at once. PATH is a brief file or a folder
(default: briefs/).`,
  options: { ...projectOptions },
  async run(io, { values, positionals }) {
    const root = projectRoot(io, values.root);
    const preparation = await prepareBriefs(positionals.length > 0 ? positionals : [`${root}/briefs`], { root, cwd: io.cwd });
    printDiagnostics(io, preparation.diagnostics, preparation.fileTexts);
    const errors = errorCount(preparation.diagnostics);
    const claims = [...preparation.corpora.values()].reduce((n, c) => n + (c.corpus?.extract.claims.length ?? 0), 0);
    const summary = `${plural(preparation.briefs.length, "brief")}, ${`${preparation.corpora.size} ${preparation.corpora.size === 1 ? "corpus" : "corpora"}`}, ${plural(claims, "claim")} checked`;
    if (errors > 0) {
      io.stderr.write(`${summary}: ${plural(errors, "problem")}\n`);
      return exitCodes.problems;
    }
    io.stdout.write(`${summary}: no problems\n`);
    return exitCodes.ok;
  },
});
