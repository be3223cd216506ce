// DEVELOPMENT ONLY — what every part of the in-browser mock backend shares: a refusal shaped like Rust's
// `IpcError`, and a pause standing in for the work Rust does.
import type { IpcError } from "../common/types";

export function fail(code: IpcError["code"], message: string, field: string | null = null): never {
  throw { code, message, field, problems: field === null ? [] : [{ field, message }] } satisfies IpcError;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
