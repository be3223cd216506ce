import { describe, expect, it } from "vitest";
import { sparklinePoints } from "./sparkline";

describe("sparklinePoints", () => {
  it("puts the smallest value at the bottom and the largest at the top", () => {
    expect(sparklinePoints([10, 20, 30], 100, 50)).toEqual([
      { x: 0, y: 50 },
      { x: 50, y: 25 },
      { x: 100, y: 0 },
    ]);
  });

  it("skips unknown values but keeps their place in time", () => {
    expect(sparklinePoints([10, null, 30], 100, 50).map((point) => point.x)).toEqual([0, 100]);
  });

  it("draws a flat series across the middle", () => {
    expect(sparklinePoints([5, 5], 100, 50)).toEqual([
      { x: 0, y: 25 },
      { x: 100, y: 25 },
    ]);
    expect(sparklinePoints([null, null], 100, 50)).toEqual([]);
  });
});
