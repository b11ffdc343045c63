// Autosave: a debounced, strictly sequential save queue.
//
// Guarantees (tested in autosave.test.ts):
// - at most one save runs at a time, and saves happen in the order of the edits;
// - the value saved last is always the latest value given to `update` — an edit made
//   while a save is running is saved after it, never lost;
// - `flush()` (blur, leaving the editor, closing the window) saves at once and resolves
//   `true` only when everything typed so far is saved;
// - a failed save keeps the latest value dirty and reports the error; the next edit or
//   flush tries again.

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; message: string };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Autosave<T> {
  private latest: T | undefined;
  private dirty = false;
  private timer: unknown = null;
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onState: (state: SaveState) => void,
    private readonly delayMs = 400,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Whether some edit is not saved yet. */
  get hasUnsaved(): boolean {
    return this.dirty;
  }

  /** Record the latest value; it is saved `delayMs` after the last call. */
  update(value: T): void {
    this.latest = value;
    this.dirty = true;
    this.onState({ kind: "pending" });
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Save now whatever is unsaved; resolves `true` once all of it is saved. */
  flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.running) {
      // A save is in flight: wait for it, then save what was typed meanwhile.
      return this.running.then((ok) => (ok && this.dirty ? this.flush() : ok));
    }
    if (!this.dirty) return Promise.resolve(true);
    const run = this.loop();
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  /** Forget any unsaved value without saving it (the draft was replaced, e.g. restored). */
  reset(): void {
    this.cancelTimer();
    this.dirty = false;
    this.latest = undefined;
  }

  private async loop(): Promise<boolean> {
    // Stop when an edit arrived during the save and its debounce timer is running: that
    // timer saves it, so typing does not produce a version per keystroke.
    while (this.dirty && this.timer === null) {
      const value = this.latest as T;
      this.dirty = false;
      this.onState({ kind: "saving" });
      try {
        await this.save(value);
      } catch (error) {
        // Keep the value unless something newer has been typed meanwhile.
        this.dirty = true;
        this.onState({ kind: "failed", message: errorMessage(error) });
        return false;
      }
    }
    if (!this.dirty) this.onState({ kind: "saved" });
    return true;
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
  }
}

export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
