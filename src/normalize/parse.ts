import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition } from "../languages/language.js";
import { BOILERPLATE_PREFIX_CHARS, MAX_TOKEN_CHARS } from "../options.js";
import { DownlevelLifter } from "./downlevel.js";
import { type FramedParse, type Framing, framedText, parseAsFragment } from "./fragment.js";
import { FIELD_MASK, HAS_CHILDREN, RECORD_WORDS, type SyntaxWalker, syntaxWalkAddon, WALK_ACTION_TABLE_SIZE, WalkAction } from "./syntax-walk.js";
import { type TextSpan, TextKind } from "./text.js";
import { type TokenStream, literalClassHashes, nameHash, stringNameHash } from "./token-stream.js";
import { lineStartOffsets } from "../util/line-starts.js";

/**
 * The index's reading of source text: tree-sitter parses it (in one native call with the walk,
 * syntax-walk.ts) and each node type is classified once per language into emit its type, emit an
 * abstract class ($id, $str, $num, $re), skip its subtree (comments, imports, module
 * boilerplate), or drop it (formatting tokens).
 */

/** tree-sitter's symbol id for ERROR nodes ((TSSymbol)-1). */
const ERROR_TYPE_ID = 65535;

const enum TokenAction {
  /** Emit the node type itself: keywords, operators, punctuation, `this`, `true`. */
  EmitType = 1,
  /** Emit an abstract class for the node and skip its subtree (identifiers, literals). */
  EmitClass,
  /** Skip the node and its subtree (import statements). */
  Skip,
  /** Drop this leaf (formatting tokens). */
  Drop,
  /** A comment: no token, its text is prose (text.ts). */
  Comment,
}

/** NodeTypeTable.keepsName: a name as written (identifiers, numbers, …), or a string's value (stringNameHash). */
const WRITTEN_NAME = 1;
const STRING_NAME = 2;

interface NodeTypeTable {
  actions: Uint8Array;
  hashes: Uint32Array;
  /** Whether the node type's name is kept (TokenStream.names): WRITTEN_NAME, STRING_NAME (its value), or 0. */
  keepsName: Uint8Array;
  /** 1 + the index of the module-boilerplate rule whose types include it, 0 for none. */
  boilerplateRule: Uint8Array;
  /** The TextKind of comments and string literals, whose text is prose (text.ts); 0 for others. */
  prose: Uint8Array;
}

/** One language's parsed reading; one per language, reused across calls. */
export class SyntaxNormalizer {
  private readonly hasher: TokenHasher;
  private readonly addon = syntaxWalkAddon();
  private readonly walker: SyntaxWalker;
  private readonly table: NodeTypeTable = {
    actions: new Uint8Array(WALK_ACTION_TABLE_SIZE),
    hashes: new Uint32Array(WALK_ACTION_TABLE_SIZE),
    keepsName: new Uint8Array(WALK_ACTION_TABLE_SIZE),
    boilerplateRule: new Uint8Array(WALK_ACTION_TABLE_SIZE),
    prose: new Uint8Array(WALK_ACTION_TABLE_SIZE),
  };
  /** What the native walk does at each symbol, derived from table.actions. */
  private readonly walkActions = new Uint8Array(WALK_ACTION_TABLE_SIZE);
  /** 1 for the field ids of memberNames.fields. */
  private readonly memberNameField: Uint8Array;
  private readonly literalClasses: Uint32Array;
  private readonly keptLiteralClasses: Uint32Array;
  private readonly lifter: DownlevelLifter | undefined;

  constructor(
    private readonly definition: LanguageDefinition,
    baseHasher: TokenHasher,
  ) {
    // Token hashes are seeded by language family (hashing.ts): no k-gram crosses families.
    this.hasher = baseHasher.forFamily(definition.lexicon.dialect);
    this.lifter = definition.lexicon.dialect === "ecmascript" ? new DownlevelLifter((text) => this.hasher.hashToken(text)) : undefined;
    const grammar = definition.grammar();
    this.walker = this.addon.createWalker(grammar);
    const symbols = this.addon.grammarSymbols(grammar);
    const identifierTypes = new Set(definition.identifierTypes);
    const skippedTypes = new Set(definition.importTypes);
    const commentTypes = new Set(definition.commentTypes);
    const formattingTokens = new Set(definition.formattingTokens);
    const memberNameTypes = new Set(definition.memberNames.types ?? []);
    const memberNameFields = new Set(definition.memberNames.fields ?? []);
    this.memberNameField = Uint8Array.from(symbols.fields, (field) => (memberNameFields.has(field) ? 1 : 0));
    ({ literalClasses: this.literalClasses, keptLiteralClasses: this.keptLiteralClasses } = literalClassHashes(definition, this.hasher));
    const classify = (typeId: number, type: string, named: boolean): void => {
      let action: TokenAction;
      let text = type;
      const literalClass = definition.literalTypes[type];
      if (commentTypes.has(type)) {
        action = TokenAction.Comment;
      } else if (skippedTypes.has(type)) {
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
      this.table.keepsName[typeId] = text === "$str" ? STRING_NAME : (text === "$id" && !memberNameTypes.has(type)) || isLiteral ? WRITTEN_NAME : 0;
      const rule = (definition.moduleBoilerplate ?? []).findIndex((r) => r.types.includes(type));
      this.table.boilerplateRule[typeId] = rule + 1;
      this.walkActions[typeId] =
        action === TokenAction.EmitType
          ? WalkAction.Descend
          : action === TokenAction.EmitClass || action === TokenAction.Comment
            ? WalkAction.Leaf
            : WalkAction.Omit;
      this.table.prose[typeId] = action === TokenAction.Comment ? TextKind.Comment : action === TokenAction.EmitClass && text === "$str" ? TextKind.String : 0;
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

    const { actions, hashes: typeHashes, keepsName, boilerplateRule, prose } = this.table;
    const textSpans: TextSpan[] = [];
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
      const proseKind = prose[typeId]!;
      if (proseKind !== 0) textSpans.push({ start, end, kind: proseKind });
      if (actions[typeId] === TokenAction.Comment) continue;
      while (startLineIndex + 1 < lineStarts.length && lineStarts[startLineIndex + 1]! <= start) startLineIndex++;
      if (endLineIndex < startLineIndex) endLineIndex = startLineIndex;
      while (endLineIndex + 1 < lineStarts.length && lineStarts[endLineIndex + 1]! < end) endLineIndex++;
      hashes[count] = typeHashes[typeId]!;
      startLines[count] = startLineIndex + 1;
      endLines[count] = endLineIndex + 1;
      charWeights[count] = Math.min(textEnd - textStart, MAX_TOKEN_CHARS);
      const keeps = keepsName[typeId]!;
      names[count] =
        keeps === 0 || this.memberNameField[fieldWord & FIELD_MASK] === 1 ? 0 : keeps === STRING_NAME ? stringNameHash(text, textStart, textEnd) : nameHash(text, textStart, textEnd);
      count++;
    }
    if (this.lifter) count = this.lifter.lift({ hashes, startLines, endLines, charWeights, names }, count);
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
      textSpans,
    };
    return { tokens, framing, errorChars, firstErrorAt, hasErrors: hasError };
  }
}
