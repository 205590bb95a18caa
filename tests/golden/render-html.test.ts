import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessBalance } from "../../src/balance/assess.js";
import { loadLexicon } from "../../src/balance/lexicon.js";
import { isBuildable, prepareBriefs } from "../../src/prepare.js";
import { createRenderer } from "../../src/render/render.js";
import { loadTemplateSet } from "../../src/render/templates.js";
import { selectBrief } from "../../src/select.js";
import { miniProject, repoRoot } from "../helpers/cli.js";

/**
 * Golden HTML: each example brief rendered (without a browser) and compared
 * with tests/golden/<project>/<id>.html. A brief without a date gets a fixed
 * build date, so the files do not change from day to day.
 * After an intended change, run `npm run test:update` and review the diff.
 */
const update = process.env.UPDATE_GOLDEN === "1";
const buildDate = "2026-01-15";

const projects = { examples: repoRoot, mini: miniProject };

describe.each(Object.entries(projects))("golden HTML: %s", async (name, root) => {
  const preparation = await prepareBriefs([join(root, "briefs")], { root, cwd: root });
  const render = createRenderer(await loadTemplateSet());
  const lexicon = await loadLexicon();
  const goldenDir = join(repoRoot, "tests", "golden", name);

  it.each(preparation.briefs.map((b) => [b.brief?.id ?? b.path, b] as const))("%s", (id, prepared) => {
    expect(prepared.diagnostics).toEqual([]);
    if (!isBuildable(prepared)) throw new Error(`${id} is not buildable`);
    const model = selectBrief(prepared.brief, prepared.corpus.extract, { buildDate });
    const html = render(model, assessBalance(prepared, model, lexicon).report);
    const goldenPath = join(goldenDir, `${id}.html`);
    if (update || !existsSync(goldenPath)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(goldenPath, html);
      if (!update) throw new Error(`wrote a new golden file ${goldenPath}; review it and run the tests again`);
    }
    expect(html).toBe(readFileSync(goldenPath, "utf8"));
  });
});
