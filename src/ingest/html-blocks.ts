/**
 * Elements that start and end a paragraph. Everything else (a, em, span,
 * code, …) is inline: its text runs on within the paragraph around it.
 */
const blockElements = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);

/** A table's cells: a row is one paragraph, its cells read in order with a bar between them. */
const cellElements = new Set(["td", "th"]);

/** Elements whose content is never text a reader sees. */
const skippedElements = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "button", "select", "textarea"]);

const elementNode = 1;
const textNode = 3;

/** A link within the page: inside a superscript, a note's marker. */
export const noteLink = 'a[href^="#"]';

/**
 * A note's marker in the text, as "[2]", as a Word file's note is: a superscript that links within the page (to its
 * footnote). Bare, its number read as part of the word before it ("regulator2"), and no quote of that word matched.
 * Other superscripts are text like any other.
 */
function noteMarker(element: Element): string | undefined {
  if (element.localName.toLowerCase() !== "sup" || element.querySelector(noteLink) === null) return undefined;
  const number = (element.textContent ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  return number === "" ? undefined : `[${number}]`;
}

/**
 * The paragraphs of an HTML fragment, in document order: each block element
 * (p, h1–h6, li, blockquote, tr, …) gives the text directly inside it, so a
 * list item that holds a nested list gives its own words as one paragraph
 * and each nested item as another. Line breaks (<br>) become spaces: a
 * paragraph is one line in a corpus text. A note's marker reads [2]. A table
 * row is one paragraph, "2022 | 41 | 12%": an author's test found a table read
 * cell by cell, "2022", "41", so no row could be quoted or cited as one. A cell
 * that holds paragraphs of its own gives them apart.
 */
export function collectBlockTexts(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = "";
  // A cell begun after text in its row: the bar goes in with the cell's first words, so an empty cell adds none.
  let barDue = false;
  const flush = () => {
    if (current.trim() !== "") paragraphs.push(current);
    current = "";
    barDue = false;
  };
  const visit = (node: Node) => {
    if (node.nodeType === textNode) {
      const text = node.textContent ?? "";
      if (barDue && text.trim() !== "") {
        current += " | ";
        barDue = false;
      }
      current += text;
      return;
    }
    if (node.nodeType !== elementNode) return;
    const name = (node as Element).localName.toLowerCase();
    if (skippedElements.has(name)) return;
    if (name === "br") {
      current += " ";
      return;
    }
    const marker = noteMarker(node as Element);
    if (marker !== undefined) {
      current += marker;
      return;
    }
    if (cellElements.has(name) && current.trim() !== "") barDue = true;
    const isBlock = blockElements.has(name);
    if (isBlock) flush();
    node.childNodes.forEach(visit);
    if (isBlock) flush();
  };
  visit(root);
  flush();
  return paragraphs;
}
