import { z } from "zod";
import { BriefSchema } from "../schema/brief.js";
import { ExtractFileSchema } from "../schema/extract.js";
import { TemplateContextSchema } from "../schema/template-context.js";

/** The formats an editor can check as the user types (a brief, one YAML file of an extract), and what a template sees (model). */
export const schemaKinds = ["brief", "extract", "model"] as const;
export type SchemaKind = (typeof schemaKinds)[number];

/** The file each schema ships as, under schemas/ at the package's root. */
export function schemaFileName(kind: SchemaKind): string {
  return `${kind}.schema.json`;
}

const about: Readonly<Record<SchemaKind, { schema: z.ZodType; title: string; description: string; io?: "input" | "output" }>> = {
  brief: {
    schema: BriefSchema,
    title: "Briefsmith brief",
    description: "A brief: briefs/<id>.yaml. Which corpus, themes and viewpoints, which template, and the memo's header.",
  },
  extract: {
    schema: ExtractFileSchema,
    title: "Briefsmith extract file",
    description:
      "One YAML file of a corpus's extract (sources/<corpus>/*.yaml): any of the sections corpus, sources, perspectives, themes, claims, facts and glossary; the files of a corpus are merged.",
  },
  model: {
    schema: TemplateContextSchema,
    io: "output",
    title: "Briefsmith template context",
    description:
      "What a template (templates/*.hbs) sees, and nothing else: brief (the BriefModel), balance (the balance report), styles, generator and contents. A template that uses a field not listed here is refused (TEMPLATE_UNKNOWN_FIELD).",
  },
};

/**
 * The JSON Schema of a format, made from its zod schema (the one source of
 * truth) by zod's own converter: keys, kinds, allowed values, patterns and the
 * `.describe()` texts, which editors show as the user types. Draft 7, which
 * the YAML language server (VS Code, Neovim, JetBrains) reads fully. What the
 * user writes is checked, so defaults make a key optional. The model is what
 * Briefsmith writes, so it is described as output.
 */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const { schema, title, description, io = "input" } = about[kind];
  const generated = z.toJSONSchema(schema, { target: "draft-7", io, unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $comment: `Generated from the zod schema in src/schema/ (brief schema ${kind} prints it); do not edit.`,
    title,
    description,
    ...rest,
  };
}

/** The schema as the file ships: two-space JSON with a final newline. */
export function jsonSchemaText(kind: SchemaKind): string {
  return JSON.stringify(jsonSchemaOf(kind), null, 2) + "\n";
}
