import { ReftrackError } from "../errors.js";
import { TEXT_POSITION_BASE, type TokenChunk, tokenSignature } from "../match/match-index.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { ByteWriter } from "../util/growable.js";
import { ByteReader } from "../util/varint.js";
import { lowerBound } from "../util/search.js";

/**
 * Each indexed content keeps, besides its fingerprints, a compact copy of its token stream: one
 * signature byte per token (tokenSignature), its identifiers' and literals' name words, and where
 * each token sits in the file's lines. Matching seeds on a shared fingerprint, then extends token
 * by token in both directions against these signatures, which is what makes the reported line
 * ranges exact. Stored in chunks so a lookup reads only the part of a large file around the match.
 */
export const TOKENS_PER_CHUNK = 1024;
/**
 * Chunk row ids are contentId * CHUNK_ID_STRIDE + chunkIndex, so a content's chunks are one id
 * range. A content's stored tokens end at CHUNK_ID_STRIDE · TOKENS_PER_CHUNK, which is the
 * occurrence packing's POSITION_SPAN: no position past it is stored or looked up.
 */
export const CHUNK_ID_STRIDE = 65536;

/** The chunk index a content's prose starts at: its words are at TEXT_POSITION_BASE on. */
export const TEXT_CHUNK_BASE = TEXT_POSITION_BASE / TOKENS_PER_CHUNK;

/** The row id of a content's chunk. */
export function chunkKey(contentId: number, chunkIndex: number): number {
  return contentId * CHUNK_ID_STRIDE + chunkIndex;
}

/** The parts of one stored chunk, stored together as one blob (see packChunk). */
export interface ChunkParts {
  /** One byte per token: the top 8 bits of its normalized-token hash. */
  readonly signatures: Uint8Array;
  /**
   * Names of the chunk's identifiers and literals: a bitmap of which tokens have one (a bit per
   * token), then their 16-bit name words (nameHash: hash and length), little-endian, in token
   * order. About 0.9 bytes per token where a byte for every token would be 2.
   */
  readonly names: Uint8Array;
  /** Varints: for each line from firstLine on, how many tokens start on it. */
  readonly lineCounts: Uint8Array;
  /** Varint pairs (token offset in chunk, extra lines) for tokens spanning lines; null if none. */
  readonly multiline: Uint8Array | null;
}

export interface EncodedChunk {
  readonly chunkIndex: number;
  readonly firstLine: number;
  /** packChunk of its parts. */
  readonly data: Uint8Array;
}

const DAMAGED_CHUNK = "index is damaged: a token chunk is truncated (rebuild the index)";
const DAMAGED_NAMES = "index is damaged: a token chunk's names are truncated (rebuild the index)";

export function encodeTokenChunks(tokens: TokenStream): EncodedChunk[] {
  const chunks: EncodedChunk[] = [];
  // One chunk's parts are written here, then copied once into its blob: a build encodes millions
  // of chunks, and their garbage showed in its peak RSS.
  const signatures = new Uint8Array(TOKENS_PER_CHUNK);
  const names = new Uint8Array(TOKENS_PER_CHUNK / 8 + 2 * TOKENS_PER_CHUNK);
  const lines = new ByteWriter();
  const multiline = new ByteWriter();
  for (let start = 0, chunkIndex = 0; start < tokens.count; start += TOKENS_PER_CHUNK, chunkIndex++) {
    const end = Math.min(tokens.count, start + TOKENS_PER_CHUNK);
    lines.clear();
    multiline.clear();
    const firstLine = tokens.startLines[start]!;
    let line = firstLine;
    let onLine = 0;
    let lastMultiline = 0;
    for (let i = start; i < end; i++) {
      signatures[i - start] = tokenSignature(tokens.hashes[i]!);
      const tokenLine = tokens.startLines[i]!;
      while (line < tokenLine) {
        lines.varint(onLine);
        onLine = 0;
        line++;
      }
      onLine++;
      const extra = tokens.endLines[i]! - tokenLine;
      if (extra > 0) {
        multiline.varint(i - start - lastMultiline);
        multiline.varint(extra);
        lastMultiline = i - start;
      }
    }
    lines.varint(onLine);
    const parts = {
      signatures: signatures.subarray(0, end - start),
      names: names.subarray(0, encodeNames(names, tokens.names, start, end)),
      lineCounts: lines.view(),
      multiline: multiline.length > 0 ? multiline.view() : null,
    };
    chunks.push({ chunkIndex, firstLine, data: packChunk(parts) });
  }
  return chunks;
}

/**
 * One blob for the four parts: the lengths of names, lineCounts and multiline as varints, then
 * signatures, names, lineCounts, multiline. Reading a chunk is then one column, one buffer:
 * better-sqlite3 copies every blob column into a buffer of its own, and four copies cost more
 * than the row's B-tree descent.
 */
export function packChunk(parts: ChunkParts): Uint8Array {
  const header = new ByteWriter();
  header.varint(parts.names.length);
  header.varint(parts.lineCounts.length);
  header.varint(parts.multiline?.length ?? 0);
  const head = header.view();
  const out = new Uint8Array(head.length + parts.signatures.length + parts.names.length + parts.lineCounts.length + (parts.multiline?.length ?? 0));
  let at = 0;
  for (const part of [head, parts.signatures, parts.names, parts.lineCounts, parts.multiline]) {
    if (!part) continue;
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The parts of a packed chunk, as views into it (no copies). */
export function unpackChunk(data: Uint8Array): ChunkParts {
  const layout = chunkLayout(data, new ByteReader(data, DAMAGED_CHUNK));
  return {
    signatures: data.subarray(layout.signaturesStart, layout.namesStart),
    names: data.subarray(layout.namesStart, layout.linesStart),
    lineCounts: data.subarray(layout.linesStart, layout.multilineStart),
    multiline: layout.multilineStart < data.length ? data.subarray(layout.multilineStart) : null,
  };
}

/** Where a packed chunk's parts begin; the multiline pairs run to its end. */
interface ChunkLayout {
  readonly signaturesStart: number;
  readonly namesStart: number;
  readonly linesStart: number;
  readonly multilineStart: number;
}

/** A packed chunk's header read by `reader` (left past it): where each part begins. */
function chunkLayout(data: Uint8Array, reader: ByteReader): ChunkLayout {
  const namesLength = reader.varint();
  const lineCountsLength = reader.varint();
  const multilineLength = reader.varint();
  const signaturesLength = data.length - reader.at - namesLength - lineCountsLength - multilineLength;
  if (signaturesLength < 0) throw reader.damaged();
  const namesStart = reader.at + signaturesLength;
  const linesStart = namesStart + namesLength;
  return { signaturesStart: reader.at, namesStart, linesStart, multilineStart: linesStart + lineCountsLength };
}

/** A stored chunk, decoded lazily: signatures at once, names and lines where asked. */
export function decodeTokenChunk(firstLine: number, data: Uint8Array): TokenChunk {
  return new StoredChunk(firstLine, data);
}

/**
 * A chunk read for matching, over its blob: an object with its parts' offsets and methods, not the
 * parts as views and a closure per method: a query reads a dozen chunks and a repetitive one
 * hundreds, and every view and closure is garbage a scavenge, landing in some query, must meet.
 */
class StoredChunk implements TokenChunk {
  readonly signatures: Uint8Array;
  private readonly count: number;
  /** Reads the blob's varints: the header at construction, then line counts and multiline pairs. */
  private readonly reader: ByteReader;
  private readonly namesStart: number;
  private readonly linesStart: number;
  private readonly multilineStart: number;
  // Read where asked, not decoded whole: matching reads the names of the tokens around its hits
  // and the lines of a reference's two ends, and decoding a whole chunk costs as much as reading it.
  private names: Uint8Array | undefined;
  private ranks: Uint16Array | undefined;
  /**
   * Tokens up to the end of each line from firstLine on, decoded at the second line asked for: a
   * reference's ends and the bridges between its segments ask a chunk for lines a few times, and
   * reading the counts from the start each time cost more than the chunk's read.
   */
  private lineEnds: Uint32Array | undefined;
  private lineAsks = 0;

  constructor(
    private readonly firstLine: number,
    private readonly data: Uint8Array,
  ) {
    this.reader = new ByteReader(data, DAMAGED_CHUNK);
    const layout = chunkLayout(data, this.reader);
    this.count = layout.namesStart - layout.signaturesStart;
    // A plain view: a Buffer's own subarray makes a Buffer, which costs more.
    this.signatures = new Uint8Array(data.buffer, data.byteOffset + layout.signaturesStart, this.count);
    this.namesStart = layout.namesStart;
    this.linesStart = layout.linesStart;
    this.multilineStart = layout.multilineStart;
  }

  name(offset: number): number {
    if (!this.names) {
      this.names = new Uint8Array(this.data.buffer, this.data.byteOffset + this.namesStart, this.linesStart - this.namesStart);
      this.ranks = nameRanks(this.names, this.count);
    }
    return nameAt(this.names, this.count, this.ranks!, offset);
  }

  /** 1-based line of the token at `offset`: the line counts are read up to it (once asked again, searched). 0 past the chunk. */
  startLine(offset: number): number {
    if (offset < 0 || offset >= this.count) return 0;
    const ends = this.lineTable();
    // The first line whose cumulative count passes `offset`.
    if (ends) return this.firstLine + lowerBound(ends, offset + 1);
    const reader = this.reader;
    reader.at = this.linesStart;
    let tokensBefore = 0;
    for (let line = this.firstLine; ; line++) {
      tokensBefore += reader.varint(this.multilineStart);
      if (offset < tokensBefore) return line;
    }
  }

  /** The first token on `line` or after it (the chunk's length when none). */
  firstTokenFrom(line: number): number {
    const ends = this.lineTable();
    if (ends) {
      const before = line - this.firstLine;
      return before <= 0 ? 0 : before > ends.length ? this.count : Math.min(ends[before - 1]!, this.count);
    }
    const reader = this.reader;
    reader.at = this.linesStart;
    let tokensBefore = 0;
    for (let at = this.firstLine; at < line && tokensBefore < this.count; at++) tokensBefore += reader.varint(this.multilineStart);
    return Math.min(tokensBefore, this.count);
  }

  /** The lines' cumulative token counts, from the second time lines are asked for; undefined before. */
  private lineTable(): Uint32Array | undefined {
    if (this.lineEnds) return this.lineEnds;
    if (++this.lineAsks < 2) return undefined;
    const reader = this.reader;
    reader.at = this.linesStart;
    // Every line's count is a varint of one byte or more: the bytes bound the lines.
    const ends = new Uint32Array(this.multilineStart - this.linesStart);
    let lines = 0;
    let tokens = 0;
    while (reader.at < this.multilineStart && tokens < this.count) {
      tokens += reader.varint(this.multilineStart);
      ends[lines++] = tokens;
    }
    this.lineEnds = ends.subarray(0, lines);
    return this.lineEnds;
  }

  endLine(offset: number): number {
    const start = this.startLine(offset);
    return start === 0 ? 0 : start + this.extraLines(offset);
  }

  /** Lines the token at `offset` spans beyond its first. */
  private extraLines(offset: number): number {
    const reader = this.reader;
    const end = this.data.length;
    reader.at = this.multilineStart;
    let at = 0;
    while (reader.at < end) {
      at += reader.varint(end);
      const extra = reader.varint(end);
      if (at === offset) return extra;
      if (at > offset) return 0;
    }
    return 0;
  }
}

/** Bits set in each byte value. */
const BITS_SET = Uint8Array.from({ length: 256 }, (_, value) => {
  let bits = 0;
  for (let v = value; v !== 0; v >>>= 1) bits += v & 1;
  return bits;
});

/** Names before each byte of the bitmap; throws when the hashes are fewer than the bitmap says. */
function nameRanks(encoded: Uint8Array, count: number): Uint16Array {
  const bitmapBytes = Math.ceil(count / 8);
  if (encoded.length < bitmapBytes) throw new ReftrackError(DAMAGED_NAMES);
  const ranks = new Uint16Array(bitmapBytes);
  let before = 0;
  for (let byte = 0; byte < bitmapBytes; byte++) {
    ranks[byte] = before;
    before += BITS_SET[encoded[byte]!]!;
  }
  if (bitmapBytes + 2 * before > encoded.length) throw new ReftrackError(DAMAGED_NAMES);
  return ranks;
}

function nameAt(encoded: Uint8Array, count: number, ranks: Uint16Array, offset: number): number {
  if (offset < 0 || offset >= count) return 0;
  const byte = offset >>> 3;
  const bit = offset & 7;
  const bits = encoded[byte]!;
  if ((bits & (1 << bit)) === 0) return 0;
  const at = ranks.length + 2 * (ranks[byte]! + BITS_SET[bits & ((1 << bit) - 1)]!);
  return encoded[at]! | (encoded[at + 1]! << 8);
}

/** Writes the names of tokens start…end into `out` (bitmap, then hashes); returns the bytes written. */
function encodeNames(out: Uint8Array, names: Uint16Array, start: number, end: number): number {
  const count = end - start;
  const bitmapBytes = Math.ceil(count / 8);
  out.fill(0, 0, bitmapBytes);
  let cursor = bitmapBytes;
  for (let i = start; i < end; i++) {
    const name = names[i]!;
    if (name === 0) continue;
    out[(i - start) >>> 3]! |= 1 << ((i - start) & 7);
    out[cursor++] = name & 0xff;
    out[cursor++] = name >>> 8;
  }
  return cursor;
}

