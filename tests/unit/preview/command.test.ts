import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { StopSignal } from "../../../src/cli/io.js";
import { composerView } from "../../../src/preview/view.js";
import { miniProject, runCli } from "../../helpers/cli.js";
import { TempProject } from "../../helpers/project.js";

describe("brief preview on the command line (what is refused before any server starts)", () => {
  it("is listed, and explains itself", async () => {
    expect((await runCli(["--help"])).stdout).toMatch(/^ {2}preview \[BRIEF\]\s+see a brief as it will print/m);
    const help = await runCli(["preview", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: brief preview [BRIEF] [options]");
    for (const option of ["--port N", "--no-open", "--browser PATH", "--root DIR"]) expect(help.stdout).toContain(option);
  });

  it("refuses a bad port, two briefs, a brief that does not exist (suggesting the one meant), and a folder", async () => {
    const port = await runCli(["preview", "--port", "http"], { cwd: miniProject });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port takes a port number from 1 to 65535 (or 0 for a free one), not "http"');
    expect((await runCli(["preview", "--port", "70000"], { cwd: miniProject })).code).toBe(2);
    expect((await runCli(["preview", "tram-memo", "tram-handout"], { cwd: miniProject })).code).toBe(2);
    const missing = await runCli(["preview", "tram-mem"], { cwd: miniProject });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error PATH_NOT_FOUND: there is no brief file, folder or brief id "tram-mem"');
    expect(missing.stderr).toContain('hint: did you mean "tram-memo"?');
    const folder = await runCli(["preview", "briefs"], { cwd: miniProject });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("error FILE_IS_DIRECTORY: briefs is a folder; brief preview shows one brief");
  });

  // A hostile run: a brief file outside the project, or a --root that is not there, started a server for what it could
  // never show; the refusal came only in the page.
  it("refuses a brief file outside the project and a project folder that is not there, before any server starts", async () => {
    const outside = await runCli(["preview", "/etc/hostname", "--no-open"], { cwd: miniProject });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain("error FILE_OUTSIDE_FOLDER: /etc/hostname is not in the project folder");
    expect(outside.stdout).toBe("");
    const root = await runCli(["preview", "--root", "no-such-folder", "--no-open"], { cwd: miniProject });
    expect(root.code).toBe(1);
    expect(root.stderr).toContain("error PATH_NOT_FOUND: there is no project folder no-such-folder");
    expect(root.stdout).toBe("");
  });

  it("says so when the port is taken, before any browser starts", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      // A browser start would fail this unit test (puppeteer is stubbed): the port is checked first.
      const run = await runCli(["preview", "tram-memo", "--port", String(port), "--no-open"], { cwd: miniProject, env: { PUPPETEER_EXECUTABLE_PATH: process.execPath } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`brief: port ${port} is in use: choose another with --port, or leave --port out to use a free one`);
      expect(run.stdout).toBe("");
    } finally {
      taken.close();
    }
  });
});

describe("brief preview stopping", () => {
  it("stops on the signals the CLI passes it (io.onSignal), without listening on the process itself", async () => {
    const project = new TempProject();
    const listeners = new Set<(signal: StopSignal) => void>();
    const onSignal = (listener: (signal: StopSignal) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const before = Object.fromEntries(["SIGINT", "SIGTERM", "SIGHUP"].map((s) => [s, process.listenerCount(s)]));
    let serving!: () => void;
    const started = new Promise<void>((resolve) => (serving = resolve));
    try {
      // The index only: nothing is printed, so no browser starts (puppeteer is stubbed in unit tests).
      const run = runCli(["preview", "--no-open"], {
        cwd: project.dir,
        env: { PUPPETEER_EXECUTABLE_PATH: process.execPath },
        onSignal,
        stdout: (text) => text.includes("Ctrl+C") && serving(),
      });
      await Promise.race([started, run.then((r) => Promise.reject(new Error(`ended early: ${r.stderr}`)))]);
      expect(Object.fromEntries(["SIGINT", "SIGTERM", "SIGHUP"].map((s) => [s, process.listenerCount(s)]))).toEqual(before);
      expect(listeners.size).toBe(1);
      for (const listener of listeners) listener("SIGINT");
      const { code, stdout } = await run;
      // As brief build, and as a shell reports a process Ctrl+C ended (it said 0).
      expect(code).toBe(130);
      expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(listeners.size).toBe(0);
    } finally {
      project.dispose();
    }
  });
});

describe("the panel's data", () => {
  it("reads the composer's state from a brief as written, with the schema's defaults", () => {
    const extract = { themes: [{ id: "a", title: "A?", viewpoints: [{ id: "a1", label: "Yes" }, { id: "a2", label: "No" }] }, { id: "b", title: "B?", viewpoints: [{ id: "b1", label: "Up" }] }] };
    const view = composerView({ title: "T", themes: ["a"], viewpoints: ["a2"], claims_per_viewpoint: 2 }, extract as never, undefined);
    expect(view).toMatchObject({ paper: "Letter", marking: "UNCLASSIFIED", claimsPerViewpoint: 2, template: undefined });
    expect(view.themes).toEqual([
      { id: "a", title: "A?", selected: true, viewpoints: [{ id: "a1", label: "Yes", selected: false }, { id: "a2", label: "No", selected: true }] },
      { id: "b", title: "B?", selected: false, viewpoints: [{ id: "b1", label: "Up", selected: false }] },
    ]);
    expect(composerView("not a mapping", undefined, "the brief has YAML errors").themes).toEqual([]);
  });
});
