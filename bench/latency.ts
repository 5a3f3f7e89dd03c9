/** Single-run latency of a function over inputs, with tinybench: shared by the bench and its children. */
import { Bench } from "tinybench";

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

/**
 * Runs `fn` once per input, in order, `inputs.length` times, and reports latency in ms.
 * `beforeTimed` runs after the warm-up, before the timed pass (the speed bench drops the index's
 * caches there).
 */
export function measure<T>(name: string, inputs: readonly T[], fn: (input: T) => unknown, beforeTimed?: () => void): Latency {
  let i = 0;
  const bench = new Bench({ iterations: inputs.length, time: 0, warmupIterations: Math.min(200, inputs.length), warmupTime: 0 });
  bench.add(name, () => {
    fn(inputs[i++ % inputs.length]!);
  }, {
    beforeAll: (mode) => {
      if (mode !== "run") return;
      i = 0;
      beforeTimed?.();
    },
  });
  bench.runSync();
  const result = bench.tasks[0]!.result;
  if (result.state !== "completed") throw new Error(`benchmark ${name} did not complete: ${result.state}`);
  const latency = result.latency;
  return { p50: latency.p50, p99: latency.p99, max: latency.max, mean: latency.mean, samples: latency.samplesCount };
}

/**
 * Two functions over the same inputs, interleaved input by input (which goes first alternates),
 * each run once per input after a warm-up pass of both: so the machine's drift and the pages one
 * has read treat both alike, which two sets measured one after the other do not. `beforeTimed`
 * runs between the warm-up and the timed pass.
 */
export function pairedLatency<T>(inputs: readonly T[], a: (input: T) => unknown, b: (input: T) => unknown, beforeTimed?: () => void): [Latency, Latency] {
  for (const input of inputs) {
    a(input);
    b(input);
  }
  beforeTimed?.();
  const times: [number[], number[]] = [[], []];
  const fns = [a, b] as const;
  inputs.forEach((input, i) => {
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      fns[which]!(input);
      times[which]!.push(performance.now() - start);
    }
  });
  return [latencyOf(times[0]), latencyOf(times[1])];
}

/** The value at `share` of the way through `values` sorted (nearest rank, from below). */
export function quantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function latencyOf(times: readonly number[]): Latency {
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times), mean: times.reduce((sum, t) => sum + t, 0) / times.length, samples: times.length };
}
