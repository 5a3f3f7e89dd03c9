import { parentPort, workerData } from "node:worker_threads";
import { ReftrackError } from "../errors.js";
import { Fingerprinter } from "../fingerprint/fingerprint.js";
import { loadTokenHasher } from "../hashing.js";
import { languageByName } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalizer.js";
import type { FingerprintParameters } from "../options.js";
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

const port = parentPort;
if (port) {
  const { parameters } = workerData as WorkerSetup;
  const hasher = await loadTokenHasher();
  const normalizer = new Normalizer(hasher);
  const fingerprinter = new Fingerprinter(parameters);
  port.on("message", (request: PrepareRequest) => {
    try {
      const outcome = readAndPrepare(request, languageByName(request.language), normalizer, hasher, fingerprinter);
      const reply: PrepareReply = { sequence: request.sequence, outcome };
      port.postMessage(reply, outcome.kind === "prepared" ? transferables(outcome.file) : []);
    } catch (error) {
      const failure: WorkerFailure = {
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
        userError: error instanceof ReftrackError,
      };
      port.postMessage({ sequence: request.sequence, failure } satisfies PrepareReply);
    }
  });
}
