import { describe, expect, it } from "vitest";
import { hueFor, initials } from "./avatar";

describe("initials", () => {
  it("takes the first letters of the first two words", () => {
    expect(initials("Mia Carter", "mia.carter")).toBe("MC");
    expect(initials("chloé dubois lefèvre", "chloe")).toBe("CD");
  });

  it("falls back to the handle when there is no name", () => {
    expect(initials(null, "glowbymia")).toBe("G");
    expect(initials("   ", "_zara")).toBe("Z");
  });

  it("keeps emoji and other scripts whole", () => {
    expect(initials("✨ Glow by Mia ✨", "glow")).toBe("✨G");
    expect(initials("🇯🇵 Yuki", "yuki")).toBe("🇯🇵Y");
    expect(initials("سارة المنصوري", "sara")).toBe("سا");
  });
});

describe("hueFor", () => {
  it("is stable and within 0–359", () => {
    expect(hueFor("mia.carter")).toBe(hueFor("mia.carter"));
    for (const handle of ["a", "b", "mia.carter", "x".repeat(500)]) {
      expect(hueFor(handle)).toBeGreaterThanOrEqual(0);
      expect(hueFor(handle)).toBeLessThan(360);
    }
  });

  it("spreads different handles over different hues", () => {
    const hues = new Set(["mia", "liam", "sofia", "noah", "aiko", "mateo"].map(hueFor));
    expect(hues.size).toBeGreaterThan(3);
  });
});
