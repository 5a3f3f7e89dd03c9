import { describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { type Fingerprints, kgramHashes, winnow, winnowQuery } from "../../src/fingerprint/winnow.js";
import type { FingerprintParameters } from "../../src/options.js";

/** Fingerprints with a fresh Fingerprinter, as each owner of one gets them. */
function fingerprint(tokens: TokenStream, parameters: FingerprintParameters): Fingerprints {
  return new Fingerprinter(parameters).fingerprint(tokens);
}
import type { TokenStream } from "../../src/normalize/token-stream.js";
import { seededUint32s } from "../helpers.js";

function stream(hashes: number[]): TokenStream {
  const n = hashes.length;
  return {
    language: "typescript",
    count: n,
    hashes: Uint32Array.from(hashes),
    startLines: new Uint32Array(n).fill(1),
    endLines: new Uint32Array(n).fill(1),
    charWeights: new Uint8Array(n).fill(1),
    names: new Uint16Array(n),
    literalClasses: new Uint32Array(0),
    keptLiteralClasses: new Uint32Array(0),
    lineCount: 1,
    hasErrors: false,
    errorChars: 0,
  };
}

/** Deterministic pseudo-random tokens. */
function randomTokens(seed: number, n: number, alphabet: number): number[] {
  const next = seededUint32s(seed);
  return Array.from({ length: n }, () => ((next() % alphabet) * 2654435761) >>> 0);
}

describe("fingerprint", () => {
  const parameters = { kgramTokens: 12, windowKgrams: 12 };

  it("rolls k-gram hashes that equal hashing each k-gram from scratch", () => {
    const tokens = randomTokens(1, 60, 50);
    const rolled = kgramHashes(stream(tokens), 12);
    for (let i = 0; i < rolled.length; i++) {
      expect(rolled[i]).toBe(kgramHashes(stream(tokens.slice(i, i + 12)), 12)[0]);
    }
  });

  it("finds every shared run of at least w + k − 1 tokens (the winnowing guarantee)", () => {
    // Winnowing's guarantee: every shared run of w + k − 1 tokens shares a fingerprint.
    const t = parameters.windowKgrams + parameters.kgramTokens - 1;
    expect(t).toBe(23);
    for (let trial = 0; trial < 200; trial++) {
      const shared = randomTokens(trial + 1000, t, 40);
      const a = [...randomTokens(trial, 37, 40), ...shared, ...randomTokens(trial + 7, 11, 40)];
      const b = [...randomTokens(trial + 3, 5, 40), ...shared, ...randomTokens(trial + 9, 50, 40)];
      const fa = new Set(fingerprint(stream(a), parameters).hashes);
      const fb = fingerprint(stream(b), parameters).hashes;
      expect(fb.some((h) => fa.has(h))).toBe(true);
    }
  });

  it("keeps about 2/(w+1) of the k-grams", () => {
    const tokens = randomTokens(42, 20_000, 1000);
    const prints = fingerprint(stream(tokens), parameters);
    const density = prints.count / (tokens.length - 11);
    expect(density).toBeGreaterThan(0.12);
    expect(density).toBeLessThan(0.19);
  });

  it("selects one fingerprint per window, not one per k-gram, in a run of identical k-grams (robust winnowing)", () => {
    const repetitive = new Array(200).fill(7);
    const prints = winnow(kgramHashes(stream(repetitive), 12), 12);
    const kgrams = 200 - 12 + 1;
    // Plain "rightmost minimum" would select every one of the 189 k-grams here.
    expect(prints.count).toBeLessThanOrEqual(Math.ceil(kgrams / 12));
    expect(new Set(prints.hashes).size).toBe(1);
  });

  it("adds data fingerprints over repetitive stretches only, keyed by the names' and literals' text", () => {
    // 40 tokens of code, then a 120-token table: rows of 4 tokens whose shape repeats and whose data differs.
    const code = randomTokens(9, 40, 1000);
    const table = Array.from({ length: 30 }, () => [11, 12, 13, 14]).flat();
    const names = (seed: number) => [...new Array(40).fill(0), ...table.map((_, i) => (i % 4 === 1 || i % 4 === 3 ? 1 + ((i * seed) % 65000) : 0))];
    const withData = (seed: number): TokenStream => ({ ...stream([...code, ...table]), names: Uint16Array.from(names(seed)) });
    const shapeOnly = winnow(kgramHashes(stream([...code, ...table]), 12), 12);
    const a = fingerprint(withData(7), parameters);
    const b = fingerprint(withData(13), parameters);
    expect(a.count).toBeGreaterThan(shapeOnly.count + 5);
    // Data fingerprints sit in the table, and differ with its data; the shape's are shared.
    const shape = new Set(shapeOnly.hashes);
    const dataOf = (p: typeof a) => [...p.hashes].filter((h) => !shape.has(h));
    for (let i = 0; i < a.count; i++) if (!shape.has(a.hashes[i]!)) expect(a.positions[i]!).toBeGreaterThanOrEqual(40 - 2 * 12);
    const bData = new Set(dataOf(b));
    expect(dataOf(a).some((h) => bData.has(h))).toBe(false);
    for (let i = 1; i < a.count; i++) expect(a.positions[i]!).toBeGreaterThanOrEqual(a.positions[i - 1]!);
    // Code without repetition gets its shape fingerprints only.
    const plain = randomTokens(4, 300, 100000);
    expect(fingerprint(stream(plain), parameters).count).toBe(winnow(kgramHashes(stream(plain), 12), 12).count);
  });

  it("adds kept-data fingerprints keyed by numbers alone, so a table renamed around its numbers keeps them", () => {
    // A 120-token table of rows `name = number ,` (token 13 is the number class, which a renaming keeps).
    const NUMBER = 13;
    const code = randomTokens(9, 40, 1000);
    const table = Array.from({ length: 30 }, () => [11, 12, NUMBER, 14]).flat();
    const version = (nameSeed: number, numberSeed: number, numberClasses = [NUMBER]): TokenStream => {
      const texts = [...new Array(40).fill(0), ...table.map((_, i) => (i % 4 === 0 ? 1 + (((i >> 2) * nameSeed) % 65000) : i % 4 === 2 ? 1 + (((i >> 2) * numberSeed) % 65000) : 0))];
      return { ...stream([...code, ...table]), names: Uint16Array.from(texts), keptLiteralClasses: Uint32Array.from(numberClasses) };
    };
    const original = fingerprint(version(7, 101), parameters);
    const renamed = fingerprint(version(13, 101), parameters);
    const otherNumbers = fingerprint(version(13, 211), parameters);
    const shapeOnly = new Set(winnow(kgramHashes(stream([...code, ...table]), 12), 12).hashes);
    const beyondShape = (a: Fingerprints, b: Fingerprints) => [...a.hashes].filter((h) => !shapeOnly.has(h) && b.hashes.includes(h));
    // Without the kept channel the renamed table shares only the shape's fingerprints with its original.
    expect(beyondShape(fingerprint(version(7, 101, []), parameters), fingerprint(version(13, 101, []), parameters))).toEqual([]);
    expect(beyondShape(original, renamed).length).toBeGreaterThan(2);
    expect(beyondShape(original, otherNumbers)).toEqual([]);
    for (let i = 1; i < original.count; i++) expect(original.positions[i]!).toBeGreaterThanOrEqual(original.positions[i - 1]!);
  });

  it("adds literal fingerprints keyed by literals alone, so a table whose names are renamed keeps them", () => {
    // A 140-token table of rows `name [ string ] = string ;` (token 13 is the string class).
    const STRING = 13;
    const code = randomTokens(9, 40, 1000);
    const table = Array.from({ length: 20 }, () => [11, 12, STRING, 14, 15, STRING, 16]).flat();
    const version = (nameSeed: number, stringSeed: number, literalClasses = [STRING]): TokenStream => {
      const text = (i: number): number => {
        const row = Math.floor(i / 7);
        if (i % 7 === 0) return 1 + ((row * nameSeed) % 65000);
        return i % 7 === 2 || i % 7 === 5 ? 1 + ((row * stringSeed + (i % 7)) % 65000) : 0;
      };
      return { ...stream([...code, ...table]), names: Uint16Array.from([...new Array(40).fill(0), ...table.map((_, i) => text(i))]), literalClasses: Uint32Array.from(literalClasses) };
    };
    const shapeOnly = new Set(winnow(kgramHashes(stream([...code, ...table]), 12), 12).hashes);
    const beyondShape = (a: Fingerprints, b: Fingerprints) => [...a.hashes].filter((h) => !shapeOnly.has(h) && b.hashes.includes(h));
    // Without the literal channel a renamed name in every row leaves only the shape in common.
    expect(beyondShape(fingerprint(version(7, 101, []), parameters), fingerprint(version(13, 101, []), parameters))).toEqual([]);
    const original = fingerprint(version(7, 101), parameters);
    expect(beyondShape(original, fingerprint(version(13, 101), parameters)).length).toBeGreaterThan(2);
    expect(beyondShape(original, fingerprint(version(13, 211), parameters))).toEqual([]);
  });

  it("adds no kept-data fingerprints where a repeated statement holds one number", () => {
    // `check(f(x), 0)`-like rows of 14 tokens, one of them a number: any code's, not a table.
    const row = [31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44];
    const rows = Array.from({ length: 12 }, () => row).flat();
    // Token 31 is a name (a text the data channel carries), token 36 the number.
    const texts = Uint16Array.from(rows, (_, i) => (i % 14 === 0 ? 100 + i : i % 14 === 5 ? 1 + (i % 7) : 0));
    const tokens: TokenStream = { ...stream(rows), names: texts, keptLiteralClasses: Uint32Array.of(36) };
    expect(fingerprint(tokens, parameters).count).toBe(fingerprint({ ...tokens, keptLiteralClasses: new Uint32Array(0) }, parameters).count);
  });

  it("keeps a fingerprint both data channels choose once", () => {
    // Every text is a number: the two channels' k-grams are equal, and so are their selections.
    const table = Array.from({ length: 40 }, () => [21, 22, 23]).flat();
    const numbers = Uint16Array.from(table, (_, i) => (i % 3 === 2 ? 1 + ((i * 97) % 65000) : 0));
    const tokens: TokenStream = { ...stream(table), names: numbers, keptLiteralClasses: Uint32Array.of(23) };
    const prints = fingerprint(tokens, parameters);
    const pairs = new Set(Array.from(prints.hashes, (h, i) => `${h}@${prints.positions[i]}`));
    expect(pairs.size).toBe(prints.count);
    expect(prints.count).toBe(fingerprint({ ...tokens, keptLiteralClasses: new Uint32Array(0) }, parameters).count);
  });

  it("gives a query every fingerprint the indexed file chose inside it, its ends included", () => {
    // A short copy cut out of a longer file: the file's windows at the cut reach outside the query.
    const k = parameters.kgramTokens;
    const w = parameters.windowKgrams;
    let gainedAtEnds = 0;
    for (let trial = 0; trial < 100; trial++) {
      const file = randomTokens(trial + 500, 200, 60);
      const from = 40 + (trial % 30);
      const query = file.slice(from, from + k + w + 6);
      const fileKgrams = kgramHashes(stream(file), k);
      const filePrints = winnow(fileKgrams, w);
      // The file's fingerprints whose k-gram lies wholly inside the query.
      const inside = new Set<number>();
      for (let i = 0; i < filePrints.count; i++) {
        const p = filePrints.positions[i]!;
        if (p >= from && p + k <= from + query.length) inside.add(filePrints.hashes[i]!);
      }
      const queryKgrams = kgramHashes(stream(query), k);
      const plain = new Set(winnow(queryKgrams, w).hashes);
      const dense = winnowQuery(queryKgrams, w);
      const denseSet = new Set(dense.hashes);
      for (const hash of inside) expect(denseSet.has(hash)).toBe(true);
      gainedAtEnds += [...inside].filter((h) => !plain.has(h)).length;
      // Only what winnowing did not choose is marked as an end's k-gram; positions stay in order.
      for (const hash of dense.edgeOnly!) expect(plain.has(hash)).toBe(false);
      for (let i = 1; i < dense.count; i++) expect(dense.positions[i]!).toBeGreaterThan(dense.positions[i - 1]!);
    }
    // Plain winnowing of the query misses some of them: the reason the ends are added.
    expect(gainedAtEnds).toBeGreaterThan(20);
  });

  it("gives a text shorter than one window its minimum, and nothing below k tokens", () => {
    expect(fingerprint(stream(randomTokens(5, 14, 100)), parameters).count).toBe(1);
    expect(fingerprint(stream(randomTokens(5, 11, 100)), parameters).count).toBe(0);
  });

  it("reports positions of the selected k-grams in order", () => {
    const prints = winnow(kgramHashes(stream(randomTokens(3, 500, 100)), 12), 12);
    for (let i = 1; i < prints.count; i++) expect(prints.positions[i]!).toBeGreaterThan(prints.positions[i - 1]!);
    // Consecutive selections are never more than a window apart.
    for (let i = 1; i < prints.count; i++) expect(prints.positions[i]! - prints.positions[i - 1]!).toBeLessThanOrEqual(12);
  });
});
