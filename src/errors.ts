/**
 * An error caused by the user's input or environment (bad path, corrupt manifest, wrong index).
 * The CLI prints its message as one line and exits 2; anything else is a bug and keeps its stack.
 */
export class ReftrackError extends Error {
  override readonly name = "ReftrackError";
  constructor(message: string, options?: { cause?: unknown }) {
    // One line whatever it quotes: a parser's message can hold the line breaks of the text it read.
    super(message.replace(/\s*[\r\n]+\s*/g, " "), options);
  }
}

/**
 * An index that cannot answer any query (its statistics damaged): a scan stops at the first file
 * that finds it, with the one error opening it would have given, not one per file.
 */
export class IndexUnusableError extends ReftrackError {}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A file system error in words and code ("permission denied (EACCES)"), or `fallback` for any other error. */
export function describeFileError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "not permitted",
    ENOENT: "no such file",
    EISDIR: "is a folder",
    ELOOP: "too many links",
    ENOTDIR: "a file is in its path",
    ENOSPC: "no space left on the device",
    EROFS: "a read-only file system",
  };
  return code ? `${words[code] ?? "failed"} (${code})` : fallback;
}

/**
 * A path a public call was given, checked: a number would be read as a file descriptor by node:fs
 * (`readFileSync(6)` reads whatever descriptor 6 is), and an empty string names nothing.
 */
export function requirePath(value: unknown, call: string, what: string): string {
  if (typeof value !== "string" || value === "") throw new ReftrackError(`${call} expects ${what} as a path (a non-empty string), got ${value === "" ? "an empty string" : typeof value}`);
  return value;
}

/**
 * An object a public call was given has only keys it knows: a misspelt one (`minChars`,
 * `{ action: "block" }`) would otherwise change nothing, silently. Names the first unknown key.
 */
export function requireKnownKeys(value: object, known: readonly string[], where: string, noun: "key" | "option"): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new ReftrackError(`${where}: unknown ${noun} ${JSON.stringify(unknown)} (known: ${known.join(", ")})`);
}
