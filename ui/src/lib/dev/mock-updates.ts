// The mock backend's updates: Scout 0.1.0 up to date, or with ?mockUpdate=1 a 0.2.0 to install whose
// download runs for a few seconds and then asks for a restart.
import type { Channel } from "@tauri-apps/api/core";
import type { Command } from "../bindings/commands";
import type { UpdateOverview } from "../bindings/UpdateOverview";
import type { UpdateStatus } from "../bindings/UpdateStatus";
import type { UpdateInfo } from "../bindings/UpdateInfo";
import { sleep } from "./mock-common";

export const NOT_UPDATES = Symbol("not an updates command");
/** Updates are the app's, not a workspace's: they answer with no workspace open. */
export const UPDATE_COMMANDS: ReadonlySet<string> = new Set([
  "update_status",
  "check_for_updates",
  "install_update",
  "restart_after_update",
] satisfies Command[]);

const next: UpdateInfo = {
  version: "0.2.0",
  date: "2026-12-06T09:00:00Z",
  notes: "Backups of your workspace every day.\nFaster creator imports.\nFixes: long names in the board.",
};
let status: UpdateStatus = { state: "idle" };
let lastCheck: string | null = null;

function overview(): UpdateOverview {
  return { current_version: "0.1.0", status, last_check: lastCheck };
}

export async function mockUpdates(
  command: string,
  args: Record<string, unknown>,
  withUpdate: boolean,
): Promise<UpdateOverview | typeof NOT_UPDATES> {
  switch (command) {
    case "update_status":
      return overview();
    case "check_for_updates":
      await sleep(600);
      lastCheck = new Date().toISOString();
      status = withUpdate ? { state: "available", update: next } : { state: "up_to_date" };
      return overview();
    case "install_update": {
      const channel = args.onProgress as Channel<UpdateStatus>;
      const total = 14_200_000;
      for (let downloaded = 0; downloaded <= total; downloaded += 1_420_000) {
        status = { state: "downloading", update: next, downloaded, total };
        channel.onmessage(status);
        await sleep(300);
      }
      status = { state: "installed", update: next };
      channel.onmessage(status);
      return overview();
    }
    default:
      return NOT_UPDATES;
  }
}
