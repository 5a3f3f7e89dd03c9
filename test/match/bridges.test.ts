import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

const PORTS_PY = `import socket


def bind_port(service, host, port):
    """Bind a service to a port."""
    slot = (host, port)
    if (_bound_ports.get(slot) == service and
            _services.get(service) == slot):
        return
    if slot in _bound_ports:
        raise PortError("slot %s is already bound to %s" %
                        (slot, _bound_ports[slot]))
`;

// Renamed throughout, strings too, with a statement added after the third line: the stretch
// before it is shorter than a k-gram, so it holds no seed of its own.
const NEAR_MISS = `def attach(job, addr, num):
    """s1"""
    pair = (addr, num)
    audit_log.append("step")
    if (_table_a.get(pair) == job and
            _table_b.get(job) == pair):
        return
    if pair in _table_a:
        raise SlotError("s2" %
                        (pair, _table_a[pair]))
`;

describe("alignment across an added or left-out statement", () => {
  let tracker: ReferenceTracker;
  beforeAll(async () => {
    tracker = await memoryTrackerForFiles({ "net/ports.py": PORTS_PY, "net/other.py": "VALUE = 1\n" });
  });
  afterAll(() => tracker.close());

  it("continues past the added statement to the seedless lines before it", () => {
    const [reference, ...rest] = tracker.match(NEAR_MISS, { language: "python" }).references;
    expect(rest).toEqual([]);
    expect(reference?.path).toBe("net/ports.py");
    expect(reference!.queryLines).toEqual([1, 10]);
    expect(reference!.sourceLines).toEqual([4, 12]);
  });

  it("continues past a left-out statement", () => {
    const leftOut = NEAR_MISS.replace('    audit_log.append("step")\n', "").replace("    pair = (addr, num)\n", "");
    const [reference] = tracker.match(leftOut, { language: "python" }).references;
    expect(reference?.path).toBe("net/ports.py");
    expect(reference!.queryLines).toEqual([1, 8]);
    expect(reference!.sourceLines).toEqual([4, 12]);
  });

  it("does not run on into other code past the copy", () => {
    const followed = `${NEAR_MISS}\n\ndef unrelated(a, b):\n    total = a.get(b) + 1\n    return total\n`;
    const [reference] = tracker.match(followed, { language: "python" }).references;
    expect(reference!.queryLines).toEqual([1, 10]);
  });
});
