import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import EmailAccount from "./EmailAccount.svelte";
import FollowUpReminders from "./FollowUpReminders.svelte";
import ShopProfile from "./ShopProfile.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const problems = [
  { field: "email.host", message: "the SMTP server is empty" },
  { field: "email.postal_address", message: "a postal address is required in every commercial message" },
  { field: "email.password", message: "enter the account's password (or app password)" },
];

function fieldOf(label: string): HTMLElement {
  const field = screen.getByLabelText(label).closest<HTMLElement>("[data-field]");
  if (!field) throw new Error(`no field around ${label}`);
  return field;
}

describe("settings forms", () => {
  it("shows every problem of the e-mail account at once, each beside its field", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "email_account") return { settings: null, password_saved: false, keychain_error: null };
      if (cmd === "set_email_account")
        throw { code: "invalid_input", message: "all of it", field: "email.host", problems };
      throw new Error(`unexpected ${cmd}`);
    });
    render(EmailAccount);
    await screen.findByLabelText("SMTP server");
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(within(fieldOf("SMTP server")).getByRole("alert")).toHaveTextContent("the SMTP server is empty"),
    );
    expect(
      within(fieldOf("Postal address (required in commercial e-mail)")).getByRole("alert"),
    ).toHaveTextContent("a postal address is required");
    expect(within(fieldOf("Password or app password")).getByRole("alert")).toHaveTextContent(
      "enter the account's password",
    );
    expect(screen.queryByText("Saved")).not.toBeInTheDocument();
    expect(calls).not.toContain("set_seller_profile");
  });

  it("saves the shop's name and the reminders each on its own", async () => {
    const saved: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      if (cmd === "seller_profile") return null;
      if (cmd === "follow_up_settings") return { no_reply_days: 5 };
      if (cmd === "set_seller_profile" || cmd === "set_follow_up_settings") {
        saved.push([cmd, args]);
        if (cmd === "set_follow_up_settings")
          throw { code: "invalid_input", message: "90 days is outside 1–60", field: "no_reply_days" };
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(ShopProfile);
    render(FollowUpReminders);
    await fireEvent.input(await screen.findByLabelText("Shop name (signs every offer)"), {
      target: { value: "Glow Labs" },
    });
    const [shopSave, reminderSave] = screen.getAllByRole("button", { name: "Save" });
    await fireEvent.click(shopSave!);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Saved"));
    expect(saved).toEqual([["set_seller_profile", { profile: { name: "Glow Labs" } }]]);

    await fireEvent.input(
      await screen.findByLabelText("Remind me when an invite has no reply after (days)"),
      {
        target: { value: "90" },
      },
    );
    await fireEvent.click(reminderSave!);
    await waitFor(() =>
      expect(
        within(fieldOf("Remind me when an invite has no reply after (days)")).getByRole("alert"),
      ).toHaveTextContent("90 days is outside 1–60"),
    );
    expect(saved.map(([cmd]) => cmd)).toEqual(["set_seller_profile", "set_follow_up_settings"]);
  });
});
