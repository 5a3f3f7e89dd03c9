import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { DEFAULT_MAX_FILE_BYTES, MINIFIED_AVERAGE_LINE_LENGTH, MINIFIED_MIN_BYTES } from "../options.js";

/** Why a file was not indexed or scanned; counted in summaries, never silently dropped. */
export type SkipReason = "binary" | "invalid-utf8" | "too-large" | "minified" | "empty" | "unknown-extension" | "unreadable";

export type SourceText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: SkipReason; readonly detail: string };


const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decides whether bytes are source text reftrack should read, and decodes them. */
export function decodeSource(bytes: Uint8Array, name: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
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
  if (/\.min\.[cm]?js$/i.test(basename(name))) return { ok: false, reason: "minified", detail: "minified file name" };
  if (text.length >= MINIFIED_MIN_BYTES) {
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    if (text.length / lines > MINIFIED_AVERAGE_LINE_LENGTH) {
      return { ok: false, reason: "minified", detail: `average line length ${Math.round(text.length / lines)}` };
    }
  }
  return { ok: true, text };
}

/** Reads a file without ever loading more than `maxBytes` + 1 of it. */
export function readSourceFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "cannot open" };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeSource(bytes.subarray(0, read), path, maxBytes);
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "cannot read" };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number): SourceText {
  return { ok: false, reason: "too-large", detail: `${size} bytes, over the limit of ${maxBytes} bytes` };
}
