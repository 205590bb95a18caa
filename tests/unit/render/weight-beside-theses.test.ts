import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

const weightParagraphs = (html: string) => [...html.matchAll(/<p class="weight">([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

// A reader's test: a handout said "those who hold the “Do not build it” view expect disruption and cost risk to outweigh
// the benefits" above the view's own column, whose thesis says the same: one claim, twice, five lines apart.
describe("the weight statement printed with its question", () => {
  it("names who holds each view without the stances the views' theses say below it; the bottom line keeps them", async () => {
    project = new TempProject();
    const run = await runCli(["build", "--format", "html", "--root", "."], { cwd: project.dir });
    expect(run.code, run.stderr).toBe(0);
    const handout = weightParagraphs(readFileSync(project.path("output/tram-handout.html"), "utf8"));
    expect(handout).toHaveLength(1);
    expect(handout[0]).toBe(
      "The weight of opinion in the sources leans toward the “Do not build it” view, which the sources attribute to several business owners and one engineer (Council hearing). The sources attribute the “Build it” view to a transport economist (Council hearing). For “Build it”, the sources also give arguments without saying how widely they are held.",
    );
    const memo = weightParagraphs(readFileSync(project.path("output/tram-memo.html"), "utf8"));
    expect(memo.join(" ")).toContain("those who hold it expect disruption and cost risk to outweigh the benefits");
  });
});
