import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import type { LanguageDefinition } from "./language.js";

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

const shared = {
  identifierTypes,
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
