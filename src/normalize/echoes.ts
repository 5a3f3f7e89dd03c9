/**
 * Statements whose shape the names they handle fix: a value stored under its own name
 * (`self.path = path`, `this.options = options`, `self._size = size`), and an accessor that only
 * returns one attribute or stores its one parameter in one (`def get_x(self): return self._x`,
 * `set size(v) { this._size = v; }`). A run of them (a constructor keeping its parameters, a
 * class's property accessors) says how many parameters or attributes there are and nothing of whose
 * code it is: matching counts them no characters toward a renamed region's length (rules.ts).
 */

/** The receivers of such a statement: the instance (or class) the value is kept on. */
const RECEIVERS: readonly string[] = ["self", "this", "cls"];

/** The token arrays read, as the lexer leaves them (the parse records no offsets). */
export interface EchoInput {
  readonly count: number;
  readonly startLines: Uint32Array;
  readonly endLines: Uint32Array;
  readonly startOffsets: Uint32Array;
  readonly endOffsets: Uint32Array;
  /** Name words: 0 for tokens that are no identifier or literal of the code's own (TokenStream.names). */
  readonly names: Uint16Array;
}

const DOT = 0x2e;
const EQUALS = 0x3d;
const UNDERSCORE = 0x5f;
/** Tokens after which a statement begins on the same line (`;`, `{`, `}`, `:`), and before which one ends (`;`, `}`). */
const STATEMENT_BEFORE = [0x3b, 0x7b, 0x7d, 0x3a];
const STATEMENT_AFTER = [0x3b, 0x7d];

/**
 * 1 for each token of an echo statement (`receiver . name = name`, the statement ending there, or
 * an accessor of ACCESSORS), else 0; undefined when the source has none, as most have. Compared in
 * place: a query is read on the hot path, and most of its names are no such statement's.
 */
export function echoStatements(source: string, tokens: EchoInput): Uint8Array | undefined {
  const { count, startLines, endLines, startOffsets, endOffsets, names } = tokens;
  const length = (t: number): number => endOffsets[t]! - startOffsets[t]!;
  const isChar = (t: number, code: number): boolean => length(t) === 1 && source.charCodeAt(startOffsets[t]!) === code;
  const isOneOf = (t: number, codes: readonly number[]): boolean => length(t) === 1 && codes.includes(source.charCodeAt(startOffsets[t]!));
  const isReceiver = (t: number): boolean => RECEIVERS.some((word) => length(t) === word.length && source.startsWith(word, startOffsets[t]!));
  let echoes: Uint8Array | undefined;
  // One pass: an accessor starts at its first word, an echo statement is judged at its value.
  for (let t = 0; t < count; t++) {
    if (length(t) === 3 && ACCESSOR_FIRST_CHARS.includes(source.charCodeAt(startOffsets[t]!))) {
      for (const pattern of ACCESSORS) {
        const end = accessorEnd(source, tokens, t, pattern);
        if (end === -1) continue;
        echoes ??= new Uint8Array(count);
        echoes.fill(1, t, end);
        break;
      }
    }
    const value = t;
    if (value < 4 || names[value] === 0 || !isChar(value - 1, EQUALS) || !isChar(value - 3, DOT)) continue;
    // The lexer drops semicolons: on one line, the next statement begins at its receiver.
    const next = value + 1;
    const ends = next === count || startLines[next]! > endLines[value]! || isOneOf(next, STATEMENT_AFTER) || (isReceiver(next) && next + 1 < count && isChar(next + 1, DOT));
    const receiver = value - 4;
    const before = receiver - 1;
    const begins = receiver === 0 || startLines[receiver]! > endLines[before]! || isOneOf(before, STATEMENT_BEFORE) || echoes?.[before] === 1;
    if (!ends || !begins || !isReceiver(receiver) || !storedUnderItsName(source, startOffsets[value - 2]!, length(value - 2), startOffsets[value]!, length(value))) continue;
    echoes ??= new Uint8Array(count);
    echoes.fill(1, receiver, value + 1);
  }
  return echoes;
}

/** The first characters of ACCESSORS' first words (`def`, `get`, `set`): most three-letter tokens are none. */
const ACCESSOR_FIRST_CHARS = [0x64, 0x67, 0x73];

/** Any one token. */
const ANY = "";
/** The accessor's parameter: a name, the same text where it is stored. */
const PARAMETER = "$";

/**
 * Accessors that only return one attribute or store their one parameter in one, as token texts
 * (the lexer drops Python's commas and JavaScript's semicolons): Python methods, and JavaScript and
 * TypeScript `get`/`set` members, with or without a one-token type.
 */
const ACCESSORS: readonly (readonly string[])[] = [
  ["def", ANY, "(", "self", ")", ":", "return", "self", ".", ANY],
  ["def", ANY, "(", "self", PARAMETER, ")", ":", "self", ".", ANY, "=", PARAMETER],
  ["get", ANY, "(", ")", "{", "return", "this", ".", ANY, "}"],
  ["get", ANY, "(", ")", ":", ANY, "{", "return", "this", ".", ANY, "}"],
  ["set", ANY, "(", PARAMETER, ")", "{", "this", ".", ANY, "=", PARAMETER, "}"],
  ["set", ANY, "(", PARAMETER, ":", ANY, ")", "{", "this", ".", ANY, "=", PARAMETER, "}"],
];

/**
 * Where the accessor `pattern` matched at `start` ends (one past its last token), or -1: its
 * tokens' texts as written, nothing after its last token on that line (a JavaScript member's
 * closing brace), and a Python method's body over there (the next line indented no further than
 * its `def`).
 */
function accessorEnd(source: string, tokens: EchoInput, start: number, pattern: readonly string[]): number {
  const { count, startLines, endLines, startOffsets, endOffsets, names } = tokens;
  const end = start + pattern.length;
  if (end > count) return -1;
  let parameter = -1;
  for (let i = 0; i < pattern.length; i++) {
    const t = start + i;
    const step = pattern[i]!;
    if (step === ANY) continue;
    const from = startOffsets[t]!;
    const length = endOffsets[t]! - from;
    if (step === PARAMETER) {
      if (names[t] === 0) return -1;
      if (parameter === -1) parameter = t;
      else if (!sameText(source, startOffsets[parameter]!, endOffsets[parameter]! - startOffsets[parameter]!, from, length)) return -1;
    } else if (length !== step.length || !source.startsWith(step, from)) return -1;
  }
  if (end === count) return end;
  if (startLines[end]! <= endLines[end - 1]!) return -1;
  // A Python body goes on while the next line is indented further than its `def`.
  return pattern[0] !== "def" || column(source, startOffsets[end]!) <= column(source, startOffsets[start]!) ? end : -1;
}

/** The column of the character at `offset`. */
function column(source: string, offset: number): number {
  return offset - source.lastIndexOf("\n", offset - 1) - 1;
}

/** Whether the source's texts at `a` and `b` are the same. */
function sameText(source: string, a: number, aLength: number, b: number, bLength: number): boolean {
  if (aLength !== bLength) return false;
  for (let i = 0; i < aLength; i++) if (source.charCodeAt(a + i) !== source.charCodeAt(b + i)) return false;
  return true;
}

/** Whether the member's text is the value's, or the value's after one underscore (`_size` for `size`). */
function storedUnderItsName(source: string, member: number, memberLength: number, value: number, valueLength: number): boolean {
  const offset = memberLength - valueLength;
  if (offset !== 0 && !(offset === 1 && source.charCodeAt(member) === UNDERSCORE)) return false;
  return sameText(source, member + offset, valueLength, value, valueLength);
}
