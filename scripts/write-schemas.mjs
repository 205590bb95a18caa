#!/usr/bin/env node
// Write schemas/*.schema.json from the zod schemas, as compiled into dist/:
// the JSON Schemas editors use for briefs and extracts are never written by
// hand. Run by `npm run build`; tests/unit/author/json-schemas.test.ts checks
// the files match the code.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { schemaKinds, schemaFileName, jsonSchemaText } = await import(join(root, "dist", "author", "json-schemas.js"));
mkdirSync(join(root, "schemas"), { recursive: true });
for (const kind of schemaKinds) writeFileSync(join(root, "schemas", schemaFileName(kind)), jsonSchemaText(kind));
