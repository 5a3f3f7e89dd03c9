import { setImmediate } from "node:timers";
import { parentPort, workerData } from "node:worker_threads";
import { ReftrackError } from "../errors.js";
import { Fingerprinter } from "../fingerprint/fingerprint.js";
import { loadTokenHasher } from "../hashing.js";
import { languageByName } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalizer.js";
import { type FingerprintParameters, REPLY_BATCH_FILES } from "../options.js";
import { type FileRequest, type PrepareOutcome, readAndPrepare, transferables } from "./prepare.js";

/** A request to prepare one file; the reply carries the same sequence number. */
export interface PrepareRequest extends FileRequest {
  readonly sequence: number;
}

/**
 * A failure crosses the thread as plain data: a user's error (ReftrackError) as its one-line
 * message, a bug with its stack, which is what a bug report needs.
 */
export interface WorkerFailure {
  readonly message: string;
  readonly stack: string | undefined;
  readonly userError: boolean;
}

export type PrepareReply =
  | { readonly sequence: number; readonly outcome: PrepareOutcome }
  | { readonly sequence: number; readonly failure: WorkerFailure };

export interface WorkerSetup {
  readonly parameters: FingerprintParameters;
}

/** What a worker posts: the replies for up to REPLY_BATCH_FILES files, in the order it prepared them. */
export type PrepareReplies = readonly PrepareReply[];

const port = parentPort;
if (port) {
  const { parameters } = workerData as WorkerSetup;
  const hasher = await loadTokenHasher();
  const normalizer = new Normalizer(hasher);
  const fingerprinter = new Fingerprinter(parameters);
  const pending: PrepareReply[] = [];
  // A set: a buffer listed twice in one transfer is an error, should two files ever share one.
  const transfers = new Set<ArrayBuffer>();
  let flushQueued = false;
  const flush = (): void => {
    flushQueued = false;
    if (pending.length === 0) return;
    port.postMessage(pending.splice(0) satisfies PrepareReplies, [...transfers]);
    transfers.clear();
  };
  port.on("message", (request: PrepareRequest) => {
    try {
      const outcome = readAndPrepare(request, languageByName(request.language), normalizer, hasher, fingerprinter);
      pending.push({ sequence: request.sequence, outcome });
      if (outcome.kind === "prepared") for (const buffer of transferables(outcome.file)) transfers.add(buffer);
    } catch (error) {
      const failure: WorkerFailure = {
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
        userError: error instanceof ReftrackError,
      };
      pending.push({ sequence: request.sequence, failure });
    }
    // Sent when full, or once the requests already waiting have been prepared.
    if (pending.length >= REPLY_BATCH_FILES) flush();
    else if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  });
}
