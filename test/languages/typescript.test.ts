import { describe, expect, it } from "vitest";
import { languageByName } from "../../src/languages/registry.js";

/** One statement of each kind the JavaScript family's module boilerplate rules name. */
const BOILERPLATE = [
  'const x = require("x");',
  "var _x = _interopRequireDefault(require(\"x\"));",
  "var __createBinding = (this && this.__createBinding) || function () {};",
  "var __defProp = Object.defineProperty;",
  "var _typeof = function (o) { return typeof o; };",
  'Object.defineProperty(exports, "__esModule", { value: true });',
  'Object.defineProperty(exports, "a", { enumerable: true, get: function () { return m.a; } });',
  "exports.a = exports.b = void 0;",
  "__export(x_exports, { a: () => a });",
  "module.exports = __toCommonJS(x_exports);",
  "__webpack_require__.r(exports);",
  "function _typeof(o) { return typeof o; }",
  "function __awaiter(thisArg, _arguments, P, generator) {}",
  'export * from "./x";',
];

describe("the JavaScript family's module boilerplate", () => {
  it.each(["javascript", "typescript", "tsx"] as const)("begins only with the characters the lexer looks for (%s)", (name) => {
    const language = languageByName(name);
    const statementRules = (language.moduleBoilerplate ?? []).filter((rule) => !rule.types.includes("pair"));
    for (const statement of BOILERPLATE) {
      expect(statementRules.some((rule) => rule.pattern.test(statement)), statement).toBe(true);
      expect(language.moduleBoilerplateFirstChars).toContain(statement[0]);
    }
  });
});
