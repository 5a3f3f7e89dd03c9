/**
 * A Jupyter notebook's code, as a scan reads it: its code cells' Python, one cell after another,
 * with the notebook file's line of every code line, so a reference's lines are the notebook's own
 * (the lines of the JSON strings holding them: what a diff, a SARIF region and an HTML report show).
 * IPython's magics (`%time`, `!pip install`) are not Python and are read as blank lines; a cell
 * magic whose body is another language (`%%bash`, `%%html`) leaves its whole cell out.
 */

/** A notebook's code: its code cells joined (a blank line after each), and each code line's notebook line. */
export interface NotebookCode {
  readonly code: string;
  /** 1-based notebook line of code line i + 1. */
  readonly lines: readonly number[];
}

export type NotebookReading =
  | { readonly ok: true; readonly notebook: NotebookCode }
  | { readonly ok: false; readonly reason: "invalid-notebook" | "other-language" | "empty"; readonly detail: string };

/** Whether a path names a Jupyter notebook. */
export function isNotebookPath(path: string): boolean {
  return path.toLowerCase().endsWith(".ipynb");
}

/**
 * Cell magics whose body is Python all the same (`%%writefile` mostly writes a script out of the
 * notebook); any other (`%%bash`, `%%sql`, `%%html`, …) leaves its cell out.
 */
const PYTHON_CELL_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "writefile"]);

/** The code of a notebook's text (nbformat 4, or 3's worksheets), or why it has none to read. */
export function notebookCode(text: string): NotebookReading {
  let parsed: ParsedJson;
  try {
    parsed = parseWithLines(text);
  } catch (error) {
    return { ok: false, reason: "invalid-notebook", detail: `not a notebook: ${(error as Error).message}` };
  }
  const root = parsed.value;
  if (!isObject(root)) return { ok: false, reason: "invalid-notebook", detail: "not a notebook: no JSON object" };
  const metadata = isObject(root.metadata) ? root.metadata : {};
  const kernel = isObject(metadata.kernelspec) && typeof metadata.kernelspec.language === "string" ? metadata.kernelspec.language : undefined;
  const info = isObject(metadata.language_info) && typeof metadata.language_info.name === "string" ? metadata.language_info.name : undefined;
  const language = kernel ?? info;
  if (language !== undefined && !/^python/i.test(language)) return { ok: false, reason: "other-language", detail: `a notebook in ${language}, not Python` };
  const cells = Array.isArray(root.cells)
    ? root.cells
    : Array.isArray(root.worksheets)
      ? root.worksheets.flatMap((sheet) => (isObject(sheet) && Array.isArray(sheet.cells) ? sheet.cells : []))
      : undefined;
  if (!cells) return { ok: false, reason: "invalid-notebook", detail: "not a notebook: no cells" };
  const code: string[] = [];
  const lines: number[] = [];
  for (const cell of cells) {
    if (!isObject(cell) || cell.cell_type !== "code") continue;
    // nbformat 4 calls it source, 3 input: a list of strings, or one string.
    const key = "source" in cell ? "source" : "input";
    const source = cell[key];
    const pieces: [string, number][] = Array.isArray(source)
      ? source.flatMap((piece, i) => (typeof piece === "string" ? [[piece, parsed.lineOf(source, i)] as [string, number]] : []))
      : typeof source === "string"
        ? [[source, parsed.lineOf(cell, key)]]
        : [];
    const cellLines = splitPieces(pieces);
    if (cellLines.length === 0) continue;
    const magic = /^\s*%%(\w+)/.exec(cellLines[0]![0]);
    const skipCell = magic !== null && !PYTHON_CELL_MAGICS.has(magic[1]!);
    for (const [line, at] of cellLines) {
      code.push(skipCell || isMagicLine(line) ? "" : line);
      lines.push(at);
    }
    // A blank line after each cell: one cell's last statement never runs into the next's first.
    code.push("");
    lines.push(cellLines[cellLines.length - 1]![1]);
  }
  if (code.every((line) => line.trim() === "")) return { ok: false, reason: "empty", detail: "a notebook without code" };
  return { ok: true, notebook: { code: code.join("\n"), lines } };
}

/** A line IPython reads as a magic or a shell command (`%pip install x`, `!ls`), not as Python. */
function isMagicLine(line: string): boolean {
  return /^\s*[%!]/.test(line);
}

/**
 * A cell's lines, each with the notebook line of the string it begins in: a source list holds one
 * line a string (each but the last ending with its "\n"), a writer may put several in one string.
 */
function splitPieces(pieces: readonly [string, number][]): [string, number][] {
  const lines: [string, number][] = [];
  let open: [string, number] | undefined;
  for (const [piece, at] of pieces) {
    const parts = piece.replace(/\r\n?/g, "\n").split("\n");
    for (let i = 0; i < parts.length; i++) {
      const ended = i < parts.length - 1;
      // After a piece's last line break nothing is begun: the next piece's line is its own.
      if (!ended && parts[i] === "") break;
      if (open) open[0] += parts[i]!;
      else open = [parts[i]!, at];
      if (ended) {
        lines.push(open);
        open = undefined;
      }
    }
  }
  if (open) lines.push(open);
  return lines;
}

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A parsed document, and where each array element and property value begins. */
interface ParsedJson {
  readonly value: Json;
  /** 1-based line where an element of `container` (an index of an array, a key of an object) begins. */
  lineOf(container: Json[] | JsonObject, at: number | string): number;
}

/**
 * JSON parsed with the line each value begins on: JSON.parse tells no positions, and an object's
 * integer-like keys change order in JavaScript, so positions cannot be matched up afterwards.
 * Strings are decoded by JSON.parse itself, so escapes read exactly as the standard says.
 */
function parseWithLines(text: string): ParsedJson {
  const lines = new WeakMap<object, Map<number | string, number>>();
  let at = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new Error(`${what} at line ${line}`);
  };
  const space = (): void => {
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const string = (): string => {
    const start = at++;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 92) at++;
      else if (c === 34) break;
      else if (c === 10) fail("a line break inside a string");
    }
    if (at >= text.length) fail("an unterminated string");
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail("an invalid string");
    }
  };
  /** An object's members or an array's elements, each read by `item`, up to `close`. */
  const items = (close: string, item: () => void): void => {
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      space();
      item();
      space();
      const next = text[at++];
      if (next === close) return;
      if (next !== ",") fail(`',' or '${close}' expected`);
    }
  };
  const value = (depth: number): Json => {
    if (depth > MAX_NOTEBOOK_NESTING) fail("nesting too deep");
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      const object: JsonObject = {};
      const where = new Map<string, number>();
      lines.set(object, where);
      items("}", () => {
        if (text[at] !== '"') fail("a key expected");
        const key = string();
        space();
        if (text[at++] !== ":") fail("':' expected");
        space();
        where.set(key, line);
        object[key] = value(depth + 1);
      });
      return object;
    }
    if (c === "[") {
      at++;
      const array: Json[] = [];
      const where = new Map<number, number>();
      lines.set(array, where);
      items("]", () => {
        where.set(array.length, line);
        array.push(value(depth + 1));
      });
      return array;
    }
    if (c === '"') return string();
    LITERAL.lastIndex = at;
    const literal = LITERAL.exec(text);
    if (!literal) return fail("a value expected");
    at += literal[0].length;
    return JSON.parse(literal[0]) as Json;
  };
  const parsed = value(0);
  space();
  if (at < text.length) fail("text after the document");
  return { value: parsed, lineOf: (container, key) => lines.get(container)?.get(key) ?? 1 };
}

/** A JSON number, true, false or null, where the parser stands. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Nesting a notebook is read to at most: output data can nest, but not without bound. */
const MAX_NOTEBOOK_NESTING = 512;
