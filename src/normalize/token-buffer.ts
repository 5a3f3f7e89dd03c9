import { MAX_TOKEN_CHARS } from "../options.js";
import { slabMemory } from "../util/slab.js";

/** The token stream's seven arrays as views of one buffer: one allocation per call, not seven. */
export class TokenBuffer {
  hashes!: Uint32Array;
  startLines!: Uint32Array;
  endLines!: Uint32Array;
  startOffsets!: Uint32Array;
  endOffsets!: Uint32Array;
  names!: Uint16Array;
  charWeights!: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.allocate(capacity);
  }

  /** A token of the source's characters [start, end). */
  push(hash: number, startLine: number, endLine: number, start: number, end: number, name: number): void {
    if (this.count === this.hashes.length) this.grow();
    const i = this.count++;
    this.hashes[i] = hash;
    this.startLines[i] = startLine;
    this.endLines[i] = endLine;
    this.startOffsets[i] = start;
    this.endOffsets[i] = end;
    this.charWeights[i] = Math.min(end - start, MAX_TOKEN_CHARS);
    this.names[i] = name;
  }

  private allocate(capacity: number): void {
    const { buffer, offset } = slabMemory(capacity * 23);
    this.hashes = new Uint32Array(buffer, offset, capacity);
    this.startLines = new Uint32Array(buffer, offset + capacity * 4, capacity);
    this.endLines = new Uint32Array(buffer, offset + capacity * 8, capacity);
    this.startOffsets = new Uint32Array(buffer, offset + capacity * 12, capacity);
    this.endOffsets = new Uint32Array(buffer, offset + capacity * 16, capacity);
    this.names = new Uint16Array(buffer, offset + capacity * 20, capacity);
    this.charWeights = new Uint8Array(buffer, offset + capacity * 22, capacity);
  }

  private grow(): void {
    const { hashes, startLines, endLines, startOffsets, endOffsets, names, charWeights } = this;
    this.allocate(hashes.length * 2);
    this.hashes.set(hashes);
    this.startLines.set(startLines);
    this.endLines.set(endLines);
    this.startOffsets.set(startOffsets);
    this.endOffsets.set(endOffsets);
    this.names.set(names);
    this.charWeights.set(charWeights);
  }
}
