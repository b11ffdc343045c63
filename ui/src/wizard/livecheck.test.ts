import { describe, expect, it } from "vitest";
import { LATENCY_SAMPLES, LiveCheck, percentile, type Clock } from "./livecheck";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function fakeClock() {
  let now = 0;
  const painted: (() => void)[] = [];
  const clock: Clock = { now: () => now, afterPaint: (fn) => painted.push(fn) };
  return {
    clock,
    set: (t: number) => { now = t; },
    paint: () => { for (const fn of painted.splice(0)) fn(); },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("the live check", () => {
  it("runs one check at a time, then only the latest of what was typed meanwhile", async () => {
    const calls: { req: string; d: ReturnType<typeof deferred<string>> }[] = [];
    const shown: string[] = [];
    const live = new LiveCheck<string, string>((req) => {
      const d = deferred<string>();
      calls.push({ req, d });
      return d.promise;
    }, (r) => shown.push(r), () => {}, fakeClock().clock);
    live.update("a");
    live.update("ab");
    live.update("abc");
    expect(calls.map((c) => c.req)).toEqual(["a"]);
    calls[0]!.d.resolve("A");
    await tick();
    expect(shown).toEqual(["A"]);
    expect(calls.map((c) => c.req)).toEqual(["a", "abc"]);
    calls[1]!.d.resolve("ABC");
    await tick();
    expect(shown).toEqual(["A", "ABC"]);
  });

  it("ignores an answer from before a reset (another language or draft)", async () => {
    const d = deferred<string>();
    const shown: string[] = [];
    const failures: unknown[] = [];
    const live = new LiveCheck<string, string>(() => d.promise, (r) => shown.push(r), (e) => failures.push(e), fakeClock().clock);
    live.update("en");
    live.reset();
    d.resolve("stale");
    await tick();
    expect(shown).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("reports a failed check, and keeps checking afterwards", async () => {
    let n = 0;
    const shown: string[] = [];
    const failures: unknown[] = [];
    const live = new LiveCheck<string, string>(async (req) => {
      if (n++ === 0) throw { code: "internal", message: "boom" };
      return req.toUpperCase();
    }, (r) => shown.push(r), (e) => failures.push(e), fakeClock().clock);
    live.update("x");
    await tick();
    live.update("y");
    await tick();
    expect(failures).toHaveLength(1);
    expect(shown).toEqual(["Y"]);
  });

  it("measures input → painted checklist for every edit the painted answer covers", async () => {
    const c = fakeClock();
    const d1 = deferred<string>();
    const d2 = deferred<string>();
    const answers = [d1, d2];
    const live = new LiveCheck<string, string>(() => answers.shift()!.promise, () => {}, () => {}, c.clock);
    live.update("a", 10);
    live.update("ab", 12);
    live.update("abc", 15);
    d1.resolve("A");
    await tick();
    c.set(40);
    c.paint();
    expect(live.latencies()).toEqual([30]);
    d2.resolve("ABC");
    await tick();
    c.set(50);
    c.paint();
    expect(live.latencies()).toEqual([30, 38, 35]);
  });

  it("keeps at most LATENCY_SAMPLES samples and computes percentiles", async () => {
    const c = fakeClock();
    const live = new LiveCheck<number, number>(async (n) => n, () => {}, () => {}, c.clock);
    for (let i = 0; i < LATENCY_SAMPLES + 10; i++) {
      live.update(i, 0);
      await tick();
      c.set(i);
      c.paint();
    }
    expect(live.latencies()).toHaveLength(LATENCY_SAMPLES);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });
});
