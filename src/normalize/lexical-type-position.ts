import { charBeforeColon, isUpperCase } from "./lexical-chars.js";
import { CLASS_BODY } from "./lexical-context.js";
import { typeAliasHeadBefore } from "./lexical-lookaround.js";

/** What the lexer has read so far, as these tests need it (LexRun is one). */
export interface ReadSoFar {
  readonly source: string;
  /** TypeScript's types may stand here (the dialect's typeKeywordsAnywhere). */
  readonly typesAnywhere: boolean;
  /** The last three tokens' texts, the last first. */
  readonly previousText: string;
  readonly beforePreviousText: string;
  readonly thirdPreviousText: string;
  /** `<` read as a type argument list and not yet closed. */
  readonly angleDepth: number;
  /** Between `interface` and its body. */
  readonly interfaceHeader: boolean;
  /** The innermost open bracket's character or body marker (lexical-context.ts), undefined outside any. */
  readonly innermostBracket: number | undefined;
  /** Inside a template literal type's `${…}`. */
  readonly inTemplateType: boolean;
}

/**
 * Whether a name read at `start`, followed by a dot, begins a qualified type (TypeScript): after
 * `keyof`, `implements`, `as` or `satisfies`, what an interface extends, in type arguments (a
 * capitalized name), a type parameter's constraint, a type alias's type (`type A = b.C`; not after
 * a union's `|`, which may be a value's bitwise or, unless an object type's `}` comes before it),
 * or after an annotation's colon that is one for sure: a return type's (`): React.JSX.Element`), a
 * class or interface member's, an optional one's (`children?: React.ReactNode`), a declared
 * variable's (`const x: React.FC`) or a parameter's (`(props: React.Props, …`). Elsewhere a colon
 * may be an object key's or a ternary's, before a value.
 */
export function startsTypeChain(read: ReadSoFar, start: number): boolean {
  if (!read.typesAnywhere) return false;
  const previousText = read.previousText;
  if (previousText === "keyof" || previousText === "implements" || previousText === "as" || previousText === "satisfies" || (read.interfaceHeader && read.angleDepth === 0 && (previousText === "extends" || previousText === ","))) return true;
  if (read.angleDepth > 0 && (previousText === "<" || previousText === ",")) return isUpperCase(read.source.charCodeAt(start));
  // `<T extends NodeJS.ArrayBufferView>`: a type parameter's constraint.
  if (read.angleDepth > 0 && previousText === "extends") return true;
  // `} & JSX.IntrinsicElements["td"]`: an object type's intersection or union; an object literal
  // is no operand of `&` or `|`, and a block is followed by a statement.
  if ((previousText === "&" || previousText === "|") && read.beforePreviousText === "}") return true;
  // `type Handle = net.Socket`: a type alias's type.
  if (previousText === "=" && read.beforePreviousText === "$id" && read.thirdPreviousText === "type") return true;
  if (previousText !== ":") return false;
  if (read.innermostBracket === CLASS_BODY) return true;
  if (read.beforePreviousText === "$id") {
    const third = read.thirdPreviousText;
    if (third === "const" || third === "let" || third === "var") return true;
    if ((third === "(" || third === ",") && read.innermostBracket === 40) return true;
  }
  // `?:` and `):` written together: an optional annotation, a return type.
  const before = charBeforeColon(read.source, start);
  return before === 63 || before === 41;
}

/**
 * Whether a backtick at `at` begins a template literal type (`` `${number}px` ``, TypeScript),
 * which the grammar reads as its parts, not as one string: where only a type can stand (after `|`,
 * `&`, `extends`, `as`, a type alias's `=`, in type arguments, as an interface member's or a
 * return type's annotation, inside another such type). A colon or `?` elsewhere may be a ternary's.
 */
export function templateTypeAt(read: ReadSoFar, at: number): boolean {
  if (!read.typesAnywhere) return false;
  const previous = read.previousText;
  if (previous === "|" || previous === "&" || previous === "extends" || previous === "as") return true;
  if (previous === "${") return read.inTemplateType;
  if (read.angleDepth > 0 && (previous === "<" || previous === ",")) return true;
  if (previous === ":") return read.innermostBracket === CLASS_BODY || charBeforeColon(read.source, at) === 41;
  return previous === "=" && typeAliasHeadBefore(read.source, at);
}
