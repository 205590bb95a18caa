import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { miniProject } from "./cli.js";

/** A throwaway copy of the mini fixture project, to break on purpose. */
export class TempProject {
  readonly dir: string;

  constructor(from = miniProject) {
    this.dir = mkdtempSync(join(tmpdir(), "briefsmith-test-"));
    cpSync(from, this.dir, { recursive: true });
  }

  path(relative: string): string {
    return join(this.dir, relative);
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), "utf8");
  }

  write(relative: string, text: string): void {
    writeFileSync(this.path(relative), text);
  }

  /** Replace text that must be present: a fixture edit that silently does nothing would make the test pointless. */
  replace(relative: string, from: string, to: string): void {
    const text = this.read(relative);
    if (!text.includes(from)) throw new Error(`fixture ${relative} does not contain ${JSON.stringify(from)}`);
    this.write(relative, text.replace(from, to));
  }

  remove(relative: string): void {
    rmSync(this.path(relative), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
