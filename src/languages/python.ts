import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import type { LanguageDefinition } from "./language.js";

const require = createRequire(import.meta.url);
let grammar: Parser.Language | undefined;

export const python: LanguageDefinition = {
  name: "python",
  // .pyw: a script run without a console window (Windows), Python all the same.
  extensions: [".py", ".pyi", ".pyw"],
  grammar: () => (grammar ??= require("tree-sitter-python") as Parser.Language),
  identifierTypes: ["identifier"],
  // obj.attribute: tree-sitter-python has no separate node type for it, only the field.
  memberNames: { fields: ["attribute"] },
  literalTypes: { string: "$str", integer: "$num", float: "$num" },
  commentTypes: ["comment"],
  importTypes: ["import_statement", "import_from_statement", "future_import_statement"],
  // Python's commas are syntax (a tuple), but formatters (black) add trailing ones freely.
  formattingTokens: [",", ";", "line_continuation"],
  spanningDelimiters: [
    ['"""', '"""'],
    ["'''", "'''"],
  ],
  // A doctest prompt is only ever inside a docstring.
  insideSpanLines: [
    { line: /^\s*>>>(?:\s|$)/, closer: '"""' },
    { line: /^\s*>>>(?:\s|$)/, closer: "'''" },
  ],
  offsideRule: true,
  lexicon: {
    dialect: "python",
    keywords: {
      ...Object.fromEntries(
        [
          "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
          "exec", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
          "print", "raise", "return", "try", "while", "with", "yield",
        ].map((word) => [word, word]),
      ),
      // tree-sitter-python's node types for the constants.
      True: "true",
      False: "false",
      None: "none",
    },
    // Python 2's print and exec statements; called, they are names.
    callableKeywords: ["print", "exec"],
    // Soft keywords (3.10's match statement, 3.12's type alias): names but where a statement begins with them.
    contextualKeywords: ["match", "case", "type"],
    operators: [
      "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<>", "<<", ">>", "+=", "-=",
      "*=", "/=", "%=", "&=", "|=", "^=", "@=",
      "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "@",
    ],
  },
};
