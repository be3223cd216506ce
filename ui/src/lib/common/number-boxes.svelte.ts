// Filter boxes for numbers, the one kind every list's filter bar uses (Creators, Matches): each holds
// what is typed, shows when it cannot be read, and once typing pauses every readable box's number goes
// to the view together (an empty box clears its filter).
import { untrack } from "svelte";

export type NumberParser = (text: string) => number | null;

const COMMIT_DELAY_MS = 400;

export class NumberBoxes<K extends string> {
  /** What each box holds. */
  text: Record<K, string> = $state({} as Record<K, string>);
  readonly #parsers: Record<K, NumberParser>;
  readonly #commit: (values: Partial<Record<K, number | null>>) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `initial`: the view's values when the boxes appear; `commit` receives the readable ones. */
  constructor(
    initial: Record<K, number | null>,
    parsers: Record<K, NumberParser>,
    commit: (values: Partial<Record<K, number | null>>) => void,
  ) {
    this.#parsers = parsers;
    this.#commit = commit;
    const text = {} as Record<K, string>;
    for (const key of Object.keys(parsers) as K[])
      text[key] = initial[key] === null ? "" : String(initial[key]);
    this.text = text;
  }

  /** The box's number: `null` when empty, `NaN` when it cannot be read. */
  value(key: K): number | null {
    return this.#parsers[key](this.text[key]);
  }

  invalid(key: K): boolean {
    const value = this.value(key);
    return value !== null && Number.isNaN(value);
  }

  /** Call on every keystroke: commits once typing pauses. */
  input = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const values: Partial<Record<K, number | null>> = {};
      for (const key of Object.keys(this.#parsers) as K[])
        if (!this.invalid(key)) values[key] = this.value(key);
      this.#commit(values);
    }, COMMIT_DELAY_MS);
  };

  /**
   * Follows a value the view got from outside (a restored view, "Clear") without rewriting what is being
   * typed: the box is reset only when its text doesn't already say `value`. Call it from an effect that
   * reads only that one value, so a box changes only when its own value does.
   */
  follow(key: K, value: number | null) {
    untrack(() => {
      if (this.value(key) !== value) this.text[key] = value === null ? "" : String(value);
    });
  }

  /** Empties every box without committing (the caller clears the view). */
  clear() {
    clearTimeout(this.#timer);
    for (const key of Object.keys(this.#parsers) as K[]) this.text[key] = "";
  }

  /** Stops a pending commit (when the boxes go away). */
  dispose() {
    clearTimeout(this.#timer);
  }
}
