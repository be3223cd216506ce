// What a person can do about each kind of failure, shown under the message itself.
import type { IpcErrorCode } from "./types";

export const ERROR_ADVICE: Record<IpcErrorCode, string> = {
  not_found: "It may have been removed by another import. Refresh the list and try again.",
  invalid_input: "Check the values you entered and try again.",
  import_failed:
    "Check that the file is a creator list (CSV, TSV or Excel) and not open in another program, then try again.",
  cancelled: "Nothing more will happen; you can start again whenever you like.",
  workspace: "Open another workspace or create a new one in Settings.",
  io: "Check that the file or folder exists and that Scout is allowed to read and write there.",
  keychain:
    "Scout keeps passwords only in your system keychain. Make sure it is running and unlocked, then try again.",
  network: "Scout could not reach the service. Check your internet connection, then try again.",
  rate_limited:
    "The service asked Scout to slow down or is briefly unavailable. Nothing was lost: try again in a few minutes.",
  reauthorize: "The connection needs your authorization again: reconnect it in Settings.",
  quota: "The outreach quota is used up for this period. Queued offers wait and go out when it starts again.",
  sign_in:
    "The mail server needs the account's password: enter it again in Settings → E-mail. Queued offers wait; nothing is lost.",
  busy: "Another Scout (a second window or the command line) is sending this workspace's offers. Wait until it has finished; nothing is lost.",
  refused_by_service: "The service refused this for the reason above: change what it names, then try again.",
  internal:
    "This is a problem in Scout itself. Try again; if it keeps happening, the log file has the details.",
};

/** The one action that helps, by code: where to go to fix it. */
export const ERROR_ACTION: Partial<Record<IpcErrorCode, { label: string; screen: "settings" }>> = {
  reauthorize: { label: "Open Settings", screen: "settings" },
  keychain: { label: "Open Settings", screen: "settings" },
  sign_in: { label: "Open Settings", screen: "settings" },
};
