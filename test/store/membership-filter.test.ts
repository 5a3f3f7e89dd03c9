import { describe, expect, it } from "vitest";
import { MembershipFilter } from "../../src/store/membership-filter.js";
import { seededUint32s } from "../helpers.js";

function pseudoRandomInt32(seed: number): () => number {
  const next = seededUint32s(seed);
  return () => next() | 0;
}

describe("membership filter", () => {
  it("never answers 'absent' for a hash it holds, and rarely 'present' for one it does not", () => {
    const next = pseudoRandomInt32(7);
    const present = Array.from({ length: 200_000 }, next);
    const filter = MembershipFilter.forCount(present.length);
    for (const hash of present) filter.add(hash);
    for (const hash of present) expect(filter.mayContain(hash)).toBe(true);
    const other = pseudoRandomInt32(99);
    let falsePositives = 0;
    const trials = 200_000;
    for (let i = 0; i < trials; i++) if (filter.mayContain(other())) falsePositives++;
    // 200,000 hashes × 12 bits round to 2^21 bits (10.5 per hash): (1 − e^(−3/10.5))³ ≈ 1.5%.
    expect(falsePositives / trials).toBeLessThan(0.025);
  });

  it("round-trips through bytes, including from an unaligned buffer", () => {
    const filter = MembershipFilter.forCount(1000);
    for (let i = 0; i < 1000; i++) filter.add(Math.imul(i, 2654435761) | 0);
    const bytes = filter.toBytes();
    const unaligned = Buffer.alloc(bytes.length + 1);
    unaligned.set(bytes, 1);
    const copy = MembershipFilter.fromBytes(unaligned.subarray(1), filter.log2Bits);
    for (let i = 0; i < 1000; i++) expect(copy.mayContain(Math.imul(i, 2654435761) | 0)).toBe(true);
    expect(() => MembershipFilter.fromBytes(bytes.subarray(1), filter.log2Bits)).toThrow(RangeError);
  });

  it("handles the extremes of the hash space", () => {
    const filter = MembershipFilter.forCount(4);
    for (const hash of [0, -1, 2147483647, -2147483648]) filter.add(hash);
    for (const hash of [0, -1, 2147483647, -2147483648]) expect(filter.mayContain(hash)).toBe(true);
  });
});
