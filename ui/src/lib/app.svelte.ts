// What the whole window shares, and the workspace's service: the open workspace (its commands: what is
// open, opening another, loading the demo), the current screen, and signals between screens (the data
// changed; focus the search box; start an import).
import { pickImportFile } from "./common/dialogs";
import { call, toIpcError, type IpcFailure } from "./common/ipc";
import type { ImportReport, WorkspaceInfo } from "./common/types";

export function workspaceInfo(): Promise<WorkspaceInfo> {
  return call("workspace_info");
}

/** Opens the workspace file at `path` (a `.scout` or `.db` file), creating it if missing. */
export function openWorkspace(path: string): Promise<WorkspaceInfo> {
  return call("open_workspace", { path });
}

/** Imports the bundled synthetic demo creators into the open workspace (one report per demo file). */
export function loadDemoWorkspace(): Promise<ImportReport[]> {
  return call("load_demo_workspace");
}

/** How often the window asks whether a large import's sort indexes are built yet. */
export const INDEX_WATCH_MS = 2000;

export type Screen =
  | "creators"
  | "marketplace"
  | "campaigns"
  | "outreach"
  | "pipeline"
  | "samples"
  | "inbox"
  | "results"
  | "settings";

class AppState {
  screen = $state<Screen>("creators");
  workspace = $state<WorkspaceInfo | null>(null);
  workspaceError = $state<IpcFailure | null>(null);
  /** Bumped whenever the creators in the workspace may have changed. */
  dataVersion = $state(0);
  /** Bumped to ask the Creators screen to focus its search box. */
  searchRequest = $state(0);
  /** The file being imported; the import panel is open while this is set. */
  importPath = $state<string | null>(null);
  importPickError = $state<IpcFailure | null>(null);
  /** The Settings field to bring into view and focus ("seller.name"), set by a way to fix a refusal. */
  settingsField = $state<string | null>(null);

  /** Re-reads the workspace while a large import's sort indexes build in the background. */
  #indexWatch: ReturnType<typeof setTimeout> | null = null;

  async refreshWorkspace() {
    try {
      this.#show(await workspaceInfo());
    } catch (reason) {
      this.workspaceError = toIpcError(reason);
    }
  }

  /** After an import, the demo, or a workspace switch: every screen reloads what it shows. */
  async dataChanged(workspace?: WorkspaceInfo) {
    this.dataVersion += 1;
    if (workspace) {
      this.#show(workspace);
    } else {
      await this.refreshWorkspace();
    }
  }

  #show(workspace: WorkspaceInfo) {
    this.workspace = workspace;
    this.workspaceError = null;
    if (this.#indexWatch !== null) clearTimeout(this.#indexWatch);
    this.#indexWatch = workspace.sort_indexes_building
      ? setTimeout(() => void this.refreshWorkspace(), INDEX_WATCH_MS)
      : null;
  }

  focusSearch() {
    this.screen = "creators";
    this.searchRequest += 1;
  }

  /** Opens Settings at `field` (as Rust names it): a refusal's way to the setting it is about. */
  openSettings(field: string | null = null) {
    this.settingsField = field;
    this.screen = "settings";
  }

  /** Asks for a file, then opens the import panel on it. */
  async startImport() {
    this.importPickError = null;
    try {
      const path = await pickImportFile();
      if (path !== null) this.importPath = path;
    } catch (reason) {
      this.importPickError = toIpcError(reason);
    }
  }

  closeImport() {
    this.importPath = null;
  }
}

export const app = new AppState();
