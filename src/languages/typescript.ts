import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import type { LanguageDefinition, Lexicon } from "./language.js";

const require = createRequire(import.meta.url);

interface TypeScriptGrammars {
  typescript: Parser.Language;
  tsx: Parser.Language;
}

let grammars: TypeScriptGrammars | undefined;
function loadGrammars(): TypeScriptGrammars {
  grammars ??= require("tree-sitter-typescript") as TypeScriptGrammars;
  return grammars;
}

const identifierTypes = [
  "identifier",
  "property_identifier",
  "shorthand_property_identifier",
  "shorthand_property_identifier_pattern",
  "private_property_identifier",
  "statement_identifier",
  "type_identifier",
] as const;

const literalTypes = {
  string: "$str",
  template_string: "$str",
  jsx_text: "$str",
  html_character_reference: "$str",
  number: "$num",
  regex: "$re",
} as const;

/** CommonJS, re-export and transpiler module plumbing; see LanguageDefinition.moduleBoilerplate. */
const JS_MODULE_BOILERPLATE = [
  {
    types: ["lexical_declaration", "variable_declaration", "expression_statement"],
    pattern: new RegExp(
      [
        // const x = require("x"), const { a, b } = require("x").y, var x = __importDefault(require("x"))
        String.raw`^(?:const|let|var)\s+(?:[\w$]+|\{[^}]*\})\s*=\s*(?:__import(?:Default|Star)\()?require\s*\(`,
        // var __createBinding = (this && this.__createBinding) || …
        String.raw`^var\s+__\w+\s*=\s*\(this\s*&&\s*this\.__\w+\)\s*\|\|`,
        String.raw`^Object\.defineProperty\(exports,\s*["']__esModule["']`,
        String.raw`^(?:exports\.[\w$]+\s*=\s*)+void 0`,
      ].join("|"),
    ),
  },
  // export { a, b as c } from "./x", export * from "./x", export type { T } from "./x"
  { types: ["export_statement"], pattern: /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s/ },
  // { 'invert': require('./invert'), … }: a module map is an import list
  { types: ["pair"], pattern: /^(?:[\w$]+|'[^']*'|"[^"]*")\s*:\s*require\s*\(/ },
] as const;

/** Reserved words: tree-sitter reads them as keyword tokens (or `this`, `null` nodes) wherever they are. */
const ECMASCRIPT_KEYWORDS = [
  "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return",
  "super", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield",
];

const lexicon: Lexicon = {
  dialect: "ecmascript",
  keywords: Object.fromEntries(ECMASCRIPT_KEYWORDS.map((word) => [word, word])),
  contextualKeywords: [
    "abstract", "accessor", "as", "asserts", "declare", "enum", "get", "implements", "infer", "interface", "is", "keyof",
    "let", "module", "namespace", "of", "override", "private", "protected", "public", "readonly", "satisfies", "set",
    "static", "type", "unique",
  ],
  typeKeywords: ["any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown"],
  operators: [
    // "-?:" and "+?:" are one token in a mapped type's modifiers.
    "-?:", "+?:", ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&",
    "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
    "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@",
  ],
  blockComment: ["/*", "*/"],
};

const shared = {
  lexicon: { ...lexicon, typeKeywordsAnywhere: true },
  moduleBoilerplate: JS_MODULE_BOILERPLATE,
  identifierTypes,
  memberNames: { types: ["property_identifier", "private_property_identifier"] },
  literalTypes,
  commentTypes: ["comment", "html_comment", "hash_bang_line"],
  importTypes: ["import_statement"],
  formattingTokens: [";", ","],
  spanningDelimiters: [
    ["/*", "*/"],
    ["`", "`"],
  ] as const,
};

export const typescript: LanguageDefinition = {
  name: "typescript",
  extensions: [".ts", ".mts", ".cts"],
  grammar: () => loadGrammars().typescript,
  ...shared,
};

export const tsx: LanguageDefinition = {
  name: "tsx",
  extensions: [".tsx"],
  grammar: () => loadGrammars().tsx,
  ...shared,
};
