import { describe, expect, it } from "vitest";
import { tokenSignature } from "../../src/match/match-index.js";
import { TOKENS_PER_CHUNK, decodeTokenChunk, encodeTokenChunks, packChunk, unpackChunk } from "../../src/store/token-chunks.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";

function stream(startLines: number[], endLines: number[]): TokenStream {
  const n = startLines.length;
  return {
    language: "python",
    count: n,
    hashes: Uint32Array.from(startLines, (_, i) => (i * 2654435761) >>> 0),
    startLines: Uint32Array.from(startLines),
    endLines: Uint32Array.from(endLines),
    charWeights: new Uint8Array(n).fill(1),
    // Every third token is a name, with hashes over the whole 16-bit range.
    names: Uint16Array.from(startLines, (_, i) => (i % 3 === 0 ? 1 + ((i * 40503) % 65535) : 0)),
    literalClasses: new Uint32Array(0),
    keptLiteralClasses: new Uint32Array(0),
    lineCount: Math.max(0, ...endLines),
    hasErrors: false,
    errorChars: 0,
  };
}

describe("token chunks", () => {
  it("round-trips signatures and line positions across chunk boundaries", () => {
    const starts: number[] = [];
    const ends: number[] = [];
    let line = 3;
    for (let i = 0; i < TOKENS_PER_CHUNK * 2 + 100; i++) {
      if (i % 7 === 0) line += i % 3; // blank lines and several tokens per line
      starts.push(line);
      ends.push(i % 97 === 0 ? line + 4 : line); // some multi-line tokens
      if (i % 97 === 0) line += 4;
    }
    const tokens = stream(starts, ends);
    const chunks = encodeTokenChunks(tokens);
    expect(chunks).toHaveLength(3);
    chunks.forEach((chunk) => {
      const decoded = decodeTokenChunk(chunk.firstLine, chunk.data);
      const offset = chunk.chunkIndex * TOKENS_PER_CHUNK;
      for (let i = 0; i < decoded.signatures.length; i++) {
        expect(decoded.signatures[i]).toBe(tokenSignature(tokens.hashes[offset + i]!));
        expect(decoded.name(i)).toBe(tokens.names[offset + i]);
        expect(decoded.startLine(i)).toBe(starts[offset + i]);
        expect(decoded.endLine(i)).toBe(ends[offset + i]);
      }
      // Every line from before the chunk to past it: the first of its tokens on that line or later.
      const lines = starts.slice(offset, offset + decoded.signatures.length);
      for (let line = lines[0]! - 2; line <= lines[lines.length - 1]! + 2; line++) {
        const first = lines.findIndex((l) => l >= line);
        expect(decoded.firstTokenFrom(line)).toBe(first === -1 ? lines.length : first);
      }
    });
  });

  it("answers lines the same the first time (read from the counts) and after (searched in their table)", () => {
    const starts: number[] = [];
    let line = 10;
    for (let i = 0; i < TOKENS_PER_CHUNK + 300; i++) {
      line += i % 11 === 0 ? 3 : i % 4 === 0 ? 1 : 0; // blank lines, and lines of one to four tokens
      starts.push(line);
    }
    const chunks = encodeTokenChunks(stream(starts, starts));
    for (const chunk of chunks) {
      const searched = decodeTokenChunk(chunk.firstLine, chunk.data);
      const count = searched.signatures.length;
      const lines = starts.slice(chunk.chunkIndex * TOKENS_PER_CHUNK, chunk.chunkIndex * TOKENS_PER_CHUNK + count);
      for (const offset of [-1, 0, 1, count >> 1, count - 1, count]) {
        // A chunk asked once reads its counts; one asked before searches its table.
        expect(decodeTokenChunk(chunk.firstLine, chunk.data).startLine(offset)).toBe(offset >= 0 && offset < count ? lines[offset] : 0);
        expect(searched.startLine(offset)).toBe(offset >= 0 && offset < count ? lines[offset] : 0);
      }
      for (let at = chunk.firstLine - 2; at <= lines[count - 1]! + 2; at++) {
        const first = lines.findIndex((l) => l >= at);
        expect(decodeTokenChunk(chunk.firstLine, chunk.data).firstTokenFrom(at)).toBe(first === -1 ? count : first);
        expect(searched.firstTokenFrom(at)).toBe(first === -1 ? count : first);
      }
    }
  });

  it("stores about one byte per token plus a little per line, and two bytes per name", () => {
    const starts = Array.from({ length: 1000 }, (_, i) => 1 + Math.floor(i / 8));
    const [chunk] = encodeTokenChunks(stream(starts, starts));
    const parts = unpackChunk(chunk!.data);
    expect(parts.signatures.length).toBe(1000);
    expect(parts.lineCounts.length).toBe(125);
    expect(parts.names.length).toBe(125 + 2 * 334);
    expect(parts.multiline).toBeNull();
    // The three lengths' varints are all the packing adds.
    expect(chunk!.data.length).toBe(1000 + 125 + 125 + 2 * 334 + 2 + 1 + 1);
  });

  it("rejects a truncated chunk instead of inventing lines", () => {
    const [chunk] = encodeTokenChunks(stream([1, 1, 2, 5], [1, 1, 2, 5]));
    const parts = unpackChunk(chunk!.data);
    const truncated = decodeTokenChunk(chunk!.firstLine, packChunk({ ...parts, lineCounts: parts.lineCounts.subarray(0, 1) }));
    expect(() => truncated.startLine(3)).toThrow(/index is damaged: .*truncated/);
    const cutNames = decodeTokenChunk(chunk!.firstLine, packChunk({ ...parts, names: parts.names.subarray(0, 2) }));
    expect(() => cutNames.name(0)).toThrow(/index is damaged: a token chunk's names are truncated/);
    // A blob shorter than its header says, or cut inside the header.
    expect(() => decodeTokenChunk(1, chunk!.data.subarray(0, 6))).toThrow(/index is damaged: a token chunk is truncated/);
    expect(() => decodeTokenChunk(1, Uint8Array.of(0x80))).toThrow(/index is damaged: a token chunk is truncated/);
  });
});
