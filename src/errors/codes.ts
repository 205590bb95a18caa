import type { ErrorCode as YamlErrorCode } from "yaml";

/**
 * Every code Briefsmith reports, in diagnostics and errors alike, with what it
 * means and the usual fix. Codes are stable: scripts and CI filters match on
 * them. The README's table of codes is made from this list, and a test keeps
 * the two the same.
 */
interface CodeDoc {
  readonly meaning: string;
  readonly fix: string;
}

/** The yaml package's own error codes, reported with a YAML_ prefix. */
const yamlParserCodes = {
  YAML_ALIAS_PROPS: { meaning: "an alias (*name) carries a tag or an anchor", fix: "remove the tag or anchor from the alias" },
  YAML_BAD_ALIAS: { meaning: "an alias is malformed", fix: "write an alias as *name, after &name has been defined" },
  YAML_BAD_DIRECTIVE: { meaning: "a % directive line is malformed", fix: "remove the % line: Briefsmith files need no directives" },
  YAML_BAD_DQ_ESCAPE: { meaning: "a double-quoted string has an invalid \\ escape", fix: "double the backslash, or use single quotes" },
  YAML_BAD_INDENT: { meaning: "a line is indented inconsistently", fix: "check the indentation and that every list item starts with \"- \"" },
  YAML_BAD_PROP_ORDER: { meaning: "an anchor or tag is in the wrong place", fix: "put &anchor before the value it names" },
  YAML_BAD_SCALAR_START: { meaning: "a plain value starts with a character YAML reserves", fix: "quote the value" },
  YAML_BLOCK_AS_IMPLICIT_KEY: { meaning: "a block value is used as a key", fix: "keys are single words or quoted strings" },
  YAML_BLOCK_IN_FLOW: { meaning: "a block value is inside [ ] or { }", fix: "write the list or mapping in one style" },
  YAML_DUPLICATE_KEY: { meaning: "a key appears twice in the same mapping", fix: "each key may appear only once in a mapping; remove or rename one of them" },
  YAML_IMPOSSIBLE: { meaning: "the YAML parser reached a state it cannot handle", fix: "simplify the line it points at; report it if it persists" },
  YAML_KEY_OVER_1024_CHARS: { meaning: "an implicit key is longer than YAML allows", fix: "shorten the key, or quote it" },
  YAML_MISSING_CHAR: { meaning: "a quote, bracket or brace is not closed", fix: "a quote, bracket or brace opened earlier is not closed" },
  YAML_MULTILINE_IMPLICIT_KEY: { meaning: "a key runs over more than one line", fix: "put the key on one line, or quote it" },
  YAML_MULTIPLE_ANCHORS: { meaning: "a value has two anchors", fix: "keep one &anchor" },
  YAML_MULTIPLE_DOCS: { meaning: "the file holds more than one YAML document", fix: "remove the \"---\" line: a brief or an extract file is one YAML document" },
  YAML_MULTIPLE_TAGS: { meaning: "a value has two tags", fix: "remove the tags: Briefsmith uses none" },
  YAML_NON_STRING_KEY: { meaning: "a key is a list or a mapping", fix: "a key is a word or a quoted string, never a list or a mapping" },
  YAML_RESOURCE_EXHAUSTION: { meaning: "the YAML parser refused input that would exhaust memory", fix: "write the repeated text out, or shorten it" },
  YAML_TAB_AS_INDENT: { meaning: "a line is indented with a tab", fix: "YAML indents with spaces only; replace the tabs with spaces" },
  YAML_TAG_RESOLVE_FAILED: { meaning: "a !tag is not one Briefsmith knows", fix: "remove the !tag" },
  YAML_UNEXPECTED_TOKEN: { meaning: "a character is out of place", fix: "check the punctuation at the caret" },
  YAML_BAD_COLLECTION_TYPE: { meaning: "a !tag names a collection type Briefsmith does not use", fix: "remove the !tag" },
} as const satisfies Record<`YAML_${YamlErrorCode}`, CodeDoc>;

/** Codes for a problem in a file's shape, one set per format: BRIEF_* for briefs, EXTRACT_* for extracts. */
function schemaCodes<P extends string>(prefix: P, what: string) {
  return {
    [`${prefix}_UNKNOWN_KEY`]: { meaning: `${what} has a key the format does not define (often a typo)`, fix: "use the key the hint suggests" },
    [`${prefix}_MISSING_KEY`]: { meaning: `${what} lacks a required key`, fix: "add the key" },
    [`${prefix}_INVALID_TYPE`]: { meaning: `a value in ${what} is of the wrong kind (text, number, list, mapping)`, fix: "write the kind of value the message names" },
    [`${prefix}_INVALID_VALUE`]: { meaning: `a value in ${what} is not one of those allowed`, fix: "use one of the values the hint lists" },
    [`${prefix}_INVALID_FORMAT`]: { meaning: `a value in ${what} is not in the expected format (an id, a date, a URL)`, fix: "write it as the message shows" },
    [`${prefix}_TOO_SMALL`]: { meaning: `a value or list in ${what} is empty or too small`, fix: "add to it, as the message says" },
    [`${prefix}_TOO_BIG`]: { meaning: `a value or list in ${what} is longer than allowed`, fix: "shorten it" },
  } as Record<`${P}_${"UNKNOWN_KEY" | "MISSING_KEY" | "INVALID_TYPE" | "INVALID_VALUE" | "INVALID_FORMAT" | "TOO_SMALL" | "TOO_BIG"}`, CodeDoc>;
}

export const errorCodes = {
  // The command line
  USAGE_ERROR: { meaning: "the command line is not one the command takes (an unknown option, a value out of range); exit code 2", fix: "run brief COMMAND --help" },
  // Reading files
  FILE_NOT_FOUND: { meaning: "a file Briefsmith needs does not exist", fix: "check the path, or create the file" },
  YAML_CONTROL_CHARACTER: {
    meaning: "the file holds a control character (NUL, an escape), which YAML does not allow",
    fix: "delete it (it is often pasted from a PDF or a terminal); a tab or line break in a value is written \\t or \\n in double quotes",
  },
  FILE_NOT_READABLE: { meaning: "a file exists but cannot be read", fix: "check its permissions" },
  FILE_IS_DIRECTORY: { meaning: "a folder was given where a file was expected", fix: "name the file inside it" },
  PATH_NOT_A_FOLDER: { meaning: "a file was given where a folder was expected (a corpus, a project's templates/)", fix: "name the folder the file is in, or move the file out of the way" },
  FILE_NOT_REGULAR: { meaning: "a path names a device, pipe or socket", fix: "point Briefsmith at an ordinary file" },
  FILE_TOO_LARGE: { meaning: "a file is over Briefsmith's size limit", fix: "split it into several files" },
  FILE_NOT_UTF8: { meaning: "a file is not valid UTF-8", fix: "save it as UTF-8 (not Latin-1 or Windows-1252)" },
  FILE_OUTSIDE_FOLDER: { meaning: "a symbolic link leads out of the folder it is in, or a hard link may", fix: "copy the file into the folder instead of linking to it" },
  PATH_NOT_FOUND: { meaning: "a path given on the command line, or to a library function, does not exist", fix: "give a path that exists: a brief file or a folder of briefs, a corpus folder, a project folder" },
  NO_BRIEFS: { meaning: "no brief file (*.yaml) was found", fix: "write a brief in briefs/<id>.yaml, or name brief files" },

  // YAML
  ...yamlParserCodes,
  YAML_BOM: { meaning: "the file starts with a byte-order mark", fix: "save it as UTF-8 without a BOM" },
  YAML_TOO_DEEP: { meaning: "lists and mappings nest deeper than Briefsmith allows", fix: "look for brackets opened but never closed" },
  YAML_STRING_TOO_LONG: { meaning: "one text in the file is over the length limit", fix: "shorten it: briefs and extracts quote and paraphrase, they do not hold whole documents" },
  YAML_UNKNOWN_ALIAS: { meaning: "an alias names no anchor defined before it", fix: "define &name before using *name" },
  YAML_ALIAS_CYCLE: { meaning: "an alias refers to a collection that contains it", fix: "an alias must not repeat its own container" },
  YAML_ALIAS_LIMIT: { meaning: "aliases expand to more than Briefsmith allows (the \"billion laughs\")", fix: "write the repeated text out where it is needed" },

  // Briefs
  ...schemaCodes("BRIEF", "a brief"),
  BRIEF_INVALID_ID: { meaning: "the brief's file name cannot be an id", fix: "rename the file to lower-case letters, digits and single hyphens, or set id:" },
  BRIEF_DUPLICATE_ID: { meaning: "two briefs have the same id, so both would write the same output", fix: "give one of them another id" },
  BRIEF_UNKNOWN_CORPUS: { meaning: "the brief names a corpus that is not under sources/", fix: "use the corpus the hint suggests, or create it" },
  BRIEF_UNKNOWN_THEME: { meaning: "the brief names a theme its corpus does not have", fix: "use an id from brief list themes" },
  BRIEF_DUPLICATE_THEME: { meaning: "the brief lists a theme twice", fix: "list each theme once" },
  BRIEF_DUPLICATE_VIEWPOINT: { meaning: "the brief lists a viewpoint twice", fix: "list each viewpoint once" },
  BRIEF_UNKNOWN_VIEWPOINT: { meaning: "the brief names a viewpoint that is not in its corpus or not in a chosen theme", fix: "use an id from brief list viewpoints, or add its theme" },
  BRIEF_THEME_WITHOUT_VIEWPOINT: { meaning: "the brief's viewpoints list none of a chosen theme's viewpoints, so that question would be printed with no view", fix: "add one of the theme's viewpoints to viewpoints, or remove the theme from themes" },
  BRIEF_UNKNOWN_TEMPLATE: { meaning: "the brief names a template that is neither Briefsmith's own nor in the project's templates/ folder", fix: "use the template the hint suggests (brief list templates), or add templates/<name>.hbs" },
  BRIEF_UNKNOWN_MARKING: { meaning: "portion_marks is on, but the marking is not one whose portion mark Briefsmith can derive", fix: "give portion_mark: yourself, or use a marking the hint lists" },
  BRIEF_UNKNOWN_CLAIM: { meaning: "include_claims or exclude_claims names a claim that is not in the corpus, or not in a theme and viewpoint the brief shows", fix: "use the claim id the hint suggests" },

  // Extracts
  ...schemaCodes("EXTRACT", "an extract file"),
  EXTRACT_MISSING_CORPUS: { meaning: "no file of the corpus has a corpus: section", fix: "add corpus: {id, title, description} to one file" },
  EXTRACT_DUPLICATE_CORPUS: { meaning: "two files of the corpus have a corpus: section", fix: "keep one" },
  EXTRACT_CORPUS_ID_MISMATCH: { meaning: "the corpus: section gives an id other than the name of the corpus's folder", fix: "make them the same: briefs name a corpus by its folder" },
  EXTRACT_DUPLICATE_SOURCE: { meaning: "two sources have the same id", fix: "rename one" },
  EXTRACT_DUPLICATE_PERSPECTIVE: { meaning: "two perspectives have the same id", fix: "rename one" },
  EXTRACT_DUPLICATE_THEME: { meaning: "two themes have the same id", fix: "rename one" },
  EXTRACT_DUPLICATE_VIEWPOINT: { meaning: "two viewpoints have the same id (ids are unique across themes)", fix: "rename one" },
  EXTRACT_DUPLICATE_CLAIM: { meaning: "two claims have the same id", fix: "rename one" },
  EXTRACT_DUPLICATE_FACT: { meaning: "two facts have the same id", fix: "rename one" },
  EXTRACT_DUPLICATE_TERM: { meaning: "a glossary term is defined twice", fix: "keep one definition" },
  EXTRACT_UNKNOWN_SOURCE: { meaning: "a claim, fact or perspective names a source that is not defined", fix: "use the id the hint suggests" },
  EXTRACT_UNKNOWN_THEME: { meaning: "a claim or fact names a theme that is not defined", fix: "use the id the hint suggests" },
  EXTRACT_UNKNOWN_VIEWPOINT: { meaning: "a claim or fact names a viewpoint its theme does not have", fix: "use the id the hint suggests" },
  EXTRACT_UNKNOWN_PERSPECTIVE: { meaning: "a claim names a perspective that is not defined", fix: "use the id the hint suggests, or define the perspective" },
  EXTRACT_PERSPECTIVE_SOURCE_MISMATCH: { meaning: "a claim cites one source but a perspective that belongs to another", fix: "attribute the claim as its own source does" },
  EXTRACT_TEXT_OUTSIDE_CORPUS: { meaning: "a source's text: path leads out of the corpus folder", fix: "put the text under the corpus's texts/ folder" },
  EXTRACT_MISSING_TEXT: { meaning: "a source's verbatim text file is missing", fix: "save the source's text as texts/<source-id>.txt" },
  EXTRACT_MISQUOTE: { meaning: "a quote is not verbatim in its source", fix: "copy the quote exactly; only whitespace, typographic quotes, dashes and ligatures may differ" },
  EXTRACT_WRONG_LOCATOR: { meaning: "a quote is verbatim, but in another paragraph than its locator says", fix: "set the locator the hint gives" },
  EXTRACT_LOCATOR_OUT_OF_RANGE: { meaning: "a locator or context_only entry names a paragraph the source does not have", fix: "a paragraph is a non-empty line of the text, counted from 1" },
  EXTRACT_ORPHAN_VIEWPOINT: { meaning: "a viewpoint has no claim", fix: "add claims for it, or a coverage_note to its theme" },
  EXTRACT_UNCOVERED_PARAGRAPH: { meaning: "a paragraph of a source is used by no claim or fact (a warning)", fix: "extract it, or list it under context_only with a reason" },
  EXTRACT_LOW_COVERAGE: { meaning: "too few of a source's paragraphs are used or marked context_only", fix: "extract the paragraphs listed, or mark them context_only" },
  EXTRACT_PERSPECTIVE_ON_TWO_SIDES: { meaning: "one counted perspective (a stated prevalence) holds claims of two views of one question, so its count weighs for both", fix: "make one perspective per side" },
  EXTRACT_SHORT_NAME_SHARED: { meaning: "two sources are cited by the same name (their short_name, else their publisher)", fix: "give each its own short_name" },
  EXTRACT_TEXT_NOT_STANDALONE: {
    meaning: "a claim's or fact's text opens by pointing back (They, On this account, These Russians): printed on its own, it refers to nothing",
    fix: "name who or what it is",
  },
  EXTRACT_TEXT_FIGURE: {
    meaning: "a claim's or fact's text opens a sentence with a figure, or writes a count under ten as a figure, where a memo's prose has words (a warning)",
    fix: "write the number in words, or begin the sentence another way",
  },
  EXTRACT_COPIED_PARAPHRASE: { meaning: "a claim's or fact's own text copies a long run of its source's words", fix: "put the source's words in quote and paraphrase in text" },
  EXTRACT_TODO: { meaning: "a source still says TODO where brief source add found nothing in the document", fix: "write what the source says there (its place, its kind, your note on its quality)" },
  FILE_EXISTS: { meaning: "a command would overwrite a file, or reuse an id, that exists already", fix: "choose another id, or (brief source add) add --force to replace the text" },
  FILE_NOT_WRITABLE: { meaning: "a command could not write a project file (brief source add, brief check --fix); the file is as it was", fix: "check the folder's permissions and free space, then run the command again" },

  // Refusals as a whole (the diagnostics say why)
  CORPUS_NOT_VALID: { meaning: "a corpus has problems that stop any brief from using it", fix: "fix the problems listed; brief check shows them all" },
  BRIEF_NOT_VALID: { meaning: "a brief has problems that stop it from being rendered", fix: "fix the problems listed" },
  BRIEF_UNBALANCED: { meaning: "a brief under the strict balance policy is unbalanced", fix: "fix the balance problems listed, or set balance: warn" },

  // Balance (an error under the strict policy, a warning otherwise)
  BALANCE_MISSING_VIEWPOINT: { meaning: "a theme shows fewer than two viewpoints", fix: "select viewpoints on both sides of the question" },
  BALANCE_EMPTY_VIEWPOINT: { meaning: "a viewpoint shown has no claim", fix: "add claims for it, or a coverage_note to the theme" },
  BALANCE_UNDERWEIGHT_VIEWPOINT: { meaning: "a viewpoint has less than its share of the words", fix: "show the claims the hint names, or trim the heavier side" },
  BALANCE_THIN_VIEWPOINT: { meaning: "a viewpoint rests on one source or one perspective (a warning)", fix: "add claims from other sources where they exist" },
  BALANCE_SAME_SIDE_FIRST: { meaning: "every theme opens with the same side (a warning)", fix: "reorder the viewpoints of one theme" },
  BALANCE_TILTED_LANGUAGE: { meaning: "our words for one side are more loaded than for another", fix: "report every side in the same neutral verbs (says, argues, notes)" },
  BALANCE_OFF_SCALE_LIKELIHOOD: { meaning: "a likelihood word is not on the ICD 203 scale", fix: "use a term of the scale: almost no chance … almost certain" },
  BALANCE_MIXED_ESTIMATIVE_ROWS: { meaning: "the brief mixes the two rows of the ICD 203 scale", fix: "use one row throughout" },
  BALANCE_LIKELIHOOD_WITH_CONFIDENCE: { meaning: "a likelihood and a confidence level share a sentence", fix: "state them in separate sentences" },
  BALANCE_RECOMMENDATION_IN_SYNTHESIS: { meaning: "the summary or assessment recommends, but the brief asks for no recommendation", fix: "state the range of views, or add recommendation:" },
  BALANCE_ASSESSMENT_WITHOUT_LIKELIHOOD: { meaning: "the brief's assessment says how confident, but not how likely", fix: "add a likelihood term of the ICD 203 scale (likely, unlikely, …)" },
  BALANCE_ASSESSMENT_WITHOUT_CONFIDENCE: { meaning: "the brief's assessment says how likely, but not how confident", fix: "add a sentence with high, moderate or low confidence" },

  // Selection (warnings: what a brief leaves out)
  SELECT_FACT_AFTER_BRIEF_DATE: { meaning: "a fact is dated after the brief's date, so the brief leaves it out (a warning)", fix: "nothing, if the brief is meant as of its date; otherwise change date:" },
  SELECT_SOURCE_AFTER_BRIEF_DATE: { meaning: "a brief cites a source dated after the brief's own date: it says what it could not have known then (a warning; its claims are kept)", fix: "set the brief's date: on or after the source's, or correct the source's date" },

  // Templates and word lists
  TEMPLATE_MISSING: { meaning: "a template Briefsmith ships is missing from its templates folder", fix: "reinstall Briefsmith" },
  TEMPLATE_SYNTAX: { meaning: "a template or partial is not valid Handlebars (an unclosed {{, a block closed with the wrong name)", fix: "fix the line at the caret: every {{#block}} needs its {{/block}}" },
  TEMPLATE_UNKNOWN_FIELD: { meaning: "a template uses a field the model does not have (templates are strict: a typo is an error, not an empty space)", fix: "use a field the hint suggests; brief schema model lists them all" },
  TEMPLATE_UNKNOWN_HELPER: { meaning: "a template calls a helper Briefsmith does not have (templates cannot add JavaScript helpers)", fix: "use one of the helpers the README lists" },
  TEMPLATE_HELPER_ARGUMENTS: { meaning: "a helper is given the wrong number of values, or used as a block when it is not one", fix: "call it as the README shows" },
  TEMPLATE_UNKNOWN_PARTIAL: { meaning: "a template includes a partial that is neither Briefsmith's own nor in templates/partials/", fix: "use a partial the hint suggests, or add templates/partials/<name>.hbs" },
  TEMPLATE_UNKNOWN_ASSET: { meaning: "a template names an asset that is not in templates/assets/", fix: "use a file name the hint lists, as {{asset \"logo.svg\"}}" },
  TEMPLATE_UNSUPPORTED: { meaning: "a template uses a Handlebars feature Briefsmith does not allow (decorators, inline partials, a partial chosen at run time, a partial that includes itself)", fix: "put the partial in templates/partials/ and include it by name" },
  TEMPLATE_NO_LAYOUT: { meaning: "a new template does not say which layout it follows", fix: "make its first line {{!-- layout: memo --}} (or handout, one-pager)" },
  TEMPLATE_UNKNOWN_LAYOUT: { meaning: "a template names a layout Briefsmith does not have, or a replacement of a built-in template names another layout", fix: "use memo, handout or one-pager" },
  TEMPLATE_INVALID_NAME: { meaning: "a file in templates/ has a name that cannot be a template, partial or asset name", fix: "rename it to lower-case letters, digits and single hyphens (assets: also dots and underscores)" },
  TEMPLATE_ASSET_INVALID: { meaning: "a file in templates/assets/ is not a PNG, JPEG or SVG image, or is not what its name says", fix: "save it as PNG, JPEG or SVG, with the matching extension" },
  TEMPLATE_LOADS_NOTHING: { meaning: "a project's template or style sheet names a file or address to load (src=\"logo.png\", <link href>, url(…), @import, <script>): documents are printed offline and load nothing, so it would be missing (a warning)", fix: "put the image in templates/assets/ and write src=\"{{asset \"logo.png\"}}\"; a style sheet goes in templates/ as a .css file" },
  TEMPLATE_ASSET_SANITISED: { meaning: "parts of an SVG asset that could run code or load something were removed (a warning)", fix: "nothing, if the image still looks right; otherwise export it again without scripts, links, embedded fonts or style elements (styles as presentation attributes)" },
  TEMPLATE_LETTERHEAD_INVALID: { meaning: "a Word letterhead (templates/NAME.docx) cannot be read: not a Word document, damaged, too large unpacked, or with no page header or footer in its first section", fix: "open it in Word, put the letterhead in the page header and footer (Insert → Header), and save it as a Word document (.docx)" },
  TEMPLATE_LETTERHEAD_SANITISED: { meaning: "parts of a Word letterhead that could open something outside the document (links, linked pictures, fields that insert files, embedded objects) were removed (a warning)", fix: "nothing, if the letterhead still looks right in the Word files; otherwise put pictures into the file (Insert → Pictures, not linked) and type the text instead of using fields" },
  TEMPLATE_LETTERHEAD_UNUSED: { meaning: "a Word letterhead is named after no template, so no document uses it (a warning)", fix: "name it after the template whose Word documents it is for: templates/letterhead.docx for templates/letterhead.hbs, templates/memo.docx for Briefsmith's memo" },
  TEMPLATE_NOT_VALID: { meaning: "a brief's template has errors, so the brief is not rendered", fix: "fix the template's problems listed (brief validate shows them)" },
  TEMPLATE_RENDER_FAILED: { meaning: "a template failed while it ran for a brief (a helper given a value it cannot use, such as join given a mapping instead of a list), so that brief is not built; the others are", fix: "give the helper named in the message the kind of value the README's helper table says it takes (brief schema model lists each field's type)" },
  API_INVALID_ARGUMENT: { meaning: "a program using Briefsmith as a library gave one of its functions a value it cannot use (a date that is no calendar day, jobs outside 1–32, an unknown paper, no corpus)", fix: "give the value the README's library table describes" },
  LEXICON_INVALID: { meaning: "the balance word lists are not valid", fix: "restore data/lexicon.yaml from the package" },

  // Printing
  BROWSER_NOT_FOUND: { meaning: "no Chrome or Chromium to print with", fix: "install chromium-headless-shell or Chrome, or name one with --browser" },
  BROWSER_LAUNCH_FAILED: { meaning: "the browser was found but did not start", fix: "check that it runs (try it with --version)" },
  BROWSER_CRASHED: { meaning: "the browser died while printing, twice", fix: "look for a lack of memory; try fewer --jobs" },
  PRINT_TIMEOUT: { meaning: "a document took longer to print than the timeout", fix: "raise --timeout, or split the brief" },
  PRINT_CANCELLED: { meaning: "printing stopped before the document was printed: the printer was closed, or the print's signal fired (its reason is the error's cause)", fix: "nothing: print or build it again" },
  BUILD_WARNING: { meaning: "what the build says of a brief it built (a warning): the browser shrank its pages to fit, a one-pager runs past its page, a request was blocked, its contents have no page numbers, an output edited by hand is no longer listed", fix: "do what the warning says: wrap or shorten what is too wide, select less, or fix the template" },
  BUILD_INTERRUPTED: { meaning: "the build was stopped by a signal (Ctrl-C, SIGTERM, SIGHUP) before it finished", fix: "nothing: what was finished is kept; run the build again for the rest" },

  // Bringing a document into a corpus
  INGEST_UNSUPPORTED_FORMAT: { meaning: "a document is not in a format Briefsmith reads (text, Markdown, HTML, PDF, Word .docx)", fix: "save it as one of those, for example as PDF or .docx" },
  INGEST_UNREADABLE: { meaning: "a document is damaged, encrypted or not what its name says", fix: "open it in its own program and save a fresh copy" },
  INGEST_NO_TEXT: { meaning: "a document has no text to extract (a scanned PDF, a page built by scripts)", fix: "run text recognition (OCR) on it first, or save the text itself" },

  // Output and manifests
  OUTPUT_NOT_WRITABLE: { meaning: "the output folder or a file in it cannot be written", fix: "check permissions and free space, or choose another folder with --out" },
  OUTPUT_LOCKED: { meaning: "another build is writing to the same output folder", fix: "wait for it, or run with --wait; a lock left by a build that is gone is taken over by itself" },
  OUTPUT_REMOVED: {
    meaning: "a brief's file is gone from the folder being built (deleted or renamed), so its outputs were removed, or, changed by hand since, left",
    fix: "nothing, if the brief was withdrawn; restore its file to build it again",
  },
  OUTPUT_INSIDE_SOURCES: { meaning: "the output folder is inside sources/, where every file written would change a corpus", fix: "choose an output folder outside sources/ with --out" },
  MANIFEST_NOT_FOUND: { meaning: "a manifest to merge cannot be read", fix: "check the path" },
  MANIFEST_UNREADABLE: {
    meaning: "the output folder's manifest.json is not one a build can use (cut short, invalid JSON, unreadable), so the build set it aside and built its briefs in full",
    fix: "nothing: the build writes it anew",
  },
  MANIFEST_INVALID: { meaning: "a manifest to merge is not a Briefsmith manifest", fix: "merge the manifest.json files that brief build wrote" },
  MANIFEST_OVERLAP: { meaning: "two shards' manifests list the same brief", fix: "use --shard I/N with the same N for every shard" },
} as const satisfies Record<string, CodeDoc>;

export type ErrorCode = keyof typeof errorCodes;

/** The code of a problem the yaml package reports. */
export function yamlErrorCode(code: YamlErrorCode): ErrorCode {
  return `YAML_${code}`;
}
