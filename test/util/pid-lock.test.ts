import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PidLock } from "../../src/util/pid-lock.js";
import { temporaryDirectory } from "../helpers.js";

const dir = temporaryDirectory();
afterAll(() => dir.cleanup());

const messages = { busy: (pid: number) => `held by ${pid}`, failed: (error: unknown) => `failed: ${String(error)}` };

describe("PidLock", () => {
  it("holds this process's id until released", () => {
    const path = join(dir.path, "a.lock");
    const lock = PidLock.acquire(path, messages);
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release();
  });

  it("refuses a lock a live process holds, naming it", () => {
    const path = join(dir.path, "b.lock");
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(path, String(holder.pid));
      expect(() => PidLock.acquire(path, messages)).toThrow(`held by ${holder.pid}`);
      expect(readFileSync(path, "utf8")).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock whose process is gone", () => {
    const path = join(dir.path, "c.lock");
    const gone = spawnSync("true");
    writeFileSync(path, String(gone.pid));
    const lock = PidLock.acquire(path, messages);
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
    lock.release();
  });

  it("says why when the lock cannot be created", () => {
    expect(() => PidLock.acquire(join(dir.path, "missing", "d.lock"), messages)).toThrow(/^failed: .*ENOENT/);
  });
});
