import { TextDecoder } from "node:util";

/**
 * Source in an encoding other than UTF-8, read as its own coding declaration says (PEP 263:
 * `# -*- coding: latin-1 -*-` on the first or second line). Python 2 wrote its standard library and
 * much of its ecosystem that way; Python 3 still honours the declaration, so such a file is valid
 * source, and skipping it as "not UTF-8" would leave a copy unread. No other file is guessed at:
 * without a declaration, bytes that are not UTF-8 stay a skip.
 */

/** PEP 263's pattern, on a line of its own (only a comment before it on the line). */
const DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Python's names for ISO-8859-1, which WHATWG's decoder would read as windows-1252 instead. */
const LATIN_1 = new Set(["latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "iso_8859_1_1987", "ibm819"]);
const UTF_8 = new Set(["utf_8", "utf8", "u8", "utf", "utf_8_sig", "cp65001"]);
const ASCII = new Set(["ascii", "us_ascii", "646", "ansi_x3.4_1968", "iso646_us"]);
const WINDOWS_1252 = new Set(["cp1252", "windows_1252", "windows1252", "x_cp1252"]);
/**
 * windows-1252's characters for 0x80-0x9F (0 where Python's cp1252 has none and refuses the byte);
 * every other byte is ISO-8859-1's. Decoded here: Node 20's TextDecoder reads windows-1252 as ISO-8859-1.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
/** Python's names WHATWG does not know, for the same encodings under its names. */
const PYTHON_ALIASES: Readonly<Record<string, string>> = {
  cp932: "shift_jis", ms932: "shift_jis", mskanji: "shift_jis", ms_kanji: "shift_jis", sjis: "shift_jis", s_jis: "shift_jis",
  cp936: "gbk", ms936: "gbk", cp949: "euc-kr", uhc: "euc-kr", cp950: "big5", ms950: "big5",
  mac_roman: "macintosh", macroman: "macintosh",
};

/** The encoding a file's coding declaration names, as written; undefined when it has none. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII on one of the first two lines; latin1 reads any bytes as they are.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString("latin1");
  const lines = head.split(/\r\n|\r|\n/, 2);
  const first = DECLARATION.exec(lines[0] ?? "");
  if (first) return first[1];
  // On the second line only when the first holds nothing but a comment (a `#!` line, say).
  if (!/^[ \t\f]*(?:#.*)?$/.test(lines[0] ?? "")) return undefined;
  return DECLARATION.exec(lines[1] ?? "")?.[1];
}

export type DeclaredText = { readonly ok: true; readonly text: string; readonly encoding: string } | { readonly ok: false; readonly detail: string };

/**
 * Decodes bytes that are not UTF-8 in the encoding their declaration names; `encoding` in the
 * answer is the decoder's canonical name. Bytes that encoding cannot hold are a skip, as invalid
 * UTF-8 is.
 */
export function decodeDeclared(bytes: Uint8Array, declared: string): DeclaredText {
  const key = declared.toLowerCase().replace(/[-\s]/g, "_");
  if (UTF_8.has(key)) return { ok: false, detail: "not valid UTF-8, the encoding its coding declaration names" };
  if (ASCII.has(key)) return { ok: false, detail: "not valid ASCII, the encoding its coding declaration names" };
  if (LATIN_1.has(key)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1"), encoding: "iso-8859-1" };
  if (WINDOWS_1252.has(key)) return decodeWindows1252(bytes, declared);
  const decoder = decoderFor(PYTHON_ALIASES[key] ?? declared);
  if (!decoder) return { ok: false, detail: `its coding declaration names "${declared}", an encoding reftrack cannot read` };
  try {
    return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return { ok: false, detail: `not valid ${declared}, the encoding its coding declaration names` };
  }
}

function decodeWindows1252(bytes: Uint8Array, declared: string): DeclaredText {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  let invalid = false;
  const text = latin.replace(/[\x80-\x9f]/g, (c) => {
    const mapped = WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!;
    if (mapped === 0) invalid = true;
    return String.fromCharCode(mapped);
  });
  return invalid ? { ok: false, detail: `not valid ${declared}, the encoding its coding declaration names` } : { ok: true, text, encoding: "windows-1252" };
}

/**
 * A strict decoder by any of the name's spellings (`koi8_r` is WHATWG's `koi8-r`, `shift_jis` keeps
 * its underscore); none for an encoding that is not ASCII-compatible, which no declaration
 * readable as ASCII can name truthfully.
 */
function decoderFor(name: string): TextDecoder | undefined {
  const lower = name.toLowerCase();
  for (const label of new Set([lower, lower.replace(/_/g, "-"), lower.replace(/-/g, "_")])) {
    try {
      const decoder = new TextDecoder(label, { fatal: true });
      return /^utf-16/.test(decoder.encoding) ? undefined : decoder;
    } catch {
      // Not a label the decoder knows; try the next spelling.
    }
  }
  return undefined;
}

/**
 * How many bytes of `line` (a line's bytes in `encoding`) hold its first `chars` characters. An
 * SPDX byte range counts the file's own bytes, and no encoder but UTF-8's is at hand, so the line
 * is decoded a byte at a time until that many characters have come out.
 */
export function encodedPrefixLength(line: Uint8Array, chars: number, encoding: string): number {
  if (chars <= 0) return 0;
  if (encoding === "iso-8859-1" || encoding === "windows-1252") return Math.min(chars, line.length);
  const decoder = new TextDecoder(encoding);
  let decoded = 0;
  for (let i = 0; i < line.length; i++) {
    decoded += decoder.decode(line.subarray(i, i + 1), { stream: true }).length;
    if (decoded >= chars) return i + 1;
  }
  return line.length;
}
