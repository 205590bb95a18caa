import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { computeCodeFingerprint } from "../../../src/incremental/code-fingerprint.js";

describe("the code fingerprint", () => {
  let folder: string;
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** An installed Briefsmith as npm lays it out: no package-lock.json, its dependencies hoisted next to it. */
  function installed(dependencyVersion: string): { code: string; root: string } {
    folder = mkdtempSync(join(tmpdir(), "fingerprint-"));
    const root = join(folder, "node_modules", "briefsmith");
    mkdirSync(join(root, "dist"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "briefsmith", dependencies: { marked: "^16.0.0" } }));
    writeFileSync(join(root, "dist", "index.js"), "export {};\n");
    mkdirSync(join(folder, "node_modules", "marked"), { recursive: true });
    writeFileSync(join(folder, "node_modules", "marked", "package.json"), JSON.stringify({ name: "marked", version: dependencyVersion }));
    return { code: join(root, "dist"), root };
  }

  it("changes with a dependency's installed version, without a package-lock.json", () => {
    const before = installed("16.1.0");
    const first = computeCodeFingerprint(before.code, before.root);
    expect(computeCodeFingerprint(before.code, before.root)).toBe(first);
    writeFileSync(join(folder, "node_modules", "marked", "package.json"), JSON.stringify({ name: "marked", version: "16.1.1" }));
    expect(computeCodeFingerprint(before.code, before.root)).not.toBe(first);
  });

  it("changes with a module of Briefsmith's own", () => {
    const { code, root } = installed("16.1.0");
    const first = computeCodeFingerprint(code, root);
    writeFileSync(join(code, "index.js"), "export const changed = 1;\n");
    expect(computeCodeFingerprint(code, root)).not.toBe(first);
  });

  it("of a bundle, stands on the hash recorded as it was written, with the dependencies' versions", () => {
    const { code, root } = installed("16.1.0");
    const recorded = computeCodeFingerprint(code, root, "a".repeat(64));
    expect(recorded).not.toBe(computeCodeFingerprint(code, root));
    expect(computeCodeFingerprint(code, root, "b".repeat(64))).not.toBe(recorded);
    writeFileSync(join(folder, "node_modules", "marked", "package.json"), JSON.stringify({ name: "marked", version: "16.1.1" }));
    expect(computeCodeFingerprint(code, root, "a".repeat(64))).not.toBe(recorded);
  });

  it("not with the type declarations beside the modules, which never run", () => {
    const { code, root } = installed("16.1.0");
    const first = computeCodeFingerprint(code, root);
    writeFileSync(join(code, "index.d.ts"), "export declare const changed: number;\n");
    expect(computeCodeFingerprint(code, root)).toBe(first);
  });
});
