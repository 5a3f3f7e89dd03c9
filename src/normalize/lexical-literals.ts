import { isWordPart } from "./lexical-chars.js";

/**
 * Where the lexer's literals end: strings, templates, regular expressions and Python's
 * triple-quoted strings, each read to its closing delimiter (or the fragment's end when cut).
 */

/** templateEnd's stack entry for a template's text (a substitution's is its brace count, at least 1). */
const TEMPLATE_TEXT = -1;

/** The end of a quoted string past its closing quote, or at the line break that cuts it. */
export function quotedEnd(source: string, start: number): number {
  const quote = source.charCodeAt(start);
  for (let i = start + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
    else if (c === 10) return i;
  }
  return source.length;
}

/**
 * The end of a template literal, past its closing backquote. Substitutions may hold templates
 * of their own, to any depth: an explicit stack (TEMPLATE_TEXT for a template's text, else the
 * open brace count of a substitution) instead of recursion, so no nesting can exhaust the stack.
 */
export function templateEnd(source: string, start: number): number {
  const stack: number[] = [TEMPLATE_TEXT];
  let i = start + 1;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    const top = stack.length - 1;
    if (stack[top] === TEMPLATE_TEXT) {
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 96) {
        stack.pop();
        if (stack.length === 0) return i + 1;
      } else if (c === 36 && source.charCodeAt(i + 1) === 123) {
        stack.push(1);
        i++;
      }
      i++;
      continue;
    }
    if (c === 123) {
      stack[top]!++;
    } else if (c === 125) {
      if (--stack[top]! === 0) stack.pop();
    } else if (c === 96) {
      stack.push(TEMPLATE_TEXT);
    } else if (c === 34 || c === 39) {
      i = quotedEnd(source, i);
      continue;
    } else if (c === 47 && regexMayStart(source, i)) {
      // A regular expression's quotes and braces are its own (`${s.replace(/(")/g, "")}`).
      const end = regexEnd(source, i);
      if (end > 0) {
        i = end;
        continue;
      }
    }
    i++;
  }
  return source.length;
}

/** Characters after which a `/` in a substitution begins a regular expression, not a division. */
const REGEX_AFTER = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";"]);

/** Whether the `/` at `at` may begin a regular expression: after an operator or bracket, not a comment's. */
function regexMayStart(source: string, at: number): boolean {
  const next = source.charCodeAt(at + 1);
  if (next === 47 || next === 42) return false;
  let p = at - 1;
  while (p > 0 && (source.charCodeAt(p) === 32 || source.charCodeAt(p) === 9)) p--;
  return REGEX_AFTER.has(source[p]!);
}

/** The end of a regular expression literal with its flags, or -1 when none closes on this line. */
export function regexEnd(source: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) return -1;
    if (c === 92) i++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let end = i + 1;
      while (end < source.length && isWordPart(source.charCodeAt(end))) end++;
      return end;
    }
  }
  return -1;
}

/** The end of a Python string starting at its quote (prefix already read), triple-quoted or not. */
export function pythonStringEnd(source: string, quoteAt: number): number {
  const quote = source[quoteAt]!;
  const triple = source.startsWith(quote.repeat(3), quoteAt);
  if (triple) {
    // The first closing delimiter no backslash escapes, found by searching rather than character by character (docstrings are long).
    const delimiter = quote.repeat(3);
    let from = quoteAt + 3;
    let close = source.indexOf(delimiter, from);
    for (;;) {
      if (close === -1) return source.length;
      const escape = source.indexOf("\\", from);
      if (escape === -1 || escape >= close) return close + 3;
      from = escape + 2;
      // Searched again only once passed: each character is searched a bounded number of times.
      if (close < from) close = source.indexOf(delimiter, from);
    }
  }
  return quotedEnd(source, quoteAt);
}

/** The end of a number literal starting at `start` (digits, letters, dots, an exponent's sign). */
export function numberEnd(source: string, start: number): number {
  let end = start + 1;
  while (end < source.length) {
    const d = source.charCodeAt(end);
    if (isWordPart(d) || d === 46) end++;
    else if ((d === 43 || d === 45) && /[eE]/.test(source[end - 1]!) && !/^0[xX]/.test(source.slice(start, end))) end++;
    else break;
  }
  return end;
}

/** A Python string prefix (`r"…"`, `b'…'`, `rb"…"`, `f"…"`). */
const PYTHON_STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR]|[uU][rR])$/;

/** Whether the word at [start, end) is a Python string's prefix (the caller has seen a quote follow it). */
export function isPythonStringPrefix(source: string, start: number, end: number): boolean {
  return end - start <= 2 && PYTHON_STRING_PREFIX.test(source.slice(start, end));
}
