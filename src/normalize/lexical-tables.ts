/**
 * The lexer's lookup tables, read straight from the source string: a query's words and operators
 * are looked up without slicing them into strings first, since hashing each fresh slice for a Map
 * lookup was the largest single cost of lexing.
 */

/** A set of words found by their characters in a source string (open addressing on a small hash). */
export class WordTable<T> {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly words: string[] = [];
  private readonly values: T[] = [];
  private readonly hashes: number[] = [];
  private readonly longest: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    const list = [...entries];
    let size = 64;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    let longest = 0;
    for (const [word, value] of list) {
      const h = spanHash(word, 0, word.length);
      let slot = h & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.words.length + 1;
      this.words.push(word);
      this.values.push(value);
      this.hashes.push(h);
      longest = Math.max(longest, word.length);
    }
    this.longest = longest;
  }

  /** The entry whose word is `source[start, end)`, or -1. */
  find(source: string, start: number, end: number): number {
    const length = end - start;
    if (length > this.longest) return -1;
    const h = spanHash(source, start, end);
    for (let slot = h & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]! - 1;
      const word = this.words[entry]!;
      if (this.hashes[entry] === h && word.length === length && source.startsWith(word, start)) return entry;
    }
    return -1;
  }

  /** The word of an entry find() returned: the table's own string, so further lookups by it are cheap. */
  word(entry: number): string {
    return this.words[entry]!;
  }

  value(entry: number): T {
    return this.values[entry]!;
  }
}

/** A multiplicative hash of a span's characters, mixed so its low bits index the table. */
function spanHash(source: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + source.charCodeAt(i)) | 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** An operator or punctuation token as the lexer emits it. */
export interface Operator {
  readonly text: string;
  readonly hash: number;
  /** Formatting (LanguageDefinition.formattingTokens): read for context, never emitted. */
  readonly dropped: boolean;
}

/** A language's operators by first character code, longest first, each with its token hash. */
export class OperatorTable {
  private readonly byFirst: Operator[][] = [];
  private readonly singles = new Map<string, Operator>();
  private readonly dropped: ReadonlySet<string>;

  constructor(
    operators: readonly string[],
    dropped: readonly string[],
    private readonly hash: (text: string) => number,
  ) {
    this.dropped = new Set(dropped);
    for (const text of [...operators].sort((a, b) => b.length - a.length)) {
      (this.byFirst[text.charCodeAt(0)] ??= []).push({ text, hash: hash(text), dropped: this.dropped.has(text) });
    }
  }

  /** The longest operator at `source[at]` (whose code is `c`); a character no operator starts is one by itself. */
  at(source: string, at: number, c: number): Operator {
    const candidates = this.byFirst[c];
    if (candidates !== undefined) {
      for (const candidate of candidates) if (source.startsWith(candidate.text, at)) return candidate;
    }
    return this.single(source[at]!);
  }

  /** The token of one character, operator or not. */
  single(text: string): Operator {
    let operator = this.singles.get(text);
    if (operator === undefined) {
      operator = { text, hash: this.hash(text), dropped: this.dropped.has(text) };
      this.singles.set(text, operator);
    }
    return operator;
  }
}
