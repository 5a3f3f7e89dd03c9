import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { MATCH_WINDOW_CHARS, MATCH_WINDOW_OVERLAP_CHARS } from "../../src/options.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a record reader, the indexed file the long module below copies.
const READER = `def read_records(stream, size=4096, separator=b"\\n"):
    pending = b""
    while True:
        block = stream.read(size)
        if not block:
            break
        pending += block
        *complete, pending = pending.split(separator)
        for record in complete:
            if record.strip():
                yield record.rstrip(b"\\r")
    if pending.strip():
        yield pending.rstrip(b"\\r")
`;

// Written for this test: a cache, which a function of the long module quotes in its docstring.
const CACHE = `from collections import OrderedDict


class BoundedCache:
    def __init__(self, capacity, on_evict=None):
        self.capacity = capacity
        self.on_evict = on_evict
        self.entries = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key, default=None):
        if key in self.entries:
            self.entries.move_to_end(key)
            self.hits += 1
            return self.entries[key]
        self.misses += 1
        return default

    def put(self, key, value):
        self.entries[key] = value
        self.entries.move_to_end(key)
        while len(self.entries) > self.capacity:
            old_key, old_value = self.entries.popitem(last=False)
            if self.on_evict is not None:
                self.on_evict(old_key, old_value)
`;

/** A function whose docstring shows the cache's code as an example: prose in a whole file, never a copy. */
const QUOTING = `def cached_lookup(table, key):
    """Look the key up as the service's cache does:

${CACHE.slice(CACHE.indexOf("class BoundedCache"))
  .trimEnd()
  .split("\n")
  .map((line) => (line === "" ? "" : `        ${line}`))
  .join("\n")}
    """
    return table.get(key)
`;

const helper = (i: number) => `def helper_${i}(value_${i}, scale=${i}):\n    total = value_${i} * scale + ${i}\n    if total > ${i * 3}:\n        return total - ${i}\n    return total\n\n\n`;

/**
 * A generated module over one window long: helpers, then from `tableFrom` a triple-quoted table of
 * data (no prose) across the place the second window would begin and past the first window's end, then the copy
 * of the reader, which only the second window holds, a function quoting the cache in its docstring,
 * and more helpers. Read from inside the table, the second window's quotes would be the wrong way
 * round: the reader a string, the quoted cache code, with more seeds than the reader.
 */
function longModule(tableFrom: number): { code: string; copyLines: [number, number] } {
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  while (length < tableFrom) {
    parts.push(helper(i++));
    length += parts[parts.length - 1]!.length;
  }
  const rows: string[] = [];
  for (let row = 0; length < MATCH_WINDOW_CHARS + 10_000; row++) {
    rows.push(`    "action_${row}": ["read:${row}", "write:${row * 7}"],`);
    length += rows[rows.length - 1]!.length + 1;
  }
  const before = `${parts.join("")}POLICY = """{\n${rows.join("\n")}\n}"""\n\n\n`;
  const firstCopyLine = before.split("\n").length;
  const tail = Array.from({ length: 100 }, () => helper(i++)).join("");
  return { code: `${before}${READER}\n\n${QUOTING}\n\n${tail}`, copyLines: [firstCopyLine, firstCopyLine + READER.trimEnd().split("\n").length - 1] };
}

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "io/records.py": READER, "cache/bounded.py": CACHE });
});
afterAll(() => tracker.close());

describe("a whole file longer than one window", () => {
  it.each([
    ["a place its reading before holds code", MATCH_WINDOW_CHARS - 2 * MATCH_WINDOW_OVERLAP_CHARS + 40_000],
    // The table covers the overlap and as much before it: no code to begin at.
    ["inside the string its reading before says it begins in", MATCH_WINDOW_CHARS - 3 * MATCH_WINDOW_OVERLAP_CHARS],
  ])("has each later window read from %s, not as a fragment", (_, tableFrom) => {
    const { code, copyLines } = longModule(tableFrom);
    expect(code.length).toBeGreaterThan(MATCH_WINDOW_CHARS);
    // The copy lies past the first window's reach: only a later window can find it.
    expect(code.indexOf("def read_records")).toBeGreaterThan(MATCH_WINDOW_CHARS);
    const { references } = tracker.match(code, { language: "python", whole: true });
    const copy = references.find((reference) => reference.path === "io/records.py");
    expect(copy?.queryLines).toEqual(copyLines);
    expect(copy?.sourceLines).toEqual([1, 13]);
    expect(references.filter((reference) => reference.path === "cache/bounded.py")).toEqual([]);
  });
});
