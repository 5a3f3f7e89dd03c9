/** Exit codes, as grep and ripgrep use them. */
export const EXIT_NO_MATCH = 0;
export const EXIT_MATCH = 1;
export const EXIT_ERROR = 2;

/** Where a command writes: the process's streams, or a test's buffers. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /**
   * Whether standard output's reader has gone (`reftrack scan … | head`): a scan streaming to it
   * then stops starting files. Absent: the output never closes.
   */
  readonly stdoutClosed?: () => boolean;
}

export const processOutput: Output = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  // A write to a pipe whose reader is gone fails at once and marks the stream errored; its 'error'
  // event (bin.ts) waits for the event loop, which a scan busy matching does not turn.
  stdoutClosed: () => (process.stdout.errored as NodeJS.ErrnoException | null)?.code === "EPIPE",
};
