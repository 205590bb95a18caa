import { sectionPartialFor, type TemplateFile, type TemplateSet } from "../load/templates.js";
import { sectionNames } from "../schema/names.js";

/** The partials a template can include, directly or through others, and the assets any of them embeds (both sorted). */
export interface TemplateUses {
  readonly partials: readonly string[];
  readonly assets: readonly string[];
}

/** What one file names, whichever template includes it: the partials it includes by name, the assets it embeds, and whether it lets sectionPartial choose. */
interface FileNames {
  readonly partials: readonly string[];
  readonly assets: readonly string[];
  readonly choosesSection: boolean;
}

const namesOf = new WeakMap<TemplateFile, FileNames>();
const usesOf = new WeakMap<TemplateSet, Map<string, TemplateUses>>();

/**
 * What a template uses, read from its text by a scan for names (not parsed):
 * what a brief's cache key must cover. The template checker finds the same
 * (and every error) by parsing each template and walking it with the model's
 * types; that costs a build with nothing to do more than the rest of it,
 * Handlebars's own loading included, so the key scans the text only. It may
 * name more than the checker (an include in a comment or a string, say), never
 * less: a key that covers a file too many rebuilds a brief for nothing, one
 * that covers too few keeps a stale document.
 */
export function templateUses(set: TemplateSet, name: string): TemplateUses {
  let known = usesOf.get(set);
  if (known === undefined) usesOf.set(set, (known = new Map()));
  let uses = known.get(name);
  const entry = set.templates.get(name);
  if (uses === undefined && entry !== undefined) {
    const partials = new Set<string>();
    const assets = new Set<string>();
    const visit = (file: TemplateFile) => {
      const names = fileNames(file);
      for (const asset of names.assets) assets.add(asset);
      // What sectionPartial chooses depends on the template being rendered: its own section partials, its layout's, the shared ones.
      const chosen = names.choosesSection ? sectionNames.map((section) => sectionPartialFor(set, entry, section)) : [];
      for (const partial of [...names.partials, ...chosen]) {
        const included = set.partials.get(partial);
        if (included === undefined || partials.has(partial)) continue;
        partials.add(partial);
        visit(included);
      }
    };
    visit(entry);
    uses = { partials: [...partials].sort(), assets: [...assets].sort() };
    known.set(name, uses);
  }
  return uses ?? { partials: [], assets: [] };
}

/*
 * The scan over-reads on purpose: a key that covers a file too many rebuilds a brief for nothing, one
 * that covers too few keeps a stale document. So comments are not left out (a partial or asset named in
 * one is counted, which costs nothing; cutting comments out of the text could cut a real include out
 * with them, as after an escaped \{{!--), and whitespace control (~) and spaces are allowed anywhere
 * Handlebars allows them and more.
 */
/** {{> name}}, {{~> "name"}}, {{> [name]}}, {{#> name}}: a partial included by name. */
const namedInclude = /\{\{\{?~?\s*#?\s*>\s*(?:"([^"]*)"|'([^']*)'|\[([^\]]*)\]|([^\s}()~"'[\]]+))/g;
/** {{> (sectionPartial "themes")}}: the partial the template being rendered has for a section; any mention counts. */
const sectionChoice = /\bsectionPartial\b/;
/** {{asset "logo.svg"}}, {{~asset 'logo.svg'}}, (asset "logo.svg"): an embedded asset. */
const assetCall = /\basset\s*(?:"([^"]*)"|'([^']*)')/g;

function fileNames(file: TemplateFile): FileNames {
  let names = namesOf.get(file);
  if (names === undefined) {
    const text = file.source;
    names = {
      partials: [...new Set([...text.matchAll(namedInclude)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!))],
      assets: [...new Set([...text.matchAll(assetCall)].map((m) => m[1] ?? m[2]!))],
      choosesSection: sectionChoice.test(text),
    };
    namesOf.set(file, names);
  }
  return names;
}
