// Toasts: a short word that something happened, with "Undo" for the small acts that can be taken back
// (a creator removed from a shortlist, a card moved on the board, a follow-up snoozed, a campaign
// archived). One place shows them (`common/Toasts.svelte`); Ctrl/⌘+Z undoes the newest.
import { toIpcError } from "./ipc";

/** How long a toast stays, unless the pointer rests on it. */
export const TOAST_MS = 8000;

export type Toast = {
  id: number;
  text: string;
  /** Takes the act back; rejects with why it cannot (something happened since). */
  undo: (() => Promise<void>) | null;
  /** Set when the undo was refused. */
  error: string | null;
  busy: boolean;
};

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows `text`, with "Undo" when `undo` is given; returns the toast's id. */
  show(text: string, undo: (() => Promise<void>) | null = null): number {
    const id = this.#next++;
    this.items = [...this.items.slice(-2), { id, text, undo, error: null, busy: false }];
    this.#arm(id);
    return id;
  }

  dismiss(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.items = this.items.filter((t) => t.id !== id);
  }

  /** Keeps a toast while the seller looks at it (pointer over it, keyboard focus in it). */
  hold(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  release(id: number) {
    if (this.items.some((t) => t.id === id)) this.#arm(id);
  }

  /** Runs the toast's undo; on success the toast goes, on refusal it says why and stays. */
  async undo(id: number) {
    const toast = this.items.find((t) => t.id === id);
    if (!toast?.undo || toast.busy) return;
    this.#update(id, { busy: true, error: null });
    try {
      await toast.undo();
      this.dismiss(id);
    } catch (reason) {
      this.#update(id, { busy: false, error: toIpcError(reason).message, undo: null });
      this.#arm(id);
    }
  }

  /** The newest toast that can still be undone (Ctrl/⌘+Z). */
  newestUndoable(): Toast | null {
    return [...this.items].reverse().find((t) => t.undo !== null && !t.busy) ?? null;
  }

  #update(id: number, change: Partial<Toast>) {
    this.items = this.items.map((t) => (t.id === id ? { ...t, ...change } : t));
  }

  #arm(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), TOAST_MS),
    );
  }
}

export const toasts = new Toasts();
