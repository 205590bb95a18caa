import { readTextFile } from "./dist/load/read-file.js";
import { writeFileSync } from "node:fs";
for (const n of [10000, 40000, 160000]) {
  writeFileSync("/tmp/scratch/bad.yaml", Buffer.concat([Buffer.from("a".repeat(n)), Buffer.from([0xff])]));
  const t = Date.now();
  try { await readTextFile("/tmp/scratch/bad.yaml", 1e9); } catch (e) { console.log(n, e.message, Date.now() - t, "ms"); }
}
