import { describe, expect, it } from "vitest";
import { isNotebookPath, notebookCode } from "../../src/files/notebook.js";

/** A notebook as Jupyter writes it (one-space indent, a source line a string). */
function notebook(cells: readonly object[], metadata: object = { kernelspec: { language: "python", name: "python3" } }): string {
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

const code = (source: string | string[]) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });

/** The notebook's line holding `text`, as a reader of the file counts them. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

function read(text: string): { code: string[]; lines: readonly number[] } {
  const reading = notebookCode(text);
  if (!reading.ok) throw new Error(reading.detail);
  return { code: reading.notebook.code.split("\n"), lines: reading.notebook.lines };
}

describe("a notebook's code", () => {
  it("is its code cells one after another, each code line on the notebook line of its string", () => {
    const text = notebook([
      { cell_type: "markdown", metadata: {}, source: ["# Title\n", "def not_code():\n"] },
      code(["import re\n", "\n", "def first(x):\n", "    return x\n"]),
      code(["second = 2"]),
    ]);
    const { code: lines, lines: at } = read(text);
    expect(lines).toEqual(["import re", "", "def first(x):", "    return x", "", "second = 2", ""]);
    expect(at.slice(0, 4)).toEqual([lineOf(text, '"import re'), lineOf(text, '"import re') + 1, lineOf(text, '"def first'), lineOf(text, '"    return x')]);
    expect(at[5]).toBe(lineOf(text, '"second = 2"'));
    expect(at).toHaveLength(lines.length);
  });

  it("reads IPython's magics and shell lines as blank, and leaves out a cell magic's cell of another language", () => {
    const text = notebook([
      code(["%matplotlib inline\n", "!pip install x\n", "value = 1\n"]),
      code(["%%bash\n", "echo $HOME\n"]),
      code(["%%time\n", "total = sum(range(10))\n"]),
      code(["%%writefile train.py\n", "import sys\n"]),
    ]);
    const { code: lines } = read(text);
    expect(lines).toEqual(["", "", "value = 1", "", "", "", "", "", "total = sum(range(10))", "", "", "import sys", ""]);
  });

  it("reads a source written as one string, with CR LF line ends, on that string's line", () => {
    const text = notebook([code("a = 1\r\nb = 2\r\n")]);
    const { code: lines, lines: at } = read(text);
    expect(lines.slice(0, 2)).toEqual(["a = 1", "b = 2"]);
    expect(at[0]).toBe(lineOf(text, '"a = 1'));
    expect(at[1]).toBe(at[0]);
  });

  it("finds the lines whatever keys come before the cells, integer-like ones included", () => {
    // JavaScript orders an object's integer-like keys first: lines come from the text, not from the parsed object.
    const text = JSON.stringify({ metadata: { widgets: { "2": ["x", "y"], "1": { a: "b\nc" } } }, cells: [code(["x = 1\n", "y = 2\n"])], nbformat: 4 }, null, 1);
    expect(read(text).lines.slice(0, 2)).toEqual([lineOf(text, '"x = 1'), lineOf(text, '"y = 2')]);
  });

  it("reads nbformat 3's worksheets and their input", () => {
    const text = JSON.stringify({ metadata: {}, nbformat: 3, worksheets: [{ cells: [{ cell_type: "code", input: ["old = True\n"], language: "python" }] }] }, null, 1);
    expect(read(text).code[0]).toBe("old = True");
  });

  it("says why a file has none to read: not a notebook, another kernel's, or no code", () => {
    const refused = (text: string) => {
      const reading = notebookCode(text);
      return reading.ok ? "read" : `${reading.reason}: ${reading.detail}`;
    };
    expect(refused('{"cells": [')).toMatch(/^invalid-notebook: not a notebook: .* at line 1$/);
    expect(refused("[1, 2]")).toMatch(/^invalid-notebook: /);
    expect(refused('{"metadata": {}}')).toBe("invalid-notebook: not a notebook: no cells");
    expect(refused('{"cells": []}\n  x')).toMatch(/text after the document at line 2/);
    expect(refused('{"cells": ["a\nb"]}')).toMatch(/line break inside a string/);
    expect(refused("[".repeat(100_000))).toMatch(/^invalid-notebook: not a notebook: nesting too deep/);
    expect(refused(notebook([code(["x <- 1\n"])], { kernelspec: { language: "R" } }))).toBe("other-language: a notebook in R, not Python");
    expect(refused(notebook([{ cell_type: "markdown", source: ["text"] }, code(["%time\n"])]))).toBe("empty: a notebook without code");
    // No kernel named: read as Python, the language notebooks are written in.
    expect(refused(notebook([code(["x = 1"])], {}))).toBe("read");
  });

  it("is told by the .ipynb extension", () => {
    expect(isNotebookPath("analysis/Explore.IPYNB")).toBe(true);
    expect(isNotebookPath("notebook.py")).toBe(false);
  });
});
