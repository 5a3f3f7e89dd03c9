import { createHash, randomUUID } from "node:crypto";
import { isAbsolute, relative, sep } from "node:path";
import type parse from "spdx-expression-parse";
import { encodedPrefixLength } from "../files/source-encoding.js";
import { MINIFIED_AVERAGE_LINE_LENGTH } from "../options.js";
import { lazyRequire } from "../util/lazy-require.js";
import { lineEndOffset, lineStartOffsets } from "../util/line-starts.js";
import type { ScannedFile } from "./json.js";
import type { Reference } from "./reference.js";
import type { ReportInput } from "./report.js";

const spdxParser = lazyRequire<(expression: string) => parse.SpdxExpression>("spdx-expression-parse");
const parseSpdx = (expression: string): parse.SpdxExpression => spdxParser()(expression);

/** What the SPDX writer needs of a scanned file beyond the scan: its SHA-1 and where its lines start, in bytes. */
export interface FileFacts {
  readonly sha1: string;
  /** Byte offset of each line's start (index 0 = line 1), and the file's length last. */
  readonly lineStarts: readonly number[];
  /**
   * The lines where a reference may give columns (Reference.queryColumns: longer than
   * MINIFIED_AVERAGE_LINE_LENGTH), by line number: a column is a character, a byte range counts bytes.
   */
  readonly longLines: ReadonlyMap<number, string>;
  /** The file's encoding ("utf-8" unless its coding declaration named another). */
  readonly encoding: string;
  /** The long lines' own bytes, kept for a file whose bytes its text cannot give back (another encoding, a byte-order mark, CR line ends). */
  readonly longLineBytes?: ReadonlyMap<number, Uint8Array>;
}

/** A file's own bytes and their encoding, when its text is not those bytes read as UTF-8. */
export interface FileBytes {
  readonly bytes: Uint8Array;
  readonly encoding: string;
}

/**
 * Facts of a file's text, as scan reads it: of its own bytes when given (a file in another
 * encoding, or with lines ended by CR alone, which scan reads as LF), else of the text as UTF-8.
 */
export function fileFacts(text: string, original?: FileBytes): FileFacts {
  const bytes = original?.bytes ?? Buffer.from(text, "utf8");
  const encoding = original?.encoding ?? "utf-8";
  const lineStarts = [0];
  if (original === undefined) {
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lineStarts.push(i + 1);
  } else {
    // A line ends at LF, or at a CR no LF follows: the line breaks scan read (source-file.ts).
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === 10 || (byte === 13 && bytes[i + 1] !== 10)) lineStarts.push(i + 1);
    }
  }
  if (lineStarts[lineStarts.length - 1] !== bytes.length) lineStarts.push(bytes.length);
  const longLines = new Map<number, string>();
  const longLineBytes = new Map<number, Uint8Array>();
  const starts = lineStartOffsets(text);
  for (let line = 0; line < starts.length; line++) {
    const end = lineEndOffset(text, starts, line);
    if (end - starts[line]! <= MINIFIED_AVERAGE_LINE_LENGTH) continue;
    longLines.set(line + 1, text.slice(starts[line], end));
    if (original) longLineBytes.set(line + 1, bytes.slice(lineStarts[line], lineStarts[line + 1]));
  }
  return { sha1: sha1(bytes), lineStarts, longLines, encoding, ...(original ? { longLineBytes } : {}) };
}

/**
 * The scan as an SPDX 2.3 JSON document: each scanned file a `files[]` entry, each reference a
 * `snippets[]` entry on it with its line range and byte range, the origin's license as the
 * snippet's concluded license, and the origin (repository, revision, path, lines, URL) as its
 * attribution and comment.
 */
export function formatSpdx(input: ReportInput, facts: ReadonlyMap<string, FileFacts>): string {
  const { scan, provenance } = input;
  const files = scan.results.map((file, i) => ({ file, id: `SPDXRef-File-${i + 1}` }));
  const document = {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: `reftrack scan ${provenance.scannedAt}`,
    documentNamespace: `https://spdx.org/spdxdocs/reftrack-scan-${randomUUID()}`,
    creationInfo: {
      created: provenance.scannedAt.replace(/\.\d{3}Z$/, "Z"),
      creators: [`Tool: reftrack-${provenance.tool.version}`],
      comment: describeIndex(input),
    },
    documentDescribes: files.map(({ id }) => id),
    files: files.map(({ file, id }) => ({
      fileName: spdxFileName(file.path, input.root),
      SPDXID: id,
      checksums: [{ algorithm: "SHA1", checksumValue: facts.get(file.path)?.sha1 ?? sha1("") }],
      licenseConcluded: "NOASSERTION",
      licenseInfoInFiles: ["NOASSERTION"],
      copyrightText: "NOASSERTION",
      ...(file.references.length > 0 ? { comment: `${file.references.length} region(s) match indexed code; decision: ${file.decision.action}` } : {}),
    })),
    snippets: files.flatMap(({ file, id }) => file.references.map((reference, n) => snippet(file, id, n, reference, facts.get(file.path)))),
    relationships: files.map(({ id }) => ({ spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: id })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function snippet(file: ScannedFile, fileId: string, n: number, reference: Reference, facts: FileFacts | undefined) {
  const origin = `${[reference.source, reference.revision].filter(Boolean).join(" ")} ${reference.path} lines ${reference.sourceLines[0]}-${reference.sourceLines[1]}`;
  const license = validExpression(reference.license) ? reference.license : "NOASSERTION";
  return {
    SPDXID: `${fileId.replace("SPDXRef-File", "SPDXRef-Snippet")}-${n + 1}`,
    name: `lines ${reference.queryLines[0]}-${reference.queryLines[1]} of ${file.path}, from ${reference.source} ${reference.path}`,
    snippetFromFile: fileId,
    ranges: [
      ...(facts ? [byteRange(fileId, reference, facts)] : []),
      { startPointer: { reference: fileId, lineNumber: reference.queryLines[0] }, endPointer: { reference: fileId, lineNumber: reference.queryLines[1] } },
    ],
    licenseConcluded: license,
    licenseInfoInSnippets: license === "NOASSERTION" ? ["NOASSERTION"] : licenseIds(license),
    copyrightText: "NOASSERTION",
    attributionTexts: [`${origin}${reference.repository ? ` (${reference.repository})` : ""}${reference.url ? `: ${reference.url}` : ""}`],
    comment: `Matches ${origin}${reference.url ? ` (${reference.url})` : ""}; license ${reference.license} (${reference.licenseProvenance}); similarity ${reference.similarity}, found by reftrack on ${reference.explanation.basis}.`,
  };
}

/**
 * A reference's bytes, numbered from 1 and inclusive as SPDX numbers them: from its first line's
 * first byte to its last line's last (its line break included), or, where it gives columns, from
 * the first column's first byte to the last column's last.
 */
function byteRange(fileId: string, reference: Pick<Reference, "queryLines" | "queryColumns">, facts: FileFacts) {
  const starts = facts.lineStarts;
  const lines = reference.queryLines;
  const columns = reference.queryColumns;
  const lineStart = (line: number): number => starts[Math.min(line - 1, starts.length - 1)]!;
  // Bytes of a line's first `chars` characters; every line with columns is a long line.
  const prefix = (line: number, chars: number): number => {
    const text = facts.longLines.get(line);
    if (text === undefined) return chars;
    const own = facts.longLineBytes?.get(line);
    return own ? encodedPrefixLength(own, chars, facts.encoding) : Buffer.byteLength(text.slice(0, chars), "utf8");
  };
  const start = lineStart(lines[0]) + (columns ? prefix(lines[0], columns[0] - 1) : 0) + 1;
  const end = columns ? lineStart(lines[1]) + prefix(lines[1], columns[1]) : (starts[Math.min(lines[1], starts.length - 1)] ?? start);
  return { startPointer: { reference: fileId, offset: start }, endPointer: { reference: fileId, offset: Math.max(start, end) } };
}

/** How the index was built, as the creation comment. */
function describeIndex(input: ReportInput): string {
  const { index } = input.provenance;
  const p = index.parameters;
  const sources = index.sources.map((s) => `${s.name}${s.revision ? `@${s.revision}` : ""} (${s.license})`).join(", ");
  const licenses = index.licenseListVersion ? `; licenses detected with spdx-license-list ${index.licenseListVersion}` : "";
  return `reftrack index ${index.path ?? "(in memory)"}: k=${p.kgramTokens} w=${p.windowKgrams} normalizer v${p.normalizerVersion} fingerprints v${p.fingerprintVersion}; corpus: ${sources}${licenses}`;
}

function validExpression(expression: string): boolean {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

/** The license identifiers an expression names (each with its exception), in order. */
function licenseIds(expression: string): string[] {
  const ids: string[] = [];
  const pending: parse.SpdxExpression[] = [parseSpdx(expression)];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if ("conjunction" in node) pending.unshift(node.left, node.right);
    else ids.push(`${node.license}${node.plus ? "+" : ""}`);
  }
  return [...new Set(ids)];
}

function spdxFileName(path: string, root: string): string {
  if (path === "-") return "./stdin";
  const inside = isAbsolute(path) ? relative(root, path) : path;
  const posix = inside.split(sep).join("/");
  return posix.startsWith("../") || isAbsolute(inside) ? posix : `./${posix.replace(/^\.\//, "")}`;
}

export function sha1(text: string | Uint8Array): string {
  return createHash("sha1").update(text).digest("hex");
}
