import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ExchangeRatesDialog from "./ExchangeRatesDialog.svelte";
import type { Conversion } from "../../lib/common/types";

afterEach(() => {
  cleanup();
  clearMocks();
});

const saved: Conversion = { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] };

describe("ExchangeRatesDialog", () => {
  it("lists the saved rate and an empty one for each missing currency", () => {
    mockIPC(() => {});
    render(ExchangeRatesDialog, {
      saved,
      currencies: ["USD", "GBP", "MYR"],
      to: "USD",
      onclose: () => {},
      onsaved: () => {},
    });
    expect(screen.getByLabelText("Convert into")).toHaveValue("USD");
    expect(screen.getByLabelText("GBP in USD")).toHaveValue("1.27");
    expect(screen.getByLabelText("MYR in USD")).toHaveValue("");
  });

  it("shows each mistake beside its field and saves nothing", async () => {
    let called = false;
    mockIPC(() => {
      called = true;
    });
    render(ExchangeRatesDialog, {
      saved,
      currencies: ["USD", "GBP", "MYR"],
      to: "USD",
      onclose: () => {},
      onsaved: () => {},
    });
    await fireEvent.input(screen.getByLabelText("MYR in USD"), { target: { value: "0,21" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save rates" }));
    const row = document.querySelector("[data-field='rates.1']");
    await waitFor(() => expect(row).toHaveTextContent("Use a point for decimals: 1.08, not 1,08"));
    expect(screen.getByLabelText("MYR in USD")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("GBP in USD")).not.toHaveAttribute("aria-invalid");
    await fireEvent.input(screen.getByLabelText("Convert into"), { target: { value: "U$" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save rates" }));
    expect(document.querySelector("[data-field='to']")).toHaveTextContent(
      "A currency is a three-letter code such as USD",
    );
    expect(called).toBe(false);
  });

  it("saves valid rates as millionths and hands them back", async () => {
    const calls: unknown[] = [];
    let result: Conversion | null | undefined;
    mockIPC((cmd, args) => {
      if (cmd !== "save_exchange_rates") throw new Error(`unexpected ${cmd}`);
      calls.push(args);
      return null;
    });
    render(ExchangeRatesDialog, {
      saved,
      currencies: ["USD", "GBP", "MYR"],
      to: "USD",
      onclose: () => {},
      onsaved: (c: Conversion | null) => (result = c),
    });
    await fireEvent.input(screen.getByLabelText("MYR in USD"), { target: { value: "0.2130" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save rates" }));
    const expected = {
      to: "USD",
      rates: [
        { from: "GBP", rate_micros: 1_270_000 },
        { from: "MYR", rate_micros: 213_000 },
      ],
    };
    await waitFor(() => expect(calls).toEqual([{ conversion: expected }]));
    expect(result).toEqual(expected);
  });

  it("shows Rust's refusal at the top of the form and marks the currency it names", async () => {
    let result: Conversion | null | undefined;
    mockIPC(() => {
      throw { code: "invalid_input", message: "GBP has more than one rate", field: "rates" };
    });
    render(ExchangeRatesDialog, {
      saved,
      currencies: ["USD", "GBP", "MYR"],
      to: "USD",
      onclose: () => {},
      onsaved: (c: Conversion | null) => (result = c),
    });
    await fireEvent.input(screen.getByLabelText("MYR in USD"), { target: { value: "0.213" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save rates" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't save the rates. GBP has more than one rate");
    // At the top of the form, before the rows, whatever field Rust named.
    const form = document.querySelector("form") as HTMLFormElement;
    expect(form.firstElementChild).toContainElement(alert);
    expect(screen.getByLabelText("Currency 1")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("GBP in USD")).toHaveAttribute("aria-describedby", "rates-refusal");
    expect(screen.getByLabelText("MYR in USD")).not.toHaveAttribute("aria-invalid");
    expect(result).toBeUndefined();
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });

  it("shows a refusal without a field at the top too, and clears it on the next try", async () => {
    let refuse = true;
    let result: Conversion | null | undefined;
    mockIPC(() => {
      if (refuse) throw { code: "io", message: "database is locked", field: null };
      return null;
    });
    render(ExchangeRatesDialog, {
      saved,
      currencies: ["USD", "GBP"],
      to: "USD",
      onclose: () => {},
      onsaved: (c: Conversion | null) => (result = c),
    });
    await fireEvent.click(screen.getByRole("button", { name: "Forget my rates" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't save the rates. database is locked");
    expect((document.querySelector("form") as HTMLFormElement).firstElementChild).toContainElement(alert);
    expect(screen.getByLabelText("GBP in USD")).not.toHaveAttribute("aria-invalid");
    refuse = false;
    await fireEvent.click(screen.getByRole("button", { name: "Save rates" }));
    await waitFor(() => expect(result).toEqual(saved));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
