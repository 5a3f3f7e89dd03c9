import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a file format's field numbers, and another project's error codes.
const FIELDS = ["MAGIC", "VERSION", "FLAGS", "HEADER_SIZE", "ENTRY_COUNT", "INDEX_OFFSET", "DATA_OFFSET", "CHECKSUM", "CREATED_AT", "MODIFIED_AT", "OWNER_ID", "RESERVED"];
const CODES = ["OK", "NOT_FOUND", "TIMED_OUT", "REFUSED", "UNREACHABLE", "BAD_REQUEST", "TOO_LARGE", "UNSUPPORTED", "CONFLICT", "EXPIRED", "THROTTLED", "INTERNAL"];
const table = (prefix: string, names: readonly string[]): string => names.map((name, value) => `${prefix}${name} = ${value}`).join("\n");
const INDEXED = `"""Field numbers of the archive header."""\n\n${table("_FIELD_", FIELDS)}\n\n\ndef field_name(number):\n    return _NAMES.get(number, "unknown")\n`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "archive/fields.py": INDEXED });
});
afterAll(() => tracker.close());

describe("an enumeration", () => {
  it("is not reported for its counter: other names numbered 0, 1, 2, … are another enumeration", () => {
    const other = `class Status:\n${table("    ", CODES)}\n`;
    expect(tracker.match(other, { language: "python" }).references).toEqual([]);
  });

  it("is reported when its names are copied with it", () => {
    const [reference] = tracker.match(`${table("_FIELD_", FIELDS)}\n`, { language: "python" }).references;
    expect(reference?.path).toBe("archive/fields.py");
    expect(reference!.sourceLines).toEqual([3, 14]);
  });
});

describe("an enumeration numbered in hexadecimal", () => {
  // Written for this test: a wire protocol's command codes, and another protocol's message types.
  const COMMANDS = ["PING", "HELLO", "LOGIN", "LOGOUT", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK", "SHUTDOWN"];
  const MESSAGES = ["NOP", "OPEN", "ACCEPT", "REJECT", "DATA", "ACK", "NACK", "WINDOW", "CLOSE", "RESET", "KEEPALIVE"];
  const hexTable = (prefix: string, names: readonly string[]): string =>
    names.map((name, value) => `${prefix}${name} = 0x${value.toString(16).padStart(2, "0").toUpperCase()}`).join("\n");
  let hexTracker: ReferenceTracker;
  beforeAll(async () => {
    hexTracker = await memoryTrackerForFiles({ "wire/commands.py": `"""Command codes of the wire protocol."""\n\n${hexTable("CMD_", COMMANDS)}\n` });
  });
  afterAll(() => hexTracker.close());

  it("is not reported for its counter (0x00, 0x01, …) under other names", () => {
    expect(hexTracker.match(`${hexTable("MSG_", MESSAGES)}\n`, { language: "python" }).references).toEqual([]);
  });

  it("is reported when its names are copied with it", () => {
    const [reference] = hexTracker.match(`${hexTable("CMD_", COMMANDS)}\n`, { language: "python" }).references;
    expect(reference?.path).toBe("wire/commands.py");
    expect(reference!.sourceLines).toEqual([3, 13]);
  });
});

describe("the character set in its own order", () => {
  // Written for this test: a code page's table of characters, annotated, and another format's
  // table of the same characters, one string a row: the alphabet is every table's.
  const CHARACTERS = Array.from({ length: 0x7f - 0x28 }, (_, i) => String.fromCharCode(0x28 + i)).filter((c) => c !== "\\");
  const codePage = `"""A code page: each byte's character."""\n\ndecoding_table = (\n${CHARACTERS.map((c) => `    '${c}'  # 0x${c.charCodeAt(0).toString(16)}`).join("\n")}\n)\n`;
  const otherFormat = `STANDARD_ENCODING = [\n${CHARACTERS.map((c) => `    "${c}",`).join("\n")}\n]\n`;
  let alphabetTracker: ReferenceTracker;
  beforeAll(async () => {
    alphabetTracker = await memoryTrackerForFiles({ "codecs/page.py": codePage });
  });
  afterAll(() => alphabetTracker.close());

  it("is not reported for the characters alone, in another table with nothing else the same", () => {
    expect(alphabetTracker.match(otherFormat, { language: "python" }).references).toEqual([]);
  });

  it("is reported when the table itself is copied", () => {
    expect(alphabetTracker.match(codePage, { language: "python" }).references[0]?.path).toBe("codecs/page.py");
  });
});

describe("a table keyed by a range of byte values", () => {
  // Written for this test: a parser's replacements for the bytes 0x80 … 0x97 of a legacy encoding,
  // and a radio protocol's status names at the same keys: the keys are every table's over that range.
  const REPLACEMENTS = Array.from({ length: 24 }, (_, i) => `\\u${(0x2010 + i * 3).toString(16).padStart(4, "0")}`);
  const STATUSES = ["MALFORMED", "UNKNOWN_CLUSTER", "UNKNOWN_COMMAND", "VENDOR_CLUSTER", "VENDOR_COMMAND", "BAD_FIELD", "NO_ATTRIBUTE", "BAD_VALUE",
    "READ_ONLY", "NO_SPACE", "DUPLICATE", "MISSING", "NOT_REPORTABLE", "BAD_TYPE", "BAD_SELECTOR", "WRITE_ONLY", "BAD_STARTUP", "OUT_OF_BAND",
    "INCONSISTENT", "DENIED", "TIMEOUT", "ABORTED", "BAD_IMAGE", "WAITING"];
  const keyed = (name: string, values: readonly string[], quote: string): string =>
    `${name} = {\n${values.map((value, i) => `    0x${(0x80 + i).toString(16)}: ${quote}${value}${quote},`).join("\n")}\n}\n`;
  const replacements = keyed("_replacements", REPLACEMENTS, "'");
  let keyedTracker: ReferenceTracker;
  beforeAll(async () => {
    keyedTracker = await memoryTrackerForFiles({ "markup/charrefs.py": `"""Replacements for the bytes a legacy encoding maps otherwise."""\n\n${replacements}` });
  });
  afterAll(() => keyedTracker.close());

  it("is not reported for its keys (0x80, 0x81, …) alone, its values other text", () => {
    expect(keyedTracker.match(keyed("STATUS_NAMES", STATUSES, '"'), { language: "python" }).references).toEqual([]);
  });

  it("is reported when the table itself is copied", () => {
    const [reference] = keyedTracker.match(replacements, { language: "python" }).references;
    expect(reference?.path).toBe("markup/charrefs.py");
    expect(reference!.sourceLines).toEqual([3, 28]);
  });
});

describe("a set of bit flags", () => {
  // Written for this test: a scheduler's task flags, and a parser's context flags declared as an
  // enum: 1, 2, 4, … in that order are every flag set's values.
  const TASK_FLAGS = ["QUEUED", "RUNNING", "PAUSED", "CANCELLED", "RETRYING", "DEFERRED", "PINNED", "DETACHED", "ORPHANED", "SEALED", "TRACED", "URGENT"];
  const CONTEXT_FLAGS = ["None", "InLoop", "InSwitch", "InFunction", "InGenerator", "InAsync", "InClass", "InModule", "AllowYield", "AllowAwait", "Strict", "Annex"];
  const flags = (name: string, names: readonly string[], hex: boolean): string =>
    `var ${names.map((flag, i) => `${name}_${flag} = ${hex ? `0x${(2 ** i).toString(16).padStart(4, "0")}` : 2 ** i}`).join(",\n  ")};\n`;
  const scheduler = `/** Flags of a task, one bit each. */\n${flags("TASK", TASK_FLAGS, false)}\nfunction hasFlag(task, flag) {\n  return (task.flags & flag) !== 0;\n}\n`;
  let flagTracker: ReferenceTracker;
  beforeAll(async () => {
    flagTracker = await memoryTrackerForFiles({ "src/task-flags.js": scheduler });
  });
  afterAll(() => flagTracker.close());

  it("is not reported for its values alone (1, 2, 4, … up to 2048) under other names", () => {
    const other = `export declare enum Context {\n${CONTEXT_FLAGS.map((flag, i) => `    ${flag} = ${i === 0 ? 0 : 2 ** (i - 1)},`).join("\n")}\n}\n`;
    expect(flagTracker.match(other, { language: "typescript" }).references).toEqual([]);
    expect(flagTracker.match(flags("CTX", CONTEXT_FLAGS, false), { language: "javascript" }).references).toEqual([]);
  });

  it("is not reported for its values written in hexadecimal (0x0001, 0x0002, … 0x0800) under other names", async () => {
    const hexTracker = await memoryTrackerForFiles({ "src/task-flags.js": scheduler.replace(flags("TASK", TASK_FLAGS, false), flags("TASK", TASK_FLAGS, true)) });
    try {
      expect(hexTracker.match(flags("CTX", CONTEXT_FLAGS, true), { language: "javascript" }).references).toEqual([]);
      expect(hexTracker.match(flags("TASK", TASK_FLAGS, true), { language: "javascript" }).references[0]?.path).toBe("src/task-flags.js");
    } finally {
      hexTracker.close();
    }
  });

  it("is reported when its names are copied with it", () => {
    const [reference] = flagTracker.match(flags("TASK", TASK_FLAGS, false), { language: "javascript" }).references;
    expect(reference?.path).toBe("src/task-flags.js");
    expect(reference!.sourceLines).toEqual([2, 13]);
  });
});
