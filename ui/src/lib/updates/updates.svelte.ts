// Updates: the state of the one update Scout knows about (Rust holds it; see src-tauri/src/updates.rs),
// the seller's "Check for updates", "Install" and "Restart", and the notice's "Later".
import { call, callWithProgress, toIpcError, type IpcFailure } from "../common/ipc";
import type { UpdateOverview } from "../bindings/UpdateOverview";
import type { UpdateStatus } from "../bindings/UpdateStatus";
import { noticeShows } from "./update-text";

/** How often the window asks while nothing is known yet (the daily check runs a few seconds after start). */
const EARLY_POLL_MS = 5_000;
const POLL_MS = 60_000;
/** How long after start the window asks often (the daily check is due a few seconds in). */
const EARLY_FOR_MS = 120_000;

class Updates {
  overview = $state.raw<UpdateOverview | null>(null);
  /** A refusal of the seller's request itself (an import is running, nothing to install). */
  refusal = $state.raw<IpcFailure | null>(null);
  /** The version the seller said "Later" to: its notice stays away for this session. */
  laterFor = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

  get status(): UpdateStatus {
    return this.overview?.status ?? { state: "idle" };
  }

  get showNotice(): boolean {
    return noticeShows(this.status, this.laterFor);
  }

  /** Reads the state now and keeps reading it (often at first, then once a minute). */
  watch(): () => void {
    const started = Date.now();
    const tick = async () => {
      await this.refresh();
      const waiting = this.status.state === "idle" || this.status.state === "checking";
      const early = waiting && Date.now() - started < EARLY_FOR_MS;
      this.#timer = setTimeout(() => void tick(), early ? EARLY_POLL_MS : POLL_MS);
    };
    void tick();
    return () => {
      if (this.#timer !== null) clearTimeout(this.#timer);
    };
  }

  async refresh(): Promise<void> {
    try {
      this.overview = await call<UpdateOverview>("update_status");
    } catch (reason) {
      this.refusal = toIpcError(reason);
    }
  }

  async check(): Promise<void> {
    this.refusal = null;
    this.#setStatus({ state: "checking" });
    try {
      this.overview = await call<UpdateOverview>("check_for_updates");
    } catch (reason) {
      this.refusal = toIpcError(reason);
      await this.refresh();
    }
  }

  async install(): Promise<void> {
    this.refusal = null;
    this.laterFor = null;
    try {
      this.overview = await callWithProgress<UpdateOverview, UpdateStatus>("install_update", {}, (status) =>
        this.#setStatus(status),
      );
    } catch (reason) {
      this.refusal = toIpcError(reason);
      await this.refresh();
    }
  }

  async restart(): Promise<void> {
    try {
      await call("restart_after_update");
    } catch (reason) {
      this.refusal = toIpcError(reason);
    }
  }

  later(): void {
    const status = this.status;
    this.laterFor = "update" in status && status.update ? status.update.version : null;
  }

  #setStatus(status: UpdateStatus): void {
    if (this.overview) this.overview = { ...this.overview, status };
  }
}

export const updates = new Updates();
