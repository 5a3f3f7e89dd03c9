import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a sound container's header reader, and an instrument's sweep reader
// whose records are laid out in 4-byte fields too. Both slice their bytes at 0, 4, 8, 12, …: any
// binary layout's offsets, not a copy.
const HEADER_READER = `"""Header fields of a sampled-sound container."""


def read_header(h, big_endian):
    if big_endian:
        func = get_long_be
    else:
        func = get_long_le
    kind = 'snd'
    header_size = func(h[4:8])
    payload_size = func(h[8:12])
    codec = func(h[12:16])
    sample_rate = func(h[16:20])
    channels = func(h[20:24])
    width = 1
    if codec == 1:
        width = 8
    elif codec in (2, 3, 4, 5):
        width = 8 * (codec - 1)
    if header_size > 24:
        payload_size = payload_size - header_size
    return kind, sample_rate, channels, payload_size, width
`;

const SWEEP_READER = `"""Reads frequency sweeps from a vector network analyser over a serial line."""

import struct


def decode(field):
    return struct.unpack("<i", field)[0]


class SweepReader:
    """Collects the points of one sweep, one 32-byte record per frequency."""

    def __init__(self, port, points=101, timeout=2.0):
        self.port = port
        self.points = points
        self.timeout = timeout
        self.frequencies = []

    def configure(self, start_hz, stop_hz):
        step = (stop_hz - start_hz) / max(self.points - 1, 1)
        self.frequencies = [start_hz + k * step for k in range(self.points)]
        self.port.write(b"sweep %d %d %d\\r" % (start_hz, stop_hz, self.points))

    def read(self):
        raw = self.port.read(32 * self.points)
        if len(raw) < 32 * self.points:
            raise TimeoutError("the analyser sent %d of %d bytes" % (len(raw), 32 * self.points))
        samples = []
        for i in range(self.points):
            start = i * 32
            stop = (i + 1) * 32
            chunk = raw[start:stop]

            forward_re = decode(chunk[0:4])
            forward_im = decode(chunk[4:8])
            reverse_re = decode(chunk[8:12])
            reverse_im = decode(chunk[12:16])
            through_re = decode(chunk[16:20])
            through_im = decode(chunk[20:24])
            point = decode(chunk[24:26])

            incident = complex(forward_re, forward_im)
            reflected = complex(reverse_re, reverse_im)
            samples.append((point, reflected / incident, complex(through_re, through_im) / incident))
        return list(zip(self.frequencies, samples))

    def calibrate(self, standards):
        """Measures the open, short and load standards in turn and keeps their sweeps."""
        measured = {}
        for name in ("open", "short", "load"):
            input("connect the %s standard and press enter" % name)
            measured[name] = [point for _, point in self.read()]
        self.calibration = {name: [s[0] for s in sweep] for name, sweep in measured.items()}
        return self.calibration

    def apply(self, sweep):
        if not getattr(self, "calibration", None):
            return sweep
        corrected = []
        for k, (frequency, (gamma, transmission)) in enumerate(sweep):
            e00 = self.calibration["load"][k]
            e11 = (self.calibration["open"][k] + self.calibration["short"][k] - 2 * e00) / (self.calibration["open"][k] - self.calibration["short"][k])
            corrected.append((frequency, ((gamma - e00) / (1 + e11 * (gamma - e00)), transmission)))
        return corrected

    def close(self):
        self.port.write(b"pause\\r")
        self.port.close()
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "media/headers.py": HEADER_READER });
});
afterAll(() => tracker.close());

describe("a binary layout's offsets", () => {
  it("are no copy: another reader slicing its own fields at the same offsets is not reported", () => {
    expect(tracker.match(SWEEP_READER, { language: "python" }).references).toEqual([]);
  });

  it("do not hide a copy: the header reader renamed inside a longer file is still reported", () => {
    const renamed = HEADER_READER.replace(/\bheader_size\b/g, "hsize")
      .replace(/\bpayload_size\b/g, "nbytes")
      .replace(/\bsample_rate\b/g, "rate")
      .replace(/\bchannels\b/g, "nch")
      .replace(/\bcodec\b/g, "enc")
      .replace(/\bfunc\b/g, "get")
      .replace(/\bread_header\b/g, "parse_au");
    const file = `${SWEEP_READER}\n\n${renamed.slice(renamed.indexOf("def "))}`;
    const [reference] = tracker.match(file, { language: "python" }).references;
    expect(reference?.path).toBe("media/headers.py");
  });
});
