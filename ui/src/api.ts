// Typed access to the Rust commands. Argument and response types come from the
// generated bindings; errors always arrive as `IpcError { code, message }`.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { CommandName, Commands } from "./bindings/commands";
import type { ErrorCode, ExportProgress, IpcError } from "./bindings/ipc";

export type { IpcError };

/** Call a command. Rejects with an `IpcError`, whatever went wrong. */
export async function call<C extends CommandName>(
  command: C,
  args: Commands[C]["args"],
): Promise<Commands[C]["response"]> {
  try {
    return await invoke<Commands[C]["response"]>(command, { args });
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Errors from Rust are already `{ code, message }`; anything else (a bug, a refused
 * permission) becomes `internal` with its text. */
export function toIpcError(error: unknown): IpcError {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    "message" in error &&
    typeof (error as { code: unknown }).code === "string"
  ) {
    const e = error as { code: string; message: unknown };
    return { code: e.code as ErrorCode, message: String(e.message) };
  }
  return { code: "internal", message: String(error) };
}

/** Must match `CLOSE_REQUESTED_EVENT` in src-tauri/src/lib.rs. */
export const CLOSE_REQUESTED_EVENT = "mla://close-requested";

export function onCloseRequested(handler: () => void): Promise<UnlistenFn> {
  return listen(CLOSE_REQUESTED_EVENT, handler);
}

const REGISTER_PROBLEMS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "register_locked",
  "register_read_only",
  "register_not_a_database",
  "register_foreign_database",
  "register_corrupt",
  "register_cannot_open",
  "register_newer_schema",
  "register_outdated_schema",
  "register_disk_full",
  "no_data_dir",
  "register_io",
  "register_sqlite",
  "register_unavailable",
]);

/** Whether the error is about the register file rather than one draft. */
export function isRegisterProblem(error: IpcError): boolean {
  return REGISTER_PROBLEMS.has(error.code);
}

/** Must match `EXPORT_PROGRESS_EVENT` in src-tauri/src/export.rs. */
export const EXPORT_PROGRESS_EVENT = "mla://export-progress";

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>(EXPORT_PROGRESS_EVENT, (event) => handler(event.payload));
}
