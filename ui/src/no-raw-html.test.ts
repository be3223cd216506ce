import { describe, expect, it } from "vitest";

// Names, bios and cells come from files sellers import: they are always rendered as text.
const sources = import.meta.glob("./**/*.svelte", { query: "?raw", import: "default", eager: true });

describe("untrusted text", () => {
  it("is never rendered as HTML: no component uses {@html}", () => {
    const offenders = Object.entries(sources)
      .filter(([, source]) => /\{@html\b/.test(String(source)))
      .map(([path]) => path);
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
