// The one caller of Rust: `call` invokes a command the shell registers, `callWithProgress` one that
// reports progress through a Channel. Every rejection becomes an `IpcFailure`, which is an
// `IpcError { code, message, field, problems }`. Each area's typed commands (docs/ipc-contract.md) are in its
// service: app.svelte.ts (workspace), creators/, import/, campaigns/, outreach/, pipeline/, results/.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { Command } from "../bindings/commands";
import type { FieldProblem, IpcError, IpcErrorCode } from "./types";

// Every code Rust sends (a Record, so a code added in Rust fails the type check until it is here).
const KNOWN_CODES: Record<IpcErrorCode, true> = {
  not_found: true,
  invalid_input: true,
  import_failed: true,
  cancelled: true,
  workspace: true,
  io: true,
  keychain: true,
  network: true,
  rate_limited: true,
  reauthorize: true,
  quota: true,
  sign_in: true,
  busy: true,
  refused_by_service: true,
  internal: true,
};
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

/**
 * A rejected command. It is an `Error` (so it keeps a stack) and an `IpcError` (so screens can branch on
 * `code`, and show an invalid input next to its `field`: "audience.age", "commission.max", …).
 */
export class IpcFailure extends Error implements IpcError {
  readonly code: IpcErrorCode;
  readonly field: string | null;
  /** Every field at fault, each with its message (a form shows each beside its field). */
  readonly problems: FieldProblem[];

  constructor(
    code: IpcErrorCode,
    message: string,
    field: string | null = null,
    problems: FieldProblem[] = field === null ? [] : [{ field, message }],
  ) {
    super(message);
    this.name = "IpcFailure";
    this.code = code;
    this.field = field;
    this.problems = problems;
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== "object" || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === "string" && typeof message === "string";
}

type ReceivedError = Pick<IpcError, "code" | "message"> & {
  field?: string | null;
  problems?: FieldProblem[];
};

/** `{ code, message }` with a known code; `field` and `problems`, when present, well formed. */
function isIpcError(value: unknown): value is ReceivedError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message, field, problems } = value as Record<string, unknown>;
  return (
    typeof code === "string" &&
    ERROR_CODES.has(code) &&
    typeof message === "string" &&
    (field === undefined || field === null || typeof field === "string") &&
    (problems === undefined || (Array.isArray(problems) && problems.every(isFieldProblem)))
  );
}

/** Whatever a command (or a dialog) rejected with, as an `IpcFailure`; unknown shapes become code "internal". */
export function toIpcError(reason: unknown): IpcFailure {
  if (reason instanceof IpcFailure) return reason;
  if (isIpcError(reason))
    return new IpcFailure(reason.code, reason.message, reason.field ?? null, reason.problems);
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
