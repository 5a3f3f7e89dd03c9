import { describe, expect, it } from "vitest";
import { SLAB_BYTES, SLAB_LARGEST_SHARE } from "../../src/options.js";
import { slabInt32, slabMemory, slabUint16, slabUint8 } from "../../src/util/slab.js";

describe("slab memory", () => {
  it("carves zeroed, aligned, disjoint views from one slab", () => {
    const a = slabUint8(3);
    const b = slabInt32(5);
    const c = slabUint16(7);
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).toBe(a.buffer);
    for (const view of [a, b, c]) expect(view.byteOffset % 8).toBe(0);
    expect([...a, ...b, ...c].every((value) => value === 0)).toBe(true);
    a.fill(255);
    b.fill(-1);
    c.fill(65535);
    // Writing one view leaves the others as they were: no two overlap.
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + a.byteLength);
    expect(c.byteOffset).toBeGreaterThanOrEqual(b.byteOffset + b.byteLength);
    expect([...slabUint8(16)].every((value) => value === 0)).toBe(true);
  });

  it("starts a new slab when one is full, and gives a large request a buffer of its own", () => {
    const first = slabUint8(8);
    const fill = Math.floor(SLAB_BYTES * SLAB_LARGEST_SHARE);
    const views = Array.from({ length: Math.ceil(1 / SLAB_LARGEST_SHARE) + 1 }, () => slabUint8(fill));
    expect(views.some((view) => view.buffer !== first.buffer)).toBe(true);
    for (const view of views) expect(view.byteLength).toBe(fill);

    const large = slabMemory(fill + 1);
    expect(large.offset).toBe(0);
    expect(large.buffer.byteLength).toBe(fill + 1);
  });
});
