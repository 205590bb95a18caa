import { z } from "zod";
import { BriefSchema } from "../schema/brief.js";
import { ExtractFileSchema } from "../schema/extract.js";

/** The formats an editor can check as the user types: a brief, and one YAML file of an extract. */
export const schemaKinds = ["brief", "extract"] as const;
export type SchemaKind = (typeof schemaKinds)[number];

/** The file each schema ships as, under schemas/ at the package's root. */
export function schemaFileName(kind: SchemaKind): string {
  return `${kind}.schema.json`;
}

const about: Readonly<Record<SchemaKind, { schema: z.ZodType; title: string; description: string }>> = {
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
};

/**
 * The JSON Schema of a format, made from its zod schema (the one source of
 * truth) by zod's own converter: keys, kinds, allowed values, patterns and the
 * `.describe()` texts, which editors show as the user types. Draft 7, which
 * the YAML language server (VS Code, Neovim, JetBrains) reads fully. What the
 * user writes is checked, so defaults make a key optional.
 */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const { schema, title, description } = about[kind];
  const generated = z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
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
