/**
 * One thread's indexing ceiling on a sample of the bench corpus: tree-sitter's parse, walks,
 * normalizing and fingerprinting measured alone (bench/RESULTS.md's "build" target reads it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "tree-sitter";
import { Fingerprinter } from "../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../src/hashing.js";
import type { LanguageDefinition } from "../src/languages/language.js";
import { languageForPath } from "../src/languages/registry.js";
import { type SyntaxWalker, WALK_ACTION_TABLE_SIZE, WalkAction, syntaxWalkAddon } from "../src/normalize/syntax-walk.js";
import { Normalizer } from "../src/normalize/normalizer.js";
import { DEFAULT_FINGERPRINT_PARAMETERS } from "../src/options.js";
import { type BenchSource, sourceFiles } from "./corpus.js";
import { Rng } from "./snippets.js";

export interface ThroughputFloor {
  bytes: number;
  /** tree-sitter's parse through its Node binding. */
  parseMBps: number;
  /** The same + a bare cursor walk through the binding. */
  walkMBps: number;
  /** The parse in reftrack's native walk (native/syntax-walk.c), no node written. */
  nativeParseMBps: number;
  /** The same, every node written as a record. */
  nativeWalkMBps: number;
  normalizeMBps: number;
  fingerprintMBps: number;
  /** The query lexer over the same whole files, for comparison (the index is parsed). */
  lexMBps: number;
}

/** Rounds of the throughput floor; each figure is its best round (this machine's runs vary by a quarter). */
export const FLOOR_ROUNDS = 3;

/**
 * One thread's ceiling for indexing, on a fixed sample of the base corpus: tree-sitter's parse
 * through its Node binding alone, and + a bare cursor walk (every node visited, nothing read: the
 * least any walk through the binding costs); the parse in reftrack's native walk alone, and with
 * every node written; then the normalizer (that native walk + reading its records), then +
 * fingerprinting. A build cannot beat the last.
 */
export async function measureThroughputFloor(base: readonly BenchSource[]): Promise<ThroughputFloor> {
  const rng = new Rng(7);
  const files = base.flatMap((s) => [...sourceFiles(s)].map((p) => join(s.root, p)));
  const texts: { text: string; language: LanguageDefinition }[] = [];
  let bytes = 0;
  while (bytes < 24e6 && files.length > 0) {
    const file = files[rng.int(files.length)]!;
    try {
      const text = readFileSync(file, "utf8");
      if (text.length > 1024 * 1024) continue;
      texts.push({ text, language: languageForPath(file)! });
      bytes += Buffer.byteLength(text);
    } catch {
      // unreadable: skip
    }
  }
  const parser = new Parser();
  const normalizer = new Normalizer(await loadTokenHasher());
  const fingerprinter = new Fingerprinter(DEFAULT_FINGERPRINT_PARAMETERS);
  const time = (fn: () => void): number => {
    const start = performance.now();
    fn();
    return (performance.now() - start) / 1000;
  };
  const parse = (text: string, language: LanguageDefinition): Parser.Tree => {
    parser.setLanguage(language.grammar());
    return parser.parse(text);
  };
  const addon = syntaxWalkAddon();
  const walkers = new Map<LanguageDefinition, SyntaxWalker>();
  const walkerFor = (language: LanguageDefinition): SyntaxWalker => {
    let walker = walkers.get(language);
    if (walker === undefined) walkers.set(language, (walker = addon.createWalker(language.grammar())));
    return walker;
  };
  const writeNone = new Uint8Array(WALK_ACTION_TABLE_SIZE).fill(WalkAction.Omit);
  const writeEvery = new Uint8Array(WALK_ACTION_TABLE_SIZE).fill(WalkAction.Descend);
  const best = { parse: Infinity, walk: Infinity, nativeParse: Infinity, nativeWalk: Infinity, normalize: Infinity, fingerprint: Infinity, lex: Infinity };
  for (let round = 0; round < FLOOR_ROUNDS; round++) {
    best.parse = Math.min(best.parse, time(() => texts.forEach(({ text, language }) => parse(text, language))));
    best.nativeParse = Math.min(best.nativeParse, time(() => texts.forEach(({ text, language }) => addon.walk(walkerFor(language), text, writeNone))));
    best.nativeWalk = Math.min(best.nativeWalk, time(() => texts.forEach(({ text, language }) => addon.walk(walkerFor(language), text, writeEvery))));
    best.walk = Math.min(
      best.walk,
      time(() => {
        for (const { text, language } of texts) {
          const cursor = parse(text, language).walk();
          for (let more = true; more; ) {
            if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
            do more = cursor.gotoParent();
            while (more && !cursor.gotoNextSibling());
          }
        }
      }),
    );
    best.normalize = Math.min(best.normalize, time(() => texts.forEach(({ text, language }) => normalizer.normalize(text, language))));
    best.fingerprint = Math.min(
      best.fingerprint,
      time(() => texts.forEach(({ text, language }) => fingerprinter.fingerprint(normalizer.normalize(text, language)))),
    );
    best.lex = Math.min(best.lex, time(() => texts.forEach(({ text, language }) => normalizer.lex(text, language))));
  }
  const rate = (seconds: number): number => bytes / 1e6 / seconds;
  return {
    bytes,
    parseMBps: rate(best.parse),
    walkMBps: rate(best.walk),
    nativeParseMBps: rate(best.nativeParse),
    nativeWalkMBps: rate(best.nativeWalk),
    normalizeMBps: rate(best.normalize), fingerprintMBps: rate(best.fingerprint),
    lexMBps: rate(best.lex),
  };
}
