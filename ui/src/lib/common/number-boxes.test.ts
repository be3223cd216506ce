import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NumberBoxes } from "./number-boxes.svelte";

describe("number filter boxes", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const percent = (text: string) => {
    if (text.trim() === "") return null;
    const value = Number(text);
    return Number.isFinite(value) && value >= 0 && value <= 100 ? value : Number.NaN;
  };

  it("start from the view, commit the readable boxes once typing pauses and say which cannot be read", () => {
    const commit = vi.fn();
    const boxes = new NumberBoxes({ low: 5, high: null }, { low: percent, high: percent }, commit);
    expect(boxes.text).toEqual({ low: "5", high: "" });
    boxes.text.low = "7";
    boxes.input();
    boxes.text.high = "170";
    boxes.input();
    expect(boxes.invalid("high")).toBe(true);
    vi.advanceTimersByTime(399);
    expect(commit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(commit).toHaveBeenCalledExactlyOnceWith({ low: 7 });

    boxes.text.high = "";
    boxes.input();
    boxes.clear();
    vi.advanceTimersByTime(1_000);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(boxes.text).toEqual({ low: "", high: "" });
  });

  it("follow a value changed outside without rewriting what is typed", () => {
    const boxes = new NumberBoxes({ low: 5, high: null }, { low: percent, high: percent }, vi.fn());
    boxes.follow("low", 8);
    expect(boxes.text.low).toBe("8");
    boxes.text.low = "8.0";
    boxes.follow("low", 8);
    expect(boxes.text.low).toBe("8.0");
    boxes.text.high = "170";
    boxes.follow("high", null);
    expect(boxes.text.high).toBe("");
  });
});
