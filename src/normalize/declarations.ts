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

/** One language family's reading of declarations, made once with its token hashes. */
export class DeclarationReader {
  private readonly executable: Set<number>;
  private readonly heads: Set<number>;
  private readonly marks: Set<number>;
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
   * Whether tokens [from, to) of `hashes` (the stream's first `count`) are declarations only:
   * something only declarations have (an interface, a type alias, a signature's parameter list
   * followed by its return type) and nothing only code has.
   */
  declarationsOnly(hashes: Uint32Array, count: number, from: number, to: number): boolean {
    let declared = false;
    for (let t = from; t < to; t++) {
      const hash = hashes[t]!;
      // A mapped type's `-readonly` and `+readonly` modifiers are no arithmetic.
      if ((hash === this.minus || hash === this.plus) && hashes[t + 1] === this.readonly) continue;
      if (this.executable.has(hash)) return false;
      if (this.marks.has(hash)) declared = true;
      else if (hash === this.assign) {
        if (!this.inDeclarationHead(hashes, t)) return false;
      } else if (hash === this.brace) {
        if (this.opensBody(hashes, t)) return false;
      } else if (hash === this.open) {
        const after = this.afterClosing(hashes, count, t);
        const signature = after === this.colon || after === this.arrow;
        // A name's parameter list followed by a return type is a signature; without one, a call.
        if (t > 0 && this.callee.has(hashes[t - 1]!) && !signature) return false;
        if (signature && after === this.colon) declared = true;
      }
    }
    return declared;
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

  /** The token after the `)` closing the `(` at `at`, or 0 when it is not closed. */
  private afterClosing(hashes: Uint32Array, count: number, at: number): number {
    let depth = 0;
    for (let t = at; t < count; t++) {
      const hash = hashes[t]!;
      if (hash === this.open) depth++;
      else if (hash === this.close && --depth === 0) return t + 1 < count ? hashes[t + 1]! : 0;
    }
    return 0;
  }
}
