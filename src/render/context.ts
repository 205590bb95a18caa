import type { z } from "zod";
import type { DeepReadonly } from "../schema/deep-readonly.js";
import type { ContentsEntrySchema, TemplateContextSchema } from "../schema/template-context.js";

/** What a template sees, all of it: inferred from src/schema/template-context.ts (`brief schema model`). */
export type TemplateContext = DeepReadonly<z.infer<typeof TemplateContextSchema>>;
export type ContentsEntry = DeepReadonly<z.infer<typeof ContentsEntrySchema>>;
