import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a line protocol's connection, its state reset to empty buffers and zero
// counters row after row, as any such class's constructor does.
const INDEXED = `"""A line-oriented connection to a remote console."""

import socket


class Console:
    """Reads and writes lines over a socket, one command at a time."""

    def __init__(self, host=None, port=0, timeout=None):
        self.debuglevel = 0
        self.host = host
        self.port = port
        self.timeout = timeout
        self.sock = None
        self.rawq = b''
        self.irawq = 0
        self.cookedq = b''
        self.eof = 0
        self.escseq = b''
        self.sb = 0
        self.sbdataq = b''
        self.option_callback = None
        if host is not None:
            self.open(host, port, timeout)

    def open(self, host, port=0, timeout=None):
        self.eof = 0
        self.host = host
        self.port = port
        self.timeout = timeout
        self.sock = socket.create_connection((host, port), timeout)

    def write(self, line):
        self.sock.sendall(line.replace(b'\\n', b'\\r\\n'))
`;

// Original code: a record of an alignment's result, every field reset to an empty string or zero.
const ORIGINAL = `"""Reads the results of a primer search, one record per target."""


class Primers:
    """One pair of primers and what the search found about them."""

    def __init__(self):
        """Initialize the class."""
        self.size = 0
        self.forward_seq = ""
        self.forward_start = 0
        self.forward_length = 0
        self.forward_tm = 0.0
        self.forward_gc = 0.0
        self.reverse_seq = ""
        self.reverse_start = 0
        self.reverse_length = 0
        self.reverse_tm = 0.0
        self.reverse_gc = 0.0
        self.internal_seq = ""
        self.internal_start = 0
        self.internal_length = 0

    def __len__(self):
        """Length of the primer product (i.e. product size)."""
        return self.size


def parse(handle):
    """Iterate over the records in a results file, one per target."""
    record = None
    primers = None
    for line in handle:
        if line.startswith("# PRIMER3 RESULTS FOR"):
            if record is not None:
                yield record
            record = []
        elif line.startswith("   PRODUCT SIZE:"):
            primers = Primers()
            primers.size = int(line.split()[-1])
            record.append(primers)
        elif line.startswith("FORWARD PRIMER"):
            words = line.split()
            primers.forward_start = int(words[2])
            primers.forward_length = int(words[3])
            primers.forward_tm = float(words[4])
            primers.forward_gc = float(words[5])
            primers.forward_seq = words[6]
    if record is not None:
        yield record
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "net/console.py": INDEXED });
});
afterAll(() => tracker.close());

describe("rows of initializers to empty strings and zeros", () => {
  it("are not another class's, however many agree: `\"\"`, `0` and `1` are the defaults every initializer writes", () => {
    expect(tracker.match(ORIGINAL, { language: "python", whole: true }).references).toEqual([]);
  });

  it("are reported when the constructor is copied, renamed", () => {
    const start = INDEXED.indexOf("    def __init__");
    const end = INDEXED.indexOf("    def open(");
    const copied = ORIGINAL.replace(/ {4}def __init__\(self\):[\s\S]*?(?= {4}def __len__)/, INDEXED.slice(start, end).replaceAll("self.", "self._"));
    const [reference] = tracker.match(copied, { language: "python", whole: true }).references;
    expect(reference?.path).toBe("net/console.py");
  });
});
