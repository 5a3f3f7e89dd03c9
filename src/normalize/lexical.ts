import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import type { DeclarationReader } from "./declarations.js";
import { DownlevelLifter } from "./downlevel.js";
import { echoStatements } from "./echoes.js";
import { LexicalContext } from "./lexical-context.js";
import { LexRun } from "./lexical-run.js";
import type { TokenBuffer } from "./token-buffer.js";
import type { TextSpan } from "./text.js";
import type { TokenStream } from "./token-stream.js";
import { VocabularyReader } from "./vocabulary.js";

/**
 * A lexer that reads the token stream the tree-sitter normalizer would give, without parsing:
 * the same token texts ("$id", "$str", "if", "=>"), names and lines, decided from the characters
 * around each token instead of a syntax tree. It is wrong for a few tokens (`new.target`, `unique
 * symbol`, a `/` after `}`, template literal types), but a query is a fragment, and tree-sitter's
 * recovery from a fragment's cut ends gets more of them wrong: read this way, queries find more
 * copies (bench/QUALITY.md), so it is how queries are read by default (the index is always
 * parsed). It also costs a fraction of a parse (bench/RESULTS.md).
 *
 * What it knows of a language is lexical-context.ts; one reading of one source, lexical-run.ts.
 */

/**
 * Where to start lexing a fragment that may begin inside a multi-line string or comment, or among
 * the attributes of a JSX element's opening tag (TSX, JSX).
 */
export type LexicalStart =
  | {
      /** The delimiter that closes that span: everything before it is read as its content. */
      readonly insideOf: string;
    }
  | {
      /** Inside an opening tag opened before the fragment, its element perhaps another's child (JsxFrames.openedBefore). */
      readonly insideTag: true;
    };

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
  private readonly context: LexicalContext;
  private readonly lifter: DownlevelLifter | undefined;
  private readonly vocabulary: VocabularyReader | undefined;

  constructor(definition: LanguageDefinition, baseHasher: TokenHasher) {
    this.context = new LexicalContext(definition, baseHasher);
    this.lifter = definition.lexicon.dialect === "ecmascript" ? new DownlevelLifter((text) => this.context.hash(text)) : undefined;
    this.vocabulary = definition.lexicon.dialect === "python" ? new VocabularyReader((text) => this.context.hash(text)) : undefined;
  }

  /**
   * The token stream of `source`, read as a fragment: from its start, or, with `start`, from
   * inside a multi-line string or comment opened before it.
   */
  tokens(source: string, start?: LexicalStart): LexedTokenStream {
    const run = new LexRun(this.context, source);
    if (start) {
      if ("insideOf" in start) run.startInside(start.insideOf);
      else run.startInsideTag();
    }
    run.run();
    run.finish();
    const out = run.out;
    if (this.lifter) out.count = this.lifter.lift(out, out.count);
    return new LexedStream(this.context, source, out, run, this.vocabulary);
  }
}

/**
 * A lexed stream whose matching-only marks (`vocabulary`, `echoes`) are read when first asked: a
 * query the miss screen answers from its fingerprints alone never asks.
 */
class LexedStream implements LexedTokenStream {
  readonly language: LanguageName;
  readonly count: number;
  readonly hashes: Uint32Array;
  readonly startLines: Uint32Array;
  readonly endLines: Uint32Array;
  readonly startOffsets: Uint32Array;
  readonly endOffsets: Uint32Array;
  readonly charWeights: Uint8Array;
  readonly names: Uint16Array;
  readonly literalClasses: Uint32Array;
  readonly keptLiteralClasses: Uint32Array;
  readonly declarations: DeclarationReader | undefined;
  readonly lineCount: number;
  readonly hasErrors = false;
  readonly errorChars = 0;
  readonly textSpans: readonly TextSpan[];
  readonly firstProseLine: number;
  /** null until first asked. */
  private vocabularyMarks: Uint8Array | undefined | null = null;
  private echoMarks: Uint8Array | undefined | null = null;

  constructor(
    context: LexicalContext,
    private readonly source: string,
    out: TokenBuffer,
    run: LexRun,
    private readonly vocabularyReader: VocabularyReader | undefined,
  ) {
    const count = out.count;
    this.language = context.definition.name;
    this.count = count;
    this.hashes = out.hashes.subarray(0, count);
    this.startLines = out.startLines.subarray(0, count);
    this.endLines = out.endLines.subarray(0, count);
    this.startOffsets = out.startOffsets.subarray(0, count);
    this.endOffsets = out.endOffsets.subarray(0, count);
    this.charWeights = out.charWeights.subarray(0, count);
    this.names = out.names.subarray(0, count);
    this.literalClasses = context.literalClasses;
    this.keptLiteralClasses = context.keptLiteralClasses;
    this.declarations = context.declarations;
    this.lineCount = run.line - (source.endsWith("\n") ? 1 : 0);
    this.textSpans = run.textSpans;
    this.firstProseLine = run.firstProseLine;
  }

  get vocabulary(): Uint8Array | undefined {
    if (this.vocabularyMarks === null) this.vocabularyMarks = this.vocabularyReader?.read(this.source, this.hashes, this.names, this.count);
    return this.vocabularyMarks;
  }

  get echoes(): Uint8Array | undefined {
    if (this.echoMarks === null) this.echoMarks = echoStatements(this.source, this);
    return this.echoMarks;
  }
}
