import { Piscina } from "piscina";
import { SCAN_TASKS_PER_HELPER } from "../options.js";
import { compiledModule } from "../util/package-root.js";
import type { FileOutcome } from "./scan-file.js";
import type { ScanTask } from "./scan-worker.js";

/** Threads that read and match a scan's files for the scan's thread, which hands them out (scan.ts); each has its own connection to the index. */
export class ScanHelpers {
  private readonly pool: Piscina<ScanTask, FileOutcome>;

  constructor(readonly threads: number) {
    this.pool = new Piscina<ScanTask, FileOutcome>({
      filename: compiledModule("cli/scan-worker.js"),
      minThreads: threads,
      maxThreads: threads,
      // Several files sent at once: a helper that finishes one starts the next without waiting
      // for the scan's thread to hand it over.
      concurrentTasksPerWorker: SCAN_TASKS_PER_HELPER,
      // As the service's pool (service/server.ts): loaded by import() alone, not require(esm).
      execArgv: [...process.execArgv, "--no-experimental-require-module"],
    });
  }

  scan(task: ScanTask): Promise<FileOutcome> {
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
