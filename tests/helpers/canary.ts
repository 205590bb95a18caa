import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";

/**
 * What the sandbox tests try to reach: an HTTP server on 127.0.0.1 that counts
 * every request, and a secret file outside the project. Zero hits and no
 * secret in any output is the proof; the server is checked reachable first,
 * or zero hits would prove nothing.
 */
export interface SandboxTargets {
  /** The canary's address, http://127.0.0.1:PORT. */
  readonly canary: string;
  /** Every request the canary received, as "METHOD URL". */
  readonly hits: string[];
  readonly secretDir: string;
  readonly secretPath: string;
  readonly secretUrl: string;
  close(): Promise<void>;
}

export async function startSandboxTargets(secretText: string, prefix: string): Promise<SandboxTargets> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.end("canary");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const canary = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect(await (await fetch(`${canary}/sanity`)).text()).toBe("canary");
  hits.length = 0;
  const secretDir = mkdtempSync(join(tmpdir(), prefix));
  const secretPath = join(secretDir, "secret.txt");
  writeFileSync(secretPath, secretText);
  return {
    canary,
    hits,
    secretDir,
    secretPath,
    secretUrl: pathToFileURL(secretPath).href,
    close: async () => {
      rmSync(secretDir, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
