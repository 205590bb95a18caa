import { jsonSchemaText, schemaKinds, type SchemaKind } from "../../author/json-schemas.js";
import { suggestionHint } from "../../diagnostics/suggest.js";
import { defineCommand } from "../command.js";
import { exitCodes, UsageError } from "../io.js";

export const schemaCommand = defineCommand({
  name: "schema",
  positionals: schemaKinds.join("|"),
  summary: "print the JSON Schema of briefs, of extract files, or of what a template sees (model)",
  description: `Print the JSON Schema of a brief or of one YAML file of an extract, made from
the schemas Briefsmith validates with. Editors that read JSON Schemas (VS Code
with the YAML extension, and others using the YAML language server) complete
keys, show their descriptions and flag typos as you type. The same files ship
in the package: node_modules/briefsmith/schemas/. Name one in the first line
of a YAML file:

  # yaml-language-server: $schema=../node_modules/briefsmith/schemas/brief.schema.json

brief schema model prints what a template sees (the brief's model, its balance
report, the styles): every field a template of templates/ may use.`,
  options: {},
  async run(io, { positionals }) {
    const kind = positionals[0];
    if (kind === undefined || positionals.length > 1 || !(schemaKinds as readonly string[]).includes(kind)) {
      throw new UsageError(kind === undefined ? `say which schema: ${schemaKinds.join(" or ")}` : `there is no schema "${positionals.join(" ")}": ${suggestionHint(kind, schemaKinds, "schema")}`);
    }
    io.stdout.write(jsonSchemaText(kind as SchemaKind));
    return exitCodes.ok;
  },
});
