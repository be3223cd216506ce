// The offer template as the seller sees it: text with merge fields as chips named in words ("Creator's
// handle"), and as Rust reads it: a minijinja template (`{{ creator.handle }}`). Pure string logic;
// `template-dom.ts` puts it on the screen and `TemplateEditor.svelte` edits it.
//
// The template string is the only state. A chip is a `{{ … }}` or `{% … %}` span of it, kept byte for
// byte (so template → editor → template is lossless: spacing inside the braces, unknown fields, blocks
// and text that merely contains braces all come back as they were). A field Scout knows shows its name
// ("Creator's handle"), a condition on one reads "If free sample" … "End if", anything else (a filter,
// `{{- x -}}`, a loop) shows its raw text, marked, so nothing is hidden or lost. An offset is a position in the
// template string; one that falls inside a chip moves to its edge, so a chip is typed around, never into.

/** The merge fields Rust fills in (`MERGE_FIELDS` in scout-outreach's template.rs), in words. */
export const MERGE_FIELDS: readonly { path: string; label: string }[] = [
  { path: "creator.handle", label: "Creator's handle" },
  { path: "creator.name", label: "Creator's name" },
  { path: "product.name", label: "Product" },
  { path: "product.price", label: "Price" },
  { path: "offer.commission", label: "Commission" },
  { path: "offer.sample", label: "Free sample" },
  { path: "offer.flat_fee", label: "Flat fee" },
  { path: "offer.deadline", label: "Deadline" },
  { path: "seller.name", label: "Your shop" },
  { path: "campaign.name", label: "Campaign" },
];

/** What a merge-field button inserts. */
export function tokenFor(path: string): string {
  return `{{ ${path} }}`;
}

/** How a chip looks: a merge field, a condition (if / otherwise / end), or raw text Scout can't name. */
export type ChipLook = "field" | "condition" | "unknown";

export type Piece =
  { kind: "text"; text: string } | { kind: "chip"; token: string; label: string; look: ChipLook };

/** `{{ … }}` or `{% … %}`, the shortest one, across lines too. */
const TOKEN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

const PATH = "([a-z_]+\\.[a-z_]+)";
const FIELD = new RegExp(`^\\{\\{\\s*${PATH}\\s*\\}\\}$`);
const IF = new RegExp(`^\\{%\\s*(if|elif)\\s+(not\\s+)?${PATH}\\s*%\\}$`);

const fieldLabel = (path: string | undefined) => MERGE_FIELDS.find((f) => f.path === path)?.label;

/** A chip's words: a known field exactly as `{{ path }}` (any spacing), or `{% if path %}`, `{% elif … %}`,
 * `{% else %}`, `{% endif %}` on one; anything else (`{{- x -}}`, filters, loops) is its raw token. */
export function labelOf(token: string): { label: string; look: ChipLook } {
  const field = fieldLabel(FIELD.exec(token)?.[1]);
  if (field) return { label: field, look: "field" };
  const condition = IF.exec(token);
  const on = fieldLabel(condition?.[3]);
  if (condition && on) {
    const what = `${condition[2] ? "not " : ""}${on.toLowerCase()}`;
    return { label: condition[1] === "if" ? `If ${what}` : `Or if ${what}`, look: "condition" };
  }
  if (/^\{%\s*else\s*%\}$/.test(token)) return { label: "Otherwise", look: "condition" };
  if (/^\{%\s*endif\s*%\}$/.test(token)) return { label: "End if", look: "condition" };
  return { label: token, look: "unknown" };
}

/** The chips of a template: [start, end) offsets of each `{{ … }}`. */
function chips(template: string): { start: number; end: number }[] {
  return [...template.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function parseTemplate(template: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const { start, end } of chips(template)) {
    if (start > at) pieces.push({ kind: "text", text: template.slice(at, start) });
    const token = template.slice(start, end);
    pieces.push({ kind: "chip", token, ...labelOf(token) });
    at = end;
  }
  if (at < template.length) pieces.push({ kind: "text", text: template.slice(at) });
  return pieces;
}

export function serialiseTemplate(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === "text" ? p.text : p.token)).join("");
}

/** An offset moved out of any chip it falls inside: to the chip's start or end. */
export function snap(template: string, offset: number, toward: "start" | "end"): number {
  const inside = chips(template).find((c) => c.start < offset && offset < c.end);
  if (!inside) return Math.max(0, Math.min(offset, template.length));
  return toward === "start" ? inside.start : inside.end;
}

/** The template after an edit and where the caret goes. */
export interface Edit {
  template: string;
  caret: number;
}

/** Replaces [start, end) (widened to whole chips) with `text`; the caret goes after it, and after the
 * chip it completes if it finishes one (pasting `{{ creator.handle }}` makes a chip). */
export function replaceRange(template: string, start: number, end: number, text: string): Edit {
  const [from, to] = [Math.min(start, end), Math.max(start, end)];
  const a = snap(template, from, "start");
  const b = snap(template, to, "end");
  const next = template.slice(0, a) + text + template.slice(b);
  return { template: next, caret: snap(next, a + text.length, "end") };
}

/** Backspace ("backward") or Delete ("forward") when a chip is involved: a selection touching a chip
 * goes whole (chips and all), a caret beside a chip removes that chip. Null when no chip is involved,
 * so the browser deletes text as it always does (graphemes, Ctrl+Backspace by word). */
export function chipDeletion(
  template: string,
  start: number,
  end: number,
  direction: "backward" | "forward",
): Edit | null {
  const [from, to] = [Math.min(start, end), Math.max(start, end)];
  const all = chips(template);
  if (from !== to) {
    const touches = all.some((c) => c.start < to && from < c.end);
    return touches ? replaceRange(template, from, to, "") : null;
  }
  const chip =
    direction === "backward"
      ? all.find((c) => c.end === from || (c.start < from && from < c.end))
      : all.find((c) => c.start === from || (c.start < from && from < c.end));
  if (!chip) return null;
  return { template: template.slice(0, chip.start) + template.slice(chip.end), caret: chip.start };
}

/** Pasted text as the editor takes it: plain, line ends as "\n"; on one line (the subject) every line
 * break becomes a space. */
export function pastedText(text: string, singleLine: boolean): string {
  const lines = text.replace(/\r\n?/g, "\n");
  return singleLine ? lines.replace(/\n+/g, " ") : lines;
}
