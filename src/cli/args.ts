import { ReftrackError } from "../errors.js";

/** Runs a node:util parseArgs call, turning its errors into one-line user errors naming the command. */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new ReftrackError(`${command}: ${message} (see \`reftrack --help\`)`);
  }
}

export function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new ReftrackError(`${flag} expects a positive whole number, got "${value}"`);
  return Number(value);
}

/** The index every command reads or writes. */
export function requireDb(db: string | undefined, command: string): string {
  if (!db) throw new ReftrackError(`${command}: --db <file> is required`);
  return db;
}
