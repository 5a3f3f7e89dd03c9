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

/**
 * The helpers compilers and bundlers write into their output, by the names their runtimes give
 * them (esbuild's runtime, TypeScript's tslib, Babel's helpers, rollup's interop, webpack's
 * bootstrap). The same helper text ships in every package built with the tool, so it is never
 * evidence of copying, however few indexed files happen to carry it.
 */
const ESBUILD_HELPERS =
  "defProp|defProps|getOwnPropDesc|getOwnPropDescs|getOwnPropNames|getOwnPropSymbols|getProtoOf|hasOwnProp|propIsEnum|create|name|esm|" +
  "commonJS|export|copyProps|reExport|toESM|toCommonJS|publicField|defNormalProp|require|init|decorateClass|decorateParam|async|" +
  "spreadValues|spreadProps|objRest|restKey|template|using|callDispose|privateIn|accessCheck|privateGet|privateAdd|privateSet|" +
  "privateMethod|knownSymbol|await|asyncGenerator|yieldStar|forAwait|superGet|superSet|pow|typeError|freeze|defineProperty";
const TSLIB_HELPERS =
  "extends|assign|rest|decorate|param|esDecorate|runInitializers|propKey|setFunctionName|metadata|awaiter|generator|createBinding|" +
  "exportStar|values|read|spread|spreadArrays|spreadArray|await|asyncGenerator|asyncDelegator|asyncValues|makeTemplateObject|" +
  "importStar|importDefault|setModuleDefault|classPrivateFieldGet|classPrivateFieldSet|classPrivateFieldIn|addDisposableResource|" +
  "disposeResources|rewriteRelativeImportExtension";
const BABEL_HELPERS =
  "typeof|interopRequireDefault|interopRequireWildcard|getRequireWildcardCache|classCallCheck|createClass|defineProperties|" +
  "defineProperty|inherits|inheritsLoose|possibleConstructorReturn|assertThisInitialized|getPrototypeOf|setPrototypeOf|" +
  "isNativeReflectConstruct|createSuper|callSuper|construct|wrapNativeSuper|isNativeFunction|slicedToArray|arrayWithHoles|" +
  "iterableToArrayLimit|iterableToArray|unsupportedIterableToArray|arrayLikeToArray|nonIterableRest|nonIterableSpread|" +
  "toConsumableArray|arrayWithoutHoles|asyncToGenerator|asyncGeneratorStep|objectSpread2?|ownKeys|extends|objectWithoutProperties|" +
  "objectWithoutPropertiesLoose|toPropertyKey|toPrimitive|regeneratorRuntime|createForOfIteratorHelper|taggedTemplateLiteral|" +
  "classPrivateFieldGet2?|classPrivateFieldSet2?|classPrivateFieldInitSpec|checkPrivateRedeclaration|assertClassBrand|" +
  "interopDefaultLegacy|interopNamespace|interopNamespaceDefault|_interopDefault";

/** CommonJS, re-export and transpiler module plumbing, and compiler helpers; see LanguageDefinition.moduleBoilerplate. */
const JS_MODULE_BOILERPLATE = [
  {
    types: ["lexical_declaration", "variable_declaration", "expression_statement"],
    pattern: new RegExp(
      [
        // const x = require("x"), const { a, b } = require("x").y, var x = __importDefault(require("x")), var _x = _interopRequireDefault(require("x"))
        String.raw`^(?:const|let|var)\s+(?:[\w$]+|\{[^}]*\})\s*=\s*(?:(?:__import(?:Default|Star)|_interopRequire(?:Default|Wildcard)|__toESM)\()?require\s*\(`,
        // var __createBinding = (this && this.__createBinding) || …
        String.raw`^var\s+__\w+\s*=\s*\(this\s*&&\s*this\.__\w+\)\s*\|\|`,
        // esbuild's runtime: var __defProp = Object.defineProperty; var __toESM = (mod, …) => …
        String.raw`^(?:var|let|const)\s+__(?:${ESBUILD_HELPERS})\s*=`,
        // tslib's helpers, and Babel's and rollup's, as variables: var _typeof = …, var __awaiter = …
        String.raw`^(?:var|let|const)\s+(?:__(?:${TSLIB_HELPERS})|_(?:${BABEL_HELPERS}))\s*=`,
        String.raw`^Object\.defineProperty\(exports,\s*["']__esModule["']`,
        // TypeScript's and Babel's re-export: Object.defineProperty(exports, "x", { enumerable: true, get: function () { return m.x; } })
        String.raw`^Object\.defineProperty\(exports,\s*["'][^"']+["'],\s*\{\s*enumerable:\s*true,\s*get:\s*(?:function\s*\(\)\s*\{\s*return\s|\(\)\s*=>)`,
        // exports.a = exports.b = void 0, also where the chain runs past the characters looked at
        String.raw`^(?:exports\.[\w$]+\s*=\s*)+void 0|^(?:exports\.[\w$]+\s*=\s*){2,}[\w$.]*$`,
        // a compiled module's export list, a name or a member per line: exports.jsx = require_jsx.jsxDEV;
        // (not one whose value goes on, `exports.x = a⏎  .b(c)`: that is code)
        String.raw`^(?:module\.)?exports\.[\w$]+\s*=\s*[\w$]+(?:\.[\w$]+)*\s*(?:;|\r?\n(?!\s*[.?(\[])|$)`,
        // esbuild's module plumbing: __export(x_exports, { … }); module.exports = __toCommonJS(x_exports);
        String.raw`^(?:__export|__reExport)\s*\(|^module\.exports\s*=\s*__toCommonJS\(`,
        // webpack's bootstrap: __webpack_require__.d = …, __webpack_require__.r(exports)
        String.raw`^__webpack_require__\.\w+\s*[=(]`,
        // TypeScript's SuppressedError fallback (its `using` helpers), left standing by a bundler that
        // dropped the helper around it: typeof SuppressedError === "function" ? SuppressedError : function (…) { … };
        String.raw`^(?:(?:var|let|const)\s+[\w$]+\s*=\s*)?typeof\s+SuppressedError\s*===\s*["']function["']`,
        // Babel's default parameter, one per parameter at a function's start:
        // var locale = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 'en-US';
        String.raw`^(?:var|let|const)\s+[\w$]+\s*=\s*arguments\.length\s*>\s*\d+\s*&&\s*arguments\[\d+\]\s*!==\s*undefined\s*\?`,
      ].join("|"),
    ),
  },
  // function _typeof(o) { … }, function __awaiter(…) { … }, function __webpack_require__(moduleId) { … }
  {
    types: ["function_declaration", "generator_function_declaration"],
    pattern: new RegExp(String.raw`^function\s*\*?\s*(?:_(?:${BABEL_HELPERS})|__(?:${TSLIB_HELPERS})|__webpack_require__)\s*\(`),
  },
  // Bundlers' generated wrappers, as expressions: a UMD definition, webpack's (function webpackUniversalModuleDefinition(root, factory) { … })
  // or rollup's and the UMD template's (function (global, factory) { typeof exports === 'object' … }), the library its factory after it;
  // and webpack 4's bootstrap, (function(modules) { // webpackBootstrap … }), whose modules come after it as its argument
  {
    types: ["function_expression"],
    pattern:
      /^function\s+webpackUniversalModuleDefinition\s*\(|^function\s*\(\s*(?:global|root)\s*,\s*factory\s*\)\s*\{|^function\s*\(\s*modules\s*\)\s*\{\s*\/\/\s*webpackBootstrap\b/,
  },
  // export * from "./x", and an export list of any length, re-exported or local: export { a, b as c } from "./x",
  // export type { T } from "./x", export { a, b } (its first characters are enough: a list runs past them)
  { types: ["export_statement"], pattern: /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?\s*from\s|\{)/ },
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
    "abstract", "accessor", "as", "asserts", "declare", "enum", "from", "get", "global", "implements", "infer", "interface",
    "is", "keyof", "let", "module", "namespace", "of", "override", "private", "protected", "public", "readonly",
    "satisfies", "set", "static", "type", "unique", "using",
  ],
  // Not `bigint`: the grammar reads it as a type's name, as it would any other.
  typeKeywords: ["any", "boolean", "never", "number", "object", "string", "symbol", "unknown"],
  operators: [
    // "-?:" and "+?:" are one token in a mapped type's modifiers; "</" and "/>" in JSX's tags.
    "-?:", "+?:", "</", "/>", ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&",
    "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
    "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@",
  ],
  blockComment: ["/*", "*/"],
};

const shared = {
  lexicon: { ...lexicon, typeKeywordsAnywhere: true },
  moduleBoilerplate: JS_MODULE_BOILERPLATE,
  // var, let, const, function, export, Object, exports, module, __name, typeof
  moduleBoilerplateFirstChars: "vlcfeOm_t",
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
  // ` * text` continues a JSDoc or block comment; code never starts a line with `*` and a space.
  insideSpanLines: [{ line: /^\s*\*(?:\s|$)/, closer: "*/" }],
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
  lexicon: { ...shared.lexicon, jsx: true },
};
