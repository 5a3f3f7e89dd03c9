import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { DEFAULT_MAX_FILE_BYTES, MINIFIED_AVERAGE_LINE_LENGTH, MINIFIED_MIN_BYTES } from "../options.js";

/**
 * Why a file was not indexed or scanned; counted in summaries, never silently dropped.
 * "unreadable" and "not-a-file" are errors, not skips: a file that should have been read was not.
 */
export type SkipReason = "binary" | "invalid-utf8" | "too-large" | "minified" | "empty" | "unknown-extension" | "unreadable" | "not-a-file";

/** Reasons that make a scan or a build fail rather than count a skip. */
export function isReadFailure(reason: SkipReason): boolean {
  return reason === "unreadable" || reason === "not-a-file";
}

export type SourceText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: SkipReason; readonly detail: string };

export interface ReadOptions {
  /**
   * Read minified files (by name or line length) instead of skipping them: a vendored
   * `jquery.min.js` is a copy a compliance scan looks for, though no suggestion is ever minified.
   */
  readonly minified?: boolean;
}


const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decides whether bytes are source text reftrack should read, and decodes them. */
export function decodeSource(bytes: Uint8Array, name: string, maxBytes = DEFAULT_MAX_FILE_BYTES, options: ReadOptions = {}): SourceText {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  if (bytes.length === 0) return { ok: false, reason: "empty", detail: "empty file" };
  // A NUL byte in the first 8 KiB is how git and grep tell binary from text.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary", detail: "contains NUL bytes" };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: "invalid-utf8", detail: "not valid UTF-8" };
  }
  if (text.trim().length === 0) return { ok: false, reason: "empty", detail: "only whitespace" };
  // A classic Mac file ends its lines with CR alone: its lines are LF-ended lines, as Python and
  // JavaScript read them, so it matches (and numbers its lines) as the same code with LF does.
  if (text.includes("\r")) text = text.replace(/\r(?!\n)/g, "\n");
  if (options.minified === true) return { ok: true, text };
  if (/\.min\.[cm]?js$/i.test(basename(name))) return { ok: false, reason: "minified", detail: "minified file name" };
  if (text.length >= MINIFIED_MIN_BYTES) {
    let lines = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Every line terminator the languages know: LF (CR was made LF above), U+2028, U+2029.
      if (c === 10 || c === 0x2028 || c === 0x2029) lines++;
    }
    if (text.length / lines > MINIFIED_AVERAGE_LINE_LENGTH) {
      return { ok: false, reason: "minified", detail: `average line length ${Math.round(text.length / lines)}` };
    }
  }
  return { ok: true, text };
}

/**
 * Reads a file without ever loading more than `maxBytes` + 1 of it. What is not a regular file (a
 * FIFO, a device, a folder) is refused before it is opened: opening a FIFO waits for a writer.
 */
export function readSourceFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES, options: ReadOptions = {}): SourceText {
  try {
    if (!statSync(path).isFile()) return { ok: false, reason: "not-a-file", detail: "not a regular file (a FIFO, device or folder)" };
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: describeCode(error, "cannot read") };
  }
  let fd: number;
  try {
    // Non-blocking: should the path have become a FIFO since, opening it does not wait.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: describeCode(error, "cannot open") };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: "not-a-file", detail: "not a regular file (a FIFO, device or folder)" };
    const size = stat.size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeSource(bytes.subarray(0, read), path, maxBytes, options);
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: describeCode(error, "cannot read") };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number): SourceText {
  return { ok: false, reason: "too-large", detail: `${size} bytes, over the limit of ${maxBytes} bytes` };
}

/** "permission denied (EACCES)", or `fallback`. */
function describeCode(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { EACCES: "permission denied", EPERM: "not permitted", ENOENT: "no such file", EISDIR: "is a folder", ELOOP: "too many links" };
  return code ? `${words[code] ?? "cannot read"} (${code})` : fallback;
}

/**
 * Standard input, read in chunks, never more than `maxBytes` + 1 of it: the size check comes as
 * the bytes do, not after all of them. A folder or a closed descriptor is an error, not an empty file.
 */
export function readStandardInput(maxBytes: number): { ok: true; bytes: Buffer } | { ok: false; detail: string } {
  try {
    const stat = fstatSync(0);
    if (stat.isDirectory()) return { ok: false, detail: "standard input is a folder" };
  } catch {
    return { ok: false, detail: "standard input is closed" };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe with nothing yet: wait a moment and read again.
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === "EOF") break;
      return { ok: false, detail: `standard input cannot be read (${code ?? "error"})` };
    }
    if (n === 0) break;
    total += n;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    // One byte past the limit is enough to tell "too large".
    if (total > maxBytes) break;
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
