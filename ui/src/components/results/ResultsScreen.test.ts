import "@testing-library/jest-dom/vitest";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ResultsScreen from "./ResultsScreen.svelte";
import { app } from "../../lib/app.svelte";
import { currencyReport, EXAMPLE, reportRow, resultsReport } from "../../lib/results-fixtures";
import type { ResultsQuery, ResultsReport } from "../../lib/types";

// jsdom has no canvas: the chart module is replaced by one that records what would be drawn.
const drawn = vi.hoisted(() => [] as { type: string }[]);
vi.mock("../../lib/charts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/charts")>();
  return {
    ...actual,
    loadChart: async () =>
      class FakeChart {
        constructor(_canvas: unknown, config: { type: string }) {
          drawn.push(config);
        }
        destroy() {}
      },
  };
});

const usd = currencyReport("USD", [
  reportRow("Glow serum launch", { ...EXAMPLE }, { group: "campaign" }),
  reportRow(
    "Protein bar",
    { orders: 3, units_sold: 3, gmv: 9_000, flat_fees: 50_000 },
    { group: "campaign" },
  ),
]);
const gbp = currencyReport("GBP", [
  reportRow("UK launch", { orders: 5, units_sold: 5, gmv: 50_000, sample_cost: 1_000 }, { currency: "GBP" }),
]);

function backend(report: (query: ResultsQuery) => ResultsReport, calls: ResultsQuery[] = []) {
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>;
    switch (cmd) {
      case "list_campaigns":
        return [];
      case "exchange_rates":
        return { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] };
      case "results_report":
        calls.push(a.query as ResultsQuery);
        return report(a.query as ResultsQuery);
      case "unattributed_orders":
        return [];
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

beforeEach(() => {
  drawn.length = 0;
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("ResultsScreen", () => {
  it("keeps each currency in its own section and never adds them together", async () => {
    backend(() => resultsReport([usd, gbp]));
    render(ResultsScreen);
    await waitFor(() => expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2));
    const [first, second] = [...document.querySelectorAll<HTMLElement>("section[data-currency]")];
    expect(first?.dataset.currency).toBe("USD");
    expect(second?.dataset.currency).toBe("GBP");
    expect(within(first!).getByRole("heading", { level: 2 })).toHaveTextContent("USD");
    expect(first!.querySelector("[data-kpi=gmv]")).toHaveTextContent("$1,290.00");
    expect(second!.querySelector("[data-kpi=gmv]")).toHaveTextContent("£500.00");
    // 1,290.00 + 500.00 appears nowhere: there is no cross-currency total.
    expect(document.body.textContent).not.toMatch(/1,790/);
    expect(screen.getByText(/Sold in 2 currencies: USD, GBP/)).toBeInTheDocument();
    // Each section drew its own weekly and ROI chart, and the funnel was drawn once.
    await waitFor(() => expect(drawn).toHaveLength(5));
  });

  it("shows each figure's formula on hover", async () => {
    backend(() => resultsReport([usd]));
    render(ResultsScreen);
    const tile = await waitFor(() => {
      const found = document.querySelector("[data-kpi=net_profit]");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(tile.title).toContain(`Net profit = ${usd.total.net.net_profit.formula}`);
    expect(document.querySelector("[data-kpi=roi]")).toHaveAttribute("title", usd.total.net.roi_formula);
    const row = screen.getByRole("rowheader", { name: "Glow serum launch" }).closest("tr") as HTMLElement;
    const cells = within(row).getAllByRole("cell");
    expect(cells[2]).toHaveTextContent("$1,200.00");
    expect(cells[2]).toHaveAttribute("title", "sum of 38 orders' payments = $1,200.00");
    expect(cells[8]).toHaveAttribute(
      "title",
      "ROI = net profit 492.50 USD ÷ creator cost 385.50 USD = 127.76 %",
    );
  });

  it("sorts the table by the column clicked, and back", async () => {
    backend(() => resultsReport([usd]));
    render(ResultsScreen);
    const names = () => screen.getAllByRole("rowheader").map((cell) => cell.textContent?.trim());
    await waitFor(() => expect(names()).toEqual(["Glow serum launch", "Protein bar", "Total"]));
    const header = screen.getByRole("button", { name: "Flat fees" });
    await fireEvent.click(header);
    expect(names()).toEqual(["Protein bar", "Glow serum launch", "Total"]);
    expect(header.closest("th")).toHaveAttribute("aria-sort", "descending");
    await fireEvent.click(header);
    expect(names()).toEqual(["Glow serum launch", "Protein bar", "Total"]);
    expect(header.closest("th")).toHaveAttribute("aria-sort", "ascending");
    await fireEvent.click(screen.getByRole("tab", { name: /By creator/ }));
    expect(screen.getByRole("tab", { name: /By creator/ })).toHaveAttribute("aria-selected", "true");
    await fireEvent.keyDown(screen.getByRole("tablist"), { key: "ArrowRight" });
    expect(screen.getByRole("tab", { name: /By product/ })).toHaveAttribute("aria-selected", "true");
  });

  it("says beside the currency why a conversion was refused, and keeps the currencies apart", async () => {
    const calls: ResultsQuery[] = [];
    backend((query) => {
      if (query.currency === "USD") {
        throw { code: "invalid_input", message: "no exchange rate from MYR to USD", field: "currency" };
      }
      return resultsReport([usd, gbp]);
    }, calls);
    render(ResultsScreen);
    const select = (await screen.findByRole("combobox", { name: "Currency" })) as HTMLSelectElement;
    await waitFor(() =>
      expect(within(select).getByRole("option", { name: "Convert to USD" })).toBeInTheDocument(),
    );
    await fireEvent.change(select, { target: { value: "USD" } });
    const alert = await screen.findByText(/Couldn't convert into USD:/);
    expect(alert.closest("[role=alert]")).toHaveTextContent("no exchange rate from MYR to USD");
    await waitFor(() => expect(calls.at(-1)).toEqual({ campaign_id: null, currency: null }));
    expect(calls.map((q) => q.currency)).toEqual([null, "USD", null]);
    expect(select.value).toBe("");
    expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2);
  });

  it("asks for rates before converting into a currency that has none, then converts", async () => {
    let saved: unknown = null;
    const queries: ResultsQuery[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === "list_campaigns" || cmd === "unattributed_orders") return [];
      if (cmd === "exchange_rates") return saved;
      if (cmd === "save_exchange_rates") {
        saved = a.conversion;
        return null;
      }
      if (cmd === "results_report") {
        const query = a.query as ResultsQuery;
        queries.push(query);
        return query.currency === "USD"
          ? resultsReport([currencyReport("USD", usd.by_campaign)], {
              conversion: { to: "USD", rates: [{ from: "GBP", rate_micros: 1_250_000 }] },
            })
          : resultsReport([usd, gbp]);
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(ResultsScreen);
    const select = (await screen.findByRole("combobox", { name: "Currency" })) as HTMLSelectElement;
    await waitFor(() =>
      expect(within(select).getByRole("option", { name: "Convert to USD" })).toBeInTheDocument(),
    );
    await fireEvent.change(select, { target: { value: "USD" } });
    const dialog = await screen.findByRole("dialog");
    expect(queries.map((q) => q.currency)).toEqual([null]);
    await fireEvent.input(within(dialog).getByLabelText("GBP in USD"), { target: { value: "1.25" } });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Save rates" }));
    expect(await screen.findByText(/Converted into/)).toHaveTextContent("1 GBP = 1.25 USD");
    expect(saved).toEqual({ to: "USD", rates: [{ from: "GBP", rate_micros: 1_250_000 }] });
    expect(queries.map((q) => q.currency)).toEqual([null, "USD"]);
    expect(select.value).toBe("USD");
    expect(document.querySelectorAll("section[data-currency]")).toHaveLength(1);
  });

  it("teaches what the screen is for when there are no orders yet", async () => {
    backend(() => resultsReport([], { funnel: { ...resultsReport([]).funnel, shortlisted: 0 } }));
    render(ResultsScreen);
    expect(await screen.findByText("Did your collaborations pay off?")).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: /Import results…/ })).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Export…" })).toBeDisabled();
  });

  it("suggests retraining calmly and links to Settings", async () => {
    backend(() =>
      resultsReport([usd], { learning: { outcomes: 60, new_since_training: 24, suggest_retrain: true } }),
    );
    app.screen = "results";
    render(ResultsScreen);
    expect(
      await screen.findByText(/24 new outcomes since the model was trained — retrain in Settings/),
    ).toBeVisible();
    await fireEvent.click(screen.getByRole("button", { name: "Open Settings" }));
    expect(app.screen).toBe("settings");
  });

  it("shows a failed report next to where it happened, with a retry", async () => {
    let fail = true;
    backend(() => {
      if (fail) throw { code: "workspace", message: "no workspace is open", field: null };
      return resultsReport([usd]);
    });
    render(ResultsScreen);
    const note = await screen.findByRole("alert");
    expect(note).toHaveTextContent("Couldn't load the results. no workspace is open");
    fail = false;
    await fireEvent.click(within(note).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(document.querySelectorAll("section[data-currency]")).toHaveLength(1));
  });
});
