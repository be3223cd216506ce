import { describe, expect, it } from "vitest";
import { routeError, settingsFix } from "./field-errors";
import { IpcFailure } from "./ipc";

describe("routeError", () => {
  it("puts a refusal beside a field the form shows, and in a note with a way there otherwise", () => {
    const owned = ["terms.commission"];
    expect(routeError(new IpcFailure("invalid_input", "too high", "terms.commission"), owned)).toEqual({
      kind: "field",
      field: "terms.commission",
      message: "too high",
    });
    const elsewhere = routeError(
      new IpcFailure("invalid_input", "set your shop's name", "seller.name"),
      owned,
    );
    expect(elsewhere.kind).toBe("note");
    expect(elsewhere.kind === "note" && elsewhere.fix?.label).toBe("Set the shop's name in Settings");
    const unknown = routeError(new IpcFailure("invalid_input", "odd", "something.else"), owned);
    expect(unknown.kind === "note" && unknown.fix).toBeNull();
  });

  it("knows which settings own which fields", () => {
    expect(settingsFix("email.account.host")?.section).toBe("E-mail account");
    expect(settingsFix("tiktok.app_key")?.section).toBe("TikTok Shop");
    expect(settingsFix(null)).toBeNull();
  });
});
