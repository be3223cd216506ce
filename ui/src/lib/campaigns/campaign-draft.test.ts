import { describe, expect, it } from "vitest";
import {
  buildSpec,
  CURRENCIES,
  draftFromSpec,
  emptyDraft,
  fieldMessage,
  fieldSnapshot,
  previewSpec,
  type Draft,
} from "./campaign-draft";
import type { CampaignSpec } from "../common/types";

function filled(patch: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(),
    name: "Glow serum launch",
    productName: "Glow serum 30 ml",
    category: "Beauty & Personal Care",
    price: "24",
    unitCost: "6",
    ...patch,
  };
}

const SPEC: CampaignSpec = {
  name: "Glow serum launch",
  product: {
    name: "Glow serum 30 ml",
    category: "Beauty & Personal Care",
    price: { minor: 2400, currency: "USD" },
    unit_cost: { minor: 600, currency: "USD" },
  },
  audience: {
    age: [
      { band: "18-24", share: 5000 },
      { band: "25-34", share: 5000 },
    ],
    gender: { female: 7000, male: 3000, other: 0 },
    countries: [{ country: "US", share: 10000 }],
    keywords: ["skincare", "serum"],
  },
  commission: { min: 1500, max: 2000 },
  sample_budget: { minor: 50_000, currency: "USD" },
  flat_fee_budget: { minor: 0, currency: "USD" },
  roi_target_percent: 150,
};

describe("buildSpec", () => {
  it("turns a saved spec's draft back into the same spec", () => {
    expect(buildSpec(draftFromSpec(SPEC))).toEqual({ spec: SPEC, problems: {} });
    const withId = { ...SPEC, product: { ...SPEC.product, tiktok_product_id: "1729384756" } };
    expect(buildSpec(draftFromSpec(withId))).toEqual({ spec: withId, problems: {} });
    expect(buildSpec({ ...draftFromSpec(withId), tiktokProductId: "  " }).spec?.product).not.toHaveProperty(
      "tiktok_product_id",
    );
  });

  it("sends rupiah with the two decimals Rust counts (IDR is offered again), yen with none", () => {
    expect(CURRENCIES).toContain("IDR");
    const rupiah = buildSpec(filled({ currency: "IDR", price: "150000", unitCost: "42500.50" })).spec;
    expect(rupiah?.product.price).toEqual({ minor: 15_000_000, currency: "IDR" });
    expect(rupiah?.product.unit_cost).toEqual({ minor: 4_250_050, currency: "IDR" });
    expect(rupiah && draftFromSpec(rupiah).price).toBe("150000");
    const yen = buildSpec(filled({ currency: "JPY", price: "3600", unitCost: "900" })).spec;
    expect(yen?.product.price).toEqual({ minor: 3600, currency: "JPY" });
  });

  it("sends empty audience parts as 'anyone'", () => {
    const { spec } = buildSpec(filled());
    expect(spec?.audience).toEqual({ age: [], gender: null, countries: [], keywords: [] });
    expect(spec?.product.price).toEqual({ minor: 2400, currency: "USD" });
    expect(spec?.commission).toEqual({ min: 1000, max: 2000 });
    expect(spec?.roi_target_percent).toBeNull();
  });

  it("names the field of every rule Rust would refuse", () => {
    const { spec, problems } = buildSpec(
      filled({
        name: " ",
        price: "0",
        unitCost: "-1",
        commissionMin: "30",
        commissionMax: "90",
        sampleBudget: "abc",
        roiTarget: "1.5",
        anyAge: false,
        age: [4000, 5000, 0, 0, 0, 0],
        countries: [
          { country: "US", percent: "60" },
          { country: "GB", percent: "30" },
        ],
      }),
    );
    expect(spec).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(
      [
        "name",
        "product.price",
        "product.unit_cost",
        "commission.max",
        "sample_budget",
        "roi_target_percent",
        "audience.age",
        "audience.countries",
      ].sort(),
    );
  });

  it("checks the commission range and country codes", () => {
    expect(buildSpec(filled({ commissionMin: "25", commissionMax: "20" })).problems).toEqual({
      "commission.min": "Above the maximum.",
    });
    expect(buildSpec(filled({ countries: [{ country: "USA", percent: "100" }] })).problems).toHaveProperty(
      "audience.countries",
    );
    expect(
      buildSpec(
        filled({
          countries: [
            { country: "us", percent: "50" },
            { country: "US", percent: "50" },
          ],
        }),
      ).problems["audience.countries"],
    ).toMatch(/twice/);
  });

  it("asks for a band or 'any age' when every age share is zero", () => {
    expect(buildSpec(filled({ anyAge: false, age: [0, 0, 0, 0, 0, 0] })).problems["audience.age"]).toMatch(
      /any age/,
    );
  });
});

describe("previewSpec", () => {
  it("ranks an unfinished draft: stand-ins for blanks, shares scaled to 100 %", () => {
    const { spec, scaled } = previewSpec({
      ...emptyDraft(),
      anyAge: false,
      age: [0, 2000, 2000, 0, 0, 0],
      commissionMax: "95",
      countries: [
        { country: "US", percent: "30" },
        { country: "", percent: "10" },
        { country: "XYZ", percent: "50" },
      ],
    });
    expect(scaled).toBe(true);
    expect(spec.name).toBe("Untitled campaign");
    expect(spec.product.price.minor).toBeGreaterThan(0);
    expect(spec.audience.age).toEqual([
      { band: "18-24", share: 5000 },
      { band: "25-34", share: 5000 },
    ]);
    expect(spec.audience.countries).toEqual([{ country: "US", share: 10000 }]);
    expect(spec.commission).toEqual({ min: 1000, max: 8000 });
    expect(buildSpec(draftFromSpec(spec)).problems).toEqual({});
  });

  it("leaves a finished draft as Save would send it", () => {
    const draft = draftFromSpec(SPEC);
    expect(previewSpec(draft)).toEqual({ spec: SPEC, scaled: false });
  });
});

describe("errors from Rust", () => {
  it("lose the field's name in front when shown beside the field", () => {
    expect(
      fieldMessage("campaign field 'audience.age' shares add up to 90.00 %, not 100 %", "audience.age"),
    ).toBe("Shares add up to 90.00 %, not 100 %.");
    expect(fieldMessage("the note is longer than 4000 characters", "note")).toBe(
      "The note is longer than 4000 characters.",
    );
  });

  it("stay beside a field until that field changes", () => {
    const draft = filled();
    const before = fieldSnapshot(draft, "commission.max");
    expect(fieldSnapshot({ ...draft, name: "Other" }, "commission.max")).toBe(before);
    expect(fieldSnapshot({ ...draft, commissionMax: "30" }, "commission.max")).not.toBe(before);
  });
});
