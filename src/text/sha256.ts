import { createHash } from "node:crypto";

/** The sha256 of text or bytes, in hex: how every stage names content it compares or records. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
