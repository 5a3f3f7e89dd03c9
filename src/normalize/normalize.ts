import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import { type LexedTokenStream, LexicalNormalizer, type LexicalStart } from "./lexical.js";
import { FIELD_MASK, HAS_CHILDREN, RECORD_WORDS, type SyntaxWalker, syntaxWalkAddon, WALK_ACTION_TABLE_SIZE, WalkAction } from "./syntax-walk.js";

/**
 * Bumped whenever the token stream for the same source can change (token classes, dropped tokens,
 * hashing). Stored in every index: an index built by another normalizer version is refused.
 */
export const NORMALIZER_VERSION = 10;

/**
 * A token's contribution to the "normalized characters" measure is its source length capped
 * here, so one long string literal or name cannot by itself make a region look substantial.
 */
export const MAX_TOKEN_CHARS = 24;

/**
 * The normalized token stream of one source text, as parallel typed arrays (one entry per token)
 * because the hot path walks them millions of times and objects per token would dominate.
 */
export interface TokenStream {
  readonly language: LanguageName;
  readonly count: number;
  /** xxh32 of the normalized token text ("$id", "$str", "if", "+", …). */
  readonly hashes: Uint32Array;
  /** 1-based line where the token starts. */
  readonly startLines: Uint32Array;
  /** 1-based line where the token ends (differs for multi-line strings). */
  readonly endLines: Uint32Array;
  /** Normalized characters the token stands for (source length, capped). */
  readonly charWeights: Uint8Array;
  /**
   * For identifiers other than member names, and for literals, a 16-bit word of their source
   * text (nameHash: an 11-bit hash and the 5-bit capped length, so never 0); 0 for every other token.
   * Abstraction makes `a(b.c)` and `x(y.z)` equal; these let matching ask whether the names behind
   * two equal shapes correspond one to one, as in a copy, renamed or not. Literals are kept apart
   * (see literalClasses): copies edit messages and numbers freely, so they are no evidence of
   * consistency, but where many files share one shape (locale and encoding tables) the literals
   * are what tells the copied file from its siblings.
   */
  readonly names: Uint16Array;
  /**
   * The hashes of the literal classes whose text a consistent renaming of copied code leaves as it
   * was ("$num", "$re"): names and strings are the copier's to change, the data's numbers are not.
   * The fingerprinter's kept-data channel and matching's data agreement read them (see fingerprint.ts).
   */
  readonly keptLiteralClasses: Uint32Array;
  /** The hashes of this language's literal classes ("$str", "$num", …): a token with one of them is a literal. */
  readonly literalClasses: Uint32Array;
  /** Lines in the source text. */
  readonly lineCount: number;
  /** Whether tree-sitter had to recover from syntax errors (normal for fragments). */
  readonly hasErrors: boolean;
  /** Characters inside ERROR nodes (nested ones counted again): how much text recovery swallowed. */
  readonly errorChars: number;
}

/** tree-sitter's symbol id for ERROR nodes ((TSSymbol)-1). */
const ERROR_TYPE_ID = 65535;

const enum TokenAction {
  /** Emit the node type itself: keywords, operators, punctuation, `this`, `true`. */
  EmitType = 1,
  /** Emit an abstract class for the node and skip its subtree (identifiers, literals). */
  EmitClass,
  /** Skip the node and its subtree (comments, import statements). */
  Skip,
  /** Drop this leaf (formatting tokens). */
  Drop,
}

interface NodeTypeTable {
  actions: Uint8Array;
  hashes: Uint32Array;
  /** Whether the node type is an identifier whose name is kept (TokenStream.names). */
  keepsName: Uint8Array;
  /** 1 + the index of the module-boilerplate rule whose types include it, 0 for none. */
  boilerplateRule: Uint8Array;
}

/** Literal classes whose text a renaming keeps (TokenStream.keptLiteralClasses). */
const KEPT_LITERAL_CLASSES: readonly string[] = ["$num", "$re"];

/** TokenStream.literalClasses and keptLiteralClasses of a language, as both readers give them. */
export function literalClassHashes(
  definition: LanguageDefinition,
  hasher: TokenHasher,
): Pick<TokenStream, "literalClasses" | "keptLiteralClasses"> {
  return {
    literalClasses: Uint32Array.from(new Set(Object.values(definition.literalTypes)), (text) => hasher.hashToken(text)),
    keptLiteralClasses: Uint32Array.from(KEPT_LITERAL_CLASSES, (text) => hasher.hashToken(text)),
  };
}

/** Module boilerplate is recognised by the first characters of its statement. */
const BOILERPLATE_PREFIX_CHARS = 160;

class LanguageNormalizer {
  private readonly addon = syntaxWalkAddon();
  private readonly walker: SyntaxWalker;
  private readonly table: NodeTypeTable = {
    actions: new Uint8Array(WALK_ACTION_TABLE_SIZE),
    hashes: new Uint32Array(WALK_ACTION_TABLE_SIZE),
    keepsName: new Uint8Array(WALK_ACTION_TABLE_SIZE),
    boilerplateRule: new Uint8Array(WALK_ACTION_TABLE_SIZE),
  };
  /** What the native walk does at each symbol, derived from table.actions. */
  private readonly walkActions = new Uint8Array(WALK_ACTION_TABLE_SIZE);
  /** 1 for the field ids of memberNames.fields. */
  private readonly memberNameField: Uint8Array;
  private readonly literalClasses: Uint32Array;
  private readonly keptLiteralClasses: Uint32Array;

  constructor(
    private readonly definition: LanguageDefinition,
    private readonly hasher: TokenHasher,
  ) {
    const grammar = definition.grammar();
    this.walker = this.addon.createWalker(grammar);
    const symbols = this.addon.grammarSymbols(grammar);
    const identifierTypes = new Set(definition.identifierTypes);
    const skippedTypes = new Set([...definition.commentTypes, ...definition.importTypes]);
    const formattingTokens = new Set(definition.formattingTokens);
    const memberNameTypes = new Set(definition.memberNames.types ?? []);
    const memberNameFields = new Set(definition.memberNames.fields ?? []);
    this.memberNameField = Uint8Array.from(symbols.fields, (field) => (memberNameFields.has(field) ? 1 : 0));
    ({ literalClasses: this.literalClasses, keptLiteralClasses: this.keptLiteralClasses } = literalClassHashes(definition, hasher));
    const classify = (typeId: number, type: string, named: boolean): void => {
      let action: TokenAction;
      let text = type;
      const literalClass = definition.literalTypes[type];
      if (skippedTypes.has(type)) {
        action = TokenAction.Skip;
      } else if (literalClass !== undefined && named) {
        action = TokenAction.EmitClass;
        text = literalClass;
      } else if (named && identifierTypes.has(type)) {
        action = TokenAction.EmitClass;
        text = "$id";
      } else if (formattingTokens.has(type)) {
        action = TokenAction.Drop;
      } else {
        action = TokenAction.EmitType;
      }
      this.table.actions[typeId] = action;
      this.table.hashes[typeId] = this.hasher.hashToken(text);
      const isLiteral = action === TokenAction.EmitClass && text !== "$id";
      this.table.keepsName[typeId] = (text === "$id" && !memberNameTypes.has(type)) || isLiteral ? 1 : 0;
      const rule = (definition.moduleBoilerplate ?? []).findIndex((r) => r.types.includes(type));
      this.table.boilerplateRule[typeId] = rule + 1;
      this.walkActions[typeId] =
        action === TokenAction.EmitType ? WalkAction.Descend : action === TokenAction.EmitClass ? WalkAction.Leaf : WalkAction.Omit;
    };
    symbols.names.forEach((name, typeId) => classify(typeId, name, symbols.named[typeId]!));
    classify(ERROR_TYPE_ID, "ERROR", true);
  }

  /**
   * Normalizes `source`, read as a fragment cut from a file at line boundaries (see
   * parseAsFragment). No framing adds a token or changes a line number.
   */
  normalize(source: string): TokenStream {
    return parseAsFragment(source, this.definition, (framing) => this.normalizeText(source, framing)).tokens;
  }

  /** The framing normalize() parses `source` in. */
  framingOf(source: string): Framing {
    return parseAsFragment(source, this.definition, (framing) => this.normalizeText(source, framing)).framing;
  }

  /** The token stream of one framing of the source. */
  private normalizeText(source: string, framing: Framing): FramedParse & { readonly tokens: TokenStream; readonly framing: Framing } {
    const { text, toSource } = framedText(source, framing);
    const { records, count: recordCount, hasError } = this.addon.walk(this.walker, text, this.walkActions);
    const capacity = Math.max(16, recordCount);
    const hashes = new Uint32Array(capacity);
    const startLines = new Uint32Array(capacity);
    const endLines = new Uint32Array(capacity);
    const charWeights = new Uint8Array(capacity);
    const names = new Uint16Array(capacity);
    let count = 0;

    const lineStarts = lineStartOffsets(source);
    // Token offsets only grow, so line lookups are two forward-moving pointers, O(1) amortized.
    let startLineIndex = 0;
    let endLineIndex = 0;
    let errorChars = 0;
    let firstErrorAt = Number.POSITIVE_INFINITY;

    const { actions, hashes: typeHashes, keepsName, boilerplateRule } = this.table;
    const boilerplate = this.definition.moduleBoilerplate ?? [];
    // Records are the walk's preorder; skipping a subtree is jumping to the record past it.
    for (let record = 0; record < recordCount; ) {
      const at = record * RECORD_WORDS;
      const typeId = records[at]!;
      const textStart = records[at + 1]!;
      const textEnd = records[at + 2]!;
      const fieldWord = records[at + 3]!;
      const pastSubtree = records[at + 4]!;
      if (typeId === ERROR_TYPE_ID) {
        errorChars += textEnd - textStart;
        firstErrorAt = Math.min(firstErrorAt, toSource(textStart));
      }
      // At any depth: a fragment's statements are all top-level to the parser, and the same code
      // must tokenize alike in the fragment and in the indexed file.
      const rule = boilerplateRule[typeId]!;
      if (rule !== 0 && boilerplate[rule - 1]!.pattern.test(text.slice(textStart, textStart + BOILERPLATE_PREFIX_CHARS))) {
        record = pastSubtree;
        continue;
      }
      if (actions[typeId] === TokenAction.EmitType && (fieldWord & HAS_CHILDREN) !== 0) {
        record++;
        continue;
      }
      record = pastSubtree;
      // Zero-width leaves are tokens tree-sitter invented ("MISSING") to recover from errors;
      // tokens wholly in the prelude, opener or closer map to zero width too: not the source's.
      const start = toSource(textStart);
      const end = toSource(textEnd);
      if (end <= start) continue;
      while (startLineIndex + 1 < lineStarts.length && lineStarts[startLineIndex + 1]! <= start) startLineIndex++;
      if (endLineIndex < startLineIndex) endLineIndex = startLineIndex;
      while (endLineIndex + 1 < lineStarts.length && lineStarts[endLineIndex + 1]! < end) endLineIndex++;
      hashes[count] = typeHashes[typeId]!;
      startLines[count] = startLineIndex + 1;
      endLines[count] = endLineIndex + 1;
      charWeights[count] = Math.min(textEnd - textStart, MAX_TOKEN_CHARS);
      names[count] = keepsName[typeId] === 1 && this.memberNameField[fieldWord & FIELD_MASK] !== 1 ? nameHash(text, textStart, textEnd) : 0;
      count++;
    }
    const tokens: TokenStream = {
      language: this.definition.name,
      count,
      hashes: hashes.subarray(0, count),
      startLines: startLines.subarray(0, count),
      endLines: endLines.subarray(0, count),
      charWeights: charWeights.subarray(0, count),
      names: names.subarray(0, count),
      literalClasses: this.literalClasses,
      keptLiteralClasses: this.keptLiteralClasses,
      lineCount: lineStarts.length,
      hasErrors: hasError,
      errorChars,
    };
    return { tokens, framing, errorChars, firstErrorAt, hasErrors: hasError };
  }
}

/** What is put around a fragment before parsing it (see parseAsFragment). */
export interface Framing {
  /** Whole lines before the source: blocks opened for an indented first line. */
  readonly prelude: string;
  /** A multi-line string's or comment's opener, inserted after the first line's indentation. */
  readonly opener: string;
  /** A multi-line string's or comment's closer, appended. */
  readonly closer: string;
}

/** What choosing a framing needs to know of a parse of it. */
export interface FramedParse {
  readonly hasErrors: boolean;
  /** Characters inside ERROR nodes. */
  readonly errorChars: number;
  /** Where, in the source, the first ERROR node begins (Infinity for none). */
  readonly firstErrorAt: number;
}

/**
 * Parses a fragment cut from a file at line boundaries so it reads as its lines do in the file:
 * - In an offside-rule language (Python) whose first line is indented, blocks are opened first
 *   (see blockPrelude), so the indented code parses as in its file and not as "unexpected indent".
 * - When a multi-line string's or comment's delimiters, by their count or order, say it may begin
 *   inside one, and it parses with an error in its first two lines before the first closing
 *   delimiter, it is also parsed with the opener inserted. Prose read as code fails at once; an
 *   error later, after lines that parsed, is not prose (the fragment ends inside a span, often one
 *   holding the delimiter, as backquotes in a doc comment), and an opener would make code a string.
 * - When they say it may end inside one and it parses with errors only from the last opener on,
 *   it is also parsed with the closer appended, so a doc comment cut off at the end stays a
 *   comment rather than code full of errors.
 * The parse with least text in ERROR nodes wins; on a tie, the one whose inserted delimiter turned
 * less text into string or comment (a lone `"""` closes what came before rather than opening the
 * rest). `parse` is given each framing to try; the normalizer and the benchmarks' disguisers share
 * this choice, so both read a fragment alike.
 */
export function parseAsFragment<T extends FramedParse>(source: string, definition: LanguageDefinition, parse: (framing: Framing) => T): T {
  const prelude = definition.offsideRule ? blockPrelude(source) : "";
  const plain = parse({ prelude, opener: "", closer: "" });
  if (!plain.hasErrors) return plain;
  let best = plain;
  let bestSwallowed = 0;
  const proseEnd = endOfSecondLine(source);
  for (const [open, close] of definition.spanningDelimiters) {
    const candidates: [Framing, number][] = [];
    const firstClose = source.indexOf(close);
    if (beginsInside(source, open, close) && plain.firstErrorAt <= Math.min(firstClose, proseEnd)) {
      candidates.push([{ prelude, opener: open, closer: "" }, firstClose + close.length]);
    }
    const lastOpen = source.lastIndexOf(open);
    if (endsInside(source, open, close) && plain.firstErrorAt >= lastOpen) {
      candidates.push([{ prelude, opener: "", closer: close }, source.length - lastOpen]);
    }
    for (const [candidate, swallowed] of candidates) {
      const retried = parse(candidate);
      if (retried.errorChars < best.errorChars || (retried.errorChars === best.errorChars && swallowed < bestSwallowed)) {
        best = retried;
        bestSwallowed = swallowed;
      }
    }
  }
  return best;
}

/**
 * The text to parse for a framing: prelude + the first line's indentation + opener + the rest of
 * the source + closer; `toSource` maps an offset in it back to the source (clamped into it).
 */
export function framedText(source: string, framing: Framing): { text: string; preludeEnd: number; toSource: (offset: number) => number } {
  const firstLineIndent = framing.opener === "" ? 0 : /^[ \t]*/.exec(source)![0].length;
  const text = framing.prelude + source.slice(0, firstLineIndent) + framing.opener + source.slice(firstLineIndent) + framing.closer;
  const preludeEnd = framing.prelude.length;
  const openerEnd = preludeEnd + firstLineIndent + framing.opener.length;
  const shift = framing.prelude.length + framing.opener.length;
  const toSource = (offset: number): number =>
    offset >= openerEnd ? Math.min(offset - shift, source.length) : Math.max(0, Math.min(offset - preludeEnd, firstLineIndent));
  return { text, preludeEnd, toSource };
}

/**
 * For an offside-rule fragment whose first line is indented: one `if 1:` line per indentation level
 * below it that the fragment uses (and column 0), each nested in the previous, so the first line
 * sits in a block and every later dedent lands on an open level, as in the file. Empty otherwise,
 * and for tab-indented code, whose levels cannot be compared by counting characters.
 */
export function blockPrelude(source: string): string {
  const firstIndent = /^(?:[ \t]*(?:\r?\n|$))*([ \t]*)/.exec(source)![1]!;
  if (firstIndent.length === 0 || firstIndent.includes("\t")) return "";
  const levels = new Set<number>([0]);
  for (const match of source.matchAll(/^( *)\S/gm)) {
    if (match[1]!.length < firstIndent.length) levels.add(match[1]!.length);
  }
  return [...levels]
    .sort((a, b) => a - b)
    .map((level) => `${" ".repeat(level)}if 1:\n`)
    .join("");
}

/** Whether text looks cut off inside an open…close span: an opener after the last closer, or an odd count of a symmetric delimiter. */
function endsInside(text: string, open: string, close: string): boolean {
  if (open === close) return beginsInside(text, open, close);
  const lastOpen = text.lastIndexOf(open);
  return lastOpen !== -1 && lastOpen > text.lastIndexOf(close);
}

/** The offset just past the second line holding more than whitespace (the text's end if none). */
function endOfSecondLine(text: string): number {
  let seen = 0;
  for (const match of text.matchAll(/^.*\S.*$/gm)) {
    if (++seen === 2) return match.index! + match[0].length;
  }
  return text.length;
}

/**
 * Whether text looks cut from inside an open…close span: "inside" for a lone closer or an odd count
 * of a symmetric delimiter; "inside if prose comes first" for an even count (at least two) of a
 * symmetric one, which may be a fragment cut inside spans at both ends (`prose"""` … code …
 * `"""doc`) and which the count cannot tell from spans wholly inside: the reading decides.
 */
export type SpanCut = "inside" | "inside if prose comes first" | "outside";

export function spanCut(text: string, open: string, close: string): SpanCut {
  if (open === close) {
    const count = occurrences(text, open);
    return count % 2 === 1 ? "inside" : count >= 2 ? "inside if prose comes first" : "outside";
  }
  const firstClose = text.indexOf(close);
  if (firstClose === -1) return "outside";
  const firstOpen = text.indexOf(open);
  return firstOpen === -1 || firstClose < firstOpen ? "inside" : "outside";
}

/** Whether text looks cut from inside an open…close span: a lone closer, or an odd count of a symmetric delimiter. */
function beginsInside(text: string, open: string, close: string): boolean {
  return spanCut(text, open, close) === "inside";
}

function occurrences(text: string, delimiter: string): number {
  let count = 0;
  for (let i = text.indexOf(delimiter); i !== -1; i = text.indexOf(delimiter, i + delimiter.length)) count++;
  return count;
}

/** 1-based line of the character at `offset`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Longer names and literals are hashed on their first characters only: enough to tell them apart. */
const NAME_HASH_CHARS = 64;

/** Bits of a name word (TokenStream.names) that hold its characters, as charWeights counts them. */
const NAME_CHARS_BITS = 5;

/**
 * A name or literal as a 16-bit word: FNV-1a of its source text folded to 11 bits, above its
 * length capped at MAX_TOKEN_CHARS (so never 0, which means "not a name"). The length lets
 * matching count a match's characters on the indexed side (nameChars), where only these words are
 * stored: renaming `CONTINUE` to `v0` shortens the query, not the code it copied. Two different
 * names are equal one time in 2,048 when their lengths are, and equal names are all the words mean.
 */
export function nameHash(source: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  const stop = Math.min(end, start + NAME_HASH_CHARS);
  for (let i = start; i < stop; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const folded = (h ^ (h >>> 11) ^ (h >>> 22)) & 0x7ff;
  return (folded << NAME_CHARS_BITS) | Math.min(Math.max(end - start, 1), MAX_TOKEN_CHARS);
}

/** The normalized characters of the token a name word (nameHash) was made from. */
export function nameChars(name: number): number {
  return name & ((1 << NAME_CHARS_BITS) - 1);
}

function lineStartOffsets(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  // A trailing newline ends the last line rather than starting an empty one.
  if (starts.length > 1 && starts[starts.length - 1] === source.length) starts.pop();
  return starts;
}

/**
 * Parses and normalizes source text, or lexes it (lexical.ts); keeps one tree-sitter parser and
 * one lexer per language, each made when first needed (a lexed-only caller never loads a grammar).
 */
export class Normalizer {
  private readonly parsers = new Map<LanguageName, LanguageNormalizer>();
  private readonly lexers = new Map<LanguageName, LexicalNormalizer>();

  constructor(private readonly hasher: TokenHasher) {}

  normalize(source: string, language: LanguageDefinition): TokenStream {
    return this.parserFor(language).normalize(source);
  }

  /** The token stream normalize() would give, read without parsing (see LexicalNormalizer.tokens). */
  lex(source: string, language: LanguageDefinition, start?: LexicalStart): LexedTokenStream {
    return perLanguage(this.lexers, language, () => new LexicalNormalizer(language, this.hasher)).tokens(source, start);
  }

  /**
   * How normalize() frames `source` to parse it (see parseAsFragment), for tools that must read a
   * fragment as the normalizer does.
   */
  framingOf(source: string, language: LanguageDefinition): Framing {
    return this.parserFor(language).framingOf(source);
  }

  private parserFor(language: LanguageDefinition): LanguageNormalizer {
    return perLanguage(this.parsers, language, () => new LanguageNormalizer(language, this.hasher));
  }
}

function perLanguage<T>(cache: Map<LanguageName, T>, language: LanguageDefinition, make: () => T): T {
  let value = cache.get(language.name);
  if (value === undefined) {
    value = make();
    cache.set(language.name, value);
  }
  return value;
}
