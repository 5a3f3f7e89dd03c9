import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/indexing/build.js";
import { hashToken } from "../../src/service/auth.js";
import { type RunningService, startService } from "../../src/service/server.js";
import { FIXTURES, temporaryDirectory } from "../helpers.js";

const BIN = join(import.meta.dirname, "..", "..", "dist", "src", "cli", "bin.js");

const dir = temporaryDirectory();
const COPIED = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
const CANARY = `canary_${Math.random().toString(36).slice(2)}_${Date.now()}`;
const logLines: string[] = [];
let alphaDb: string;
let betaDb: string;
let service: RunningService;

/** An index of one fixture source, written for these tests. */
async function indexOf(source: "alpha" | "beta", db: string): Promise<void> {
  const manifest = join(dir.path, `${source}.json`);
  writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: source, path: join(FIXTURES, "corpus", source), license: source === "alpha" ? "MIT" : "Apache-2.0" }] }));
  await buildIndex(db, manifest);
}

const TOKEN_A = "rt_tenant_a_token_0123456789";
const TOKEN_B = "rt_tenant_b_token_9876543210";

async function call(path: string, options: { token?: string; body?: unknown; raw?: string; method?: string; contentType?: string } = {}) {
  const response = await fetch(`${service.url}${path}`, {
    method: options.method ?? (options.body !== undefined || options.raw !== undefined ? "POST" : "GET"),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined ? { "content-type": options.contentType ?? "application/json" } : {}),
    },
    ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

beforeAll(async () => {
  alphaDb = join(dir.path, "alpha.db");
  betaDb = join(dir.path, "beta.db");
  await indexOf("alpha", alphaDb);
  await indexOf("beta", betaDb);
  service = await startService({
    indexes: { alpha: alphaDb, beta: betaDb },
    tokens: [
      { tenant: "A", sha256: hashToken(TOKEN_A), indexes: ["alpha"] },
      { tenant: "B", sha256: hashToken(TOKEN_B), indexes: ["beta"] },
    ],
    host: "127.0.0.1",
    port: 0,
    workers: 2,
    limits: { maxBodyBytes: 64 * 1024, maxCodeChars: 32 * 1024, maxTokens: 5000, maxNesting: 64, timeoutMs: 2000, maxQueue: 64 },
    log: (line) => logLines.push(line),
  });
}, 60_000);

afterAll(async () => {
  await service?.close();
  dir.cleanup();
});

describe("reftrack serve", () => {
  it("checks code as the library does, and answers health and readiness", async () => {
    const checked = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python", index: "alpha", policy: { licenses: { deny: ["MIT"] } } } });
    expect(checked.status).toBe(200);
    expect(checked.json.references[0].path).toBe("tools/report.py");
    expect(checked.json.decision.action).toBe("block");
    expect((await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, path: "x.py", index: "alpha" } })).json.decision.action).toBe("annotate");
    // A whole file, as a CI job sends one: the same copy.
    const whole = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, path: "x.py", index: "alpha", whole: true } });
    expect(whole.json.references.map((r: { path: string }) => r.path)).toEqual(["tools/report.py"]);
    // A script without an extension, by its #! line; without one, a 400 that says what to give.
    expect((await call("/v1/check", { token: TOKEN_A, body: { code: `#!/usr/bin/python3\n${COPIED}`, path: "bin/report", index: "alpha" } })).json.language).toBe("python");
    const untold = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, path: "bin/report", index: "alpha" } });
    expect(untold.status).toBe(400);
    expect(untold.json.error.message).toMatch(/give "language"/);
    expect((await call("/healthz")).status).toBe(200);
    expect((await call("/readyz")).json).toEqual({ status: "ready" });
  });

  it("lists only the indexes a caller may use, with a summary of each corpus", async () => {
    const a = await call("/v1/indexes", { token: TOKEN_A });
    expect(a.json.indexes.map((i: { name: string }) => i.name)).toEqual(["alpha"]);
    expect(a.json.indexes[0].sources).toEqual([{ name: "alpha", revision: null, license: "MIT", files: 3 }]);
  });

  it("refuses another tenant's index exactly as one that does not exist", async () => {
    const foreign = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python", index: "beta" } });
    const missing = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python", index: "gamma" } });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (body: Record<string, any>) => ({ ...body.error, requestId: undefined });
    expect(strip(foreign.json)).toEqual(strip(missing.json));
    expect(foreign.headers.get("content-length")).toBe(missing.headers.get("content-length"));
    // B may use beta, and not alpha.
    expect((await call("/v1/check", { token: TOKEN_B, body: { code: COPIED, language: "python", index: "beta" } })).status).toBe(200);
    expect((await call("/v1/check", { token: TOKEN_B, body: { code: COPIED, language: "python", index: "alpha" } })).status).toBe(404);
  });

  it("answers each error with its status and a stable code", async () => {
    const cases: [Parameters<typeof call>, number, string][] = [
      [["/v1/check", { body: { code: "x", language: "python", index: "alpha" } }], 401, "unauthorized"],
      [["/v1/check", { token: "rt_wrong", body: { code: "x", language: "python", index: "alpha" } }], 401, "unauthorized"],
      [["/v1/check", { token: TOKEN_A, raw: "{not json" }], 400, "invalid_json"],
      [["/v1/check", { token: TOKEN_A, body: [1, 2] }], 400, "invalid_json"],
      [["/v1/check", { token: TOKEN_A, body: { code: 5, language: "python", index: "alpha" } }], 400, "invalid_request"],
      [["/v1/check", { token: TOKEN_A, body: { code: "x", language: "cobol", index: "alpha" } }], 400, "invalid_request"],
      [["/v1/check", { token: TOKEN_A, body: { code: "x", index: "alpha" } }], 400, "invalid_request"],
      [["/v1/check", { token: TOKEN_A, body: { code: "x", language: "python", index: "alpha", policy: { references: "hide" } } }], 400, "invalid_request"],
      [["/v1/check", { token: TOKEN_A, body: { code: "x", language: "python", index: "alpha", whole: "yes" } }], 400, "invalid_request"],
      [["/v1/check", { token: TOKEN_A, raw: "{}", contentType: "text/plain" }], 415, "unsupported_media_type"],
      [["/v1/check", { token: TOKEN_A, body: { code: "x".repeat(40 * 1024), language: "python", index: "alpha" } }], 413, "too_large"],
      [["/v1/check", { token: TOKEN_A, raw: JSON.stringify({ code: "y".repeat(70 * 1024) }) }], 413, "too_large"],
      [["/v1/check", { token: TOKEN_A, body: { code: "a ".repeat(6000), language: "python", index: "alpha" } }], 413, "too_large"],
      [["/v1/check", { token: TOKEN_A, body: { code: "(".repeat(100), language: "python", index: "alpha" } }], 400, "too_nested"],
      [["/v1/check", { token: TOKEN_A, raw: "[".repeat(100) + "]".repeat(100) }], 400, "too_nested"],
      [["/v1/check", { token: TOKEN_A, method: "GET" }], 405, "method_not_allowed"],
      [["/v2/anything", { token: TOKEN_A }], 404, "not_found"],
    ];
    for (const [args, status, code] of cases) {
      const answer = await call(...args);
      expect([answer.status, answer.json.error?.code], JSON.stringify(args[1]).slice(0, 80)).toEqual([status, code]);
    }
  });

  it("takes the caller's one index when a request names none, and asks a caller of several to name it", async () => {
    const unnamed = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python" } });
    expect(unnamed.status).toBe(200);
    expect(unnamed.json).toEqual((await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python", index: "alpha" } })).json);
    const both = await startService({ indexes: { alpha: alphaDb, beta: betaDb }, tokens: [], host: "127.0.0.1", port: 0, log: () => {} });
    try {
      const response = await fetch(`${both.url}/v1/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "x = 1\n", language: "python" }) });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect([response.status, answer.error.code, answer.error.message]).toEqual([400, "invalid_request", 'give "index": this caller may use several']);
    } finally {
      await both.close();
    }
  });

  it("refuses a field a check request does not have, naming it when it is a plain name", async () => {
    const fields = "(its fields: index, code, language, path, policy, whole)";
    const misspelt = await call("/v1/check", { token: TOKEN_A, body: { code: "x = 1\n", language: "python", index: "alpha", minMatchedChars: 10 } });
    expect([misspelt.status, misspelt.json.error?.code, misspelt.json.error?.message]).toEqual([400, "invalid_request", `"minMatchedChars" is not a field of a check request ${fields}`]);
    const odd = await call("/v1/check", { token: TOKEN_A, body: { code: "x = 1\n", language: "python", index: "alpha", "def f(): pass": 1 } });
    expect(odd.json.error?.message).toBe(`the request has a field a check request does not ${fields}`);
    expect((await call("/v1/check", { token: TOKEN_A, body: { code: "x = 1\n", language: "python", index: "alpha", whole: true, policy: {} } })).status).toBe(200);
  });

  it("stays up and answers every random or malformed body", async () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['{"code":', '"x"', "null", "[", "]", "{", "}", ",", ':"', '"index":"alpha"', '"language":"python"', "\\u0000", "1e999", '"\\ud800"', "true"];
    for (let i = 0; i < 150; i++) {
      const raw = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
      const answer = await call("/v1/check", { token: TOKEN_A, raw });
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
    }
    expect((await call("/healthz")).status).toBe(200);
  });

  it("never writes the code it is sent: not to its logs, its files or its output", async () => {
    const code = `def ${CANARY}():\n    return "${CANARY}"\n${COPIED}`;
    await call("/v1/check", { token: TOKEN_A, body: { code, language: "python", index: "alpha" } });
    await call("/v1/check", { token: TOKEN_A, body: { code, language: "python", index: "beta" } });
    await call("/v1/check", { token: TOKEN_A, body: { code, language: CANARY, index: "alpha" } });
    await call("/v1/check", { token: TOKEN_A, body: { code, language: "python", index: CANARY } });
    await call("/v1/check", { token: TOKEN_A, body: { code, language: "python", index: "alpha", policy: { licenses: { deny: [CANARY] } } } });
    await call("/v1/check", { token: TOKEN_A, raw: `{"code": "${CANARY}", "language": ` });
    await call("/v1/check", { token: `${CANARY}`, body: { code } });
    await call("/v1/check", { token: TOKEN_A, body: { code: `${CANARY}${"(".repeat(100)}`, language: "python", index: "alpha" } });
    expect(logLines.join("\n")).not.toContain(CANARY);
    expect(logLines.length).toBeGreaterThan(5);
    // Every file the service could have written: the indexes and their WAL, the temp folder.
    for (const folder of [dir.path, process.env.TMPDIR ?? "/tmp"]) {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        let stat;
        try {
          stat = statSync(path);
        } catch {
          continue;
        }
        if (!stat.isFile() || stat.size > 64 * 1024 * 1024 || stat.mtimeMs < Date.now() - 120_000) continue;
        expect(readFileSync(path).includes(CANARY), path).toBe(false);
      }
    }
  });

  it("picks up an index rebuilt and renamed over the old one, failing no request", async () => {
    const swapped = join(dir.path, "swap.db");
    await indexOf("alpha", swapped);
    const swapService = await startService({ indexes: { main: swapped }, tokens: [], host: "127.0.0.1", port: 0, workers: 2, log: () => {} });
    try {
      const ask = async () => {
        const response = await fetch(`${swapService.url}/v1/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: COPIED, language: "python", index: "main" }) });
        return { status: response.status, body: (await response.json()) as { references: { source: string }[] } };
      };
      let stop = false;
      const statuses: number[] = [];
      const load = Array.from({ length: 4 }, async () => {
        while (!stop) statuses.push((await ask()).status);
      });
      // Rebuild beside it with another source, then rename over it.
      const next = join(dir.path, "swap-next.db");
      const manifest = join(dir.path, "swap.json");
      mkdirSync(join(dir.path, "renamed"), { recursive: true });
      copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(dir.path, "renamed", "report.py"));
      writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: "rebuilt", path: join(dir.path, "renamed"), license: "MIT" }] }));
      await buildIndex(next, manifest);
      renameSync(next, swapped);
      const atRename = statuses.length;
      // Asked until an answer comes from the rebuilt index and the load has been answered across
      // the rename: conditions, not a time, so a slow machine waits longer rather than failing.
      let answeredFromRebuilt = false;
      for (const deadline = Date.now() + 10_000; (!answeredFromRebuilt || statuses.length < atRename + 8) && Date.now() < deadline; ) {
        const answer = await ask();
        statuses.push(answer.status);
        answeredFromRebuilt ||= answer.body.references[0]?.source === "rebuilt";
      }
      stop = true;
      await Promise.all(load);
      expect(answeredFromRebuilt).toBe(true);
      expect(statuses.length).toBeGreaterThanOrEqual(atRename + 8);
      expect(statuses.every((status) => status === 200)).toBe(true);
    } finally {
      await swapService.close();
    }
  });
});

describe("an index updated in place while the service answers", () => {
  it("answers every request from the old version or the new, never without the source, and then from the new", async () => {
    const tree = join(dir.path, "in-place");
    mkdirSync(tree, { recursive: true });
    for (const name of ["report.py", "notes.py"]) copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(tree, name));
    const manifest = join(dir.path, "in-place.json");
    const beta = join(dir.path, "in-place-beta");
    cpSync(join(FIXTURES, "corpus", "beta"), beta, { recursive: true });
    writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: "alpha", path: tree, license: "MIT" }, { kind: "dir", name: "beta", path: beta, license: "Apache-2.0" }] }));
    const db = join(dir.path, "in-place.db");
    await buildIndex(db, manifest);
    const updating = await startService({ indexes: { main: db }, tokens: [], host: "127.0.0.1", port: 0, workers: 2, log: () => {} });
    try {
      const ask = async (code: string) => {
        const response = await fetch(`${updating.url}/v1/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, language: "python", index: "main" }) });
        return { status: response.status, body: (await response.json()) as { references: { source: string }[] } };
      };
      let stop = false;
      const answers: { status: number; sources: string }[] = [];
      const load = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const answer = await ask(COPIED);
          answers.push({ status: answer.status, sources: answer.body.references.map((r) => r.source).join(",") });
        }
      });
      const added = [
        "def weighted_running_mean(values, weights, floor=0.0):",
        "    total = 0.0",
        "    weight_sum = 0.0",
        "    means = []",
        "    for value, weight in zip(values, weights):",
        "        if weight <= floor:",
        "            means.append(means[-1] if means else None)",
        "            continue",
        "        total += value * weight",
        "        weight_sum += weight",
        "        means.append(round(total / weight_sum, 6))",
        "    spread = max(means) - min(means) if means and None not in means else 0.0",
        "    return {'means': means, 'spread': spread, 'weights': weight_sum}",
        "",
      ].join("\n");
      // alpha changes (a file more, notes.py emptied): its new version replaces the old in the merge,
      // after beta, changed too, is written, while requests are answered.
      writeFileSync(join(tree, "means.py"), added);
      writeFileSync(join(tree, "notes.py"), "");
      writeFileSync(join(beta, "lib", "extra.py"), added.replaceAll("weight", "mass"));
      for (const deadline = Date.now() + 10_000; answers.length < 8 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = answers.length;
      // Built by another process, as a scheduled update would be.
      const build = spawn(process.execPath, [BIN, "index", "--quiet", "--db", db, manifest], { stdio: "ignore" });
      const built = await new Promise<number | null>((resolve) => build.once("exit", resolve));
      expect(built).toBe(0);
      // Answered across the update: conditions, not a time, so a slow machine waits longer rather than failing.
      for (const deadline = Date.now() + 10_000; answers.length < before + 8 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      stop = true;
      await Promise.all(load);
      expect(answers.length).toBeGreaterThanOrEqual(before + 8);
      expect(answers.filter((a) => a.status !== 200 || a.sources !== "alpha")).toEqual([]);
      let found = false;
      for (const deadline = Date.now() + 10_000; !found && Date.now() < deadline; ) found = (await ask(added)).body.references.some((r) => r.source === "alpha");
      expect(found).toBe(true);
    } finally {
      await updating.close();
    }
  });
});

describe("long code on the worker pool", () => {
  it("answers as the inline check does, 504 past its deadline and 503 when the queue is full, writing no code", async () => {
    const lines: string[] = [];
    const start = (limits: { timeoutMs: number; maxQueue: number }) =>
      startService({ indexes: { alpha: alphaDb }, tokens: [], host: "127.0.0.1", port: 0, workers: 1, limits: { ...limits, inlineMaxChars: 0 }, log: (line) => lines.push(line) });
    const post = async (url: string, code: string) => {
      const response = await fetch(`${url}/v1/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, language: "python", index: "alpha" }) });
      return { status: response.status, retryAfter: response.headers.get("retry-after"), json: (await response.json()) as Record<string, any> };
    };
    const long = `def ${CANARY}():\n    return "${CANARY}"\n${COPIED.repeat(Math.floor(200_000 / COPIED.length))}`;
    const pooled = await start({ timeoutMs: 5000, maxQueue: 1 });
    try {
      const inline = await call("/v1/check", { token: TOKEN_A, body: { code: COPIED, language: "python", index: "alpha" } });
      expect((await post(pooled.url, COPIED)).json).toEqual(inline.json);
      const answers = await Promise.all(Array.from({ length: 12 }, () => post(pooled.url, long)));
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((a) => a.json.error.code === "overloaded" && a.retryAfter === "1")).toBe(true);
      expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    } finally {
      await pooled.close();
    }
    const hurried = await start({ timeoutMs: 1, maxQueue: 8 });
    try {
      const late = await post(hurried.url, long);
      expect([late.status, late.json.error?.code]).toEqual([504, "timeout"]);
      // The service still answers after a request past its deadline.
      expect((await fetch(`${hurried.url}/healthz`)).status).toBe(200);
    } finally {
      await hurried.close();
    }
    expect(lines.length).toBeGreaterThan(12);
    expect(lines.join("\n")).not.toContain(CANARY);
  });
});

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // Ended while listed.
    }
  }
  return children;
}

describe("reftrack serve on several processes", () => {
  it("tells an index that cannot be opened once, before any process starts", () => {
    const notIndex = join(dir.path, "not-an-index.db");
    writeFileSync(notIndex, "not SQLite\n");
    const run = spawnSync(process.execPath, [BIN, "serve", "--index", `alpha=${notIndex}`, "--port", "0", "--processes", "2"], { encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`reftrack: serve: index "alpha" (${notIndex}) cannot be opened: cannot open index ${notIndex}: file is not a database\n`);
    const absent = join(dir.path, "absent.db");
    expect(spawnSync(process.execPath, [BIN, "serve", "--index", `alpha=${absent}`, "--port", "0"], { encoding: "utf8", timeout: 20_000 }).stderr).toMatch(/cannot be opened: index not found: /);
  });

  it("serves from every process, replaces one that dies, and stops them all on SIGTERM", { timeout: 60_000 }, async () => {
    const server: ChildProcess = spawn(process.execPath, [BIN, "serve", "--index", `alpha=${alphaDb}`, "--port", "0", "--processes", "2"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    try {
      const waitFor = async (pattern: RegExp) => {
        for (let waited = 0; !pattern.test(stderr); waited += 50) {
          if (waited > 20_000) throw new Error(`no ${pattern} in: ${stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return pattern.exec(stderr)!;
      };
      const url = (await waitFor(/listening on (\S+) with 1 index, 2 processes/))[1]!;
      const ask = async () => (await fetch(`${url}/v1/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: COPIED, language: "python", index: "alpha" }) })).status;
      expect(await ask()).toBe(200);
      const processes = childrenOf(server.pid!);
      expect(processes.length).toBe(2);
      process.kill(processes[0]!, "SIGKILL");
      await waitFor(/"event":"process_replaced"/);
      const statuses = await Promise.all(Array.from({ length: 8 }, ask));
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(childrenOf(server.pid!).length).toBe(2);
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(childrenOf(server.pid!)).toEqual([]);
    } finally {
      server.kill("SIGKILL");
    }
  });
});

describe("TLS", () => {
  it("serves TLS 1.2 and refuses TLS 1.1", async () => {
    const cert = join(dir.path, "cert.pem");
    const key = join(dir.path, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"], { stdio: "ignore" });
    const tls = await startService({ indexes: { alpha: alphaDb }, tokens: [], host: "127.0.0.1", port: 0, tls: { cert, key }, log: () => {} });
    try {
      const port = Number(new URL(tls.url).port);
      const handshake = (version: "TLSv1.1" | "TLSv1.2") =>
        new Promise<string>((resolve) => {
          const socket = tlsConnect({ host: "127.0.0.1", port, minVersion: version, maxVersion: version, rejectUnauthorized: false, ciphers: "DEFAULT:@SECLEVEL=0" }, () => {
            resolve(socket.getProtocol() ?? "none");
            socket.end();
          });
          socket.on("error", () => resolve("refused"));
        });
      expect(await handshake("TLSv1.2")).toBe("TLSv1.2");
      expect(await handshake("TLSv1.1")).toBe("refused");
    } finally {
      await tls.close();
    }
  });

  it("refuses to expose code beyond loopback without tokens, or without TLS unless told", async () => {
    await expect(startService({ indexes: { alpha: alphaDb }, tokens: [], host: "0.0.0.0", port: 0, log: () => {} })).rejects.toThrow(/loopback only/);
    await expect(
      startService({ indexes: { alpha: alphaDb }, tokens: [{ tenant: "A", sha256: hashToken(TOKEN_A), indexes: ["alpha"] }], host: "0.0.0.0", port: 0, log: () => {} }),
    ).rejects.toThrow(/needs TLS/);
  });
});
