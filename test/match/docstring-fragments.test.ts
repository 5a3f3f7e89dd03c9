import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: an abstract interface whose substance is its docstrings.
const INDEXED = `import abc


class Storage(abc.ABC):
    """Where the catalogue keeps its records."""

    @abc.abstractmethod
    def read_record(self, key):
        """Given the key of a record, return the bytes the storage holds for it.
        A missing key raises KeyError; a record written but not yet flushed
        is returned as it was written, so readers never see a partial record.
        """
        record = self._pending.get(key) or self._records.get(key)
        if record is None or record.deleted:
            raise KeyError(key)
        return bytes(record.data[record.offset:record.offset + record.size])

    @abc.abstractmethod
    def write_record(self, key, data):
        """Given the key of a record and its bytes, keep them until the next
        flush.  Writing a key twice keeps the second value only, and a flush
        makes every kept record durable before it returns to its
        caller.

        \`\`compress\`\`, if the storage was opened with it, is applied to the
        bytes before they are kept.  By default records are kept as they
        are given, which is what the catalogue's tests expect of it.
        """
        raise NotImplementedError

    @abc.abstractmethod
    def flush(self):
        """Make every kept record durable."""
        raise NotImplementedError
`;

// Written for this test: a module docstring that ends with code examples, then code.
const EXAMPLES = `"""Rewrites a list sorted after it is built.

For example this:

    items = list(source)
    items.sort()
    use(items)

into

    items = sorted(source)
    use(items)
"""
from .base import Fixer, Name, Call


class FixSortedList(Fixer):
    explicit = True

    def transform(self, node, results):
        target = results["id1"].clone()
        call = Call(Name("sorted"), [results["list"].clone()])
        results["sort"].remove()
        if node.prefix and not target.prefix:
            target.prefix = node.prefix.lstrip("\\n")
        return self.assign(target, call, prefix=node.prefix)

    def assign(self, target, value, prefix):
        """Build the statement that assigns value to target, given
        the prefix of the statement it replaces.
        """
        return Assign(target, value, prefix=prefix)
`;

const lines = INDEXED.split("\n");
/** Lines first…last of `text` (the indexed file by default), as a person selects them. */
const cut = (first: number, last: number, text = lines): string => `${text.slice(first - 1, last).join("\n")}\n`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "storage/base.py": INDEXED, "fixes/sorted_list.py": EXAMPLES });
});
afterAll(() => tracker.close());

describe("a fragment cut inside docstrings", () => {
  it("that begins on a docstring's closing line is read from inside it, and reported with its own lines", () => {
    // Lines 12–25: the end of read_record's docstring, to inside write_record's.
    const [reference] = tracker.match(cut(12, 25), { language: "python" }).references;
    expect(reference?.path).toBe("storage/base.py");
    expect(reference!.queryLines).toEqual([1, 14]);
    expect(reference!.sourceLines).toEqual([12, 25]);
  });

  it("that lies wholly inside a docstring, a one-word line first, is read as prose", () => {
    // Lines 23–27: "caller.", a blank line and the second paragraph, no quote in them.
    const [reference] = tracker.match(cut(23, 27), { language: "python" }).references;
    expect(reference?.path).toBe("storage/base.py");
    expect(reference!.explanation.basis).toBe("text");
  });

  it("that begins in a docstring's code examples, its closing quotes alone on their line, is read from inside it", () => {
    // Lines 6–29: examples, the closing quotes, code, and a docstring's first line: the quotes
    // are two, and no line before them is prose.
    const [reference] = tracker.match(cut(6, 29, EXAMPLES.split("\n")), { language: "python" }).references;
    expect(reference?.path).toBe("fixes/sorted_list.py");
    // Read from the start, the code after the closing quotes would be a string: found by its code.
    expect(reference!.explanation.matchedChars).toBeGreaterThanOrEqual(150);
    expect(reference!.queryLines).toEqual([1, 24]);
    expect(reference!.sourceLines).toEqual([6, 29]);
  });
});
