/**
 * Statements that store a value under its own name: `self.path = path`, `this.options = options`,
 * `self._size = size`. Their shape is fixed by the parameter they store, so a run of them (a
 * constructor keeping its parameters) says how many parameters there are and nothing of whose code
 * it is: matching counts them no characters toward a renamed region's length (rules.ts).
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
 * 1 for each token of an echo statement (`receiver . name = name`, the statement ending there),
 * else 0; undefined when the source has none, as most have. Compared in place: a query is read on
 * the hot path, and most of its names are no such statement's.
 */
export function echoStatements(source: string, tokens: EchoInput): Uint8Array | undefined {
  const { count, startLines, endLines, startOffsets, endOffsets, names } = tokens;
  const length = (t: number): number => endOffsets[t]! - startOffsets[t]!;
  const isChar = (t: number, code: number): boolean => length(t) === 1 && source.charCodeAt(startOffsets[t]!) === code;
  const isOneOf = (t: number, codes: readonly number[]): boolean => length(t) === 1 && codes.includes(source.charCodeAt(startOffsets[t]!));
  const isReceiver = (t: number): boolean => RECEIVERS.some((word) => length(t) === word.length && source.startsWith(word, startOffsets[t]!));
  let echoes: Uint8Array | undefined;
  for (let value = 4; value < count; value++) {
    if (names[value] === 0 || !isChar(value - 1, EQUALS) || !isChar(value - 3, DOT)) continue;
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

/** Whether the member's text is the value's, or the value's after one underscore (`_size` for `size`). */
function storedUnderItsName(source: string, member: number, memberLength: number, value: number, valueLength: number): boolean {
  const offset = memberLength - valueLength;
  if (offset !== 0 && !(offset === 1 && source.charCodeAt(member) === UNDERSCORE)) return false;
  for (let i = 0; i < valueLength; i++) if (source.charCodeAt(member + offset + i) !== source.charCodeAt(value + i)) return false;
  return true;
}
