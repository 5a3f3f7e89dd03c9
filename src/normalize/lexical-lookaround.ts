/**
 * What the lexer reads of the source around a token, ahead or behind, to decide how the grammar
 * reads it (lexical-run.ts): each a bounded read, so that no line is read again at every token.
 */

/**
 * Whether the word at [start, end), after a `.`, is `import.meta`'s `meta` or `new.target`'s
 * `target`: the grammar reads those as a meta property, whose name is a keyword, not a member.
 */
export function isMetaProperty(source: string, start: number, end: number): boolean {
  // Every member name comes here: its length and characters are asked before any slice is made.
  const meta = end - start === 4 && source.startsWith("meta", start);
  if (!meta && !(end - start === 6 && source.startsWith("target", start))) return false;
  return (meta ? IMPORT_META : NEW_TARGET).test(source.slice(Math.max(0, start - 24), start));
}

const IMPORT_META = /(?:^|[^\w$.])import\s*\.\s*$/;
const NEW_TARGET = /(?:^|[^\w$.])new\s*\.\s*$/;

/**
 * Whether the line before `at` is a type alias's head up to its `=` (`export type Key<T> =`), read
 * back at most TYPE_ALIAS_HEAD_CHARS.
 */
export function typeAliasHeadBefore(source: string, at: number): boolean {
  const from = Math.max(0, at - TYPE_ALIAS_HEAD_CHARS);
  const before = source.slice(from, at);
  const lineStart = before.lastIndexOf("\n");
  return (lineStart >= 0 || from === 0) && TYPE_ALIAS_HEAD.test(before.slice(lineStart + 1));
}

/** How far back a type alias's head is looked for, on the line before a backtick. */
const TYPE_ALIAS_HEAD_CHARS = 240;

const TYPE_ALIAS_HEAD = /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?type[ \t]+[\w$]+[ \t]*(?:<.*>)?[ \t]*=[ \t]*$/;

/** Whether the line at `at` begins with a comma: it continues the declaration before it. */
export function beginsWithComma(source: string, at: number): boolean {
  return /^[ \t]*,/.test(source.slice(at, at + 40));
}

/**
 * Where a template literal type's text from `from` ends: at the closing backtick, at a `${`, or at
 * the end of the source; an escaped character is text.
 */
export function templateTextEnd(source: string, from: number): number {
  let at = from;
  while (at < source.length) {
    const c = source.charCodeAt(at);
    if (c === 92) {
      at += 2;
      continue;
    }
    if (c === 96 || (c === 36 && source.charCodeAt(at + 1) === 123)) return at;
    at++;
  }
  return source.length;
}

/** How far back an export or import list's brace is looked for (inExportList). */
const EXPORT_LIST_CHARS = 4000;

const EXPORT_LIST_HEAD = /(?:^|[^\w$.])(?:export|import)(?:[ \t]+type)?[ \t]*$/;

/**
 * Whether `at` lies in an export or import list's braces (`export { _delete as delete }`), whose
 * names the grammar reads as names whatever word they are, read back at most EXPORT_LIST_CHARS.
 */
export function inExportList(source: string, at: number): boolean {
  // Searched within the bound: a bundle's megabytes are not read back for want of a brace.
  const from = Math.max(0, at - EXPORT_LIST_CHARS);
  const before = source.slice(from, at);
  const open = before.lastIndexOf("{");
  if (open < 0 || before.lastIndexOf("}") > open) return false;
  return EXPORT_LIST_HEAD.test(source.slice(Math.max(0, from + open - 16), from + open));
}
