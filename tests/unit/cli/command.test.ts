import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

/** Each command is declared once: its help, its parsing and its run come from the one definition. */
describe("command definitions", () => {
  it("build's help lists every option it accepts, short forms included", async () => {
    const { code, stdout } = await runCli(["build", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: brief build \[PATH…\] \[options\]\n/);
    expect(stdout).toMatch(/\n {2}-o, --out DIR +where to write/);
    expect(stdout).toMatch(/\n {2}-j, --jobs N +briefs printing at once/);
    for (const option of ["--force", "--fail-fast", "--shard I/N", "--timeout SECONDS", "--json", "--browser PATH", "--root DIR", "-h, --help"]) {
      expect(stdout).toContain(option);
    }
  });

  it("`brief --help` lists every command with its one line, and each answers --help from its definition", async () => {
    const { stdout } = await runCli(["--help"]);
    const names = [...stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(names).toEqual(["build", "validate", "check", "balance", "manifest", "list", "schema", "show", "locate", "source", "init", "new", "preview"]);
    for (const name of names) {
      const help = await runCli([name, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: brief ${name} .*\\n\\n.+\\n[\\s\\S]*\\nOptions:\\n[\\s\\S]* {2}-h, --help +show this help\\n$`));
    }
  });

  // --jobs 99999999999 opened that many browser tabs and ran out of memory after 40 s (exit 134).
  it("--jobs beyond what a machine can print at once is a usage error, before anything starts", async () => {
    const run = await runCli(["build", "--jobs", "99999999999", "--root", "/nonexistent"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--jobs takes at most 32");
  });

  // An author's test: "--timeout -1" was told "--timeout needs a value", the parser having taken -1 for an option.
  it("a negative number for a number option is said to be one", async () => {
    const run = await runCli(["build", "--timeout", "-1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('brief: --timeout takes a whole number of at least 1, not "-1"');
    expect((await runCli(["build", "--out", "-x"])).stderr).toContain("--out needs a value");
  });

  // A hostile run: "--port -1" was told "a whole number of at least 1", though 0 asks for a free port;
  // "--port=-1" got the option's own message.
  it("a negative number after an option is checked by the option itself, written either way", async () => {
    const spaced = await runCli(["preview", "--port", "-1", "briefs/a.yaml", "--root", "/nonexistent"]);
    const joined = await runCli(["preview", "--port=-1", "briefs/a.yaml", "--root", "/nonexistent"]);
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain('--port takes a port number from 1 to 65535 (or 0 for a free one), not "-1"');
    expect(spaced.stderr).toBe(joined.stderr);
  });

  // A hostile CI run: --out ' ' (a variable holding a space) was an API_INVALID_ARGUMENT from the library, exit 1, and
  // an empty brief argument ('') built as if it were ".", scanning the whole project for briefs.
  it("a blank option value or brief argument is a usage error, exit 2", async () => {
    for (const args of [["build", "--out", " "], ["build", "--browser", "\t"], ["build", ""], ["validate", " "]]) {
      const run = await runCli([...args, "--root", "/nonexistent"]);
      expect(run.code, JSON.stringify(args)).toBe(2);
      expect(run.stderr, JSON.stringify(args)).not.toMatch(/API_INVALID_ARGUMENT|internal error/);
    }
    expect((await runCli(["build", "--out", " ", "--root", "/nonexistent"])).stderr).toContain("--out needs a value, not a blank one: --out DIR");
  });

  it("an unknown option is a usage error that suggests the right one, in the user's words", async () => {
    const run = await runCli(["build", "--forse"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('brief: brief build has no option --forse: did you mean "--force"?\nRun "brief build --help" for usage.\n');
  });

  it("an option without its value says what value it takes", async () => {
    const run = await runCli(["build", "--out"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("brief: --out needs a value: --out DIR");
  });

  // A hostile CI run: "--force --out $OUT" with OUT unset was told "--force takes no value", and "--out $OUT --json"
  // printed no JSON, the parser having taken --json for the missing value.
  it("an option left without its value is the one named, and --json or --reporter github after it still answers", async () => {
    expect((await runCli(["build", "--force", "--out"])).stderr).toContain("brief: --out needs a value: --out DIR");
    expect((await runCli(["build", "briefs", "--wait", "--timeout"])).stderr).toContain("brief: --timeout needs a value: --timeout SECONDS");
    const json = await runCli(["build", "--out", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exit_code: 2, error: { code: "USAGE_ERROR" } });
    const github = await runCli(["build", "--shard", "--reporter", "github"]);
    expect(github.stdout).toMatch(/^::error title=USAGE_ERROR::/m);
  });

  it("an empty value (a variable that was not set) is a usage error, not the current folder: --out ''", async () => {
    for (const args of [["build", "--out", ""], ["build", "--out="], ["validate", "--root", ""], ["manifest", "merge", "a.json", "--out", ""]]) {
      const run = await runCli(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^brief: --(out|root) needs a value, not an empty one: --(out|root) (DIR|FILE)\n/);
    }
  });

  it("an unknown command suggests the closest one", async () => {
    const run = await runCli(["biuld"]);
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain('unknown command "biuld": did you mean "build"?');
  });
});

/** A run that fails as a whole answers in the form its command line asked for, as the command's own parser reads it. */
describe("who a command's output is for", () => {
  it("reads --json and --reporter github (either spelling) as written, and nothing after --", async () => {
    const { buildCommand } = await import("../../../src/cli/commands/build.js");
    const readers = (args: string[]) => buildCommand.outputReaders(args);
    expect(readers(["briefs", "--json"])).toEqual({ json: true, github: false });
    expect(readers(["--reporter", "github"])).toEqual({ json: false, github: true });
    expect(readers(["--reporter=github", "--json", "briefs"])).toEqual({ json: true, github: true });
    expect(readers(["--reporter", "text"])).toEqual({ json: false, github: false });
    expect(readers(["--", "--json"])).toEqual({ json: false, github: false });
    // A value that merely looks like the flag is a value: the folder named "--json".
    expect(readers(["--out=--json"])).toEqual({ json: false, github: false });
    // A command line the command refuses still asked for --json: the refusal is answered in JSON.
    expect(readers(["--json", "--no-such-option"])).toEqual({ json: true, github: false });
  });

  it("a command without --json answers people", async () => {
    const { listCommand } = await import("../../../src/cli/commands/list.js");
    expect(listCommand.outputReaders(["themes", "--json"])).toEqual({ json: false, github: false });
  });

  // A CI engineer's test: usage errors (--jobs 99, --bogus, --shard 5/4) left stdout empty under --json and gave no
  // annotation under --reporter github; with both, a locked folder gave no annotation.
  it("answers a usage error in JSON and as an annotation, and both at once", async () => {
    for (const args of [["--jobs", "99"], ["--bogus"], ["--shard", "5/4"]]) {
      const json = await runCli(["build", ...args, "--json"]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exit_code: 2, error: { code: "USAGE_ERROR" } });
      const github = await runCli(["build", ...args, "--reporter", "github"]);
      expect(github.stdout).toMatch(/^::error title=USAGE_ERROR::/);
    }
    const both = await runCli(["build", "--bogus", "--json", "--reporter", "github"]);
    expect(JSON.parse(both.stdout)).toMatchObject({ exit_code: 2 });
    expect(both.stderr).toMatch(/^::error title=USAGE_ERROR::/m);
  });
});

// A CI engineer's test: a browser that would not start printed the same BROWSER_LAUNCH_FAILED block once per brief.
describe("one failure of many briefs", () => {
  it("is said once, with the briefs it stopped", async () => {
    const project = new TempProject();
    try {
      const run = await runCli(["build", "--force", "--browser", "/bin/false"], { cwd: project.dir });
      expect(run.code).toBe(1);
      const blocks = run.stderr.match(/^error BROWSER_LAUNCH_FAILED: /gm) ?? [];
      expect(blocks).toHaveLength(1);
      expect(run.stderr).toMatch(/\(3 briefs: briefs\/tram-handout\.yaml, briefs\/tram-memo\.yaml, briefs\/tram-one-pager\.yaml\)\n/);
    } finally {
      project.dispose();
    }
  });

  // A hostile CI run: on the pull request, the same failure was an annotation per brief, each as if its file were wrong.
  it("is one annotation with --reporter github, on no file", async () => {
    const project = new TempProject();
    try {
      const run = await runCli(["build", "--force", "--browser", "/bin/false", "--reporter", "github"], { cwd: project.dir, env: {} });
      expect(run.code).toBe(1);
      const annotations = run.stdout.match(/^::error .*$/gm) ?? [];
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).toMatch(/^::error title=BROWSER_LAUNCH_FAILED::.*\(3 briefs: briefs\/tram-handout\.yaml, /);
      // --json lists it among every problem of the run, where it was missing.
      const json = await runCli(["build", "--force", "--browser", "/bin/false", "--json"], { cwd: project.dir, env: {} });
      const summary = JSON.parse(json.stdout) as { diagnostics: { code: string; message: string; file?: string }[] };
      expect(summary.diagnostics.map((d) => d.code)).toEqual(["BROWSER_LAUNCH_FAILED"]);
      expect(summary.diagnostics[0]!.message).toMatch(/\(3 briefs: /);
    } finally {
      project.dispose();
    }
  });
});

// A CI engineer's test: after --fail-fast (or a signal), --json counted the briefs not started but did not list them.
describe("brief build --json after --fail-fast", () => {
  it("lists the briefs not started, as it counts them", async () => {
    const project = new TempProject();
    try {
      const run = await runCli(["build", "--force", "--fail-fast", "--jobs", "1", "--json", "--browser", "/bin/false"], { cwd: project.dir });
      const summary = JSON.parse(run.stdout) as { counts: { not_started: number }; briefs: { id: string; status: string }[] };
      expect(summary.counts.not_started).toBeGreaterThan(0);
      expect(summary.briefs.filter((b) => b.status === "not started")).toHaveLength(summary.counts.not_started);
      expect(summary.briefs.map((b) => b.id).sort()).toEqual(["tram-handout", "tram-memo", "tram-one-pager"]);
      // A hostile CI run: the entries of briefs not started lacked the warnings every other entry has.
      for (const brief of summary.briefs) expect(brief).toHaveProperty("warnings");
    } finally {
      project.dispose();
    }
  });
});

// A CI engineer's test: TZ=Pacific/Pago_Pago printed the 26th where the local date was the 25th.
describe("the build date", () => {
  it("is today on the machine's calendar; SOURCE_DATE_EPOCH's is read in UTC", async () => {
    const { localIsoDate, isoDate } = await import("../../../src/text/dates.js");
    const { buildDate } = await import("../../../src/cli/options.js");
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York"; // Node reads TZ again when it changes
    try {
      // 25 November 2026, 21:00 in Washington: already the 26th in UTC.
      const evening = new Date("2026-11-26T02:00:00Z");
      expect(localIsoDate(evening)).toBe("2026-11-25");
      const io = (env: Record<string, string>) => ({ env, now: () => evening }) as unknown as Parameters<typeof buildDate>[0];
      expect(buildDate(io({}))).toBe("2026-11-25");
      expect(buildDate(io({ SOURCE_DATE_EPOCH: String(evening.getTime() / 1000) }))).toBe("2026-11-26");
      expect(isoDate(evening)).toBe("2026-11-26");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
