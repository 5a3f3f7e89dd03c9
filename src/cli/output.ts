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
   * Whether standard output takes no more: its reader has gone (`reftrack scan … | head`) or a
   * write failed (a full disk). A scan streaming to it then stops starting files; what the process
   * says and exits with is bin.ts's. Absent: the output never closes.
   */
  readonly stdoutClosed?: () => boolean;
}

export const processOutput: Output = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  // A failed write (a pipe whose reader is gone, a full disk) marks the stream errored at once; its
  // 'error' event (bin.ts) waits for the event loop, which a scan busy matching does not turn.
  stdoutClosed: () => process.stdout.errored !== null,
};
