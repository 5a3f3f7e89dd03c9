import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ReftrackError } from "../../src/errors.js";
import { loadTls } from "../../src/service/tls.js";
import { temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const dir = temporaryDirectory();
afterAll(() => dir.cleanup());

function selfSigned(name: string): { cert: string; key: string } {
  const cert = join(dir.path, `${name}.cert.pem`);
  const key = join(dir.path, `${name}.key.pem`);
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"], { stdio: "ignore" });
  return { cert, key };
}

function refusal(paths: { cert: string; key: string }): string {
  try {
    loadTls(paths);
  } catch (error) {
    expect(error).toBeInstanceOf(ReftrackError);
    return (error as Error).message;
  }
  throw new Error("loadTls accepted what it should refuse");
}

describe("the service's TLS files", () => {
  const first = selfSigned("first");
  const second = selfSigned("second");

  it("takes a certificate and its own key", () => {
    const files = loadTls(first);
    expect(files.cert.toString()).toMatch(/BEGIN CERTIFICATE/);
    expect(files.key.toString()).toMatch(/PRIVATE KEY/);
  });

  it("refuses, in one line, a missing file, a file that is not PEM, and another certificate's key", () => {
    const missing = join(dir.path, "missing.pem");
    expect(refusal({ cert: missing, key: first.key })).toBe(`serve: cannot read the TLS certificate ${missing}: no such file (ENOENT)`);
    expect(refusal({ cert: first.cert, key: missing })).toBe(`serve: cannot read the TLS key ${missing}: no such file (ENOENT)`);
    const text = join(dir.path, "not-pem.txt");
    writeFileSync(text, "x = 1\n");
    expect(refusal({ cert: text, key: first.key })).toMatch(new RegExp(`^serve: the TLS certificate ${text} and key ${first.key} cannot be used: .+$`));
    expect(refusal({ cert: first.cert, key: second.key })).toMatch(/cannot be used: .*key values mismatch/);
  });

  it("is checked before `reftrack serve` starts a process: one line, exit 2, no stack trace", () => {
    const run = spawnSync(process.execPath, [BIN, "serve", "--index", `x=${first.cert}`, "--port", "0", "--tls-cert", first.cert, "--tls-key", second.key], { encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reftrack: serve: the TLS certificate .* cannot be used: .*\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
