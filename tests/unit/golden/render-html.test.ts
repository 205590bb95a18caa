import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleBrief } from "../../../src/build/assemble-brief.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { checkedBrief, prepareBriefs } from "../../../src/build/prepare.js";
import { loadTemplates } from "../../../src/load/templates.js";
import { rendererFor } from "../../../src/build/render-brief.js";
import { miniProject, repoRoot } from "../../helpers/cli.js";

/**
 * Golden HTML: each example brief rendered (without a browser) and compared
 * with tests/unit/golden/<project>/<id>.html. A brief without a date gets a fixed
 * build date, so the files do not change from day to day.
 * After an intended change, run `npm run test:update` and review the diff.
 */
const update = process.env.UPDATE_GOLDEN === "1";
const buildDate = "2026-01-15";

const projects = { examples: repoRoot, mini: miniProject };

describe.each(Object.entries(projects))("golden HTML: %s", async (name, root) => {
  const preparation = await prepareBriefs([join(root, "briefs")], { root, cwd: root });
  const render = rendererFor(await loadTemplates());
  const lexicon = await builtInLexicon();
  const goldenDir = join(repoRoot, "tests", "unit", "golden", name);

  it.each(preparation.briefs.map((b) => [b.brief?.id ?? b.path, b] as const))("%s", (id, prepared) => {
    expect(prepared.diagnostics).toEqual([]);
    const checked = checkedBrief(prepared);
    if (checked === undefined) throw new Error(`${id} is not buildable`);
    const { model, balance } = assembleBrief(checked, { date: buildDate, lexicon });
    const html = render(model, balance);
    const goldenPath = join(goldenDir, `${id}.html`);
    if (update || !existsSync(goldenPath)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(goldenPath, html);
      if (!update) throw new Error(`wrote a new golden file ${goldenPath}; review it and run the tests again`);
    }
    expect(html).toBe(readFileSync(goldenPath, "utf8"));
  });
});
