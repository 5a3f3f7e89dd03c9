import { parentPort, workerData } from "node:worker_threads";
import type { FingerprintParameters } from "../fingerprint/fingerprint.js";
import { loadTokenHasher } from "../hashing.js";
import { languageByName } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalize.js";
import { type FileRequest, type PrepareOutcome, readAndPrepare, transferables } from "./prepare.js";

/** A request to prepare one file; the reply carries the same sequence number. */
export interface PrepareRequest extends FileRequest {
  readonly sequence: number;
}

export type PrepareReply =
  | { readonly sequence: number; readonly outcome: PrepareOutcome }
  | { readonly sequence: number; readonly error: string };

export interface WorkerSetup {
  readonly parameters: FingerprintParameters;
}

const port = parentPort;
if (port) {
  const { parameters } = workerData as WorkerSetup;
  const hasher = await loadTokenHasher();
  const normalizer = new Normalizer(hasher);
  port.on("message", (request: PrepareRequest) => {
    try {
      const outcome = readAndPrepare(request, languageByName(request.language), normalizer, hasher, parameters);
      const reply: PrepareReply = { sequence: request.sequence, outcome };
      port.postMessage(reply, outcome.kind === "prepared" ? transferables(outcome.file) : []);
    } catch (error) {
      port.postMessage({ sequence: request.sequence, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
