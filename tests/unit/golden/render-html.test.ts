import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleBrief } from "../../../src/build/assemble-brief.js";
import { builtInLexicon } from "../../../src/build/built-ins.js";
import { checkedBrief, prepareBriefs } from "../../../src/build/prepare.js";
import { loadTemplates, type TemplateSet } from "../../../src/load/templates.js";
import { rendererFor } from "../../../src/build/render-brief.js";
import { precompiledModule, type PrecompiledTemplates } from "../../../src/render/compile.js";
import { createRenderer } from "../../../src/render/render.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { expectEverySourceNumberCited } from "../../helpers/citations.js";
import { miniProject, repoRoot } from "../../helpers/cli.js";

/**
 * Golden HTML: each example brief rendered (without a browser) and compared
 * with tests/unit/golden/<project>/<id>.html. A brief without a date gets a fixed
 * build date, so the files do not change from day to day.
 * After an intended change, run `npm run test:update` and review the diff.
 * Each is rendered twice: with the templates compiled at run time, and
 * precompiled as `npm run build` ships them (scripts/precompile-templates.mjs).
 */
const update = process.env.UPDATE_GOLDEN === "1";
const buildDate = "2026-01-15";

const projects = { examples: repoRoot, mini: miniProject };

/** The built-in templates in the module `npm run build` writes, loaded as the built renderer loads it. */
async function precompiledBuiltIns(set: TemplateSet): Promise<PrecompiledTemplates> {
  const dir = mkdtempSync(join(tmpdir(), "briefsmith-precompiled-"));
  try {
    const path = join(dir, "precompiled-templates.cjs");
    writeFileSync(path, precompiledModule([...set.templates.values(), ...set.partials.values()].map((f) => f.source)));
    return createRequire(import.meta.url)(path) as PrecompiledTemplates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(Object.entries(projects))("golden HTML: %s", async (name, root) => {
  const preparation = await prepareBriefs([join(root, "briefs")], { root, cwd: root });
  const templates = await loadTemplates();
  const render = rendererFor(templates);
  const renderPrecompiled = createRenderer(templates, checkTemplates(templates), { precompiled: await precompiledBuiltIns(templates) });
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
    expect(renderPrecompiled(model, balance)).toBe(html);
    expectEverySourceNumberCited(html.replace(/<[^>]*>/g, ""));
  });
});
