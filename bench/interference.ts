/**
 * What else happened while a set of queries was timed: the garbage collector's pauses and the
 * pages read from disk. A single run's tail is made of these as much as of the code, and on a
 * machine whose page cache holds less than the indexes a timed pass can read from disk; the
 * report says when it did.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { type Latency, measure, quantile } from "./latency.js";

export interface Interference {
  /** Collections (scavenges and full) that ended during the timed pass. */
  gcPauses: number;
  /** Their pauses, summed, in ms. */
  gcMs: number;
  /** Queries at or above the pass's p99 … */
  tailQueries: number;
  /** … and how many of them a collection ran in. */
  tailWithGc: number;
  /** Major page faults (pages read from disk) of the process during the pass. */
  majorFaults: number;
}

/**
 * Records a timed pass: `begin` before its first query, `query` around each, `end` after the last
 * (collections are reported by the observer after the synchronous pass, so `end` waits a turn).
 */
export class PassObserver {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly entries: { startTime: number; duration: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.entries.push({ startTime: entry.startTime, duration: entry.duration });
  });
  private faultsBefore = 0;
  private recording = false;

  begin(): void {
    this.observer.observe({ entryTypes: ["gc"] });
    this.faultsBefore = process.resourceUsage().majorPageFault;
    this.recording = true;
  }

  /** `fn(input)` timed into the pass when it is recording, else just run (a warm-up). No closure per query. */
  query<T>(fn: (input: T) => unknown, input: T): void {
    if (!this.recording) {
      fn(input);
      return;
    }
    this.starts.push(performance.now());
    fn(input);
    this.ends.push(performance.now());
  }

  async end(): Promise<Interference> {
    this.recording = false;
    const majorFaults = process.resourceUsage().majorPageFault - this.faultsBefore;
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.observer.disconnect();
    const times = this.starts.map((start, i) => this.ends[i]! - start);
    const p99 = times.length > 0 ? quantile(times, 0.99) : 0;
    let tailQueries = 0;
    let tailWithGc = 0;
    times.forEach((time, i) => {
      if (time < p99) return;
      tailQueries++;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      if (this.entries.some((gc) => gc.startTime < end && gc.startTime + gc.duration > start)) tailWithGc++;
    });
    return {
      gcPauses: this.entries.length,
      gcMs: this.entries.reduce((sum, gc) => sum + gc.duration, 0),
      tailQueries,
      tailWithGc,
      majorFaults,
    };
  }
}

/**
 * measure()'s single timed run of `fn` over `inputs`, observed: `beforeTimed` (dropping the index's
 * caches) runs after the warm-up, then the observer begins.
 */
export async function measureObserved<T>(
  name: string,
  inputs: readonly T[],
  fn: (input: T) => unknown,
  beforeTimed: () => void,
): Promise<{ latency: Latency; interference: Interference }> {
  const pass = new PassObserver();
  const latency = measure(name, inputs, (input) => pass.query(fn, input), () => {
    beforeTimed();
    pass.begin();
  });
  return { latency, interference: await pass.end() };
}
