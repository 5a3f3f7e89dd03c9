/** Character classes the lexer reads source by: ASCII codes, since it walks a string by charCodeAt. */

/** The first character code after `from` that is not a space or tab (NaN at the end). */
export function nextCharCode(source: string, from: number): number {
  let i = from;
  while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i++;
  return source.charCodeAt(i);
}

/** The first character code at or after `from` that is not white space, line breaks included (NaN at the end). */
export function nextVisibleCharCode(source: string, from: number): number {
  let i = from;
  for (let c = source.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = source.charCodeAt(++i));
  return source.charCodeAt(i);
}

/**
 * The character code just before the colon that ends, across spaces and tabs, right before `at`;
 * NaN when no colon does. `)` there is a return type's `):`, `?` an optional annotation's `?:`,
 * written together as a ternary's `? f(x) : y` is not.
 */
export function charBeforeColon(source: string, at: number): number {
  let i = at - 1;
  while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i--;
  return source.charCodeAt(i) === 58 ? source.charCodeAt(i - 1) : Number.NaN;
}

/** Whether a key's `:` or optional `?:` follows (`key: 1`, `key?: T`). */
export function followedByKeyColon(source: string, end: number): boolean {
  const next = nextCharCode(source, end);
  return next === 58 || (next === 63 && source.charCodeAt(source.indexOf("?", end) + 1) === 58);
}

export function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
}

export function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

export function isUpperCase(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** White space, U+2028 and U+2029 included: JavaScript's line separators, which no language reads as a word. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** How many line breaks source[from, to) holds. */
export function newlinesIn(source: string, from: number, to: number): number {
  let count = 0;
  for (let p = source.indexOf("\n", from); p !== -1 && p < to; p = source.indexOf("\n", p + 1)) count++;
  return count;
}

/** The first U+2028 or U+2029 in source[from, to), else `to`. */
export function separatorBefore(source: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x2028 || c === 0x2029) return i;
  }
  return to;
}
