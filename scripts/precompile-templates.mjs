#!/usr/bin/env node
// Write dist/render/precompiled-templates.cjs: Briefsmith's own templates and partials compiled by
// Handlebars once, when Briefsmith is built, instead of in every build that renders them (compiling
// them was most of the first rendering of each template). Run by `npm run build`, after tsc;
// tests/unit/golden/render-html.test.ts checks that they render every golden file as compiled ones do.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadTemplates } = await import(join(root, "dist", "load", "templates.js"));
const { precompiledModule } = await import(join(root, "dist", "render", "compile.js"));
const set = await loadTemplates();
const sources = [...set.templates.values(), ...set.partials.values()].map((file) => file.source);
writeFileSync(join(root, "dist", "render", "precompiled-templates.cjs"), precompiledModule(sources));
