import { describe, expect, it } from "vitest";
import { routeError, settingsFix } from "./field-errors";
import { IpcFailure } from "./ipc";

describe("routeError", () => {
  it("puts a refusal beside a field the form shows, and in a note with a way there otherwise", () => {
    const owned = ["terms.commission"];
    expect(routeError(new IpcFailure("invalid_input", "too high", "terms.commission"), owned)).toEqual({
      fields: { "terms.commission": "too high" },
      note: null,
    });
    const elsewhere = routeError(
      new IpcFailure("invalid_input", "set your shop's name", "seller.name"),
      owned,
    );
    expect(elsewhere.fields).toEqual({});
    expect(elsewhere.note?.fix?.label).toBe("Set the shop's name in Settings");
    const unknown = routeError(new IpcFailure("invalid_input", "odd", "something.else"), owned);
    expect(unknown.note?.fix).toBeNull();
    const noField = routeError(new IpcFailure("network", "no connection"), owned);
    expect(noField.note?.error.message).toBe("no connection");
  });

  it("shows every problem of a form's check at once, and notes only those the form does not show", () => {
    const problems = [
      { field: "email.host", message: "the SMTP server is empty" },
      { field: "email.postal_address", message: "a postal address is required" },
      { field: "seller.name", message: "the shop's name is empty" },
    ];
    const failure = new IpcFailure("invalid_input", "all of it", "email.host", problems);
    const routed = routeError(failure, ["email.host", "email.postal_address"]);
    expect(routed.fields).toEqual({
      "email.host": "the SMTP server is empty",
      "email.postal_address": "a postal address is required",
    });
    expect(routed.note?.error.message).toBe("the shop's name is empty");
    expect(routed.note?.fix).toEqual({ label: "Set the shop's name in Settings", field: "seller.name" });
    expect(routeError(failure, ["email.host", "email.postal_address", "seller.name"]).note).toBeNull();
  });

  it("knows which settings own which fields", () => {
    expect(settingsFix("email.account")).toEqual({
      label: "Set up e-mail in Settings",
      field: "email.account",
    });
    expect(settingsFix("tiktok.app_key")?.label).toBe("Open TikTok Shop in Settings");
    expect(settingsFix("terms.commission")).toBeNull();
    expect(settingsFix(null)).toBeNull();
  });
});
