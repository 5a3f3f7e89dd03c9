import { existsSync } from "node:fs";
import { setImmediate } from "node:timers/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ReftrackError } from "../errors.js";
import type { FingerprintParameters } from "../fingerprint/fingerprint.js";
import { loadTokenHasher } from "../hashing.js";
import { languageByName } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalize.js";
import type { PrepareReply, PrepareRequest, WorkerSetup } from "./build-worker.js";
import { type FileRequest, type PrepareOutcome, readAndPrepare } from "./prepare.js";

/** Prepares files for the index, yielding outcomes in request order. */
export interface FilePreparer {
  prepareAll(requests: Iterable<FileRequest>): AsyncGenerator<PrepareOutcome>;
  close(): Promise<void>;
}

const WORKER_SCRIPT = new URL("./build-worker.js", import.meta.url);

/** Worker threads exist only for the compiled package (the worker is a .js file next to this one). */
export function workersAvailable(): boolean {
  return WORKER_SCRIPT.protocol === "file:" && existsSync(fileURLToPath(WORKER_SCRIPT));
}

export function defaultThreadCount(): number {
  return workersAvailable() ? Math.max(1, availableParallelism()) : 1;
}

export async function createPreparer(threads: number, parameters: FingerprintParameters, options: WorkerPoolOptions = {}): Promise<FilePreparer> {
  if (threads <= 1 || !workersAvailable()) return new InProcessPreparer(new Normalizer(await loadTokenHasher()), parameters);
  return new WorkerPoolPreparer(threads, parameters, options);
}

class InProcessPreparer implements FilePreparer {
  private readonly hasher = loadTokenHasher();
  constructor(
    private readonly normalizer: Normalizer,
    private readonly parameters: FingerprintParameters,
  ) {}

  async *prepareAll(requests: Iterable<FileRequest>): AsyncGenerator<PrepareOutcome> {
    const hasher = await this.hasher;
    let sinceYield = 0;
    for (const request of requests) {
      // Let finalizers of collected parse trees run (see native-memory.ts): they need a macrotask.
      if (++sinceYield === 64) {
        sinceYield = 0;
        await setImmediate();
      }
      yield readAndPrepare(request, languageByName(request.language), this.normalizer, hasher, this.parameters);
    }
  }

  async close(): Promise<void> {}
}

/** Files in flight per worker: enough to keep it busy while the main thread writes to SQLite. */
const IN_FLIGHT_PER_WORKER = 8;

/**
 * A worker is replaced after preparing this much source. Its malloc arena (parse trees, token
 * arrays) fragments as files come and go and never shrinks while it lives: on the 4× bench corpus
 * the workers' arenas grew from 390 to 510 MB over the build, most of the growth of peak RSS with
 * corpus size. A thread's exit frees all of it; starting one costs about 0.1 s.
 */
export const DEFAULT_RECYCLE_AFTER_BYTES = 256 * 1024 * 1024;

interface PoolWorker {
  readonly worker: Worker;
  inFlight: number;
  bytes: number;
  retiring: boolean;
}

export interface WorkerPoolOptions {
  /** Replace a worker after it has prepared this many bytes of source. */
  readonly recycleAfterBytes?: number;
}

class WorkerPoolPreparer implements FilePreparer {
  private readonly workers: PoolWorker[];
  private readonly recycleAfterBytes: number;
  private onReply: ((reply: PrepareReply) => void) | undefined;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly exiting: Promise<number>[] = [];
  /** Workers started in all, replacements included. */
  started = 0;

  constructor(
    threads: number,
    private readonly parameters: FingerprintParameters,
    options: WorkerPoolOptions = {},
  ) {
    this.recycleAfterBytes = options.recycleAfterBytes ?? DEFAULT_RECYCLE_AFTER_BYTES;
    this.workers = Array.from({ length: threads }, () => this.startWorker());
  }

  private startWorker(): PoolWorker {
    const setup: WorkerSetup = { parameters: this.parameters };
    const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
    const entry: PoolWorker = { worker, inFlight: 0, bytes: 0, retiring: false };
    worker.on("message", (reply: PrepareReply) => {
      entry.inFlight--;
      if ("outcome" in reply && reply.outcome.kind !== "skipped") entry.bytes += reply.outcome.bytes;
      if (entry.bytes >= this.recycleAfterBytes) entry.retiring = true;
      if (entry.retiring && entry.inFlight === 0) this.replace(entry);
      this.onReply?.(reply);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (code !== 0 && !entry.retiring) this.fail(new Error(`index worker exited with code ${code}`));
    });
    this.started++;
    return entry;
  }

  /** Swaps a drained, retiring worker for a fresh one. */
  private replace(entry: PoolWorker): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers[index] = this.startWorker();
    this.exiting.push(entry.worker.terminate());
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  async *prepareAll(requests: Iterable<FileRequest>): AsyncGenerator<PrepareOutcome> {
    const iterator = requests[Symbol.iterator]();
    const done = new Map<number, PrepareReply>();
    const limit = this.workers.length * IN_FLIGHT_PER_WORKER;
    let sent = 0;
    let yielded = 0;
    let exhausted = false;
    this.onReply = (reply) => {
      done.set(reply.sequence, reply);
      this.wake?.();
    };
    const sendMore = (): void => {
      while (!exhausted && sent - yielded < limit) {
        // The least busy worker that is not draining to be replaced.
        let target: PoolWorker | undefined;
        for (const candidate of this.workers) {
          if (!candidate.retiring && (!target || candidate.inFlight < target.inFlight)) target = candidate;
        }
        if (!target) return;
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        target.inFlight++;
        const request: PrepareRequest = { ...next.value, sequence: sent++ };
        target.worker.postMessage(request);
      }
    };
    try {
      for (;;) {
        if (this.failure) throw new ReftrackError(`indexing failed in a worker: ${this.failure.message}`);
        sendMore();
        const reply = done.get(yielded);
        if (reply) {
          done.delete(yielded);
          yielded++;
          if ("error" in reply) throw new ReftrackError(`indexing failed: ${reply.error}`);
          yield reply.outcome;
          continue;
        }
        if (exhausted && yielded === sent) return;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
    } finally {
      this.onReply = undefined;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.map((entry) => entry.worker.terminate()), ...this.exiting]);
  }
}
