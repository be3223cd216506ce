// Bringing a form field into view and focusing it, by the name Rust gives it ("seller.name"), once it
// exists: forms fill in after their data loads, so it is looked for on each frame for a while.

/** How long a field is waited for before giving up (the page stays where it is). */
export const LAND_WAIT_MS = 3000;

/**
 * The element for `field` inside `root`: its `[data-field]` wrapper, else the first field of the same
 * group ("email.account" → the first "email.…" field), else null.
 */
export function fieldElement(root: ParentNode, field: string): HTMLElement | null {
  const exact = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  if (exact) return exact;
  const group = field.split(".")[0];
  return root.querySelector<HTMLElement>(`[data-field^="${CSS.escape(`${group}.`)}"]`);
}

/**
 * Scrolls `field` into view and focuses its input as soon as it appears in `root`, then calls `done`.
 * Returns a function that stops looking.
 */
export function landOnField(root: ParentNode, field: string, done: () => void): () => void {
  const started = Date.now();
  let frame = 0;
  const look = () => {
    const element = fieldElement(root, field);
    if (element) {
      element.scrollIntoView?.({ block: "center" });
      element.querySelector<HTMLElement>("input, select, textarea")?.focus();
      done();
    } else if (Date.now() - started < LAND_WAIT_MS) {
      frame = requestAnimationFrame(look);
    } else {
      done();
    }
  };
  frame = requestAnimationFrame(look);
  return () => cancelAnimationFrame(frame);
}
