import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition } from "../languages/language.js";
import { DownlevelLifter } from "./downlevel.js";
import { echoStatements } from "./echoes.js";
import { LexicalContext } from "./lexical-context.js";
import { LexRun } from "./lexical-run.js";
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
    const names = out.names.subarray(0, out.count);
    const startOffsets = out.startOffsets.subarray(0, out.count);
    const endOffsets = out.endOffsets.subarray(0, out.count);
    return {
      language: this.context.definition.name,
      count: out.count,
      hashes: out.hashes.subarray(0, out.count),
      startLines: out.startLines.subarray(0, out.count),
      endLines: out.endLines.subarray(0, out.count),
      startOffsets,
      endOffsets,
      charWeights: out.charWeights.subarray(0, out.count),
      names,
      literalClasses: this.context.literalClasses,
      keptLiteralClasses: this.context.keptLiteralClasses,
      declarations: this.context.declarations,
      vocabulary: this.vocabulary?.read(source, out.hashes, out.names, out.count),
      echoes: echoStatements(source, { count: out.count, startLines: out.startLines, endLines: out.endLines, startOffsets, endOffsets, names }),
      lineCount: run.line - (source.endsWith("\n") ? 1 : 0),
      hasErrors: false,
      errorChars: 0,
      textSpans: run.textSpans,
      firstProseLine: run.firstProseLine,
    };
  }
}
