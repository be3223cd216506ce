// The one caller of Rust: `call` invokes a command the shell registers, `callWithProgress` one that
// reports progress through a Channel. Every rejection becomes an `IpcFailure`, which is an
// `IpcError { code, message, field }`. Each area's typed commands (docs/ipc-contract.md) are in its
// service: app.svelte.ts (workspace), creators/, import/, campaigns/, outreach/, pipeline/, results/.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { Command } from "../bindings/commands";
import type { IpcError, IpcErrorCode } from "./types";

const ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>([
  "not_found",
  "invalid_input",
  "import_failed",
  "cancelled",
  "workspace",
  "io",
  "keychain",
  "internal",
]);

/**
 * A rejected command. It is an `Error` (so it keeps a stack) and an `IpcError` (so screens can branch on
 * `code`, and show an invalid input next to its `field`: "audience.age", "commission.max", …).
 */
export class IpcFailure extends Error implements IpcError {
  readonly code: IpcErrorCode;
  readonly field: string | null;

  constructor(code: IpcErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "IpcFailure";
    this.code = code;
    this.field = field;
  }
}

/** `{ code, message }` with a known code; `field`, when present, is a string or null. */
function isIpcError(value: unknown): value is Omit<IpcError, "field"> & { field?: string | null } {
  if (typeof value !== "object" || value === null) return false;
  const { code, message, field } = value as Record<string, unknown>;
  return (
    typeof code === "string" &&
    ERROR_CODES.has(code) &&
    typeof message === "string" &&
    (field === undefined || field === null || typeof field === "string")
  );
}

/** Whatever a command (or a dialog) rejected with, as an `IpcFailure`; unknown shapes become code "internal". */
export function toIpcError(reason: unknown): IpcFailure {
  if (reason instanceof IpcFailure) return reason;
  if (isIpcError(reason)) return new IpcFailure(reason.code, reason.message, reason.field ?? null);
  if (reason instanceof Error) return new IpcFailure("internal", reason.message || reason.name);
  if (typeof reason === "string") return new IpcFailure("internal", reason);
  let text: string;
  try {
    text = JSON.stringify(reason) ?? String(reason);
  } catch {
    text = String(reason);
  }
  return new IpcFailure("internal", `Unexpected error: ${text}`);
}

/** Calls a command the shell registers (`Command` is generated from its handler list). */
export async function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/** The same for a command that reports progress: `onProgress` hears each message of its `onProgress`
 * Channel until the command resolves. */
export function callWithProgress<T, P>(
  command: Command,
  args: Record<string, unknown>,
  onProgress: (progress: P) => void,
): Promise<T> {
  return call(command, { ...args, onProgress: new Channel<P>(onProgress) });
}
