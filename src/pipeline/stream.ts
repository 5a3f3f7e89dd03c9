import { ReftrackError } from "../errors.js";
import { STREAM_STEP_CHARS, STREAM_WINDOW_CHARS } from "../options.js";
import type { Reference } from "../output/reference.js";
import { type Decision, decide } from "../policy/decide.js";
import type { CompiledPolicy } from "../policy/policy.js";

/** A check's answer: the references and the policy's decision on them. */
export interface CheckResult {
  readonly language: string;
  readonly references: Reference[];
  readonly decision: Decision;
}

/** What a push reports: every reference found in the text so far, and the decision on them. */
export interface StreamUpdate {
  readonly references: readonly Reference[];
  readonly decision: Decision;
}

/** The checks a stream makes: the references of a piece of text, and the final check of all of it. */
export interface StreamChecker {
  references(code: string): Reference[];
  check(code: string): CheckResult;
}

/**
 * A suggestion checked while it is generated. Each push appends text; once STREAM_STEP_CHARS have
 * arrived since the last look, the last STREAM_WINDOW_CHARS (from a line start) are matched, so a
 * push costs in proportion to the new text, never to all pushed so far, and a reference is reported
 * at most STREAM_STEP_CHARS after the text crosses the threshold. `end()` checks the whole text:
 * its result is exactly `check()`'s, whatever the pushes found.
 */
export class StreamSession {
  private text = "";
  /** Offsets where lines start, for the window's first line number. */
  private readonly lineStarts: number[] = [0];
  private sinceLook = 0;
  private readonly found: Reference[] = [];
  private lastAction: Decision["action"] = "allow";
  private ended = false;

  constructor(
    private readonly checker: StreamChecker,
    private readonly policy: CompiledPolicy,
  ) {}

  /** Appends a chunk; returns an update when it brings a new reference or a stricter decision, else null. */
  push(chunk: string): StreamUpdate | null {
    if (this.ended) throw new ReftrackError("stream: push() after end()");
    if (typeof chunk !== "string") throw new ReftrackError("stream: push() expects the text as a string");
    if (chunk.length === 0) return null;
    this.addLineStarts(chunk);
    this.text += chunk;
    this.sinceLook += chunk.length;
    if (this.sinceLook < STREAM_STEP_CHARS) return null;
    this.sinceLook = 0;
    return this.look();
  }

  /**
   * Records where the chunk's lines start, counting line breaks as match() does (`\n`, `\r\n`, and a
   * lone `\r`, files/source-file.ts), so a window's references are on the suggestion's own lines. A
   * `\r` ending the text so far and a `\n` beginning the chunk are one break.
   */
  private addLineStarts(chunk: string): void {
    const base = this.text.length;
    let from = 0;
    if (chunk.charCodeAt(0) === 10 && this.text.charCodeAt(base - 1) === 13) {
      this.lineStarts[this.lineStarts.length - 1] = base + 1;
      from = 1;
    }
    LINE_BREAK.lastIndex = from;
    for (let found = LINE_BREAK.exec(chunk); found !== null; found = LINE_BREAK.exec(chunk)) this.lineStarts.push(base + found.index + found[0].length);
  }

  /** The whole text checked: the same result as `check()` on it. */
  end(): CheckResult {
    this.ended = true;
    return this.checker.check(this.text);
  }

  private look(): StreamUpdate | null {
    const line = this.windowStartLine();
    const start = this.lineStarts[line]!;
    let added = false;
    for (const reference of this.checker.references(this.text.slice(start))) {
      const shifted: Reference = { ...reference, queryLines: [reference.queryLines[0] + line, reference.queryLines[1] + line] };
      if (this.found.some((known) => sameFinding(known, shifted))) continue;
      this.found.push(shifted);
      added = true;
    }
    const decision = decide(this.found, this.policy);
    const stricter = decision.action !== this.lastAction;
    this.lastAction = decision.action;
    return added || stricter ? { references: [...this.found], decision } : null;
  }

  /** The 0-based line at which the window of the last STREAM_WINDOW_CHARS begins. */
  private windowStartLine(): number {
    const from = Math.max(0, this.text.length - STREAM_WINDOW_CHARS);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return this.lineStarts[low]! >= from ? low : this.lineStarts.length - 1;
  }
}

const LINE_BREAK = /\r\n?|\n/g;

/** The same origin file found again over overlapping lines (a later look sees more of it). */
function sameFinding(a: Reference, b: Reference): boolean {
  return a.source === b.source && a.path === b.path && a.sourceLines[0] <= b.sourceLines[1] && b.sourceLines[0] <= a.sourceLines[1];
}
