import { isSpace, isWordStart } from "./lexical-chars.js";

/** Frames other than an expression's, which is its `{`'s bracket depth (1 or more). */
const TAG = -1;
const CLOSING_TAG = -2;
const CHILDREN = -3;
/** Children an element opened before the source may have been among (JsxFrames.openedBefore). */
const PRESUMED_CHILDREN = -4;

/** `<T,>(x: T) => …`, `<T extends U>(…)`: a TSX arrow's type parameters, not an element. */
const TYPE_PARAMETERS = /^<[ \t]*[\w$]+[ \t]*(?:,|extends\b)/;

/**
 * Where the lexer is in JSX (lexical-run.ts): open tags, elements' children and the expressions in
 * braces inside either, innermost last. Outside all of them it reads JavaScript.
 */
export class JsxFrames {
  private readonly frames: number[] = [];

  /** An element's children are being read: text up to the next tag or expression. */
  inChildren(): boolean {
    // Asked before every token: an empty stack is not read past its end, which V8 makes slow.
    const frames = this.frames;
    if (frames.length === 0) return false;
    const top = frames[frames.length - 1];
    return top === CHILDREN || top === PRESUMED_CHILDREN;
  }

  /** The children being read are those an element opened before the source was presumed to be among. */
  inPresumedChildren(): boolean {
    const frames = this.frames;
    return frames.length > 0 && frames[frames.length - 1] === PRESUMED_CHILDREN;
  }

  /** The element opened before the source was a JSX expression's own (`return (<Button … />);`), no other's child. */
  leavePresumedChildren(): void {
    if (this.inPresumedChildren()) this.frames.pop();
  }

  /** A tag is being read: its names are the tag's and its attributes'. */
  inTag(): boolean {
    const top = this.frames.length > 0 ? this.frames[this.frames.length - 1] : 0;
    return top === TAG || top === CLOSING_TAG;
  }

  /**
   * The source begins inside an opening tag opened before it: its names are attributes until the
   * tag ends, then children follow until the element's closing tag; then, presumably, the children
   * of an element enclosing it, until that one's closing tag (or until what follows is JavaScript:
   * leavePresumedChildren).
   */
  openedBefore(): void {
    this.frames.push(PRESUMED_CHILDREN, TAG);
  }

  /** No element, tag or expression is open: what follows is JavaScript. */
  outside(): boolean {
    return this.frames.length === 0;
  }

  /** `<` (or `</`, closing) has opened a tag. */
  tagOpened(closing: boolean): void {
    this.frames.push(closing ? CLOSING_TAG : TAG);
  }

  /** `>` ended a tag (an opening tag's children follow; a closing tag ends its element), or `/>` an element. */
  tagEnded(selfClosing: boolean): void {
    const frames = this.frames;
    const tag = frames.pop();
    if (!selfClosing && tag === TAG) frames.push(CHILDREN);
    else if (tag === CLOSING_TAG && this.inChildren()) frames.pop();
  }

  /** A `{` now open at bracket depth `depth`: in a tag or among children it opens an expression, JavaScript again. */
  braceOpened(depth: number): void {
    const frames = this.frames;
    if (frames.length > 0 && frames[frames.length - 1]! < 0) frames.push(depth);
  }

  /** A bracket closed, leaving `depth` open: the brace closing an expression returns to its tag or children. */
  bracketClosed(depth: number): void {
    const frames = this.frames;
    if (frames.length > 0 && frames[frames.length - 1]! > depth) frames.pop();
  }
}

/**
 * Whether the `<` at `i`, where an operand is expected, opens a JSX element: before a name or `>`,
 * and not after `i++` (`i++ < n`) or a TSX arrow's type parameters.
 */
export function startsElement(source: string, i: number, previousText: string): boolean {
  if (previousText === "++" || previousText === "--") return false;
  const next = source.charCodeAt(i + 1);
  if (next === 62) return true;
  return isWordStart(next) && !TYPE_PARAMETERS.test(source.slice(i, i + 40));
}

/** Where an element's text from `from` ends: at the next tag or expression, or the source's end. */
export function jsxTextEnd(source: string, from: number): number {
  let end = from;
  while (end < source.length) {
    const c = source.charCodeAt(end);
    if (c === 60 || c === 123) break;
    end++;
  }
  return end;
}

/** Whether source[from, to) is white space alone (no jsx_text token of its own). */
export function isBlankText(source: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = source.charCodeAt(p);
    if (!isSpace(c) && c !== 10) return false;
  }
  return true;
}
