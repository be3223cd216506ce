import { describe, expect, it } from "vitest";
import { locate, moveSelection, pagesCovering, pagesToEvict } from "./row-window";

describe("pagesCovering", () => {
  it("finds the pages under the visible rows", () => {
    expect(pagesCovering(0, 29, 100_000, 100)).toEqual([0]);
    expect(pagesCovering(95, 130, 100_000, 100)).toEqual([0, 1]);
    expect(pagesCovering(250, 450, 100_000, 100)).toEqual([2, 3, 4]);
  });

  it("never asks for pages past the end", () => {
    expect(pagesCovering(99_990, 100_040, 100_000, 100)).toEqual([999]);
    expect(pagesCovering(0, 50, 30, 100)).toEqual([0]);
  });

  it("asks for nothing when there are no rows or no range", () => {
    expect(pagesCovering(0, 10, 0, 100)).toEqual([]);
    expect(pagesCovering(10, 5, 1000, 100)).toEqual([]);
  });
});

describe("locate", () => {
  it("finds a row's page and slot", () => {
    expect(locate(0, 100)).toEqual({ page: 0, slot: 0 });
    expect(locate(12_345, 100)).toEqual({ page: 123, slot: 45 });
  });
});

describe("pagesToEvict", () => {
  it("keeps everything while under the limit", () => {
    expect(pagesToEvict([0, 1, 2], 1, 5)).toEqual([]);
  });

  it("forgets the pages farthest from where the person is looking", () => {
    expect(pagesToEvict([0, 1, 2, 50, 51, 52], 51, 4).sort((a, b) => a - b)).toEqual([0, 1]);
  });
});

describe("moveSelection", () => {
  it("moves one row with the arrows and stops at the ends", () => {
    expect(moveSelection(5, "down", 100, 20)).toBe(6);
    expect(moveSelection(5, "up", 100, 20)).toBe(4);
    expect(moveSelection(0, "up", 100, 20)).toBe(0);
    expect(moveSelection(99, "down", 100, 20)).toBe(99);
  });

  it("starts at the first row when nothing is selected (the last for End)", () => {
    expect(moveSelection(null, "down", 100, 20)).toBe(0);
    expect(moveSelection(null, "up", 100, 20)).toBe(0);
    expect(moveSelection(null, "last", 100, 20)).toBe(99);
  });

  it("pages by one screen less a row, so one row stays in view", () => {
    expect(moveSelection(10, "pageDown", 100_000, 20)).toBe(29);
    expect(moveSelection(10, "pageUp", 100_000, 20)).toBe(0);
    expect(moveSelection(5, "last", 100_000, 20)).toBe(99_999);
    expect(moveSelection(5, "first", 100_000, 20)).toBe(0);
  });

  it("selects nothing in an empty list", () => {
    expect(moveSelection(3, "down", 0, 20)).toBeNull();
  });
});
