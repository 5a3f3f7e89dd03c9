/**
 * Python's overriding methods: a `def` whose body calls the same name on its base (`super().save()`,
 * `Base.initialize_options(self)`) is named by the base class's API, which every subclass of it
 * writes (a distutils command's `initialize_options` and `finalize_options`). Matching counts such
 * a name the same on both sides as no evidence (TokenStream.vocabulary), as it does a keyword
 * argument's. A renamed copy renames the method but not the base's member, so it is not marked.
 * vocabulary.ts marks each such name after `def`.
 */
import { nameHash } from "./token-stream.js";

/** A `def` from its line's start: its indentation and name. */
const DEFINITION = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm;
/** A class statement's bases, from its line's start: `class Name(A, b.B, metaclass=M):`. */
const CLASS_BASES = /^[ \t]*class[ \t]+[A-Za-z_]\w*[ \t]*\(([^()]*)\)/gm;
/** What follows `super(`: its arguments, then the member called. */
const AFTER_SUPER = /[^()]*\)\s*\.\s*([A-Za-z_]\w*)\s*\(/y;

/**
 * The name words (nameHash) of the methods in `source` whose body calls their own name on the base.
 * By name, not by place: a name overriding in one class is marked in another of the same file too.
 */
export function overridingNames(source: string): Set<number> {
  const overriding = new Set<number>();
  // Most files call nothing on a base: one pass finds the calls that could be an override's.
  const calls = baseCalls(source);
  if (calls.length === 0) return overriding;
  const called = new Set(calls.map((call) => call.name));
  for (const definition of source.matchAll(DEFINITION)) {
    const name = definition[2]!;
    if (!called.has(name)) continue;
    const bodyStart = definition.index + definition[0].length;
    // The body runs to the first line indented no deeper than the `def` (blank and comment lines aside).
    const end = new RegExp(`\\n[ \\t]{0,${definition[1]!.length}}(?=[^ \\t\\r\\n#])`, "g");
    end.lastIndex = bodyStart;
    const bodyEnd = end.exec(source)?.index ?? source.length;
    if (calls.some((call) => call.name === name && call.at >= bodyStart && call.at < bodyEnd)) overriding.add(nameHash(name, 0, name.length));
  }
  return overriding;
}

/**
 * The calls of a name on the base in `source`, each with where it is: `super(…).name(` and the
 * unbound `Base.name(self` older code writes, `Base` one of the classes its class statements derive
 * from (a fragment without its class statement has only its `super()` calls). Found from each
 * `super(` and `(self` with indexOf, many times faster than a regular expression tried at every
 * position.
 */
function baseCalls(source: string): { name: string; at: number }[] {
  const calls: { name: string; at: number }[] = [];
  for (let at = source.indexOf("super("); at >= 0; at = source.indexOf("super(", at + 6)) {
    if (at > 0 && isWordChar(source.charCodeAt(at - 1))) continue;
    AFTER_SUPER.lastIndex = at + 6;
    const call = AFTER_SUPER.exec(source);
    if (call) calls.push({ name: call[1]!, at });
  }
  let bases: Set<string> | undefined;
  for (let at = source.indexOf("(self"); at >= 0; at = source.indexOf("(self", at + 5)) {
    // `self` is the whole first argument, not `self.x`.
    let after = at + 5;
    while (isSpace(source.charCodeAt(after))) after++;
    const next = source.charCodeAt(after);
    if (next !== 41 && next !== 44) continue;
    // Backwards from the parenthesis: the name called, then the dot before it.
    let end = at;
    while (end > 0 && isSpace(source.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isWordChar(source.charCodeAt(start - 1))) start--;
    let dot = start;
    while (dot > 0 && isSpace(source.charCodeAt(dot - 1))) dot--;
    const first = source.charCodeAt(start);
    if (start === end || (first >= 48 && first <= 57) || source.charCodeAt(dot - 1) !== 46) continue;
    // The qualifier before the dot must be one of the file's base classes: `copy.copy(self)` is a module's function.
    let qualifierEnd = dot - 1;
    while (qualifierEnd > 0 && isSpace(source.charCodeAt(qualifierEnd - 1))) qualifierEnd--;
    let qualifierStart = qualifierEnd;
    while (qualifierStart > 0 && isWordChar(source.charCodeAt(qualifierStart - 1))) qualifierStart--;
    bases ??= baseClasses(source);
    if (bases.has(source.slice(qualifierStart, qualifierEnd))) calls.push({ name: source.slice(start, end), at });
  }
  return calls;
}

/** The last names of the classes the file's class statements derive from (`Command` in `class build(cmd.Command):`). */
function baseClasses(source: string): Set<string> {
  const bases = new Set<string>();
  for (const statement of source.matchAll(CLASS_BASES)) {
    for (const base of statement[1]!.split(",")) {
      const name = /([A-Za-z_]\w*)\s*$/.exec(base.trim());
      if (name && !base.includes("=")) bases.add(name[1]!);
    }
  }
  return bases;
}

/** `[A-Za-z0-9_]` by its code (NaN past the end is none). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** A space, tab or line break by its code. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
