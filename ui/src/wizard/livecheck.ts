// The live check: runs the checker on every change, one call at a time, and shows the
// newest answer only. While a call runs, further edits wait as one pending call (the
// latest request); an answer older than what is already shown, or from before a reset
// (another draft, another language), is ignored.
//
// It also measures, for every edit, the time from the input event to the checklist that
// includes it being painted, kept in a small ring buffer (`latencies()`), which the
// end-to-end latency test reads.

export interface Clock {
  now(): number;
  /** Run `fn` once the current frame has been painted. */
  afterPaint(fn: () => void): void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  afterPaint: (fn) => requestAnimationFrame(() => setTimeout(fn, 0)),
};

export const LATENCY_SAMPLES = 512;

export class LiveCheck<Req, Resp> {
  private generation = 0;
  private seq = 0;
  private shownSeq = 0;
  private running = false;
  private pending: { req: Req; seq: number } | null = null;
  /** Input times of edits not yet covered by a painted answer, with their sequence. */
  private waiting: { seq: number; at: number }[] = [];
  private readonly ring: number[] = [];
  private readonly trips: number[] = [];
  private readonly paints: number[] = [];
  private readonly waits: number[] = [];

  constructor(
    private readonly run: (req: Req) => Promise<Resp>,
    private readonly show: (resp: Resp) => void,
    private readonly fail: (error: unknown) => void,
    private readonly clock: Clock = browserClock,
  ) {}

  /** Check `req` (the request as it is after the edit made at time `inputAt`). */
  update(req: Req, inputAt?: number): void {
    const seq = ++this.seq;
    // How long the edit took to reach the check (event dispatch, handlers, copies).
    if (inputAt !== undefined) push(this.waits, this.clock.now() - inputAt);
    if (inputAt !== undefined) this.waiting.push({ seq, at: inputAt });
    if (this.running) {
      this.pending = { req, seq };
      return;
    }
    void this.start(req, seq);
  }

  /** Forget everything in flight: answers to earlier calls will be ignored. */
  reset(): void {
    this.generation++;
    this.pending = null;
    this.waiting = [];
    this.shownSeq = this.seq;
  }

  /** Keystroke → painted checklist times, oldest first (at most LATENCY_SAMPLES). */
  latencies(): number[] {
    return [...this.ring];
  }

  private async start(req: Req, seq: number): Promise<void> {
    this.running = true;
    const generation = this.generation;
    const started = this.clock.now();
    try {
      const resp = await this.run(req);
      push(this.trips, this.clock.now() - started);
      if (generation === this.generation && seq > this.shownSeq) {
        this.shownSeq = seq;
        this.show(resp);
        const shown = this.clock.now();
        const covered = this.waiting.filter((w) => w.seq <= seq);
        this.waiting = this.waiting.filter((w) => w.seq > seq);
        if (covered.length > 0) {
          this.clock.afterPaint(() => {
            const painted = this.clock.now();
            push(this.paints, painted - shown);
            for (const w of covered) this.record(painted - w.at);
          });
        }
      }
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    } finally {
      this.running = false;
    }
    const next = this.pending;
    this.pending = null;
    if (next) void this.start(next.req, next.seq);
  }

  /** How long each check took, call to answer (at most LATENCY_SAMPLES). */
  roundTrips(): number[] {
    return [...this.trips];
  }

  /** Checklist drawn → painted (at most LATENCY_SAMPLES). */
  paintTimes(): number[] {
    return [...this.paints];
  }

  /** Input event → edit handed to the check (at most LATENCY_SAMPLES). */
  inputWaits(): number[] {
    return [...this.waits];
  }

  private record(ms: number): void {
    push(this.ring, ms);
  }
}

function push(ring: number[], value: number): void {
  ring.push(value);
  if (ring.length > LATENCY_SAMPLES) ring.shift();
}

/** The p-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}
