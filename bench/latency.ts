/** Single-run latency of a function over inputs, with tinybench: shared by the bench and its children. */
import { Bench } from "tinybench";

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

/** Runs `fn` once per input, in order, `inputs.length` times, and reports latency in ms. */
export function measure<T>(name: string, inputs: readonly T[], fn: (input: T) => unknown): Latency {
  let i = 0;
  const bench = new Bench({ iterations: inputs.length, time: 0, warmupIterations: Math.min(200, inputs.length), warmupTime: 0 });
  bench.add(name, () => {
    fn(inputs[i++ % inputs.length]!);
  });
  bench.runSync();
  const result = bench.tasks[0]!.result;
  if (result.state !== "completed") throw new Error(`benchmark ${name} did not complete: ${result.state}`);
  const latency = result.latency;
  return { p50: latency.p50, p99: latency.p99, max: latency.max, mean: latency.mean, samples: latency.samplesCount };
}
