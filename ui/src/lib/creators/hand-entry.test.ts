import { describe, expect, it } from "vitest";
import { emptyHandForm, toHandEntry } from "./hand-entry";

describe("the hand entry form", () => {
  it("becomes the entry Rust checks: blanks are null, counts read as sellers write them", () => {
    const result = toHandEntry({
      ...emptyHandForm(),
      handle: "@mia.glow",
      displayName: "  ",
      followers: "12.5k",
      gmv: "1,250.50",
      currency: "USD",
      categories: "Beauty; Skincare, ",
      email: " mia@example.com ",
    });
    expect(result).toEqual({
      entry: expect.objectContaining({
        handle: "@mia.glow",
        display_name: null,
        followers: 12_500,
        avg_views: null,
        gmv: { minor: 125_050, currency: "USD" },
        categories: ["Beauty", "Skincare"],
        email: "mia@example.com",
      }),
    });
  });

  it("says at once which boxes do not hold a number", () => {
    const result = toHandEntry({
      ...emptyHandForm(),
      followers: "lots",
      engagementPercent: "high",
      gmv: "1.234",
    });
    expect(result).toEqual({
      problems: {
        followers: expect.stringContaining("not a count"),
        engagement_percent: "type a percent, e.g. 4.5",
        gmv: expect.stringContaining("not an amount in USD"),
      },
    });
  });
});
