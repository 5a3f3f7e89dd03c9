import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { crc32, gunzipSync, inflateRawSync } from "node:zlib";
import { ReftrackError } from "../errors.js";
import { MAX_ARCHIVE_ENTRIES, MAX_EXTRACTED_BYTES } from "../options.js";

/**
 * Reads .tar, .tar.gz/.tgz and .zip/.whl archives and extracts them safely. Archives come from
 * strangers: every entry name is checked before anything is written, and an archive with an
 * entry that would land outside the extraction folder (`../`, an absolute path, a drive letter)
 * or with a link (which could point anywhere) is refused as a whole.
 */

export type ArchiveFormat = "tar" | "tar.gz" | "zip";

export interface ArchiveEntry {
  /** Checked relative path, forward slashes, no `.` or `..` segments. */
  readonly path: string;
  readonly kind: "file" | "directory";
  readonly data: Buffer;
}


function archiveFormat(path: string): ArchiveFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) return "tar.gz";
  if (lower.endsWith(".tar")) return "tar";
  if (lower.endsWith(".zip") || lower.endsWith(".whl")) return "zip";
  return undefined;
}

function refuse(archive: string, reason: string): never {
  throw new ReftrackError(`archive ${archive}: ${reason}; nothing was extracted`);
}

/**
 * The entry name as a safe relative path, or a refusal. Backslashes count as separators, since
 * zip files made on Windows use them and a later reader might too.
 */
function checkedEntryPath(archive: string, name: string): string {
  if (name.includes("\0")) refuse(archive, `entry name contains a NUL byte`);
  const normalized = name.replace(/\\/g, "/");
  if (normalized.startsWith("/") || /^[a-zA-Z]:/.test(normalized)) refuse(archive, `entry "${name}" has an absolute path`);
  const parts = normalized.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) refuse(archive, `entry "${name}" would be written outside the extraction folder`);
  return parts.join("/");
}

/** Reads every entry of an archive into memory, refusing unsafe ones. */
export function readArchive(archivePath: string): ArchiveEntry[] {
  const format = archiveFormat(archivePath);
  if (!format) refuse(archivePath, "unknown archive type (expected .tar.gz, .tgz, .tar, .zip or .whl)");
  let bytes: Buffer;
  try {
    // Read whole below the limit; a larger archive is refused before it is read, whatever it holds.
    if (statSync(archivePath).size > MAX_EXTRACTED_BYTES) refuse(archivePath, `is larger than ${MAX_EXTRACTED_BYTES} bytes`);
    bytes = readFileSync(archivePath);
  } catch (error) {
    throw new ReftrackError(`cannot read archive ${archivePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return readArchiveBytes(archivePath, format, bytes);
}

export interface ReadOptions {
  /**
   * Leave link entries out instead of refusing the archive: only for archives reftrack made
   * itself from a trusted tree (`git archive`), where a symlink is content, not an attack.
   */
  readonly skipLinks?: boolean;
}

export function readArchiveBytes(archivePath: string, format: ArchiveFormat, bytes: Buffer, options: ReadOptions = {}): ArchiveEntry[] {
  if (format === "zip") return readZip(archivePath, bytes);
  let tar = bytes;
  if (format === "tar.gz") {
    // A gzip stream ends with its expanded size (modulo 4 GiB): a bomb is refused before a byte is inflated.
    if (bytes.length >= 18 && bytes.readUInt32LE(bytes.length - 4) > MAX_EXTRACTED_BYTES) refuse(archivePath, `expands beyond ${MAX_EXTRACTED_BYTES} bytes`);
    try {
      tar = gunzipSync(bytes, { maxOutputLength: MAX_EXTRACTED_BYTES });
    } catch (error) {
      // Past 4 GiB the trailer wraps: inflating stops at the limit instead.
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") refuse(archivePath, `expands beyond ${MAX_EXTRACTED_BYTES} bytes`);
      refuse(archivePath, `not a valid gzip stream (${(error as Error).message})`);
    }
  }
  return readTar(archivePath, tar, options.skipLinks === true);
}

function tarString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}

function tarNumber(block: Buffer, start: number, length: number): number {
  // GNU base-256: high bit of the first byte set, big-endian binary follows.
  if (block[start]! & 0x80) {
    let value = block[start]! & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + block[start + i]!;
    return value;
  }
  const text = tarString(block, start, length).trim();
  return text === "" ? 0 : parseInt(text, 8);
}

/** pax extended header records: "<length> <key>=<value>\n". */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(data.subarray(offset, space).toString("ascii"), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
    const equals = record.indexOf("=");
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}

function readTar(archive: string, tar: Buffer, skipLinks: boolean): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();
  let total = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const stored = tarNumber(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (sum !== stored) refuse(archive, `corrupt tar header at byte ${offset}`);
    const size = tarNumber(header, 124, 12);
    const type = String.fromCharCode(header[156]!) || "0";
    const dataStart = offset + 512;
    if (dataStart + size > tar.length) refuse(archive, `truncated entry at byte ${offset}`);
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;

    if (type === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (type === "g") continue; // global pax defaults: nothing reftrack uses
    if (type === "L") {
      longName = data.toString("utf8").replace(/\0+$/, "");
      continue;
    }
    const prefix = tarString(header, 345, 155);
    const baseName = tarString(header, 0, 100);
    const name = pax.get("path") ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    pax = new Map();
    longName = undefined;
    if ((type === "1" || type === "2") && skipLinks) continue;
    if (type === "1" || type === "2" || type === "K") refuse(archive, `entry "${name}" is a link; links are not extracted`);
    const path = checkedEntryPath(archive, name);
    if (type === "5") {
      if (path) entries.push({ path, kind: "directory", data: Buffer.alloc(0) });
    } else if (type === "0" || type === "\0" || type === "7") {
      if (!path) refuse(archive, `file entry "${name}" has no name`);
      total += size;
      if (total > MAX_EXTRACTED_BYTES) refuse(archive, `expands beyond ${MAX_EXTRACTED_BYTES} bytes`);
      entries.push({ path, kind: "file", data });
    } else {
      refuse(archive, `entry "${name}" is a special file (type ${JSON.stringify(type)})`);
    }
    if (entries.length > MAX_ARCHIVE_ENTRIES) refuse(archive, `more than ${MAX_ARCHIVE_ENTRIES} entries`);
  }
  return entries;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** "version made by" host 3 = Unix: external attributes then hold st_mode in the high 16 bits. */
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

function readZip(archive: string, zip: Buffer): ArchiveEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) refuse(archive, "not a zip file (no end of central directory)");
  const count = zip.readUInt16LE(eocd + 10);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) refuse(archive, "ZIP64 archives are not supported");
  // The central directory states every entry's size: a bomb is refused before anything is inflated.
  let declared = 0;
  for (let n = 0, at = directoryOffset; n < count && at + 46 <= zip.length && zip.readUInt32LE(at) === CENTRAL_SIGNATURE; n++) {
    declared += zip.readUInt32LE(at + 24);
    if (declared > MAX_EXTRACTED_BYTES) refuse(archive, `expands beyond ${MAX_EXTRACTED_BYTES} bytes`);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const entries: ArchiveEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) refuse(archive, "corrupt central directory");
    const madeBy = zip.readUInt16LE(offset + 4) >> 8;
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const expectedCrc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const mode = zip.readUInt32LE(offset + 38) >>> 16;
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    offset += 46 + nameLength + extraLength + commentLength;

    if (madeBy === UNIX_HOST && (mode & S_IFMT) === S_IFLNK) refuse(archive, `entry "${name}" is a link; links are not extracted`);
    const path = checkedEntryPath(archive, name);
    if (name.endsWith("/") || (madeBy === UNIX_HOST && (mode & S_IFMT) === S_IFDIR)) {
      if (path) entries.push({ path, kind: "directory", data: Buffer.alloc(0) });
      continue;
    }
    if (!path) refuse(archive, `file entry "${name}" has no name`);
    if (flags & 1) refuse(archive, `entry "${name}" is encrypted`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) refuse(archive, "ZIP64 archives are not supported");
    total += size;
    if (total > MAX_EXTRACTED_BYTES) refuse(archive, `expands beyond ${MAX_EXTRACTED_BYTES} bytes`);
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) refuse(archive, `corrupt entry "${name}"`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
      } catch (error) {
        refuse(archive, `entry "${name}" does not inflate (${(error as Error).message})`);
      }
    } else refuse(archive, `entry "${name}" uses compression method ${method}; only stored and deflate are supported`);
    if (data.length !== size || crc32(data) !== expectedCrc) refuse(archive, `entry "${name}" fails its CRC check`);
    entries.push({ path, kind: "file", data });
    if (entries.length > MAX_ARCHIVE_ENTRIES) refuse(archive, `more than ${MAX_ARCHIVE_ENTRIES} entries`);
  }
  return entries;
}

/**
 * Writes checked entries under `target`, atomically: into a sibling folder first, renamed into
 * place only when complete, so a half-extracted folder is never taken for a finished one.
 */
export function extractEntries(entries: readonly ArchiveEntry[], target: string): void {
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    for (const entry of entries) {
      const destination = join(partial, entry.path);
      if (entry.kind === "directory") {
        mkdirSync(destination, { recursive: true });
      } else {
        mkdirSync(dirname(destination), { recursive: true });
        writeFileSync(destination, entry.data);
      }
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw new ReftrackError(`cannot extract into ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * The folder to index inside an extracted archive: its single top-level folder when everything
 * is inside one (npm's `package/`, GitHub's `repo-<sha>/`), else the extraction folder itself.
 */
export function extractedRoot(target: string): string {
  const entries = readdirSync(target, { withFileTypes: true });
  return entries.length === 1 && entries[0]!.isDirectory() ? join(target, entries[0]!.name) : target;
}
