import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, Lexicon } from "../languages/language.js";
import { BOILERPLATE_PREFIX_CHARS } from "../options.js";
import { followedByKeyColon, nextCharCode } from "./lexical-chars.js";
import { OperatorTable, WordTable } from "./lexical-tables.js";
import { literalClassHashes } from "./token-stream.js";

/**
 * What the lexer knows of one language: its token hashes and lookup tables, and the rules that
 * decide from the characters around a word what the parser would have made of it (a keyword or a
 * name, a key, a skipped import). One per language, shared by every run (lexical-run.ts).
 */

/** Where a token came from, for the context rules that classify the next one. */
export const enum Kind {
  None,
  Word,
  Keyword,
  Number,
  String,
  Punct,
}

/** Whether a statement is left out, and of which kind (see startsSkippedStatement). */
export const enum Skipped {
  No,
  Statement,
  /** An entry of a `require` map: it ends at its comma. */
  Pair,
}

const enum WordClass {
  /** Always a keyword. */
  Reserved,
  /** A keyword when an operand follows (see Lexicon.callableKeywords). */
  Callable,
  /** A keyword when a name or bracket follows on its line. */
  Contextual,
  /** A keyword in a type position. */
  Type,
}

/** Marks a class body's `{` on the bracket stack (other entries are the bracket's character code). */
export const CLASS_BODY = -1;
/** Marks a switch body's `{`, where `default:` and `case x:` are labels, not keys. */
export const SWITCH_BODY = -2;

/** Tokens after which a name is in a type position (`x: string`, `A | number`, `Map<string, T>`). */
const TYPE_POSITION_AFTER = new Set([":", "|", "&", "<", "keyof", "=>", "as", "extends", "satisfies", "readonly"]);

/** Tokens after which a name in a class body is a member's (`static x`, `get y()`, `} z()`). */
const MEMBER_NAME_AFTER = new Set([
  "{", "}", ";", "*", "static", "get", "set", "async", "readonly", "private", "public", "protected", "override",
  "abstract", "declare", "accessor",
]);

/** Tokens after which `name:` in braces is an object's or type's key, not a typed variable (`let x: T`). */
const OBJECT_KEY_AFTER = new Set(["{", ",", ";"]);

/** Whether a statement could end after this token (JavaScript has no newline token to say so). */
export function statementComplete(previous: Kind, previousText: string): boolean {
  if (previous === Kind.String || previous === Kind.Word || previous === Kind.Number) return true;
  return previous === Kind.Punct && (previousText === ")" || previousText === "]" || previousText === "}");
}

export class LexicalContext {
  readonly python: boolean;
  readonly lexicon: Lexicon;
  /** Every word that may be a keyword, with what kind: one lookup tells a plain name. */
  readonly words: WordTable<WordClass>;
  readonly operators: OperatorTable;
  readonly literalClasses: Uint32Array;
  readonly keptLiteralClasses: Uint32Array;
  readonly idHash: number;
  readonly stringHash: number;
  readonly numberHash: number;
  readonly regexHash: number;
  private readonly hasher: TokenHasher;
  private readonly hashOf = new Map<string, number>();
  private readonly keywords: ReadonlyMap<string, string>;

  constructor(
    readonly definition: LanguageDefinition,
    baseHasher: TokenHasher,
  ) {
    // Token hashes are seeded by language family (hashing.ts): no k-gram crosses families.
    this.hasher = baseHasher.forFamily(definition.lexicon.dialect);
    this.lexicon = definition.lexicon;
    this.python = this.lexicon.dialect === "python";
    this.keywords = new Map(Object.entries(this.lexicon.keywords));
    const classes = new Map<string, WordClass>();
    for (const word of this.lexicon.typeKeywords ?? []) classes.set(word, WordClass.Type);
    for (const word of this.lexicon.contextualKeywords ?? []) classes.set(word, WordClass.Contextual);
    for (const word of this.keywords.keys()) classes.set(word, WordClass.Reserved);
    for (const word of this.lexicon.callableKeywords ?? []) classes.set(word, WordClass.Callable);
    this.words = new WordTable(classes);
    this.operators = new OperatorTable(this.lexicon.operators, definition.formattingTokens, (text) => this.hash(text));
    ({ literalClasses: this.literalClasses, keptLiteralClasses: this.keptLiteralClasses } = literalClassHashes(definition, this.hasher));
    this.idHash = this.hash("$id");
    this.stringHash = this.hash(definition.literalTypes.string ?? "$str");
    this.numberHash = this.hash("$num");
    this.regexHash = this.hash("$re");
  }

  /** The hash of a token text, cached: token texts are few. */
  hash(text: string): number {
    let hash = this.hashOf.get(text);
    if (hash === undefined) {
      hash = this.hasher.hashToken(text);
      this.hashOf.set(text, hash);
    }
    return hash;
  }

  /** Whether `close` ends a block comment (else the span it closes is a string). */
  closesComment(close: string): boolean {
    return (this.lexicon.blockComment?.[0] ?? "") === close || (this.lexicon.blockComment?.[1] ?? "") === close;
  }

  /** The keyword text the word `entry` (of `words`) ending at `end` is read as here, or undefined for a name. */
  keywordText(source: string, entry: number, end: number, previousText: string, lineStart: boolean, inTypeArguments: boolean, innermostBracket: number | undefined): string | undefined {
    const word = this.words.word(entry);
    if (this.lexicon.dialect === "ecmascript" && (innermostBracket === 123 || innermostBracket === CLASS_BODY)) {
      // Any word is a name as a key (`{ extends: x }`, `{ type?: T }`) or a class's method (`delete(key) {}`).
      const next = nextCharCode(source, end);
      if ((lineStart || OBJECT_KEY_AFTER.has(previousText)) && followedByKeyColon(source, end)) return undefined;
      if (innermostBracket === CLASS_BODY && MEMBER_NAME_AFTER.has(previousText) && (next === 40 || next === 60)) return undefined;
    }
    switch (this.words.value(entry)) {
      case WordClass.Reserved:
        return this.keywords.get(word);
      case WordClass.Callable:
        // Python 2's `print x` is a statement; `print(x)` a call.
        return /^[ \t]*[\w"'>[-]/.test(source.slice(end, end + 3)) ? this.keywords.get(word) : undefined;
      case WordClass.Contextual: {
        // A contextual keyword (`type`, `readonly`, `get`) is one when a name or bracket follows it on its line.
        const next = /^[ \t]*([\w$#"'`[{*]|$)/.exec(source.slice(end, end + 40));
        return next && next[1] !== "" ? word : undefined;
      }
      case WordClass.Type:
        if (TYPE_POSITION_AFTER.has(previousText) || (inTypeArguments && previousText === ",")) return word;
        // In TypeScript a type's name is nearly always a type (`[number, string]`, `<T = number>`), unless used as a value.
        if (this.lexicon.typeKeywordsAnywhere && !/^[ \t]*(?:[.(]|=(?![=>]))/.test(source.slice(end, end + 3))) return word;
        return undefined;
    }
  }

  /** An object literal's or type's key (`{ key: 1 }`): a member name, left out of name comparison. */
  isMemberKey(source: string, end: number, brackets: readonly number[], previousText: string, lineStart: boolean): boolean {
    if (this.python) return false;
    const innermost = brackets[brackets.length - 1];
    if (innermost === CLASS_BODY) return MEMBER_NAME_AFTER.has(previousText);
    if (innermost !== 123 || !(lineStart || OBJECT_KEY_AFTER.has(previousText) || MEMBER_NAME_AFTER.has(previousText))) return false;
    return followedByKeyColon(source, end);
  }

  /** Whether a statement starting here is left out, as the normalizer leaves out imports and module boilerplate. */
  startsSkippedStatement(source: string, start: number, end: number, word: string | undefined, lineStart: boolean, brackets: readonly number[]): Skipped {
    if (this.python) {
      if (!lineStart) return Skipped.No;
      if (word === "import") return Skipped.Statement;
      return word === "from" && /^\s+[\w.]+\s+import\b/.test(source.slice(end, end + 200)) ? Skipped.Statement : Skipped.No;
    }
    if (word === "import") return lineStart && !/^[ \t]*[(.]/.test(source.slice(end, end + 4)) ? Skipped.Statement : Skipped.No;
    const candidates = this.definition.moduleBoilerplate;
    if (!candidates || !lineStart) return Skipped.No;
    const text = source.slice(start, start + BOILERPLATE_PREFIX_CHARS);
    for (const rule of candidates) {
      const isPair = rule.types.includes("pair");
      if (isPair && brackets[brackets.length - 1] !== 123) continue;
      if (rule.pattern.test(text)) return isPair ? Skipped.Pair : Skipped.Statement;
    }
    return Skipped.No;
  }

  regexAllowed(previous: Kind, previousText: string): boolean {
    if (previous === Kind.None) return true;
    if (previous === Kind.Word || previous === Kind.Number || previous === Kind.String) return false;
    if (previous === Kind.Keyword) return !["this", "super", "true", "false", "null", "undefined"].includes(previousText);
    return previousText !== ")" && previousText !== "]" && previousText !== "}";
  }
}
