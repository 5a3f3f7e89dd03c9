import { followedByKeyColon, isDigit, isSpace, isWordPart, isWordStart, newlinesIn, nextVisibleCharCode, separatorBefore } from "./lexical-chars.js";
import { CLASS_BODY, ENUM_BODY, Kind, type LexicalContext, SWITCH_BODY, Skipped, statementComplete } from "./lexical-context.js";
import { isPythonStringPrefix, numberEnd, pythonStringEnd, quotedEnd, regexEnd, templateEnd } from "./lexical-literals.js";
import { isBlankText, JsxFrames, jsxTextEnd, startsElement } from "./lexical-jsx.js";
import { beginsWithComma, isMetaProperty, templateTextEnd } from "./lexical-lookaround.js";
import { type ReadSoFar, startsTypeChain, templateTypeAt } from "./lexical-type-position.js";
import { type TextSpan, TextKind } from "./text.js";
import { TokenBuffer } from "./token-buffer.js";
import { nameHash, stringNameHash } from "./token-stream.js";

/** After `name:`, a loop (or switch) makes the name a statement's label, not a key. */
const LABELLED = /^[ \t]*:[ \t]*(?:for|while|do|switch)\b/;

/** Tokens after which a `{` in type arguments opens an object type. */
const TYPE_LITERAL_AFTER = new Set(["<", ",", "|", "&", "=>", "extends", "?", ":"]);

/**
 * One lexing of one source (lexical.ts): the lexer's state as fields and each kind of token read
 * by a method of its own. A bundle's megabyte is one call, run long before the engine has optimized
 * anything: small methods are compiled quickly and one at a time, where one large function was
 * compiled (and after each branch first taken, recompiled) whole.
 */
export class LexRun implements ReadSoFar {
  private readonly python: boolean;
  readonly typesAnywhere: boolean;
  private readonly n: number;
  /** The source holds U+2028 or U+2029, which end a JavaScript line comment as a line break does. */
  private readonly separators: boolean;
  // About one token per five characters of code; the buffer grows if not.
  readonly out: TokenBuffer;
  /** Where the comments and string literals are, for the text stream (text.ts), as the parser finds them. */
  readonly textSpans: TextSpan[] = [];
  i = 0;
  line = 1;
  firstProseLine = Number.POSITIVE_INFINITY;
  private previous = Kind.None;
  previousText = "";
  /** The token before that, and the one before that. */
  beforePreviousText = "";
  thirdPreviousText = "";
  /** The name just read qualifies a type (`React.` of `React.ReactNode`): the last name after its dots is the type's. */
  private typeChain = false;
  private lineStartToken = true;
  /** Open brackets, innermost last; for a skipped statement, the depth it began at. */
  private readonly brackets: number[] = [];
  /** The body marker (CLASS_BODY, SWITCH_BODY, ENUM_BODY) the next `{` opens, or 0 for a plain one. */
  private pendingBody = 0;
  /** The bracket depth of the keyword that set pendingBody: a `{` deeper (`extends B<P, {}>`, `mixin({…})`) is not the body's. */
  private pendingBodyDepth = 0;
  /** Between `interface` and its body, where what it extends is a type (a class extends a value). */
  interfaceHeader = false;
  private skipDepth = -1;
  private skipEndsAtComma = false;
  /** A skipped function declaration ends with its body's brace (`function _typeof(o) {…}function f() {…}`). */
  private skipEndsAtBrace = false;
  /**
   * A fragment may begin inside an object literal or a type (`key: value,` lines, no `{` in sight),
   * where the file reads each key as a member name, which has no name hash. Such names are held
   * here until the fragment closes a bracket it did not open: `}` (or the fragment's end, as no
   * parameter list runs that long) says they were keys; `)` or `]` that they were parameters.
   */
  private outerKeys: number[] | undefined;
  /** `<` read as a type argument list, for splitting `>>` as tree-sitter does there. */
  angleDepth = 0;
  /** Object types open in type arguments: each one's brace depth, then the angle depth its `}` returns to. */
  private readonly typeLiterals: number[] = [];
  /**
   * A Python `case` line's pattern is being read: its `_` is the wildcard, a token of its own, and
   * its dotted names are values' (until a guard's `if`, the header's colon, or the end of a line
   * with no bracket open).
   */
  private casePattern = false;
  /** Open substitutions (`${`) of template literal types, innermost last: the bracket depth each opened. */
  private readonly templateTypes: number[] = [];
  private readonly jsx = new JsxFrames();
  /**
   * The source began inside JSX (startInsideTag): a closing tag found outside every element is
   * an element's opened before the source, not a `<` then a regular expression.
   */
  private closersBefore = false;

  constructor(
    private readonly context: LexicalContext,
    readonly source: string,
  ) {
    this.python = context.python;
    this.typesAnywhere = context.lexicon.typeKeywordsAnywhere === true;
    this.n = source.length;
    this.separators = !this.python && (source.includes("\u2028") || source.includes("\u2029"));
    this.out = new TokenBuffer(Math.max(64, source.length >>> 2));
    this.outerKeys = this.python ? undefined : [];
  }

  // The state lexical-type-position.ts reads (ReadSoFar): these, the last three tokens' texts,
  // angleDepth and interfaceHeader.
  get innermostBracket(): number | undefined {
    return this.brackets[this.brackets.length - 1];
  }

  get inTemplateType(): boolean {
    return this.templateTypes.length > 0;
  }

  /** Reads from inside a span opened before the source, up to and including `close`, its closer. */
  startInside(close: string): void {
    const end = this.source.indexOf(close);
    const stop = end === -1 ? this.n : end + close.length;
    if (!this.context.closesComment(close)) this.emit(this.context.stringHash, 0, stop, stringNameHash(this.source, 0, stop), Kind.String, "$str");
    else {
      this.comment(0, stop);
      this.line += newlinesIn(this.source, 0, stop);
    }
    this.i = stop;
  }

  /** Reads from inside an opening tag, among its attributes (JsxFrames.openedBefore). */
  startInsideTag(): void {
    this.jsx.openedBefore();
    this.closersBefore = true;
  }

  /** Reads the rest of the source. */
  run(): void {
    const source = this.source;
    const python = this.python;
    const n = this.n;
    const jsx = this.jsx;
    while (this.i < n) {
      if (jsx.inChildren()) {
        this.jsxChildren();
        continue;
      }
      const i = this.i;
      const c = source.charCodeAt(i);
      if (c === 10) {
        this.newline();
        continue;
      }
      if (isSpace(c)) {
        this.i = i + 1;
        continue;
      }
      // Comments.
      if (python ? c === 35 : c === 47 && source.charCodeAt(i + 1) === 47) {
        this.lineComment();
        continue;
      }
      if (!python && c === 47 && source.charCodeAt(i + 1) === 42) {
        this.blockComment();
        continue;
      }
      if (!python && c === 35 && i === 0 && source.charCodeAt(1) === 33) {
        this.lineComment();
        continue;
      }
      if (python && c === 92) {
        // Line continuation: formatting.
        this.i = i + 1;
        continue;
      }
      if (isWordStart(c) || (!python && c === 35 && isWordStart(source.charCodeAt(i + 1)))) this.word(c);
      else if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) this.number();
      else if (c === 96 && !python && templateTypeAt(this, i)) this.templateType(i);
      else if (c === 34 || c === 39 || (!python && c === 96)) this.string(c);
      else if (jsx.inTag() && (c === 62 || (c === 47 && source.charCodeAt(i + 1) === 62))) this.jsxTagEnd(c);
      else if (c === 60 && this.startsElement(i)) this.jsxOpen(i, false);
      else if (c === 60 && this.closersBefore && this.closesOpenedBefore(i)) this.jsxOpen(i, true);
      // A regular expression where an operand is expected, else an operator.
      else if (python || c !== 47 || !this.context.regexAllowed(this.previous, this.previousText) || !this.regex()) this.operator(c);
    }
  }

  /** Names held as possible keys that no bracket decided are keys: the fragment's end says so. */
  finish(): void {
    if (this.outerKeys) for (const key of this.outerKeys) this.out.names[key] = 0;
  }

  private newline(): void {
    this.line++;
    this.i++;
    this.lineStartToken = true;
    if (this.brackets.length === 0) this.casePattern = false;
    // A skipped statement ends with its line, unless brackets are open or the line goes on (in
    // JavaScript, also onto a next line that begins with a comma: `var a = require("a")⏎  , b = …`).
    if (
      this.skipDepth >= 0 &&
      this.brackets.length <= this.skipDepth &&
      (this.python ? this.source.charCodeAt(this.i - 2) !== 92 : statementComplete(this.previous, this.previousText) && !beginsWithComma(this.source, this.i))
    ) {
      this.skipDepth = -1;
    }
  }

  private lineComment(): void {
    const end = this.source.indexOf("\n", this.i);
    let stop = end === -1 ? this.n : end;
    // JavaScript's line separators end a line comment too (not a line: lines are counted by "\n").
    if (this.separators) stop = separatorBefore(this.source, this.i, stop);
    this.comment(this.i, stop);
    this.i = stop;
  }

  private blockComment(): void {
    const end = this.source.indexOf("*/", this.i + 2);
    const stop = end === -1 ? this.n : end + 2;
    this.comment(this.i, stop);
    this.line += newlinesIn(this.source, this.i, stop);
    this.i = stop;
  }

  /** A word: a keyword or a name (or a Python string's prefix). */
  private word(c: number): void {
    const source = this.source;
    const context = this.context;
    const i = this.i;
    let end = i + 1;
    while (end < this.n && isWordPart(source.charCodeAt(end))) end++;
    if (this.jsx.inTag() && this.previousText !== "<" && this.previousText !== "</" && this.previousText !== ".") {
      this.jsxAttribute(end);
      return;
    }
    const after = source.charCodeAt(end);
    if (this.python && (after === 34 || after === 39) && isPythonStringPrefix(source, i, end)) {
      const stop = pythonStringEnd(source, end);
      this.emit(context.stringHash, i, stop, stringNameHash(source, i, stop), Kind.String, "$str");
      this.i = stop;
      return;
    }
    const wasLineStart = this.lineStartToken;
    // A name is not sliced out: only a word that may be a keyword is a string here.
    const entry = context.words.find(source, i, end);
    const word = entry < 0 ? undefined : context.words.word(entry);
    const skipped = this.skipDepth < 0 ? context.startsSkippedStatement(source, i, end, word, wasLineStart, this.previousText, this.brackets) : Skipped.No;
    if (skipped !== Skipped.No) {
      this.skipDepth = this.brackets.length;
      // A declaration goes on past its commas (`var a = require("a"), b = a.b;`); a map's entry ends at one.
      this.skipEndsAtComma = skipped === Skipped.Pair;
      this.skipEndsAtBrace = word === "function";
    }
    const previousText = this.previousText;
    // A case pattern's dotted name (`case State.PASSED:`) is a value's, every part of it named.
    let member = (previousText === "." || previousText === "?." || c === 35) && !this.casePattern;
    // The last name of a qualified type (`React.ReactNode`, `A.B.C`) is the type's, as the grammar names it.
    const chained = member && previousText === "." && this.typeChain;
    const dotFollows = source.charCodeAt(end) === 46 && source.charCodeAt(end + 1) !== 46;
    if (chained && !dotFollows) member = false;
    // A member's name, and a qualified type's last name whatever word it is (`AtRule.default`), are
    // names, no keyword looked for.
    const text =
      member || chained || entry < 0
        ? this.nameToken(i, end)
        : context.keywordText(source, entry, end, previousText, wasLineStart, this.angleDepth > 0, this.brackets[this.brackets.length - 1]);
    if (text === "case" && this.python) this.casePattern = true;
    // A guard (`case x if x > 0:`) is an expression.
    if (text === "if") this.casePattern = false;
    if (text !== undefined) {
      // An interface's body is read as a class's: each line begins with a member's name.
      if (!this.python) {
        const body = text === "class" || text === "interface" ? CLASS_BODY : text === "switch" ? SWITCH_BODY : text === "enum" ? ENUM_BODY : 0;
        if (body !== 0) {
          this.pendingBody = body;
          this.pendingBodyDepth = this.brackets.length;
          this.interfaceHeader = text === "interface";
        }
      }
      this.emit(context.hash(text), i, end, 0, Kind.Keyword, text);
    } else {
      const keepsName = !member && !context.isMemberKey(source, end, this.brackets, previousText, wasLineStart);
      if (
        this.outerKeys &&
        keepsName &&
        wasLineStart &&
        this.brackets.length === 0 &&
        this.skipDepth < 0 &&
        followedByKeyColon(source, end) &&
        !LABELLED.test(source.slice(end, end + 12))
      ) {
        this.outerKeys.push(this.out.count);
      }
      if (this.previous === Kind.Word && !wasLineStart && this.line < this.firstProseLine) this.firstProseLine = this.line;
      // Asked before the name is recorded: startsTypeChain reads the tokens before it.
      const typeChain = dotFollows && (chained || (previousText !== "." && startsTypeChain(this, i)));
      this.emit(context.idHash, i, end, keepsName ? nameHash(source, i, end) : 0, Kind.Word, "$id");
      this.typeChain = typeChain;
    }
    this.i = end;
  }

  /**
   * The token of its own a word read as a name is, if any: a meta property's name (`import.meta`)
   * or a Python case pattern's wildcard `_`.
   */
  private nameToken(start: number, end: number): string | undefined {
    if (this.previousText === "." && !this.python && isMetaProperty(this.source, start, end)) return this.source.slice(start, end);
    return this.casePattern && end === start + 1 && this.source.charCodeAt(start) === 95 ? "_" : undefined;
  }

  /** A template literal type's opening backtick, then its text. */
  private templateType(start: number): void {
    this.emit(this.context.hash("`"), start, start + 1, 0, Kind.Punct, "`");
    this.templateTypeText(start + 1);
  }

  /**
   * A template literal type's text from `from`: each run of characters one `string_fragment`
   * token, up to a `${` (its type is read as any other, until the brace closing it) or the closing
   * backtick.
   */
  private templateTypeText(from: number): void {
    const at = templateTextEnd(this.source, from);
    if (at > from) this.emit(this.context.hash("string_fragment"), from, at, 0, Kind.String, "string_fragment");
    if (at >= this.n) {
      this.i = this.n;
    } else if (this.source.charCodeAt(at) === 96) {
      this.emit(this.context.hash("`"), at, at + 1, 0, Kind.Punct, "`");
      this.i = at + 1;
    } else {
      this.emit(this.context.hash("${"), at, at + 2, 0, Kind.Punct, "${");
      this.brackets.push(123);
      this.templateTypes.push(this.brackets.length);
      this.i = at + 2;
    }
  }

  private number(): void {
    const end = numberEnd(this.source, this.i);
    this.emit(this.context.numberHash, this.i, end, nameHash(this.source, this.i, end), Kind.Number, "$num");
    this.i = end;
  }

  private string(c: number): void {
    const source = this.source;
    const i = this.i;
    const stop = this.python ? pythonStringEnd(source, i) : c === 96 ? templateEnd(source, i) : quotedEnd(source, i);
    if (this.skipDepth < 0 && followedByKeyColon(source, stop) && this.context.startsSkippedPair(source, i, this.lineStartToken, this.previousText, this.brackets)) {
      this.skipDepth = this.brackets.length;
      this.skipEndsAtComma = true;
      this.skipEndsAtBrace = false;
    }
    this.emit(this.context.stringHash, i, stop, stringNameHash(source, i, stop), Kind.String, "$str");
    this.i = stop;
  }

  /** A regular expression literal, when one closes on its line; false (nothing read) when none does. */
  private regex(): boolean {
    const stop = regexEnd(this.source, this.i);
    if (stop <= 0) return false;
    this.emit(this.context.regexHash, this.i, stop, nameHash(this.source, this.i, stop), Kind.String, "$re");
    this.i = stop;
    return true;
  }

  /** Operators and punctuation, longest first, with the brackets and type arguments they open and close. */
  private operator(c: number): void {
    const source = this.source;
    const context = this.context;
    const python = this.python;
    const brackets = this.brackets;
    const i = this.i;
    let operator = context.operators.at(source, i, c);
    if (operator.text === "?." && isDigit(source.charCodeAt(i + 2))) operator = context.operators.single("?");
    if (operator.text === "?" && context.mappedTypeOptional(source, i, this.previousText)) {
      this.emit(context.hash("?:"), i, i + 2, 0, Kind.Punct, "?:");
      this.i = i + 2;
      return;
    }
    const op = operator.text;
    const end = i + op.length;
    if (op === "(" || op === "[" || op === "{") {
      // A class body's brace is remembered as such: a member's name starts each of its lines.
      if (op === "{") {
        const body = this.pendingBody !== 0 && brackets.length === this.pendingBodyDepth && this.angleDepth === 0;
        brackets.push(body ? this.pendingBody : c);
        if (body) {
          this.pendingBody = 0;
          this.interfaceHeader = false;
        }
      } else {
        brackets.push(c);
      }
      // Not in a declaration's header, where type parameters' defaults hold braces (`<P, S = {}>`).
      if (op === "{" && !python && this.pendingBody === 0) {
        // An object type in type arguments (`Pick<{ [K in keyof S]: S[K] }[keyof S]>`): the
        // arguments go on after its `}`.
        if (this.angleDepth > 0 && TYPE_LITERAL_AFTER.has(this.previousText)) this.typeLiterals.push(brackets.length, this.angleDepth);
        this.angleDepth = 0;
      }
      if (op === "{") this.jsx.braceOpened(brackets.length);
    } else if (op === "}" && this.templateTypes.length > 0 && this.templateTypes[this.templateTypes.length - 1] === brackets.length) {
      // The end of a template literal type's `${…}`: its text goes on.
      brackets.pop();
      this.templateTypes.pop();
      this.emit(operator.hash, i, end, 0, Kind.Punct, op);
      this.templateTypeText(end);
      return;
    } else if (op === ")" || op === "]" || op === "}") {
      if (brackets.length === 0 && this.outerKeys) {
        if (op === "}") for (const key of this.outerKeys) this.out.names[key] = 0;
        this.outerKeys = undefined;
      }
      const literals = this.typeLiterals;
      const typeLiteral = op === "}" && literals.length > 0 && literals[literals.length - 2] === brackets.length;
      brackets.pop();
      if (op === "}" && this.pendingBody === 0) this.angleDepth = typeLiteral ? literals[literals.length - 1]! : 0;
      if (typeLiteral) literals.length -= 2;
      this.jsx.bracketClosed(brackets.length);
      if (this.skipDepth >= 0 && brackets.length < this.skipDepth) this.skipDepth = -1;
    }
    if (!python) {
      if (op === "<" && i > 0 && isWordPart(source.charCodeAt(i - 1))) this.angleDepth++;
      if (this.angleDepth > 0 && (op === ">>" || op === ">>>")) {
        // Closing nested type arguments: one `>` token per level, as tree-sitter lexes them there.
        const closer = context.operators.single(">");
        for (let p = 0; p < op.length; p++) this.emit(closer.hash, i + p, i + p + 1, 0, Kind.Punct, ">");
        this.angleDepth = Math.max(0, this.angleDepth - op.length);
        this.i = end;
        return;
      }
      if (op === ">" && this.angleDepth > 0) this.angleDepth--;
      if (op === ";") this.angleDepth = 0;
    }
    const skipEnds = this.skipDepth >= 0 && !python && brackets.length === this.skipDepth && (op === ";" || (op === "," && this.skipEndsAtComma) || (op === "}" && this.skipEndsAtBrace));
    if (operator.dropped) {
      this.after(Kind.Punct, op);
    } else if (python && op === "...") {
      this.emit(context.hash("ellipsis"), i, end, 0, Kind.Keyword, "ellipsis");
    } else {
      this.emit(operator.hash, i, end, 0, Kind.Punct, op);
    }
    if (skipEnds) this.skipDepth = -1;
    // A case pattern ends at its header's colon: an inline body after it is an expression.
    if (op === ":" && this.casePattern && brackets.length === 0) this.casePattern = false;
    this.i = end;
  }

  /** Whether the `<` at `i` opens a JSX element: where an operand is expected, before a name or `>`. */
  private startsElement(i: number): boolean {
    return this.context.lexicon.jsx === true && this.context.regexAllowed(this.previous, this.previousText) && startsElement(this.source, i, this.previousText);
  }

  /** Whether `</` at `i`, outside every element, closes one opened before the source (`</Dialog>`, `</>`). */
  private closesOpenedBefore(i: number): boolean {
    const source = this.source;
    if (!this.jsx.outside() || source.charCodeAt(i + 1) !== 47) return false;
    const next = source.charCodeAt(i + 2);
    return next === 62 || isWordStart(next);
  }

  /** `<` (or `</`, closing) at `i`, opening a tag. */
  private jsxOpen(i: number, closing: boolean): void {
    const text = closing ? "</" : "<";
    this.emit(this.context.hash(text), i, i + text.length, 0, Kind.Punct, text);
    this.jsx.tagOpened(closing);
    this.i = i + text.length;
  }

  /**
   * An attribute's name, hyphens and all (`data-id`, `aria-label`): a member's name to the grammar,
   * with no name word, whatever word it is (`class`, `for`).
   */
  private jsxAttribute(end: number): void {
    while (end < this.n && (isWordPart(this.source.charCodeAt(end)) || this.source.charCodeAt(end) === 45)) end++;
    this.emit(this.context.idHash, this.i, end, 0, Kind.Word, "$id");
    this.i = end;
  }

  /** `>` ending a tag (an opening tag's children follow; a closing tag ends its element) or `/>` ending an element. */
  private jsxTagEnd(c: number): void {
    const text = c === 62 ? ">" : "/>";
    this.emit(this.context.hash(text), this.i, this.i + text.length, 0, Kind.Punct, text);
    this.i += text.length;
    this.jsx.tagEnded(text === "/>");
  }

  /**
   * An element's children up to the next tag or expression: text is one string token (the
   * grammar's jsx_text, its white space included, its lines those of its first and last
   * characters); white space alone is none.
   */
  private jsxChildren(): void {
    const source = this.source;
    const from = this.i;
    // After an element opened before the source, `)`, `;`, `,` or `}` (none begins an element's
    // text) say the element was an expression's own, not another's child: JavaScript goes on.
    if (this.jsx.inPresumedChildren()) {
      const next = nextVisibleCharCode(source, from);
      if (Number.isNaN(next) || next === 41 || next === 59 || next === 44 || next === 125) {
        this.jsx.leavePresumedChildren();
        return;
      }
    }
    const end = jsxTextEnd(source, from);
    if (end > from) {
      const blank = isBlankText(source, from, end);
      const newlines = newlinesIn(this.source, from, end);
      if (!blank) {
        // Its last character's line: a newline ending the text is on the line it ends.
        const lastLine = this.line + newlines - (source.charCodeAt(end - 1) === 10 ? 1 : 0);
        if (this.skipDepth < 0) {
          this.out.push(this.context.stringHash, this.line, lastLine, from, end, stringNameHash(source, from, end));
          this.textSpans.push({ start: from, end, kind: TextKind.String });
        }
        this.after(Kind.String, "$str");
      }
      if (newlines > 0 && blank) this.lineStartToken = true;
      this.line += newlines;
      this.i = end;
    }
    if (end >= this.n) return;
    if (source.charCodeAt(end) === 123) this.operator(123);
    else this.jsxOpen(end, source.charCodeAt(end + 1) === 47);
  }

  private comment(from: number, to: number): void {
    if (this.skipDepth < 0) this.textSpans.push({ start: from, end: to, kind: TextKind.Comment });
  }

  private emit(hash: number, from: number, to: number, name: number, kind: Kind, text: string): void {
    // Only strings (and templates, regexes) can span lines. One left open at the end of the input (a
    // fragment cut inside a docstring) ends on its last line with text, not on the empty one after.
    const last = to === this.source.length ? this.source.trimEnd().length : to;
    const endLine = kind === Kind.String ? this.line + newlinesIn(this.source, from, Math.max(from, last)) : this.line;
    if (this.skipDepth < 0) {
      this.out.push(hash, this.line, endLine, from, to, name);
      if (text === "$str") this.textSpans.push({ start: from, end: to, kind: TextKind.String });
    }
    this.line = endLine;
    this.after(kind, text);
  }

  /** Records the token just read as the one the next is read after. */
  private after(kind: Kind, text: string): void {
    this.thirdPreviousText = this.beforePreviousText;
    this.beforePreviousText = this.previousText;
    this.previous = kind;
    this.previousText = text;
    this.lineStartToken = false;
    if (kind !== Kind.Word && text !== ".") this.typeChain = false;
  }
}
