import { MAX_TOKEN_CHARS } from "../options.js";

/** The token stream's five arrays as views of one buffer: one allocation per call, not five. */
export class TokenBuffer {
  hashes!: Uint32Array;
  startLines!: Uint32Array;
  endLines!: Uint32Array;
  names!: Uint16Array;
  charWeights!: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.allocate(capacity);
  }

  push(hash: number, startLine: number, endLine: number, chars: number, name: number): void {
    if (this.count === this.hashes.length) this.grow();
    const i = this.count++;
    this.hashes[i] = hash;
    this.startLines[i] = startLine;
    this.endLines[i] = endLine;
    this.charWeights[i] = Math.min(chars, MAX_TOKEN_CHARS);
    this.names[i] = name;
  }

  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * 15);
    this.hashes = new Uint32Array(buffer, 0, capacity);
    this.startLines = new Uint32Array(buffer, capacity * 4, capacity);
    this.endLines = new Uint32Array(buffer, capacity * 8, capacity);
    this.names = new Uint16Array(buffer, capacity * 12, capacity);
    this.charWeights = new Uint8Array(buffer, capacity * 14, capacity);
  }

  private grow(): void {
    const { hashes, startLines, endLines, names, charWeights } = this;
    this.allocate(hashes.length * 2);
    this.hashes.set(hashes);
    this.startLines.set(startLines);
    this.endLines.set(endLines);
    this.names.set(names);
    this.charWeights.set(charWeights);
  }
}
