import { DECLARATION_LOOK_BACK_TOKENS } from "../options.js";

/**
 * Which stretches of a TypeScript or JavaScript token stream are declarations only: overload
 * signatures, interfaces, type aliases, with no statement or expression among them. Every
 * implementation of one API declares it alike (a predicate's signature, an observer's interface),
 * so matching asks more of such a region than of code (rules.ts). Read from the normalized tokens
 * alone, on demand: only the few candidates the rule may turn down are asked about.
 */

/** Tokens only statements and expressions have: one in a stretch makes it code. */
const EXECUTABLE = [
  "return", "if", "else", "for", "while", "do", "switch", "case", "throw", "new", "yield", "await", "async", "break",
  "continue", "try", "catch", "finally", "delete", "instanceof", "super", "debugger", "with",
  "++", "--", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
  "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "!", "+", "-", "*", "/", "%", "**", "<<", ">>", ">>>", "^", "~",
];

/** Words that begin a declaration whose head may hold a type parameter's default (`<T = any>`) or a type alias's `=`. */
const DECLARATION_HEADS = ["type", "function", "interface", "class"];

/** Words only declarations and types have (a type alias's conditional type read from its middle has `infer`, `keyof`). */
const DECLARATION_MARKS = ["interface", "type", "declare", "infer", "keyof", "is", "asserts", "never", "unknown"];

/**
 * Tokens a type may be made of between a declaration's head and its `=`, or between a return
 * type's colon and a function body's `{`.
 */
const TYPE_TOKENS = [
  "$id", "<", ">", ".", "[", "]", "|", "&", "=", "extends", "keyof", "typeof", "infer", "readonly", "is", "asserts",
  "any", "boolean", "never", "number", "object", "string", "symbol", "unknown", "void", "null", "undefined",
];

const NEITHER = 0;
const CODE = 1;
const DECLARING = 2;
/** A signature's parameter list: declaring, and a function's. */
const SIGNATURE = 3;
/** `type` and `interface`: declaring, and a type's. */
const TYPE_WORD = 4;
type TokenKind = typeof NEITHER | typeof CODE | typeof DECLARING | typeof SIGNATURE | typeof TYPE_WORD;

/** Words that declare a type rather than a function. */
const TYPE_WORDS = ["type", "interface"];

/** One query's tokens as DeclarationReader.read found them. */
export class DeclarationSpans {
  constructor(
    private readonly code: Int32Array,
    private readonly declaring: Int32Array,
    private readonly signatures: Int32Array,
    private readonly typeWords: Int32Array,
  ) {}

  /**
   * Whether tokens [from, to) are declarations only: something only declarations have and nothing
   * only code has.
   */
  declarationsOnly(from: number, to: number): boolean {
    return this.code[to] === this.code[from] && this.declaring[to]! > this.declaring[from]!;
  }

  /** Whether tokens [from, to) are declarations only, function signatures among them and no type alias or interface. */
  signaturesOnly(from: number, to: number): boolean {
    return this.declarationsOnly(from, to) && this.signatures[to]! > this.signatures[from]! && this.typeWords[to] === this.typeWords[from];
  }
}

/** One language family's reading of declarations, made once with its token hashes. */
export class DeclarationReader {
  private readonly executable: Set<number>;
  private readonly heads: Set<number>;
  private readonly marks: Set<number>;
  private readonly typeWords: Set<number>;
  private readonly typeTokens: Set<number>;
  private readonly assign: number;
  private readonly open: number;
  private readonly close: number;
  private readonly colon: number;
  private readonly arrow: number;
  private readonly brace: number;
  private readonly openAngle: number;
  private readonly closeAngle: number;
  private readonly minus: number;
  private readonly plus: number;
  private readonly readonly: number;
  private readonly callee: Set<number>;

  constructor(hash: (text: string) => number) {
    const set = (texts: readonly string[]): Set<number> => new Set(texts.map(hash));
    this.executable = set(EXECUTABLE);
    this.heads = set(DECLARATION_HEADS);
    this.marks = set(DECLARATION_MARKS);
    this.typeWords = set(TYPE_WORDS);
    this.typeTokens = set(TYPE_TOKENS);
    this.assign = hash("=");
    this.open = hash("(");
    this.close = hash(")");
    this.colon = hash(":");
    this.arrow = hash("=>");
    this.brace = hash("{");
    this.openAngle = hash("<");
    this.closeAngle = hash(">");
    this.minus = hash("-");
    this.plus = hash("+");
    this.readonly = hash("readonly");
    // What a call's `(` follows: a name, a call's or index's end, a generic call's type arguments.
    this.callee = set(["$id", ")", "]", ">"]);
  }

  /**
   * The stream's first `count` tokens read once, each as something only code has, only
   * declarations have, or neither (no token's reading depends on where a stretch starts or ends):
   * then whether any stretch of it is declarations only is two subtractions, so a query asked
   * about many candidates reads its tokens once.
   */
  read(hashes: Uint32Array, count: number): DeclarationSpans {
    const closings = this.closings(hashes, count);
    // Prefix counts: tokens before t that only code has, that only declarations have, and of
    // those, signatures' parameter lists and the words that declare a type.
    const code = new Int32Array(count + 1);
    const declaring = new Int32Array(count + 1);
    const signatures = new Int32Array(count + 1);
    const typeWords = new Int32Array(count + 1);
    for (let t = 0; t < count; t++) {
      const kind = this.kindOf(hashes, count, closings, t);
      code[t + 1] = code[t]! + (kind === CODE ? 1 : 0);
      declaring[t + 1] = declaring[t]! + (kind === DECLARING || kind === SIGNATURE || kind === TYPE_WORD ? 1 : 0);
      signatures[t + 1] = signatures[t]! + (kind === SIGNATURE ? 1 : 0);
      typeWords[t + 1] = typeWords[t]! + (kind === TYPE_WORD ? 1 : 0);
    }
    return new DeclarationSpans(code, declaring, signatures, typeWords);
  }

  /** Where the `)` closing each `(` of the stream is, or -1 (any other token, or a `(` left open). */
  private closings(hashes: Uint32Array, count: number): Int32Array {
    const closing = new Int32Array(count).fill(-1);
    const open: number[] = [];
    for (let t = 0; t < count; t++) {
      const hash = hashes[t]!;
      if (hash === this.open) open.push(t);
      else if (hash === this.close && open.length > 0) closing[open.pop()!] = t;
    }
    return closing;
  }

  /**
   * Token `t` as something only code has (a statement's word, an operator, an assignment, a
   * function body's `{`, a call), only declarations have (an interface, a type alias, a
   * signature's parameter list followed by its return type), or neither.
   */
  private kindOf(hashes: Uint32Array, count: number, closings: Int32Array, t: number): TokenKind {
    const hash = hashes[t]!;
    // A mapped type's `-readonly` and `+readonly` modifiers are no arithmetic.
    if ((hash === this.minus || hash === this.plus) && hashes[t + 1] === this.readonly) return NEITHER;
    if (this.executable.has(hash)) return CODE;
    if (this.typeWords.has(hash)) return TYPE_WORD;
    if (this.marks.has(hash)) return DECLARING;
    if (hash === this.assign) return this.inDeclarationHead(hashes, t) ? NEITHER : CODE;
    if (hash === this.brace) return this.opensBody(hashes, t) ? CODE : NEITHER;
    if (hash !== this.open) return NEITHER;
    const closing = closings[t]!;
    const after = closing !== -1 && closing + 1 < count ? hashes[closing + 1]! : 0;
    const signature = after === this.colon || after === this.arrow;
    // A name's parameter list followed by a return type is a signature; without one, a call.
    if (t > 0 && this.callee.has(hashes[t - 1]!) && !signature) return CODE;
    return signature && after === this.colon ? SIGNATURE : NEITHER;
  }

  /**
   * Whether the `=` at `at` is a type alias's or a type parameter's default: a declaration's head
   * before it, with no other `=` outside type parameters between (statements run on without their
   * semicolons, so `type K = string; a.b = c` must not read as one head).
   */
  private inDeclarationHead(hashes: Uint32Array, at: number): boolean {
    // Depth in type parameter lists, walking back: `>` opens one, `<` closes it.
    let depth = 0;
    let outermostAssign = Infinity;
    for (let t = at - 1; t >= Math.max(0, at - DECLARATION_LOOK_BACK_TOKENS); t--) {
      const hash = hashes[t]!;
      // Another `=` at the head's own level is a statement of its own before this one.
      if (this.heads.has(hash)) return outermostAssign > depth;
      if (!this.typeTokens.has(hash)) return false;
      if (hash === this.closeAngle) depth++;
      else if (hash === this.openAngle) depth--;
      else if (hash === this.assign) outermostAssign = Math.min(outermostAssign, depth);
    }
    return false;
  }

  /** Whether the `{` at `at` opens a function's body: after a parameter list, or after one's return type. */
  private opensBody(hashes: Uint32Array, at: number): boolean {
    if (at > 0 && (hashes[at - 1] === this.close || hashes[at - 1] === this.arrow)) return true;
    for (let t = at - 1; t >= Math.max(1, at - DECLARATION_LOOK_BACK_TOKENS); t--) {
      const hash = hashes[t]!;
      if (hash === this.colon) return hashes[t - 1] === this.close;
      if (!this.typeTokens.has(hash)) return false;
    }
    return false;
  }
}
