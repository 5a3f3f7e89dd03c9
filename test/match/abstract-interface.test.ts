import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a geometry library's abstract shape, and a messaging library's abstract
// transport inside a longer module. Both declare abstract properties the way every interface does
// (`@property`, `@abstractmethod`, a docstring, `raise NotImplementedError`), under their own names.
const SHAPES = `"""Abstract shapes: what every concrete shape must answer."""

from abc import ABC, abstractmethod


class Shape(ABC):
    """A closed figure in the plane."""

    __slots__ = ()

    @property
    @abstractmethod
    def area(self):
        """The surface the shape covers, in square units.

        Concrete shapes compute it from their own dimensions.
        """
        raise NotImplementedError

    @property
    @abstractmethod
    def perimeter(self):
        """The length of the shape's boundary, in units.

        Concrete shapes compute it from their own dimensions.
        """
        raise NotImplementedError

    @abstractmethod
    def scaled(self, factor):
        """A copy of the shape with every dimension times factor."""
        raise NotImplementedError

    def is_larger_than(self, other):
        return self.area > other.area

    def __repr__(self):
        return "<%s area=%.2f>" % (type(self).__name__, self.area)
`;

const TRANSPORT = `"""Transports carry framed messages between two peers."""

import logging
import queue
from abc import ABC, abstractmethod

log = logging.getLogger(__name__)

FRAME_HEADER = 8
MAX_FRAME = 1 << 20


def frame(payload):
    if len(payload) > MAX_FRAME:
        raise ValueError("payload of %d bytes exceeds the frame limit" % len(payload))
    return len(payload).to_bytes(FRAME_HEADER, "big") + payload


def unframe(buffer):
    size = int.from_bytes(buffer[:FRAME_HEADER], "big")
    return buffer[FRAME_HEADER:FRAME_HEADER + size], buffer[FRAME_HEADER + size:]


class Transport(ABC):
    """Moves frames to and from one peer."""

    def __init__(self, peer, timeout=5.0):
        self.peer = peer
        self.timeout = timeout
        self.sent = 0

    @property
    @abstractmethod
    def inbound(self):
        """
        The queue frames received from the peer are put on.
        """
        raise NotImplementedError

    @property
    @abstractmethod
    def outbound(self):
        """
        The queue frames for the peer are taken from.
        """
        raise NotImplementedError

    @abstractmethod
    def connect(
        self,
        address: "Address",
        retries: "int",
    ) -> None:
        """
        Open the connection to the peer at address, trying again on refusal.
        """
        raise NotImplementedError

    def send(self, payload):
        data = frame(payload)
        self.outbound.put(data)
        self.sent += len(data)
        log.debug("queued %d bytes for %s", len(data), self.peer)

    def receive(self):
        try:
            data = self.inbound.get(timeout=self.timeout)
        except queue.Empty:
            return None
        payload, rest = unframe(data)
        if rest:
            log.warning("dropped %d trailing bytes from %s", len(rest), self.peer)
        return payload
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "geometry/shapes.py": SHAPES });
});
afterAll(() => tracker.close());

describe("an abstract interface", () => {
  it("is not reported for declaring abstract properties as every interface does, under other names", () => {
    expect(tracker.match(TRANSPORT, { language: "python" }).references).toEqual([]);
  });

  it("is reported when its own methods are copied", () => {
    const start = SHAPES.indexOf("    @property");
    const copy = `from abc import ABC, abstractmethod\n\n\nclass Figure(ABC):\n${SHAPES.slice(start, SHAPES.indexOf("    def is_larger_than"))}`;
    const [reference] = tracker.match(copy, { language: "python" }).references;
    expect(reference?.path).toBe("geometry/shapes.py");
  });
});
