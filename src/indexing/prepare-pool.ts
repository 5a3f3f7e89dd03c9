import { existsSync } from "node:fs";
import { setImmediate } from "node:timers/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ReftrackError } from "../errors.js";
import { Fingerprinter } from "../fingerprint/fingerprint.js";
import { loadTokenHasher } from "../hashing.js";
import { languageByName } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalizer.js";
import { type FingerprintParameters, IN_FLIGHT_PER_WORKER } from "../options.js";
import type { PrepareReplies, PrepareReply, PrepareRequest, WorkerFailure, WorkerSetup } from "./build-worker.js";
import { type FileRequest, type PrepareOutcome, readAndPrepare } from "./prepare.js";

/** Prepares files for the index, yielding outcomes in request order. */
export interface FilePreparer {
  prepareAll(requests: Iterable<FileRequest>): AsyncGenerator<PrepareOutcome>;
  close(): Promise<void>;
}

const WORKER_SCRIPT = new URL("./build-worker.js", import.meta.url);

/** Worker threads exist only for the compiled package (the worker is a .js file next to this one). */
function workersAvailable(): boolean {
  return WORKER_SCRIPT.protocol === "file:" && existsSync(fileURLToPath(WORKER_SCRIPT));
}

export function defaultThreadCount(): number {
  return workersAvailable() ? Math.max(1, availableParallelism()) : 1;
}

export async function createPreparer(threads: number, parameters: FingerprintParameters): Promise<FilePreparer> {
  if (threads <= 1 || !workersAvailable()) return new InProcessPreparer(new Normalizer(await loadTokenHasher()), new Fingerprinter(parameters));
  return new WorkerPoolPreparer(threads, parameters);
}

class InProcessPreparer implements FilePreparer {
  private readonly hasher = loadTokenHasher();
  constructor(
    private readonly normalizer: Normalizer,
    private readonly fingerprinter: Fingerprinter,
  ) {}

  async *prepareAll(requests: Iterable<FileRequest>): AsyncGenerator<PrepareOutcome> {
    const hasher = await this.hasher;
    let sinceYield = 0;
    for (const request of requests) {
      // Let the event loop turn now and then (an interrupt's handler waits for it).
      if (++sinceYield === 64) {
        sinceYield = 0;
        await setImmediate();
      }
      yield readAndPrepare(request, languageByName(request.language), this.normalizer, hasher, this.fingerprinter);
    }
  }

  async close(): Promise<void> {}
}

class WorkerPoolPreparer implements FilePreparer {
  private readonly workers: Worker[];
  private readonly inFlight: number[];
  private onReply: ((reply: PrepareReply, worker: number) => void) | undefined;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(threads: number, parameters: FingerprintParameters) {
    const setup: WorkerSetup = { parameters };
    this.workers = Array.from({ length: threads }, (_, index) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
      worker.on("message", (replies: PrepareReplies) => {
        for (const reply of replies) this.onReply?.(reply, index);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`index worker exited with code ${code}`));
      });
      return worker;
    });
    this.inFlight = new Array<number>(threads).fill(0);
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
    this.onReply = (reply, worker) => {
      this.inFlight[worker]!--;
      done.set(reply.sequence, reply);
      this.wake?.();
    };
    const sendMore = (): void => {
      while (!exhausted && sent - yielded < limit) {
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        let target = 0;
        for (let i = 1; i < this.inFlight.length; i++) if (this.inFlight[i]! < this.inFlight[target]!) target = i;
        this.inFlight[target]!++;
        const request: PrepareRequest = { ...next.value, sequence: sent++ };
        this.workers[target]!.postMessage(request);
      }
    };
    try {
      for (;;) {
        if (this.failure) throw workerError(this.failure);
        sendMore();
        const reply = done.get(yielded);
        if (reply) {
          done.delete(yielded);
          yielded++;
          if ("failure" in reply) throw fromFailure(reply.failure);
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
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** A worker's failure on this thread: the user's error as it was, a bug with the worker's stack. */
function fromFailure(failure: WorkerFailure): Error {
  if (failure.userError) return new ReftrackError(failure.message);
  const error = new Error(`indexing failed in a worker: ${failure.message}`);
  if (failure.stack) error.stack = `${error.message}\n    worker stack:\n${failure.stack}`;
  return error;
}

/** A worker that died (an uncaught error or a nonzero exit): a bug, never the user's error, stack kept. */
function workerError(failure: Error): Error {
  if (failure instanceof ReftrackError) return failure;
  const error = new Error(`an indexing worker failed: ${failure.message}`, { cause: failure });
  if (failure.stack) error.stack = `${error.message}\n    worker stack:\n${failure.stack}`;
  return error;
}
