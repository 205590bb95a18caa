/**
 * Portion marks: the short form of a document's marking that heads each
 * paragraph, heading, list item and table cell of a marked document — "(U)",
 * "(S//NF)", "(CUI)". Derived from the banner marking the brief gives, as the
 * CAPCO register and the CUI Marking Handbook pair banner and portion forms:
 * the classification by its initial, each dissemination control after "//"
 * by its abbreviation. A marking outside the forms below is not guessed at:
 * the brief names its portion mark itself (`portion_mark:`).
 *
 * Pure and dependency-free, so the schema check, selection and every renderer
 * share it. No real classified content is involved: this is the format.
 */

/** Banner classifications and their portion form (CAPCO register, section 3; 32 CFR 2002.20 for CUI). */
const classifications: readonly (readonly [banner: string, portion: string])[] = [
  ["TOP SECRET", "TS"],
  ["SECRET", "S"],
  ["CONFIDENTIAL", "C"],
  ["UNCLASSIFIED", "U"],
  ["CONTROLLED UNCLASSIFIED INFORMATION", "CUI"],
  ["CONTROLLED", "CUI"],
  ["CUI", "CUI"],
];

/**
 * Controls written in the banner's long form and their portion abbreviation
 * (CAPCO register: dissemination controls and non-IC markings; the CUI
 * limited dissemination controls). Each also stands for itself when a
 * banner already uses the short form ("UNCLASSIFIED//FOUO").
 */
const controls: Readonly<Record<string, string>> = {
  "FOR OFFICIAL USE ONLY": "FOUO",
  FOUO: "FOUO",
  NOFORN: "NF",
  NF: "NF",
  ORCON: "OC",
  OC: "OC",
  "ORCON-USGOV": "OC-USGOV",
  IMCON: "IMC",
  IMC: "IMC",
  PROPIN: "PR",
  PR: "PR",
  RELIDO: "RELIDO",
  FISA: "FISA",
  "LIMITED DISTRIBUTION": "DS",
  LIMDIS: "DS",
  "EXCLUSIVE DISTRIBUTION": "XD",
  EXDIS: "XD",
  "NO DISTRIBUTION": "ND",
  NODIS: "ND",
  "LAW ENFORCEMENT SENSITIVE": "LES",
  LES: "LES",
  "LES NOFORN": "LES-NF",
  "SENSITIVE BUT UNCLASSIFIED": "SBU",
  SBU: "SBU",
  "SBU NOFORN": "SBU-NF",
  "RESTRICTED DATA": "RD",
  RD: "RD",
  "FORMERLY RESTRICTED DATA": "FRD",
  FRD: "FRD",
  // Sensitive compartmented information control systems: the same in banner and portion.
  SI: "SI",
  TK: "TK",
  HCS: "HCS",
  // CUI limited dissemination controls (CUI Marking Handbook).
  FEDCON: "FEDCON",
  NOCON: "NOCON",
  "DL ONLY": "DL ONLY",
};

/** Controls that carry their own list of countries or agencies, kept as written: "REL TO USA, GBR", "DISPLAY ONLY AUS". */
const listControls = /^(REL TO|DISPLAY ONLY) [A-Z]{3}(, ?[A-Z0-9]{3,})*$/;

/** A CUI category or specified category, the same in banner and portion: "SP-PRVCY", "PRVCY", "PROPIN". */
const cuiCategory = /^(SP-)?[A-Z]{2,12}$/;

/** What the recognised markings are, for the hint when one is not. */
export const recognisedMarkings =
  "UNCLASSIFIED (U), CONFIDENTIAL (C), SECRET (S), TOP SECRET (TS), and CUI, CONTROLLED or CONTROLLED UNCLASSIFIED INFORMATION (CUI), " +
  "each followed by controls after //: FOR OFFICIAL USE ONLY (FOUO), NOFORN (NF), ORCON (OC), IMCON (IMC), PROPIN (PR), RELIDO, REL TO …, " +
  "DISPLAY ONLY …, LIMITED DISTRIBUTION (DS), EXCLUSIVE DISTRIBUTION (XD), NO DISTRIBUTION (ND), LAW ENFORCEMENT SENSITIVE (LES), " +
  "SENSITIVE BUT UNCLASSIFIED (SBU), RESTRICTED DATA (RD), FORMERLY RESTRICTED DATA (FRD), SI, TK, HCS, FEDCON, NOCON, DL ONLY, or a CUI category (SP-PRVCY)";

/**
 * The portion mark of a banner marking, in parentheses ("(U//FOUO)"), or
 * undefined when the marking is not one of the recognised forms.
 * "SECRET//NOFORN" → "(S//NF)"; "TOP SECRET//SI/TK//NOFORN" → "(TS//SI/TK//NF)";
 * "CUI//SP-PRVCY" → "(CUI//SP-PRVCY)"; "UNCLASSIFIED" → "(U)".
 */
/** The banner a brief prints: its marking, or nothing for `marking: none` (an office that marks nothing: a town hall, a seminar). */
export function printedMarking(marking: string): string {
  return /^none$/i.test(marking.trim()) ? "" : marking;
}

export function portionMarkOf(marking: string): string | undefined {
  const segments = marking.trim().toUpperCase().replace(/\s+/g, " ").split("//").map((s) => s.trim());
  const [level, ...rest] = segments;
  const classification = classifications.find(([banner]) => banner === level)?.[1];
  if (classification === undefined) return undefined;
  const portions: string[] = [classification];
  for (const segment of rest) {
    if (segment === "") return undefined;
    // Controls of one system share a segment, separated by a single slash ("SI/TK").
    const parts = segment.split("/").map((p) => p.trim());
    const abbreviated = parts.map((part) => abbreviate(part, classification === "CUI"));
    if (abbreviated.some((p) => p === undefined)) return undefined;
    portions.push(abbreviated.join("/"));
  }
  return `(${portions.join("//")})`;
}

function abbreviate(control: string, cui: boolean): string | undefined {
  const known = controls[control];
  if (known !== undefined) return known;
  if (listControls.test(control)) return control;
  if (cui && cuiCategory.test(control)) return control;
  return undefined;
}

/** A portion mark the brief gives itself ("U//FOUO" or "(U//FOUO)"), as printed: in parentheses. */
export function explicitPortionMark(mark: string): string {
  const inner = mark.trim().replace(/^\((.*)\)$/, "$1").trim();
  return `(${inner})`;
}
