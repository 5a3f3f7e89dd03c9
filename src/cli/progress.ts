import type { BuildProgress } from "../indexing/build.js";
import { PROGRESS_REDRAW_MS } from "../options.js";

const BAR_WIDTH = 24;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * One status line redrawn in place on a terminal: bar, files, MB, rate and ETA. The ETA is by
 * bytes, since time goes with bytes read and parsed, not with the number of files.
 */
export class ProgressLine {
  private total: BuildProgress = { files: 0, bytes: 0 };
  private lastDraw = 0;
  private readonly started: number;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  plan(total: BuildProgress): void {
    this.total = total;
  }

  update(done: BuildProgress, force = false): void {
    const time = this.now();
    if (!force && time - this.lastDraw < PROGRESS_REDRAW_MS) return;
    this.lastDraw = time;
    this.write(`\r\u001b[K${this.render(done, (time - this.started) / 1000)}`);
    this.drawn = true;
  }

  render(done: BuildProgress, elapsedSeconds: number): string {
    const share = this.total.bytes > 0 ? Math.min(1, done.bytes / this.total.bytes) : this.total.files > 0 ? done.files / this.total.files : 0;
    const filled = Math.round(share * BAR_WIDTH);
    const rate = elapsedSeconds > 0 ? done.bytes / 1e6 / elapsedSeconds : 0;
    const eta = rate > 0 ? (this.total.bytes - done.bytes) / 1e6 / rate : Number.NaN;
    return (
      `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ` +
      `${done.files}/${this.total.files} files  ${(done.bytes / 1e6).toFixed(1)}/${(this.total.bytes / 1e6).toFixed(1)} MB  ` +
      `${rate.toFixed(1)} MB/s  ETA ${formatDuration(eta)}`
    );
  }

  /** Clears the line so that what is printed next starts on a clean one. */
  clear(): void {
    if (this.drawn) this.write("\r\u001b[K");
    this.drawn = false;
  }
}
