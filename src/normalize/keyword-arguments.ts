/**
 * Python's keyword arguments (`re.compile(p, flags=re.U)`): the name before a `=` inside a call's
 * parentheses is the callee's parameter, its API's vocabulary, which every caller writes and a
 * renamed copy keeps. Matching counts such a name the same on both sides as no evidence, as it
 * does a conventional name (TokenStream.vocabulary). A function's own parameters with
 * defaults (`def f(x, flags=0)`) are its declared names and are not marked.
 */

/** KeywordArgumentReader's bracket kinds. */
const OTHER = 0;
const CALL = 1;

/** Reads one language family's keyword arguments; one per lexer (and one for parsed queries), reused across calls. */
export class KeywordArgumentReader {
  private readonly id: number;
  private readonly assign: number;
  private readonly def: number;
  private readonly openParen: number;
  private readonly openSquare: number;
  private readonly openBrace: number;
  private readonly closeParen: number;
  private readonly closeSquare: number;
  private readonly closeBrace: number;
  /** The open brackets, innermost last: CALL for a parenthesis other than a definition's parameters, else OTHER. */
  private brackets = new Uint8Array(64);

  constructor(hash: (text: string) => number) {
    this.id = hash("$id");
    this.assign = hash("=");
    this.def = hash("def");
    this.openParen = hash("(");
    this.openSquare = hash("[");
    this.openBrace = hash("{");
    this.closeParen = hash(")");
    this.closeSquare = hash("]");
    this.closeBrace = hash("}");
  }

  /** 1 for each of the `count` tokens that is a keyword argument's name, else 0; undefined when none is. */
  read(hashes: Uint32Array, count: number): Uint8Array | undefined {
    let marks: Uint8Array | undefined;
    let depth = 0;
    for (let t = 0; t < count; t++) {
      const hash = hashes[t]!;
      if (hash === this.openParen || hash === this.openSquare || hash === this.openBrace) {
        if (depth === this.brackets.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(this.brackets);
          this.brackets = grown;
        }
        const parameters = t >= 2 && hashes[t - 1] === this.id && hashes[t - 2] === this.def;
        this.brackets[depth++] = hash === this.openParen && !parameters ? CALL : OTHER;
      } else if (hash === this.closeParen || hash === this.closeSquare || hash === this.closeBrace) {
        // A fragment may close brackets it never opened: they are none of its own.
        if (depth > 0) depth--;
      } else if (hash === this.id && depth > 0 && this.brackets[depth - 1] === CALL && t + 1 < count && hashes[t + 1] === this.assign) {
        marks ??= new Uint8Array(count);
        marks[t] = 1;
      }
    }
    return marks;
  }
}
