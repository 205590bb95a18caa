import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

let project: TempProject | undefined;
afterEach(() => project?.dispose());

// A hostile author's test: `url: "file:///etc/passwd"` was refused as "Invalid URL", though it is a URL, only not
// one a source may give: the author was left to guess what would do.
describe("a source's address", () => {
  it("is an http or https address, and a file: address is refused saying so", async () => {
    project = new TempProject();
    project.replace("sources/transit/corpus.yaml", "  - id: council-hearing\n", '  - id: council-hearing\n    url: "file:///etc/passwd"\n');
    const run = await runCli(["validate"], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error EXTRACT_INVALID_FORMAT: url of source "council-hearing": a source's address is an http:\/\/ or https:\/\/ address/);
    expect(run.stderr).not.toContain("Invalid URL");
  });
});
