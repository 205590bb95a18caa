import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Id } from "../../../src/schema/extract.js";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

// A CI engineer's test: a 100-character id of good characters was told "an id is lower-case letters, digits and
// single hyphens", and never that it was too long.
describe("an id too long", () => {
  it("is told the length an id may have", () => {
    const result = Id.safeParse("a".repeat(100));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("at most 64 characters");
    expect(Id.safeParse("a".repeat(64)).success).toBe(true);
  });
});

// A re-read: the message said "single hyphens", and an id with two together ("sino--russia") was taken, as was one
// a brief could then not be found by with the same rule (brief-arguments, templates, source add use it too).
describe("an id with hyphens together", () => {
  it("is refused, as the message says", () => {
    for (const id of ["sino--russia", "a--b", "central---asia"]) {
      const result = Id.safeParse(id);
      expect(result.success, id).toBe(false);
      expect(result.error?.issues[0]?.message, id).toContain("single hyphens");
    }
    for (const id of ["central-asia", "a", "g7", "a-b-c"]) expect(Id.safeParse(id).success, id).toBe(true);
    for (const id of ["-a", "a-", "A-b"]) expect(Id.safeParse(id).success, id).toBe(false);
  });
});

// What a brief file named with hyphens together is told: the name to give it, as a template file is.
describe("a brief file named with hyphens together", () => {
  it("is told the file name it would have with single hyphens", async () => {
    const project = new TempProject();
    try {
      project.write("briefs/night--memo.yaml", readFileSync(project.path("briefs/tram-memo.yaml"), "utf8"));
      const run = await runCli(["validate", "briefs/night--memo.yaml"], { cwd: project.dir });
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain("hint: an id takes single hyphens, never two together: rename the file night-memo.yaml, or set id: in the brief");
    } finally {
      project.dispose();
    }
  });
});
