import type { z } from "zod";
import type { DeepReadonly } from "./schema/deep-readonly.js";
import type {
  BriefModelSchema,
  ClassificationBlockModelSchema,
  ClaimModelSchema,
  FactModelSchema,
  HolderSchema,
  LeftOutViewpointSchema,
  NoteModelSchema,
  SelectionNoticeSchema,
  SourceModelSchema,
  SourceRefSchema,
  ThemeModelSchema,
  ViewpointModelSchema,
} from "./schema/model.js";

/**
 * The BriefModel: everything a template may show, and nothing else (select →
 * render contract). The types are inferred from the zod schema in
 * src/schema/model.ts, which documents every field and is published as a JSON
 * Schema (`brief schema model`).
 */
export type BriefModel = DeepReadonly<z.infer<typeof BriefModelSchema>>;
export type ThemeModel = DeepReadonly<z.infer<typeof ThemeModelSchema>>;
export type ViewpointModel = DeepReadonly<z.infer<typeof ViewpointModelSchema>>;
export type LeftOutViewpoint = DeepReadonly<z.infer<typeof LeftOutViewpointSchema>>;
export type ClaimModel = DeepReadonly<z.infer<typeof ClaimModelSchema>>;
export type FactModel = DeepReadonly<z.infer<typeof FactModelSchema>>;
export type NoteModel = DeepReadonly<z.infer<typeof NoteModelSchema>>;
export type SourceRef = DeepReadonly<z.infer<typeof SourceRefSchema>>;
export type SourceModel = DeepReadonly<z.infer<typeof SourceModelSchema>>;
export type Holder = DeepReadonly<z.infer<typeof HolderSchema>>;
export type SelectionNotice = DeepReadonly<z.infer<typeof SelectionNoticeSchema>>;
export type ClassificationBlockModel = DeepReadonly<z.infer<typeof ClassificationBlockModelSchema>>;
