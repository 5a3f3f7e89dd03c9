import { DOWNLEVEL_TEMPORARY_MAX_TOKENS } from "../options.js";

/**
 * Optional chaining and nullish coalescing as compilers write them for older runtimes, read back as
 * written: TypeScript's and Babel's `a === null || a === void 0 ? void 0 : a.b` and esbuild's
 * `a == null ? void 0 : a.b` are `a?.b`; `a !== null && a !== void 0 ? a : b` and `a != null ? a : b`
 * are `a ?? b`; with the temporary a compiler takes for anything longer than a name,
 * `(_a = x.y) === null || _a === void 0 ? void 0 : _a.z` is `x.y?.z`. A compiled build then reads
 * as its source does, and two compiled builds do not match each other on the compiler's text.
 */

/** The token arrays both readers fill, rewritten in place. */
export interface TokenArrays {
  hashes: Uint32Array;
  startLines: Uint32Array;
  endLines: Uint32Array;
  charWeights: Uint8Array;
  names: Uint16Array;
  startOffsets?: Uint32Array;
  endOffsets?: Uint32Array;
}

/** In a pattern: the chained name again (the same identifier as the first, or the temporary). */
const SAME_NAME = "$same";

/**
 * The compiled forms, from the token after the chained name (or the temporary's `)`) to the last
 * token the lifted operator replaces: an optional chain ends on the name read again (and the `.`
 * after it, if any, goes with it), nullish coalescing on its `:`. The first name stays.
 */
const CHAIN_FORMS = [
  ["===", "null", "||", SAME_NAME, "===", "void", "$num", "?", "void", "$num", ":", SAME_NAME],
  ["==", "null", "?", "void", "$num", ":", SAME_NAME],
];
const COALESCE_FORMS = [
  ["!==", "null", "&&", SAME_NAME, "!==", "void", "$num", "?", SAME_NAME, ":"],
  ["!=", "null", "?", SAME_NAME, ":"],
];

interface Form {
  readonly hashes: Uint32Array;
  readonly chain: boolean;
  /** Where in `hashes` the chained name is first read again: the temporary, on a temporary's form. */
  readonly firstSame: number;
}

export class DownlevelLifter {
  private readonly id: number;
  private readonly dot: number;
  private readonly open: number;
  private readonly close: number;
  private readonly assign: number;
  private readonly optionalChain: number;
  private readonly coalesce: number;
  /** The hashes a form's second token may have (`===`, `==`, `!==`, `!=`): every other token skips the forms at once. */
  private readonly comparisons: Uint32Array;
  private readonly forms: readonly Form[];

  /** `hash` gives a token's hash from its normalized text, as the reader hashes it. */
  constructor(hash: (text: string) => number) {
    this.id = hash("$id");
    this.dot = hash(".");
    this.open = hash("(");
    this.close = hash(")");
    this.assign = hash("=");
    this.optionalChain = hash("?.");
    this.coalesce = hash("??");
    const form = (texts: readonly string[], chain: boolean): Form => ({
      hashes: Uint32Array.from(texts, (text) => (text === SAME_NAME ? 0 : hash(text))),
      chain,
      firstSame: texts.indexOf(SAME_NAME),
    });
    this.forms = [...CHAIN_FORMS.map((texts) => form(texts, true)), ...COALESCE_FORMS.map((texts) => form(texts, false))];
    this.comparisons = Uint32Array.from(this.forms, (f) => f.hashes[0]!);
  }

  /** Rewrites the first `count` tokens in place; returns how many remain. */
  lift(t: TokenArrays, count: number): number {
    const h = t.hashes;
    let w = 0;
    for (let r = 0; r < count; ) {
      const at = h[r]!;
      const form = (at === this.id || at === this.close) && r + 1 < count && this.comparison(h[r + 1]!) ? this.formAt(t, r, count) : undefined;
      if (form === undefined) {
        copy(t, r++, w++);
        continue;
      }
      if (at === this.id) copy(t, r, w++);
      else {
        // `(_a = x.y)`: the temporary's parenthesis and assignment go, its expression stays.
        const open = this.temporaryStart(t, w, t.names[r + 1 + form.firstSame]!);
        if (open < 0) {
          copy(t, r++, w++);
          continue;
        }
        for (let i = open + 3; i < w; i++) copy(t, i, i - 3);
        w -= 3;
      }
      // A member access after the chain is its `?.`; an index or a call keeps its bracket.
      const last = r + form.hashes.length;
      const operator = form.chain && last + 1 < count && h[last + 1] === this.dot ? last + 1 : last;
      copy(t, operator, w);
      h[w] = form.chain ? this.optionalChain : this.coalesce;
      t.charWeights[w] = 2;
      t.names[w] = 0;
      w++;
      r = operator + 1;
    }
    return w;
  }

  private comparison(hash: number): boolean {
    const c = this.comparisons;
    for (let i = 0; i < c.length; i++) if (c[i] === hash) return true;
    return false;
  }

  /** The compiled form the tokens from `r` (a name, or a temporary's `)`) are, if any. */
  private formAt(t: TokenArrays, r: number, count: number): Form | undefined {
    const h = t.hashes;
    // A member's name (no name word) is no chained name: `x.y == null ? …` is not `y`'s.
    const anchorName = h[r] === this.id ? t.names[r]! : 0;
    if (h[r] === this.id && anchorName === 0) return undefined;
    for (const form of this.forms) {
      const f = form.hashes;
      if (r + f.length >= count) continue;
      let name = anchorName;
      let i = 0;
      for (; i < f.length; i++) {
        const at = r + 1 + i;
        if (f[i] !== 0) {
          if (h[at] !== f[i]) break;
        } else {
          if (h[at] !== this.id || t.names[at] === 0 || (name !== 0 && t.names[at] !== name)) break;
          name = t.names[at]!;
        }
      }
      if (i === f.length && name !== 0) return form;
    }
    return undefined;
  }

  /**
   * Where, among the tokens already written (before `w`), the `(` of `(_a = …)` whose `)` comes
   * next stands, `_a` being the temporary named `name`; -1 if not within DOWNLEVEL_TEMPORARY_MAX_TOKENS.
   */
  private temporaryStart(t: TokenArrays, w: number, name: number): number {
    const h = t.hashes;
    let depth = 0;
    for (let i = w - 1; i >= 0 && i >= w - DOWNLEVEL_TEMPORARY_MAX_TOKENS; i--) {
      if (h[i] === this.close) depth++;
      else if (h[i] === this.open) {
        if (depth > 0) {
          depth--;
          continue;
        }
        return h[i + 1] === this.id && t.names[i + 1] === name && h[i + 2] === this.assign && i + 3 < w ? i : -1;
      }
    }
    return -1;
  }
}

/** Token `from` written over token `to` (to ≤ from). */
function copy(t: TokenArrays, from: number, to: number): void {
  if (from === to) return;
  t.hashes[to] = t.hashes[from]!;
  t.startLines[to] = t.startLines[from]!;
  t.endLines[to] = t.endLines[from]!;
  t.charWeights[to] = t.charWeights[from]!;
  t.names[to] = t.names[from]!;
  if (t.startOffsets) t.startOffsets[to] = t.startOffsets[from]!;
  if (t.endOffsets) t.endOffsets[to] = t.endOffsets[from]!;
}
