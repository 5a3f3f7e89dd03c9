import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";
import { ProgressLine } from "../../src/cli/progress.js";
import { FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";
import { join } from "node:path";

function capture(tty: boolean): Output & { out: string; err: string } {
  const sink = {
    out: "",
    err: "",
    stdout: (t: string) => {
      sink.out += t;
    },
    stderr: (t: string) => {
      sink.err += t;
    },
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
  };
  return sink;
}

describe("index progress", () => {
  it("renders files, megabytes, rate and an ETA by bytes", () => {
    let now = 0;
    const line = new ProgressLine(() => {}, () => now);
    line.plan({ files: 200, bytes: 40e6 });
    now = 4000;
    expect(line.render({ files: 50, bytes: 10e6 }, 4)).toBe(
      "[######..................]  25%  50/200 files  10.0/40.0 MB  2.5 MB/s  ETA 12s",
    );
    expect(line.render({ files: 0, bytes: 0 }, 0)).toContain("ETA --");
  });

  it("draws a bar on a terminal, then clears it before the summary", async () => {
    const dir = temporaryDirectory();
    try {
      const tty = capture(true);
      expect(await main(["index", "--db", join(dir.path, "a.db"), FIXTURE_MANIFEST], tty)).toBe(0);
      expect(tty.err).toMatch(/\r\u001b\[K\[#+\.*\] +\d+%  \d+\/6 files/);
      // Every drawing is cleared before a line is printed, so the log reads cleanly afterwards.
      const afterLastRedraw = tty.err.slice(tty.err.lastIndexOf("\r\u001b[K") + 4);
      expect(afterLastRedraw).not.toContain("[#");
      expect(afterLastRedraw).toMatch(/^index: 2 sources, 6 files \(1 identical copy stored once\)/m);

      const piped = capture(false);
      expect(await main(["index", "--db", join(dir.path, "b.db"), FIXTURE_MANIFEST], piped)).toBe(0);
      expect(piped.err).not.toContain("\r");
      expect(piped.err).toMatch(/^indexed {4}alpha: \d+ files.*license MIT \(manifest\)$/m);
      expect(piped.err).toMatch(/^this run: 2 indexed, 0 unchanged, 0 removed; 6 files/m);

      const quiet = capture(true);
      expect(await main(["index", "--quiet", "--db", join(dir.path, "c.db"), FIXTURE_MANIFEST], quiet)).toBe(0);
      expect(quiet.err + quiet.out).toBe("");
    } finally {
      dir.cleanup();
    }
  });
});
