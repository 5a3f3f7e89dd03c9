/** What one request may hold; each limit has its own error (service/errors.ts). */
export interface ServiceLimits {
  /** Request body, in bytes (413). */
  readonly maxBodyBytes: number;
  /** The code to check, in characters (413). */
  readonly maxCodeChars: number;
  /** Lexical tokens of the code, counted as words and punctuation (413). */
  readonly maxTokens: number;
  /** Bracket nesting, of the JSON body and of the code (400). */
  readonly maxNesting: number;
  /** Time a check may take, queueing included (504). */
  readonly timeoutMs: number;
  /** Requests waiting for a worker beyond those being served; more are answered 503 with Retry-After. */
  readonly maxQueue: number;
  /**
   * Code up to this many characters is checked on the thread that received it; longer code goes to
   * the worker pool, where the deadline can stop it. Handing a small check to another thread costs
   * two cross-thread wake-ups, more than the check itself.
   */
  readonly inlineMaxChars: number;
}

/**
 * Defaults sized for suggestions: a suggestion is a few KB; 256K characters holds any source file
 * a person would paste; a worker answers a 20-line check in well under a millisecond, so 2 s is
 * generous, and a queue of 256 is about 0.1 s of work on two cores. 16K characters (a few hundred
 * lines) is checked in a few milliseconds, short enough to hold the receiving thread.
 */
export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  maxBodyBytes: 1024 * 1024,
  maxCodeChars: 256 * 1024,
  maxTokens: 100_000,
  maxNesting: 256,
  timeoutMs: 2000,
  maxQueue: 256,
  inlineMaxChars: 16 * 1024,
};

/** The deepest bracket nesting of a text ( ( [ { and `${` ), strings and comments not told apart: an upper bound. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/** Words and punctuation marks: the lexer's token count, within a small factor, without lexing. */
export function roughTokenCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (word) {
      if (!inWord) count++;
      inWord = true;
    } else {
      inWord = false;
      if (!space) count++;
    }
  }
  return count;
}
