import { readFile, stat } from "node:fs/promises";
import { sha256 } from "../incremental/hash.js";

/**
 * Whether a file holds exactly the bytes an output record describes: the size
 * first (a stat, cheap), then the sha256 of its content. Never the size and
 * time alone: another build can write different bytes of the same size within
 * the same second, and a restored cache sets times of its own.
 */
export async function sameContent(path: string, output: { readonly sha256: string; readonly bytes: number }): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size !== output.bytes) return false;
  const bytes = await readFile(path).catch(() => undefined);
  return bytes !== undefined && sha256(bytes) === output.sha256;
}
