// The template editor's DOM: a template drawn as text nodes and chips (`<span contenteditable=false
// data-token="{{ … }}">Creator's handle</span>`), read back into the template, and positions mapped
// between the DOM's selection and offsets in the template string. Text only ever goes in as text nodes.
import { parseTemplate } from "./template-text";

/** A multi-line editor ends in this <br>, so a final "\n" shows as an empty line the caret can reach. */
const END = "templateEnd";

export function renderTemplate(root: HTMLElement, template: string, multiline: boolean): void {
  const doc = root.ownerDocument;
  const nodes: Node[] = parseTemplate(template).map((piece) => {
    if (piece.kind === "text") return doc.createTextNode(piece.text);
    const chip = doc.createElement("span");
    chip.contentEditable = "false";
    chip.className = `merge-chip ${piece.look}`;
    chip.dataset.token = piece.token;
    chip.textContent = piece.label;
    chip.title = {
      field: `Filled in for each creator: ${piece.label.toLowerCase()}`,
      condition: "The text up to the next “Otherwise” or “End if” is in the message only when this holds",
      unknown: "Not a merge field Scout knows: the preview says whether it works",
    }[piece.look];
    return chip;
  });
  if (multiline) {
    const end = doc.createElement("br");
    end.dataset[END] = "";
    nodes.push(end);
  }
  root.replaceChildren(...nodes);
}

const BLOCKS = new Set(["DIV", "P", "LI"]);

/** The template a DOM subtree (the editor, or a fragment of it) stands for. Lines the browser wrapped
 * in blocks of their own (<div>) or broke with <br> read as "\n". */
export function readTemplate(root: Node): string {
  let out = "";
  const walk = (node: Node, top: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node as Text).data;
      return;
    }
    if (!(node instanceof Element)) {
      node.childNodes.forEach((child) => walk(child, false));
      return;
    }
    if (node instanceof HTMLElement && node.dataset.token !== undefined) {
      out += node.dataset.token;
      return;
    }
    if (node.tagName === "BR") {
      if (!(node instanceof HTMLElement && END in node.dataset)) out += "\n";
      return;
    }
    if (!top && BLOCKS.has(node.tagName) && out !== "" && !out.endsWith("\n")) out += "\n";
    node.childNodes.forEach((child) => walk(child, false));
  };
  walk(root, true);
  return out;
}

/** The template offset of a DOM position inside the editor (a chip's inside counts as its end). */
export function offsetOf(root: HTMLElement, node: Node, offset: number): number {
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  const fragment = range.cloneContents();
  return readTemplate(fragment).length;
}

/** The DOM position of a template offset: in a text node where there is one, else between nodes; never
 * inside a chip, never after the closing <br>. */
export function positionOf(root: HTMLElement, offset: number): { node: Node; offset: number } {
  let at = 0;
  const find = (parent: Node): { node: Node; offset: number } | null => {
    const children = [...parent.childNodes];
    for (const [i, child] of children.entries()) {
      if (child.nodeType === Node.TEXT_NODE) {
        const length = (child as Text).data.length;
        if (offset <= at + length) return { node: child, offset: offset - at };
        at += length;
      } else if (child instanceof HTMLElement && child.dataset.token !== undefined) {
        if (offset <= at) return { node: parent, offset: i };
        at += child.dataset.token.length;
        if (offset < at) return { node: parent, offset: i + 1 };
      } else if (child instanceof HTMLElement && child.tagName === "BR") {
        if (END in child.dataset || offset <= at) return { node: parent, offset: i };
        at += 1;
      } else {
        const inner = find(child);
        if (inner) return inner;
      }
    }
    return null;
  };
  return find(root) ?? { node: root, offset: root.childNodes.length };
}

/** The selection inside the editor as template offsets, or null when it is elsewhere. */
export function selectionIn(root: HTMLElement): { start: number; end: number } | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return {
    start: offsetOf(root, range.startContainer, range.startOffset),
    end: offsetOf(root, range.endContainer, range.endOffset),
  };
}

export function placeCaret(root: HTMLElement, offset: number): void {
  const selection = root.ownerDocument.getSelection();
  if (!selection) return;
  const { node, offset: at } = positionOf(root, offset);
  const range = root.ownerDocument.createRange();
  range.setStart(node, at);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}
