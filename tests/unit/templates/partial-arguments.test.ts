import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/load/templates.js";
import { checkTemplates } from "../../../src/validate/templates.js";
import { TempProject } from "../../helpers/project.js";

/** What the checker says of a partial given key=value arguments: each problem once, where it is. */
let project: TempProject | undefined;
afterEach(() => project?.dispose());

async function problemsOf(letter: string, masthead: string) {
  project = new TempProject();
  mkdirSync(project.path("templates/partials"), { recursive: true });
  project.write("templates/letter.hbs", `{{!-- layout: memo --}}\n{{> head}}\n<body>\n${letter}\n</body>\n`);
  project.write("templates/partials/masthead.hbs", masthead);
  const set = await loadTemplates({ project: project.path("templates"), cwd: project.dir });
  return checkTemplates(set).templates.get("letter")!.errors.map((d) => `${d.file}: ${d.message}`);
}

describe("partials given key=value arguments", () => {
  it("a value naming a field the model lacks is one error, at the value: the partial printing it is not blamed too", async () => {
    const problems = await problemsOf("{{> masthead office=brief.offfice}}", "<p>{{office}}</p>");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^templates\/letter\.hbs: .*offfice/);
  });

  it("a value of a type the checker knows is checked where the partial uses it", async () => {
    expect(await problemsOf("{{> masthead office=brief.to}}", "<p>{{office}}</p>")).toEqual([]);
    const themes = await problemsOf("{{> masthead office=brief.themes}}", "<p>{{office}}</p>");
    expect(themes).toHaveLength(1);
    expect(themes[0]).toMatch(/^templates\/partials\/masthead\.hbs: \{\{office\}\} is a list, which does not print as text \("\[object Object\]"\)/);
    // A hostile run: a list of text was said to print as "[object Object]"; it prints its items run together.
    const lines = await problemsOf("{{> masthead office=brief.decisionLines}}", "<p>{{office}}</p>");
    expect(lines[0]).toMatch(/\{\{office\}\} is a list, which does not print as text \(its items run together: "a,b"\)/);
  });
});
