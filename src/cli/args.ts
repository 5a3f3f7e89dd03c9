import { ReftrackError } from "../errors.js";
import { MAX_THREADS } from "../options.js";

/** Runs a node:util parseArgs call, turning its errors into one-line user errors naming the command. */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new ReftrackError(`${command}: ${dashValueMessage(message) ?? message} (see \`reftrack --help\`)`);
  }
}

/**
 * parseArgs calls a value beginning with "-" (`--min-chars -5`, or a value forgotten before the next
 * flag) "ambiguous", and says how to give one on a second line a one-line error would drop.
 */
function dashValueMessage(message: string): string | undefined {
  const flag = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
  return flag && `${flag} needs a value, and the argument after it begins with "-" (a value that does is written ${flag}=-…)`;
}

export function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new ReftrackError(`${flag} expects a positive whole number, got "${value}"`);
  return Number(value);
}

/** A thread count: a positive whole number up to MAX_THREADS. */
export function parseThreadCount(value: string | undefined, flag: string): number | undefined {
  const threads = parsePositiveInteger(value, flag);
  if (threads !== undefined && threads > MAX_THREADS) throw new ReftrackError(`${flag} is at most ${MAX_THREADS}, got ${threads}`);
  return threads;
}

const BYTE_UNITS: Record<string, number> = { "": 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };

/** A size in bytes, with an optional binary unit: `1048576`, `512K`, `64MiB`, `1G`. */
export function parseByteSize(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? BYTE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new ReftrackError(`${flag} expects a size such as 1048576, 512K or 64MiB, got "${value}"`);
  }
  return Number(match[1]) * unit;
}

/** The index every command reads or writes. */
export function requireDb(db: string | undefined, command: string): string {
  if (!db) throw new ReftrackError(`${command}: --db <file> is required`);
  return db;
}
