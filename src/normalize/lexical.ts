import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, Lexicon } from "../languages/language.js";
import { BOILERPLATE_PREFIX_CHARS } from "../options.js";
import { followedByKeyColon, isDigit, isSpace, isWordPart, isWordStart, nextCharCode } from "./lexical-chars.js";
import { pythonStringEnd, quotedEnd, regexEnd, templateEnd } from "./lexical-literals.js";
import { OperatorTable, WordTable } from "./lexical-tables.js";
import { type TextSpan, TextKind } from "./text.js";
import { TokenBuffer } from "./token-buffer.js";
import { literalClassHashes, nameHash, type TokenStream } from "./token-stream.js";

/**
 * A lexer that reads the token stream the tree-sitter normalizer would give, without parsing:
 * the same token texts ("$id", "$str", "if", "=>"), names and lines, decided from the characters
 * around each token instead of a syntax tree. It is wrong for a few tokens (JSX text, `new.target`,
 * a `/` after `}`), but a query is a fragment, and tree-sitter's recovery from a fragment's cut ends
 * gets more of them wrong: read this way, queries find more copies (bench/QUALITY.md), so it is how
 * queries are read by default (the index is always parsed). It also costs a fraction of a parse
 * (bench/RESULTS.md).
 */

/** Where a token came from, for the context rules that classify the next one. */
const enum Kind {
  None,
  Word,
  Keyword,
  Number,
  String,
  Punct,
}

/** Where to start lexing a fragment that may begin inside a multi-line string or comment. */
export interface LexicalStart {
  /** The delimiter that closes that span: everything before it is read as its content. */
  readonly insideOf: string;
}

/** Tokens after which a name is in a type position (`x: string`, `A | number`, `Map<string, T>`). */
const TYPE_POSITION_AFTER = new Set([":", "|", "&", "<", "keyof", "=>", "as", "extends", "satisfies", "readonly"]);

/** Whether a statement is left out, and of which kind (see startsSkippedStatement). */
const enum Skipped {
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
const CLASS_BODY = -1;
/** Marks a switch body's `{`, where `default:` and `case x:` are labels, not keys. */
const SWITCH_BODY = -2;

/** Tokens after which a name in a class body is a member's (`static x`, `get y()`, `} z()`). */
const MEMBER_NAME_AFTER = new Set([
  "{", "}", ";", "*", "static", "get", "set", "async", "readonly", "private", "public", "protected", "override",
  "abstract", "declare", "accessor",
]);

/** After `name:`, a loop (or switch) makes the name a statement's label, not a key. */
const LABELLED = /^[ \t]*:[ \t]*(?:for|while|do|switch)\b/;

/** Tokens after which `name:` in braces is an object's or type's key, not a typed variable (`let x: T`). */
const OBJECT_KEY_AFTER = new Set(["{", ",", ";"]);

/** Whether a statement could end after this token (JavaScript has no newline token to say so). */
function statementComplete(previous: Kind, previousText: string): boolean {
  if (previous === Kind.String || previous === Kind.Word || previous === Kind.Number) return true;
  return previous === Kind.Punct && (previousText === ")" || previousText === "]" || previousText === "}");
}

/** A token stream read by the lexer, with what it noticed of prose read as code. */
export interface LexedTokenStream extends TokenStream {
  /**
   * The first line where two names follow each other (`raise an OSError`): no code in these
   * languages has that (keywords and dropped commas are told apart), any sentence does. Infinity when none.
   */
  readonly firstProseLine: number;
}

/** The lexical reading of one language; one per language, reused across calls. */
export class LexicalNormalizer {
  private readonly hasher: TokenHasher;
  private readonly hashOf = new Map<string, number>();
  /** Every word that may be a keyword, with what kind: one lookup tells a plain name. */
  private readonly wordClasses: WordTable<WordClass>;
  private readonly keywords: ReadonlyMap<string, string>;
  private readonly operators: OperatorTable;
  private readonly literalClasses: Uint32Array;
  private readonly keptLiteralClasses: Uint32Array;
  private readonly lexicon: Lexicon;
  private readonly idHash: number;
  private readonly stringHash: number;
  private readonly numberHash: number;
  private readonly regexHash: number;

  constructor(
    private readonly definition: LanguageDefinition,
    baseHasher: TokenHasher,
  ) {
    // Token hashes are seeded by language family (hashing.ts): no k-gram crosses families.
    this.hasher = baseHasher.forFamily(definition.lexicon.dialect);
    this.lexicon = definition.lexicon;
    this.keywords = new Map(Object.entries(this.lexicon.keywords));
    const classes = new Map<string, WordClass>();
    for (const word of this.lexicon.typeKeywords ?? []) classes.set(word, WordClass.Type);
    for (const word of this.lexicon.contextualKeywords ?? []) classes.set(word, WordClass.Contextual);
    for (const word of this.keywords.keys()) classes.set(word, WordClass.Reserved);
    for (const word of this.lexicon.callableKeywords ?? []) classes.set(word, WordClass.Callable);
    this.wordClasses = new WordTable(classes);
    this.operators = new OperatorTable(this.lexicon.operators, definition.formattingTokens, (text) => this.hash(text));
    ({ literalClasses: this.literalClasses, keptLiteralClasses: this.keptLiteralClasses } = literalClassHashes(definition, this.hasher));
    this.idHash = this.hash("$id");
    this.stringHash = this.hash(definition.literalTypes.string ?? "$str");
    this.numberHash = this.hash("$num");
    this.regexHash = this.hash("$re");
  }

  private hash(text: string): number {
    let hash = this.hashOf.get(text);
    if (hash === undefined) {
      hash = this.hasher.hashToken(text);
      this.hashOf.set(text, hash);
    }
    return hash;
  }

  /**
   * The token stream of `source`, read as a fragment: from its start, or, with `start`, from
   * inside a multi-line string or comment opened before it.
   */
  tokens(source: string, start?: LexicalStart): LexedTokenStream {
    const python = this.lexicon.dialect === "python";
    // About one token per five characters of code; the buffer grows if not.
    const out = new TokenBuffer(Math.max(64, source.length >>> 2));
    const n = source.length;
    let i = 0;
    let line = 1;
    let previous = Kind.None;
    let previousText = "";
    let lineStartToken = true;
    let firstProseLine = Number.POSITIVE_INFINITY;
    // Open brackets, innermost last; for a skipped statement, the depth it began at.
    const brackets: number[] = [];
    let classPending = false;
    let switchPending = false;
    let skipDepth = -1;
    let skipEndsAtComma = false;
    // A fragment may begin inside an object literal or a type (`key: value,` lines, no `{` in sight),
    // where the file reads each key as a member name, which has no name hash. Such names are held
    // here until the fragment closes a bracket it did not open: `}` (or the fragment's end, as no
    // parameter list runs that long) says they were keys; `)` or `]` that they were parameters.
    let outerKeys: number[] | undefined = python ? undefined : [];
    // `<` read as a type argument list, for splitting `>>` as tree-sitter does there.
    let angleDepth = 0;

    const newlinesIn = (from: number, to: number): number => {
      let count = 0;
      for (let p = source.indexOf("\n", from); p !== -1 && p < to; p = source.indexOf("\n", p + 1)) count++;
      return count;
    };
    // Where the comments and string literals are, for the text stream (text.ts), as the parser finds them.
    const textSpans: TextSpan[] = [];
    const comment = (from: number, to: number): void => {
      if (skipDepth < 0) textSpans.push({ start: from, end: to, kind: TextKind.Comment });
    };
    const emit = (hash: number, from: number, to: number, name: number, kind: Kind, text: string): void => {
      // Only strings (and templates, regexes) can span lines.
      const endLine = kind === Kind.String ? line + newlinesIn(from, to) : line;
      if (skipDepth < 0) {
        out.push(hash, line, endLine, to - from, name);
        if (text === "$str") textSpans.push({ start: from, end: to, kind: TextKind.String });
      }
      line = endLine;
      previous = kind;
      previousText = text;
      lineStartToken = false;
    };

    if (start) {
      // The span's closer ends the part read as its content.
      const close = start.insideOf;
      const end = source.indexOf(close);
      const stop = end === -1 ? n : end + close.length;
      const isComment = (this.lexicon.blockComment?.[0] ?? "") === close || (this.lexicon.blockComment?.[1] ?? "") === close;
      if (!isComment) emit(this.stringHash, 0, stop, nameHash(source, 0, stop), Kind.String, "$str");
      else {
        comment(0, stop);
        line += newlinesIn(0, stop);
      }
      i = stop;
    }

    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10) {
        line++;
        i++;
        lineStartToken = true;
        // A skipped statement ends with its line, unless brackets are open or the line goes on.
        if (skipDepth >= 0 && brackets.length <= skipDepth && (python ? source.charCodeAt(i - 2) !== 92 : statementComplete(previous, previousText))) {
          skipDepth = -1;
        }
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      // Comments.
      if (python ? c === 35 : c === 47 && source.charCodeAt(i + 1) === 47) {
        const end = source.indexOf("\n", i);
        comment(i, end === -1 ? n : end);
        i = end === -1 ? n : end;
        continue;
      }
      if (!python && c === 47 && source.charCodeAt(i + 1) === 42) {
        const end = source.indexOf("*/", i + 2);
        const stop = end === -1 ? n : end + 2;
        comment(i, stop);
        line += newlinesIn(i, stop);
        i = stop;
        continue;
      }
      if (!python && c === 35 && i === 0 && source.charCodeAt(1) === 33) {
        const end = source.indexOf("\n", i);
        comment(i, end === -1 ? n : end);
        i = end === -1 ? n : end;
        continue;
      }
      if (python && c === 92) {
        // Line continuation: formatting.
        i++;
        continue;
      }
      // Words (and Python's prefixed strings).
      if (isWordStart(c) || (!python && c === 35 && isWordStart(source.charCodeAt(i + 1)))) {
        let end = i + 1;
        while (end < n && isWordPart(source.charCodeAt(end))) end++;
        const after = source.charCodeAt(end);
        if (python && (after === 34 || after === 39) && end - i <= 2 && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR]|[uU][rR])$/.test(source.slice(i, end))) {
          const stop = pythonStringEnd(source, end);
          emit(this.stringHash, i, stop, nameHash(source, i, stop), Kind.String, "$str");
          i = stop;
          continue;
        }
        const wasLineStart = lineStartToken;
        // A name is not sliced out: only a word that may be a keyword is a string here.
        const entry = this.wordClasses.find(source, i, end);
        const word = entry < 0 ? undefined : this.wordClasses.word(entry);
        const skipped = skipDepth < 0 ? this.startsSkippedStatement(source, i, end, word, wasLineStart, brackets) : Skipped.No;
        if (skipped !== Skipped.No) {
          skipDepth = brackets.length;
          // A declaration goes on past its commas (`var a = require("a"), b = a.b;`); a map's entry ends at one.
          skipEndsAtComma = skipped === Skipped.Pair;
        }
        const member = previousText === "." || previousText === "?." || c === 35;
        const text =
          member || word === undefined
            ? undefined
            : this.keywordText(source, word, this.wordClasses.value(entry), end, previousText, wasLineStart, angleDepth > 0, brackets[brackets.length - 1]);
        if (text !== undefined) {
          if (text === "class" && !python) classPending = true;
          if (text === "switch" && !python) switchPending = true;
          emit(this.hash(text), i, end, 0, Kind.Keyword, text);
        } else {
          const keepsName = !member && !this.isMemberKey(source, end, brackets, previousText, wasLineStart);
          if (outerKeys && keepsName && wasLineStart && brackets.length === 0 && skipDepth < 0 && followedByKeyColon(source, end) && !LABELLED.test(source.slice(end, end + 12))) {
            outerKeys.push(out.count);
          }
          if ((previous as Kind) === Kind.Word && !wasLineStart && line < firstProseLine) firstProseLine = line;
          emit(this.idHash, i, end, keepsName ? nameHash(source, i, end) : 0, Kind.Word, "$id");
        }
        i = end;
        continue;
      }
      // Numbers.
      if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
        let end = i + 1;
        while (end < n) {
          const d = source.charCodeAt(end);
          if (isWordPart(d) || d === 46) end++;
          else if ((d === 43 || d === 45) && /[eE]/.test(source[end - 1]!) && !/^0[xX]/.test(source.slice(i, end))) end++;
          else break;
        }
        emit(this.numberHash, i, end, nameHash(source, i, end), Kind.Number, "$num");
        i = end;
        continue;
      }
      // Strings.
      if (c === 34 || c === 39 || (!python && c === 96)) {
        const stop = python ? pythonStringEnd(source, i) : c === 96 ? templateEnd(source, i) : quotedEnd(source, i);
        emit(this.stringHash, i, stop, nameHash(source, i, stop), Kind.String, "$str");
        i = stop;
        continue;
      }
      // A regular expression where an operand is expected.
      if (!python && c === 47 && this.regexAllowed(previous, previousText)) {
        const stop = regexEnd(source, i);
        if (stop > 0) {
          emit(this.regexHash, i, stop, nameHash(source, i, stop), Kind.String, "$re");
          i = stop;
          continue;
        }
      }
      // Operators and punctuation, longest first.
      let operator = this.operators.at(source, i, c);
      if (operator.text === "?." && isDigit(source.charCodeAt(i + 2))) operator = this.operators.single("?");
      const op = operator.text;
      const end = i + op.length;
      if (op === "(" || op === "[" || op === "{") {
        // A class body's brace is remembered as such: a member's name starts each of its lines.
        if (op === "{") {
          brackets.push(classPending ? CLASS_BODY : switchPending ? SWITCH_BODY : c);
          classPending = false;
          switchPending = false;
        } else {
          brackets.push(c);
        }
        if (op === "{" && !python) angleDepth = 0;
      } else if (op === ")" || op === "]" || op === "}") {
        if (brackets.length === 0 && outerKeys) {
          if (op === "}") for (const key of outerKeys) out.names[key] = 0;
          outerKeys = undefined;
        }
        brackets.pop();
        if (op === "}") angleDepth = 0;
        if (skipDepth >= 0 && brackets.length < skipDepth) skipDepth = -1;
      }
      if (!python) {
        if (op === "<" && i > 0 && isWordPart(source.charCodeAt(i - 1))) angleDepth++;
        if (angleDepth > 0 && (op === ">>" || op === ">>>")) {
          // Closing nested type arguments: one `>` token per level, as tree-sitter lexes them there.
          const closer = this.operators.single(">");
          for (let p = 0; p < op.length; p++) emit(closer.hash, i + p, i + p + 1, 0, Kind.Punct, ">");
          angleDepth = Math.max(0, angleDepth - op.length);
          i = end;
          continue;
        }
        if (op === ">" && angleDepth > 0) angleDepth--;
        if (op === ";") angleDepth = 0;
      }
      const skipEnds = skipDepth >= 0 && !python && brackets.length === skipDepth && (op === ";" || (op === "," && skipEndsAtComma));
      if (operator.dropped) {
        previous = Kind.Punct;
        previousText = op;
        lineStartToken = false;
      } else if (python && op === "...") {
        emit(this.hash("ellipsis"), i, end, 0, Kind.Keyword, "ellipsis");
      } else {
        emit(operator.hash, i, end, 0, Kind.Punct, op);
      }
      if (skipEnds) skipDepth = -1;
      i = end;
    }
    if (outerKeys) for (const key of outerKeys) out.names[key] = 0;
    return {
      language: this.definition.name,
      count: out.count,
      hashes: out.hashes.subarray(0, out.count),
      startLines: out.startLines.subarray(0, out.count),
      endLines: out.endLines.subarray(0, out.count),
      charWeights: out.charWeights.subarray(0, out.count),
      names: out.names.subarray(0, out.count),
      literalClasses: this.literalClasses,
      keptLiteralClasses: this.keptLiteralClasses,
      lineCount: line - (source.endsWith("\n") ? 1 : 0),
      hasErrors: false,
      errorChars: 0,
      textSpans,
      firstProseLine,
    };
  }

  /** The keyword text a word is read as here, or undefined for a name. */
  private keywordText(
    source: string,
    word: string,
    wordClass: WordClass,
    end: number,
    previousText: string,
    lineStart: boolean,
    inTypeArguments: boolean,
    innermostBracket: number | undefined,
  ): string | undefined {
    if (this.lexicon.dialect === "ecmascript" && (innermostBracket === 123 || innermostBracket === CLASS_BODY)) {
      // Any word is a name as a key (`{ extends: x }`, `{ type?: T }`) or a class's method (`delete(key) {}`).
      const next = nextCharCode(source, end);
      if ((lineStart || OBJECT_KEY_AFTER.has(previousText)) && followedByKeyColon(source, end)) return undefined;
      if (innermostBracket === CLASS_BODY && MEMBER_NAME_AFTER.has(previousText) && (next === 40 || next === 60)) return undefined;
    }
    switch (wordClass) {
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
  private isMemberKey(source: string, end: number, brackets: readonly number[], previousText: string, lineStart: boolean): boolean {
    if (this.lexicon.dialect === "python") return false;
    const innermost = brackets[brackets.length - 1];
    if (innermost === CLASS_BODY) return MEMBER_NAME_AFTER.has(previousText);
    if (innermost !== 123 || !(lineStart || OBJECT_KEY_AFTER.has(previousText) || MEMBER_NAME_AFTER.has(previousText))) return false;
    return followedByKeyColon(source, end);
  }

  /** Whether a statement starting here is left out, as the normalizer leaves out imports and module boilerplate. */
  private startsSkippedStatement(source: string, start: number, end: number, word: string | undefined, lineStart: boolean, brackets: readonly number[]): Skipped {
    if (this.lexicon.dialect === "python") {
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

  private regexAllowed(previous: Kind, previousText: string): boolean {
    if (previous === Kind.None) return true;
    if (previous === Kind.Word || previous === Kind.Number || previous === Kind.String) return false;
    if (previous === Kind.Keyword) return !["this", "super", "true", "false", "null", "undefined"].includes(previousText);
    return previousText !== ")" && previousText !== "]" && previousText !== "}";
  }
}
