import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveState } from "./autosave";

/** A save function whose calls the test resolves or rejects one by one. */
function controlledSave() {
  const calls: { value: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      calls.push({
        value,
        resolve: () => {
          concurrent -= 1;
          resolve();
        },
        reject: (e) => {
          concurrent -= 1;
          reject(e);
        },
      });
    });
  return { save, calls, maxConcurrent: () => maxConcurrent };
}

describe("Autosave", () => {
  let states: SaveState["kind"][];
  const onState = (s: SaveState) => states.push(s.kind);

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves once, with the latest value, 400 ms after the last edit", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    a.update("M");
    await vi.advanceTimersByTimeAsync(300);
    a.update("ML");
    await vi.advanceTimersByTimeAsync(300);
    a.update("MLA");
    await vi.advanceTimersByTimeAsync(399);
    expect(s.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.value)).toEqual(["MLA"]);
    s.calls[0]!.resolve();
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toBe("saved");
    expect(a.hasUnsaved).toBe(false);
  });

  it("saves an edit typed during a save after it, never two at once", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    a.update("v1");
    await vi.advanceTimersByTimeAsync(400);
    expect(s.calls).toHaveLength(1);
    // Typing goes on while the first save is in flight.
    a.update("v1 and more");
    a.update("v1 and more text");
    expect(states.at(-1)).toBe("pending");
    s.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The first save finished, but the newer text is not saved: the status must not say so.
    expect(states.at(-1)).not.toBe("saved");
    await vi.advanceTimersByTimeAsync(400);
    expect(s.calls.map((c) => c.value)).toEqual(["v1", "v1 and more text"]);
    s.calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toBe("saved");
    expect(s.maxConcurrent()).toBe(1);
  });

  it("flush saves at once and resolves only when the latest value is saved", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    a.update("a");
    await vi.advanceTimersByTimeAsync(400);
    a.update("ab"); // typed during the first save
    let done: boolean | undefined;
    void a.flush().then((ok) => (done = ok));
    s.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBeUndefined();
    expect(s.calls.map((c) => c.value)).toEqual(["a", "ab"]);
    s.calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(s.maxConcurrent()).toBe(1);
  });

  it("flush with nothing unsaved does not save", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    await expect(a.flush()).resolves.toBe(true);
    expect(s.calls).toHaveLength(0);
  });

  it("a failed save keeps the text, reports the error, and is retried by the next flush", async () => {
    const s = controlledSave();
    const seen: SaveState[] = [];
    const a = new Autosave(s.save, (st) => seen.push(st));
    a.update("facts");
    const first = a.flush();
    s.calls[0]!.reject({ code: "register_locked", message: "the register is locked" });
    await expect(first).resolves.toBe(false);
    expect(seen.at(-1)).toEqual({ kind: "failed", message: "the register is locked" });
    expect(a.hasUnsaved).toBe(true);

    const second = a.flush();
    expect(s.calls.map((c) => c.value)).toEqual(["facts", "facts"]);
    s.calls[1]!.resolve();
    await expect(second).resolves.toBe(true);
    expect(seen.at(-1)).toEqual({ kind: "saved" });
  });

  it("the value saved last is the value typed last, whatever the timing", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    const typed: string[] = [];
    let text = "";
    // 60 keystrokes at irregular intervals; saves take 0–250 ms to finish.
    for (let i = 0; i < 60; i++) {
      text += String.fromCharCode(97 + (i % 26));
      typed.push(text);
      a.update(text);
      await vi.advanceTimersByTimeAsync((i * 37) % 500);
      for (const c of s.calls) c.resolve();
    }
    const flushed = a.flush();
    for (let i = 0; i < 5; i++) {
      for (const c of s.calls) c.resolve();
      await vi.advanceTimersByTimeAsync(250);
    }
    await expect(flushed).resolves.toBe(true);
    const saved = s.calls.map((c) => c.value);
    expect(saved.at(-1)).toBe(typed.at(-1));
    // Saves follow typing order: each saved value extends the previous one.
    for (let i = 1; i < saved.length; i++) {
      expect(saved[i]!.startsWith(saved[i - 1]!)).toBe(true);
    }
    expect(s.maxConcurrent()).toBe(1);
    // Debounced: far fewer saves than keystrokes.
    expect(saved.length).toBeLessThan(typed.length);
  });

  it("reset drops the pending value without saving it", async () => {
    const s = controlledSave();
    const a = new Autosave(s.save, onState);
    a.update("to be replaced by a restored version");
    a.reset();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.calls).toHaveLength(0);
    expect(a.hasUnsaved).toBe(false);
  });
});
