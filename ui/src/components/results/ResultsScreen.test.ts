import "@testing-library/jest-dom/vitest";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ResultsScreen from "./ResultsScreen.svelte";
import { app } from "../../lib/app.svelte";
import { currencyReport, EXAMPLE, reportRow, resultsReport } from "../../lib/results/results-fixtures";
import type { ResultsQuery, ResultsReport } from "../../lib/common/types";

// jsdom has no canvas: the chart module is replaced by one that records what would be drawn.
const drawn = vi.hoisted(() => [] as { type: string }[]);
vi.mock("../../lib/results/charts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/results/charts")>();
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

/** What `tiktok_status` says; false unless a test connects the shop. */
let tiktokConnected = false;

function backend(report: (query: ResultsQuery) => ResultsReport, calls: ResultsQuery[] = []) {
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>;
    switch (cmd) {
      case "tiktok_status":
        return { connected: tiktokConnected, connection: null, access_expires_at: null };
      case "list_campaigns":
        return [];
      case "exchange_rates":
        return { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] };
      case "results_report":
        calls.push(a.query as ResultsQuery);
        return report(a.query as ResultsQuery);
      case "unattributed_orders":
        return [];
      case "unattributed_groups":
        return { total: 0, lines: 0, groups: [] };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

beforeEach(() => {
  drawn.length = 0;
  tiktokConnected = false;
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

  it("draws the weeks Rust leaves out as weeks that sold nothing", async () => {
    // Rust sends only weeks with sales or costs: Nov 9 and Nov 16 sold nothing.
    const sparse = {
      ...usd,
      over_time: [
        { week: "2026-11-02", gmv: 100_000, net_profit: 40_000 },
        { week: "2026-11-23", gmv: 29_000, net_profit: -5_000 },
      ],
    };
    backend(() => resultsReport([sparse]));
    render(ResultsScreen);
    const table = (await screen.findByText("GMV and net profit by week, USD")).closest(
      "table",
    ) as HTMLElement;
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["2026-11-02", "$1,000.00", "$400.00"],
      ["2026-11-09", "$0.00", "$0.00"],
      ["2026-11-16", "$0.00", "$0.00"],
      ["2026-11-23", "$290.00", "-$50.00"],
    ]);
    await waitFor(() => expect(drawn.some((c) => c.type === "bar")).toBe(true));
    const weekly = drawn.find(
      (c) => (c as { data?: { labels?: string[] } }).data?.labels?.[0] === "Nov 2",
    ) as unknown as { data: { labels: string[] } };
    expect(weekly.data.labels).toEqual(["Nov 2", "Nov 9", "Nov 16", "Nov 23"]);
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

  it("keeps the currencies in Rust's order (most orders first), not by GMV", async () => {
    // GBP has more orders but less GMV than USD: Rust sends it first, and so it stays.
    const busy = currencyReport("GBP", [
      reportRow("UK launch", { orders: 90, units_sold: 90, gmv: 50_000 }, { currency: "GBP" }),
    ]);
    backend(() => resultsReport([busy, usd]));
    render(ResultsScreen);
    await waitFor(() => expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2));
    const order = [...document.querySelectorAll<HTMLElement>("section[data-currency]")].map(
      (section) => section.dataset.currency,
    );
    expect(order).toEqual(["GBP", "USD"]);
    expect(screen.getByText(/Sold in 2 currencies: GBP, USD/)).toBeInTheDocument();
    const select = screen.getByRole("combobox", { name: "Currency" });
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Each currency apart", "Convert to GBP", "Convert to USD"]);
  });

  it("shows the report's notes under the tiles of its one section", async () => {
    const warnings = [
      "The product cost of 12 units of Glow Serum is not counted: no campaign names this product, so its unit cost is unknown.",
    ];
    backend(() => resultsReport([usd], { warnings }));
    render(ResultsScreen);
    const notes = await screen.findByRole("complementary", { name: "Not in these figures" });
    expect(notes).toHaveTextContent(warnings[0]!);
    const section = document.querySelector("section[data-currency=USD]") as HTMLElement;
    expect(section).toContainElement(notes);
    // Right under the tiles, before the charts and the table.
    expect(screen.getByTestId("kpi-tiles").closest(".kpis")?.nextElementSibling).toBe(notes);
  });

  it("shows the notes once, before the sections, when currencies are kept apart", async () => {
    const warnings = [
      "The product cost of 12 units of Glow Serum is not counted: no campaign names this product, so its unit cost is unknown.",
      "The 8.50 USD shipping of mia's sample is not counted: it is not in GBP, the campaign's currency.",
    ];
    backend(() => resultsReport([usd, gbp], { warnings }));
    render(ResultsScreen);
    await waitFor(() => expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2));
    const all = screen.getAllByRole("complementary", { name: "Not in these figures" });
    expect(all).toHaveLength(1);
    const notes = all[0]!;
    expect(
      within(notes)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(warnings);
    const first = document.querySelector("section[data-currency]") as HTMLElement;
    expect(first.contains(notes)).toBe(false);
    expect(notes.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows no notes when the figures leave nothing out", async () => {
    backend(() => resultsReport([usd, gbp]));
    render(ResultsScreen);
    await waitFor(() => expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2));
    expect(screen.queryByRole("complementary", { name: "Not in these figures" })).not.toBeInTheDocument();
  });

  it("says beside the currency why a conversion was refused, and keeps the currencies apart", async () => {
    const calls: ResultsQuery[] = [];
    const missing =
      "there is no exchange rate from GBP to USD: add it under Exchange rates, or keep currencies apart";
    backend((query) => {
      // Rust's refusal has no field: it names the currency in the message.
      if (query.currency === "USD") throw { code: "invalid_input", message: missing, field: null };
      return resultsReport([usd, gbp]);
    }, calls);
    render(ResultsScreen);
    const select = (await screen.findByRole("combobox", { name: "Currency" })) as HTMLSelectElement;
    await waitFor(() =>
      expect(within(select).getByRole("option", { name: "Convert to USD" })).toBeInTheDocument(),
    );
    await fireEvent.change(select, { target: { value: "USD" } });
    const alert = (await screen.findByText(/Couldn't convert into USD\./)).closest("[role=alert]");
    expect(alert).toHaveTextContent(`${missing}. Each currency is shown apart meanwhile.`);
    expect(alert).toHaveAttribute("id", "currency-error");
    expect(select).toHaveAttribute("aria-describedby", "currency-error");
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({ campaign_id: null, currency: null, from: null, to: null }),
    );
    expect(calls.map((q) => q.currency)).toEqual([null, "USD", null]);
    expect(select.value).toBe("");
    expect(document.querySelectorAll("section[data-currency]")).toHaveLength(2);
  });

  it("opens the rates for the chosen currency when Rust's saved rates convert into another", async () => {
    const calls: ResultsQuery[] = [];
    const other = "the saved exchange rates convert into EUR, not USD: change them under Exchange rates";
    // The screen loaded rates into USD; they were changed to EUR since (by the command line, say).
    backend((query) => {
      if (query.currency === "USD") throw { code: "invalid_input", message: other, field: null };
      return resultsReport([usd, gbp]);
    }, calls);
    render(ResultsScreen);
    const select = (await screen.findByRole("combobox", { name: "Currency" })) as HTMLSelectElement;
    await waitFor(() =>
      expect(within(select).getByRole("option", { name: "Convert to USD" })).toBeInTheDocument(),
    );
    await fireEvent.change(select, { target: { value: "USD" } });
    const alert = (await screen.findByText(/Couldn't convert into USD\./)).closest(
      "[role=alert]",
    ) as HTMLElement;
    expect(alert).toHaveTextContent(other);
    await fireEvent.click(within(alert).getByRole("button", { name: "Exchange rates…" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByLabelText("Convert into")).toHaveValue("USD");
  });

  it("asks for rates before converting into a currency that has none, then converts", async () => {
    let saved: unknown = null;
    const queries: ResultsQuery[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === "list_campaigns" || cmd === "unattributed_orders") return [];
      if (cmd === "unattributed_groups") return { total: 0, lines: 0, groups: [] };
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

  it("offers to sync orders from TikTok Shop only when the shop is connected", async () => {
    backend(() => resultsReport([usd]));
    render(ResultsScreen);
    await screen.findByRole("button", { name: "Export…" });
    await waitFor(() => expect(screen.getByRole("button", { name: "Export…" })).toBeEnabled());
    expect(screen.queryByRole("button", { name: "Sync from TikTok Shop…" })).toBeNull();
    cleanup();

    tiktokConnected = true;
    backend(() => resultsReport([usd]));
    render(ResultsScreen);
    await fireEvent.click(await screen.findByRole("button", { name: "Sync from TikTok Shop…" }));
    expect(screen.getByRole("heading", { name: "Sync orders from TikTok Shop" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Days of orders" })).toHaveValue("30");
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
