import type { TokenStream } from "../normalize/token-stream.js";
import { ANNOTATED_ROWS_AGREEMENT, ANNOTATED_ROWS_MAX } from "../options.js";
import { lowerBound } from "../util/search.js";
import { markedWords } from "./evidence.js";
import { tokenSignature } from "./match-index.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Segment } from "./types.js";

/**
 * Prose that is mostly annotations (comments after code on their lines, TEXT_ANNOTATION_SHARE)
 * names what its lines hold: a character, a register, an error code. Any table of the same things
 * in the same order carries the same names, so such prose is evidence of a copy only where the
 * code it annotates is the indexed file's code too: a copied table brings its rows along, renamed
 * or not, while another table of the same characters has rows of its own shape.
 */

/** Of the query words the segments cover, the share that are annotations (TokenStream.annotations). */
export function annotationShare(segments: readonly Segment[], annotations: Uint8Array): number {
  let words = 0;
  let covered = -1;
  for (const segment of segments) {
    words += Math.max(0, segment.queryEnd - Math.max(segment.queryStart, covered));
    covered = Math.max(covered, segment.queryEnd);
  }
  return words === 0 ? 0 : markedWords(segments, annotations) / words;
}

/**
 * Whether the rows a text candidate's annotations annotate are the indexed rows' code: of the
 * pairs of lines its annotation words align (at most ANNOTATED_ROWS_MAX), at least
 * ANNOTATED_ROWS_AGREEMENT hold code of the same token signatures, and the same numbers, on both
 * sides. A copy's rows keep their tokens and numbers, renamed or reformatted, one edited here and
 * there; another table of the same characters has rows of its own shape (`0x41: (0x621, 0),`
 * against `0x00c1: 0x0621,`) or its own numbers (another code page's positions).
 */
export function annotatedCodeAgrees(segments: readonly Segment[], prose: TokenStream, proseSource: SourceTokens, code: TokenStream, sourceCode: SourceTokens): boolean {
  const annotations = prose.annotations!;
  let rows = 0;
  let same = 0;
  let lastQueryLine = -1;
  let lastSourceLine = -1;
  const cursor = { at: 0 };
  for (const segment of segments) {
    for (let t = segment.queryStart; t < segment.queryEnd && rows < ANNOTATED_ROWS_MAX; t++) {
      if (annotations[t] === 0) continue;
      // A row's words after its first: its line is known without reading the indexed side's.
      const queryLine = prose.startLines[t]!;
      if (queryLine === lastQueryLine) continue;
      const sourceLine = proseSource.startLine(segment.sourceStart + (t - segment.queryStart));
      if (sourceLine === lastSourceLine) continue;
      lastQueryLine = queryLine;
      lastSourceLine = sourceLine;
      rows++;
      if (sameRow(code, queryLine, sourceCode, sourceLine, cursor)) same++;
    }
  }
  return rows > 0 && same >= ANNOTATED_ROWS_AGREEMENT * rows;
}

/**
 * Whether the code tokens starting on the query's `queryLine` have the signatures of the content's
 * on `sourceLine`. `cursor` holds where the last row's tokens began on the source side: rows come
 * in line order, so the next is found from there on.
 */
function sameRow(code: TokenStream, queryLine: number, sourceCode: SourceTokens, sourceLine: number, cursor: { at: number }): boolean {
  const queryFrom = lowerBound(code.startLines, queryLine, undefined, 0, code.count);
  const queryTo = lowerBound(code.startLines, queryLine + 1, undefined, queryFrom, code.count);
  const sourceFrom = sourceCode.firstTokenFrom(sourceLine, cursor.at);
  const sourceTo = sourceCode.firstTokenFrom(sourceLine + 1, sourceFrom);
  cursor.at = sourceFrom;
  if (queryTo - queryFrom !== sourceTo - sourceFrom || queryTo === queryFrom) return false;
  for (let i = 0; i < queryTo - queryFrom; i++) {
    const hash = code.hashes[queryFrom + i]!;
    if (tokenSignature(hash) !== sourceCode.signatureAt(sourceFrom + i)) return false;
    // A table's numbers are its data, which a copy keeps however it renames (a code page's
    // `0x0080: 0x00c4,` is not another page's `0x008e: 0x00c4,` under the same character's name).
    if (code.keptLiteralClasses.includes(hash) && code.names[queryFrom + i] !== sourceCode.name(sourceFrom + i)) return false;
  }
  return true;
}
