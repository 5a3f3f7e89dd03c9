import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Parser from "tree-sitter";
import { ReftrackError } from "../errors.js";

/**
 * reftrack's native syntax walk (native/syntax-walk.c, built by `npm install`): tree-sitter's parse
 * and the walk over its tree in one native call, returning the nodes the normalizer reads as a flat
 * record array. Through tree-sitter's Node binding the walk is a native call per node and per
 * cursor step, which cost as much as the parse itself (bench/RESULTS.md, build floors), and the
 * tree's memory waited for V8 to collect its wrapper; here the tree is freed before the call returns.
 */

/** Int32s per record: symbol, start, end (UTF-16 offsets), field id | HAS_CHILDREN, next record. */
export const RECORD_WORDS = 5;
/** Set in a record's field word when the node has children (visited or not). */
export const HAS_CHILDREN = 1 << 16;
export const FIELD_MASK = 0xffff;

/** What the walk does at a node, by symbol (a table of 65536 entries; ERROR is 65535). */
export enum WalkAction {
  /** Neither the node nor its subtree is written. */
  Omit = 0,
  /** Written, and its children visited. */
  Descend = 1,
  /** Written; its children are not visited. */
  Leaf = 2,
}

export const WALK_ACTION_TABLE_SIZE = 65536;

export interface WalkedTree {
  /** RECORD_WORDS int32s per written node, in preorder. */
  readonly records: Int32Array;
  readonly count: number;
  /** Whether tree-sitter had to recover from syntax errors. */
  readonly hasError: boolean;
}

export interface GrammarSymbols {
  /** Node type name by symbol id. */
  readonly names: readonly string[];
  /** Whether the symbol is a named node type. */
  readonly named: readonly boolean[];
  /** Field name by field id (index 0, "no field", is ""). */
  readonly fields: readonly string[];
}

declare const walkerBrand: unique symbol;
/** A tree-sitter parser bound to one grammar, owned by native code. */
export type SyntaxWalker = { readonly [walkerBrand]: true };

interface SyntaxWalkAddon {
  createWalker(grammar: Parser.Language): SyntaxWalker;
  grammarSymbols(grammar: Parser.Language): GrammarSymbols;
  walk(walker: SyntaxWalker, text: string, actions: Uint8Array): WalkedTree;
}

const ADDON_FILE = join("build", "Release", "reftrack_syntax.node");

let addon: SyntaxWalkAddon | undefined;

/** The addon, found from this module's place in the package (src/ under vitest, dist/src/ built). */
export function syntaxWalkAddon(): SyntaxWalkAddon {
  if (addon !== undefined) return addon;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = join(directory, ADDON_FILE);
    if (existsSync(candidate)) {
      addon = createRequire(import.meta.url)(candidate) as SyntaxWalkAddon;
      return addon;
    }
    directory = dirname(directory);
  }
  throw new ReftrackError(`reftrack's native syntax walk (${ADDON_FILE}) is not built: run "npm install" in the reftrack package`);
}
