import type Parser from "tree-sitter";

export type LanguageName = "typescript" | "tsx" | "javascript" | "python";

/** The normalized class a token's text is replaced by, so renamed names and changed values still match. */
export type AbstractTokenClass = "$id" | "$str" | "$num" | "$re";

/**
 * What the normalizer needs to know about one language. Adding a language is one small file that
 * exports one of these and one line in `registry.ts`.
 */
export interface LanguageDefinition {
  readonly name: LanguageName;
  /** Lower-case file extensions with the dot, e.g. ".ts". */
  readonly extensions: readonly string[];
  /** The tree-sitter grammar object, loaded lazily by the registry. */
  readonly grammar: () => Parser.Language;
  /** Named leaf node types that are names of any kind (variables, parameters, properties, types). */
  readonly identifierTypes: readonly string[];
  /**
   * Which of those name members (`x.length`, `{ key: 1 }`) rather than variables, functions and
   * types, by node type or by the field they fill in their parent. Member names are an API's
   * surface, kept when code is renamed and shared by unrelated symbols of the same spelling, so
   * they are left out of the name comparison (see TokenStream.names).
   */
  readonly memberNames: { readonly types?: readonly string[]; readonly fields?: readonly string[] };
  /**
   * Node types that are literals, mapped to their class. The whole subtree becomes one token, so
   * a string with escapes or an f-string with interpolations is one `$str`.
   */
  readonly literalTypes: Readonly<Record<string, AbstractTokenClass>>;
  /** Node types dropped with their subtree. */
  readonly commentTypes: readonly string[];
  /**
   * Import statements, also dropped with their subtree: every file using the same modules has
   * the same ones, so they are never evidence of copying, and after names are abstracted any two
   * import blocks look alike.
   */
  readonly importTypes: readonly string[];
  /**
   * Module-system plumbing rather than code: CommonJS `require` declarations and require maps
   * (imports by another name), re-export lists (`export { a } from "./a"`), and what transpilers
   * emit at the top of every module (`var __importDefault = (this && this.__importDefault) || …`,
   * `exports.x = void 0`). A node of one of a rule's types whose text begins with a match of its
   * pattern is dropped with its subtree, like an import.
   */
  readonly moduleBoilerplate?: readonly { readonly types: readonly string[]; readonly pattern: RegExp }[];
  /** The characters a statement of moduleBoilerplate (not a map's entry) can begin with, so the lexer tests other statements against no rule. */
  readonly moduleBoilerplateFirstChars?: string;
  /**
   * Anonymous tokens dropped because formatters add or remove them freely (semicolons, trailing
   * commas); keeping them would let a reformat hide a copy.
   */
  readonly formattingTokens: readonly string[];
  /**
   * Delimiters (open, close) of strings and comments that span lines. A fragment cut from a file
   * can begin inside one, and then every string in it parses as code and all code as strings; the
   * normalizer retries such a fragment with the opener prepended (see normalize.ts).
   */
  readonly spanningDelimiters: readonly (readonly [open: string, close: string])[];
  /**
   * First lines that only occur inside a multi-line comment or string, with that span's closer: a
   * fragment beginning with one begins inside such a span even when no delimiter is in it (a JSDoc
   * block's ` * ` lines, a docstring's `>>>` doctest lines).
   */
  readonly insideSpanLines?: readonly { readonly line: RegExp; readonly closer: string }[];
  /**
   * Blocks are delimited by indentation (Python). A fragment whose first line is indented is then
   * parsed inside opened blocks, as its lines are in the file (see normalize.ts).
   */
  readonly offsideRule?: boolean;
  /** How to read the language's tokens without parsing it (normalize/lexical.ts). */
  readonly lexicon: Lexicon;
}

/**
 * The tokens of a language as a lexer without a grammar sees them, spelled as tree-sitter names
 * them, so a lexed stream mostly equals the parsed one (see normalize/lexical.ts).
 */
export interface Lexicon {
  /** Strings, comments, regular expressions and templates as in ECMAScript, or as in Python. */
  readonly dialect: "ecmascript" | "python";
  /** Words that are always keywords, mapped to the token tree-sitter gives them (Python `True` is "true"). */
  readonly keywords: Readonly<Record<string, string>>;
  /** Keywords that name a statement only when an operand follows on the line (Python 2's `print x`). */
  readonly callableKeywords?: readonly string[];
  /** Words that are keywords when a name or bracket follows on their line (`type T`, `readonly x`), names otherwise. */
  readonly contextualKeywords?: readonly string[];
  /** Words that are keywords in a type position (`x: string`), names otherwise. */
  readonly typeKeywords?: readonly string[];
  /** Whether type keywords are read as such wherever they are not used as a value (TypeScript), not only after `:`. */
  readonly typeKeywordsAnywhere?: boolean;
  /** Whether an element (`<Tag attr={x}>text</Tag>`) may stand where an operand is expected (JSX: TSX and JavaScript). */
  readonly jsx?: boolean;
  /** Operators and punctuation (the longest that fits is read). */
  readonly operators: readonly string[];
  /** The block comment's delimiters, if the language has one. */
  readonly blockComment?: readonly [open: string, close: string];
}
