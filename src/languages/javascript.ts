import type { LanguageDefinition } from "./language.js";
import { tsx } from "./typescript.js";

/**
 * JavaScript is parsed with the TSX grammar: it is a superset of JS + JSX, and using one grammar
 * for both means a `.js` file and its `.ts` port normalize to the same tokens and match each other.
 */
export const javascript: LanguageDefinition = {
  ...tsx,
  name: "javascript",
  extensions: [".js", ".jsx", ".mjs", ".cjs"],
  // Plain JavaScript has no types: `number` or `object` there is a variable.
  lexicon: { ...tsx.lexicon, typeKeywordsAnywhere: false },
};
