import cluster, { type Worker } from "node:cluster";

/**
 * `reftrack serve` on several processes sharing one port (node:cluster): each process receives,
 * checks and answers its own connections, so a request crosses no thread. The supervisor starts
 * them, says where they listen once all do, replaces one that dies, and stops them all on SIGINT
 * or SIGTERM. Every process runs the same command line; `cluster.isWorker` tells it it is one.
 */

/** What a service process tells its supervisor once it listens. */
interface Listening {
  readonly reftrackListening: string;
}

function isListening(message: unknown): message is Listening {
  return typeof message === "object" && message !== null && typeof (message as Listening).reftrackListening === "string";
}

/** In a service process: tells the supervisor where it listens. */
export function reportListening(url: string): void {
  process.send?.({ reftrackListening: url } satisfies Listening);
}

export const isServiceProcess = (): boolean => cluster.isWorker;

export interface SupervisorEvents {
  /** Once every process listens. */
  readonly listening: (url: string) => void;
  /** A process that ended on its own, after the start (it is replaced). */
  readonly replaced: (exit: { code: number | null; signal: string | null }) => void;
  readonly stopping: () => void;
}

/**
 * Runs `count` service processes until SIGINT or SIGTERM. Resolves with the exit code: 0 after a
 * stop, 2 when a process ends before the service is up (it has said why on standard error).
 */
export function superviseProcesses(count: number, events: SupervisorEvents): Promise<number> {
  return new Promise((resolveExit) => {
    let stopping = false;
    let exitCode = 0;
    let started = false;
    let url: string | undefined;
    const listening = new Set<Worker>();
    const live = new Set<Worker>();

    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      if (code === 0) events.stopping();
      if (live.size === 0) resolveExit(code);
      for (const worker of live) worker.process.kill("SIGTERM");
    };

    const fork = () => {
      const worker = cluster.fork();
      live.add(worker);
      worker.on("message", (message: unknown) => {
        if (!isListening(message)) return;
        url ??= message.reftrackListening;
        listening.add(worker);
        if (!started && listening.size === count) {
          started = true;
          events.listening(url);
        }
      });
      worker.on("exit", (code, signal) => {
        live.delete(worker);
        listening.delete(worker);
        if (stopping) {
          if (live.size === 0) resolveExit(exitCode);
          return;
        }
        // One that could not start (a bad index, a port in use) has said why: the service does not start.
        if (!started) return stopAll(2);
        events.replaced({ code, signal });
        fork();
      });
    };

    process.once("SIGINT", () => stopAll(0));
    process.once("SIGTERM", () => stopAll(0));
    for (let i = 0; i < count; i++) fork();
  });
}
