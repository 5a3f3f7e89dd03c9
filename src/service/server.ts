import { randomUUID } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Piscina } from "piscina";
import { ReftrackError, describeError } from "../errors.js";
import type { LanguageDefinition } from "../languages/language.js";
import { languageByName, languageForFile, languageNames } from "../languages/registry.js";
import { type Policy, compilePolicy } from "../policy/policy.js";
import { openIndexDatabase } from "../store/reader.js";
import type { IndexDescription } from "../store/records.js";
import { compiledModule } from "../util/package-root.js";
import { reftrackVersion } from "../version.js";
import { type TokenGrant, authorize } from "./auth.js";
import answerHere, { type CheckAnswer, type WorkerAnswer, type WorkerTask, closeIndexes } from "./check-worker.js";
import { ServiceError, errors } from "./errors.js";
import { loadTls } from "./tls.js";
import { DEFAULT_SERVICE_LIMITS, type ServiceLimits, nestingDepth, roughTokenCount } from "./limits.js";

export interface ServiceOptions {
  /** Index name → index file. */
  readonly indexes: Readonly<Record<string, string>>;
  /** Callers and what each may query; none means no authentication, on loopback only. */
  readonly tokens: readonly TokenGrant[];
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Plain HTTP beyond loopback: only when the operator says so. */
  readonly insecure?: boolean;
  readonly workers?: number;
  readonly limits?: Partial<ServiceLimits>;
  /** Where the one-line-per-request log goes (default: standard error). Never holds code. */
  readonly log?: (line: string) => void;
}

export interface RunningService {
  readonly url: string;
  /** Stops accepting, finishes what is in flight, stops the workers. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** `reftrack serve`: the library's check over HTTP, for pipelines in any language (README: Service). */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const limits: ServiceLimits = { ...DEFAULT_SERVICE_LIMITS, ...options.limits };
  checkServiceOptions(options);
  const threads = Math.max(1, options.workers ?? 2);
  const pool = new Piscina<WorkerTask, WorkerAnswer>({
    filename: compiledModule("service/check-worker.js"),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    // Piscina loads the worker with require() before import(); on Node 20 that is require(esm),
    // which once aborted a worker thread in `ModuleWrap::InstantiateSync` (a fatal error, not an
    // exception). Without it the worker is loaded by import() alone.
    execArgv: [...process.execArgv, "--no-experimental-require-module"],
  });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state = { ready: false, stopping: false };
  /** Checks given to the pool and not yet answered: running and waiting. */
  let pooled = 0;
  const summaries = new Map<string, unknown>();
  // Every index opens once before the service says it is ready: a bad path fails the start, not a request.
  for (const [name, path] of Object.entries(options.indexes)) {
    try {
      // Opened here, on the thread that checks short code, so the first request does not pay for it.
      summaries.set(name, summarize(await answerHere({ kind: "describe", indexPath: path })));
    } catch (error) {
      await pool.destroy();
      closeIndexes();
      throw new ReftrackError(`serve: index "${name}" (${path}) cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  state.ready = true;

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const started = performance.now();
    const id = randomUUID();
    const entry: Record<string, unknown> = { time: new Date().toISOString(), id, method: request.method, path: (request.url ?? "").split("?")[0] };
    handle(request, entry, started)
      .then((body) => send(response, 200, body, {}, id))
      .catch((error: unknown) => {
        const failure = error instanceof ServiceError ? error : errors.internal();
        if (!(error instanceof ServiceError)) entry.failure = error instanceof Error ? error.name : "error";
        // A body left unread: answer, then close the connection rather than read the rest.
        const closing: Record<string, string> = request.complete ? {} : { connection: "close" };
        send(response, failure.status, { error: { code: failure.code, message: failure.message, requestId: id } }, { ...failure.headers, ...closing }, id);
        entry.code = failure.code;
      })
      .finally(() => {
        entry.status = response.statusCode;
        entry.ms = Math.round((performance.now() - started) * 100) / 100;
        log(JSON.stringify(entry));
      });
  };

  const handle = async (request: IncomingMessage, entry: Record<string, unknown>, started: number): Promise<unknown> => {
    const path = (request.url ?? "").split("?")[0];
    if (path === "/healthz") return { status: "ok", version: reftrackVersion() };
    if (path === "/readyz") {
      if (!state.ready || state.stopping) throw errors.notReady();
      return { status: "ready" };
    }
    if (path !== "/v1/check" && path !== "/v1/indexes") throw errors.notFound();
    const grant = options.tokens.length === 0 ? openGrant(options) : authorize(request.headers.authorization, options.tokens);
    if (!grant) throw errors.unauthorized();
    entry.tenant = grant.tenant;
    if (state.stopping) throw errors.notReady();
    if (path === "/v1/indexes") {
      if (request.method !== "GET") throw errors.methodNotAllowed("GET");
      return { indexes: grant.indexes.map((name) => ({ name, ...(summaries.get(name) as object) })) };
    }
    if (request.method !== "POST") throw errors.methodNotAllowed("POST");
    if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) throw errors.unsupportedMediaType();
    const raw = await readBody(request, limits.maxBodyBytes);
    entry.bytes = raw.length;
    if (nestingDepth(raw) > limits.maxNesting) throw errors.tooNested();
    const body = parseObject(raw);
    knownFields(body);
    // A caller that may use one index need not name it.
    const index = body.index === undefined && grant.indexes.length === 1 ? grant.indexes[0] : body.index;
    if (typeof index !== "string") throw errors.badRequest(body.index === undefined ? 'give "index": this caller may use several' : '"index" must be a string naming an index');
    // Another tenant's index and one that does not exist are the same answer.
    if (!grant.indexes.includes(index) || !(index in options.indexes)) throw errors.unknownIndex();
    entry.index = index;
    const code = body.code;
    if (typeof code !== "string") throw errors.badRequest('"code" must be a string');
    entry.codeChars = code.length;
    if (code.length > limits.maxCodeChars) throw errors.tooLarge("the code");
    if (roughTokenCount(code) > limits.maxTokens) throw errors.tooLarge("the code's token count");
    if (nestingDepth(code) > limits.maxNesting) throw errors.tooNested();
    const language = languageOf(body);
    const policy = policyOf(body.policy);
    if (body.whole !== undefined && typeof body.whole !== "boolean") throw errors.badRequest('"whole" must be true or false');
    const task: WorkerTask = {
      kind: "check",
      indexPath: options.indexes[index]!,
      code,
      language: language.name,
      ...(policy ? { policy } : {}),
      ...(body.whole === true ? { whole: true } : {}),
    };
    let answer: CheckAnswer;
    if (code.length <= limits.inlineMaxChars) {
      // Short code is checked here, in a few milliseconds at most; a request that already waited past its deadline is not begun.
      if (performance.now() - started > limits.timeoutMs) throw errors.timeout();
      answer = (await answerHere(task)) as CheckAnswer;
    } else {
      // The service counts the queue itself: a check past its deadline still holds its place until it ends.
      if (pooled >= threads + limits.maxQueue) throw errors.overloaded();
      const remaining = limits.timeoutMs - (performance.now() - started);
      if (remaining <= 0) throw errors.timeout();
      pooled++;
      const run = pool.run(task);
      run.then(
        () => pooled--,
        () => pooled--,
      );
      answer = (await withDeadline(run, remaining)) as CheckAnswer;
    }
    entry.references = answer.references;
    entry.decision = answer.action;
    return new PreparedJson(answer.json);
  };

  const server: Server = options.tls
    ? createHttpsServer({ ...loadTls(options.tls), minVersion: "TLSv1.2" }, handler)
    : createHttpServer(handler);
  server.headersTimeout = 10_000;
  server.requestTimeout = limits.timeoutMs + 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new ReftrackError(`serve: cannot listen on ${options.host}:${options.port}: ${error.message}`)));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? "https" : "http"}://${host}:${address.port}`,
    close: async () => {
      state.stopping = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pool.destroy();
      closeIndexes();
    },
  };
}

/** What can be refused before any process starts: exposure, tokens naming unknown indexes, TLS files that cannot be used, indexes that cannot be opened. */
export function checkServiceOptions(options: ServiceOptions): void {
  checkExposure(options);
  for (const grant of options.tokens) {
    for (const name of grant.indexes) if (!(name in options.indexes)) throw new ReftrackError(`serve: token of tenant "${grant.tenant}" names index "${name}", which is not configured`);
  }
  if (options.tls) loadTls(options.tls);
  // Opened once here, so a bad index is told once, not by every service process.
  for (const [name, path] of Object.entries(options.indexes)) {
    try {
      openIndexDatabase(path).db.close();
    } catch (error) {
      throw new ReftrackError(`serve: index "${name}" (${path}) cannot be opened: ${describeError(error)}`);
    }
  }
}

/** Beyond loopback only with tokens, and only over TLS unless the operator insists. */
function checkExposure(options: ServiceOptions): void {
  if (LOOPBACK.has(options.host)) return;
  if (options.tokens.length === 0) throw new ReftrackError(`serve: no token is configured, so the service listens on loopback only (not ${options.host}); add tokens to the config`);
  if (!options.tls && !options.insecure) throw new ReftrackError(`serve: listening on ${options.host} needs TLS (--tls-cert and --tls-key), or --insecure to send code unencrypted`);
}

/** Without tokens (loopback only), every local caller may use every index. */
function openGrant(options: ServiceOptions): TokenGrant {
  return { tenant: "local", sha256: "", indexes: Object.keys(options.indexes) };
}

function summarize(answer: WorkerAnswer): object {
  const description = answer as IndexDescription;
  return {
    sources: description.sources.map((s) => ({ name: s.name, revision: s.revision, license: s.license, files: s.files })),
    files: description.sources.reduce((sum, s) => sum + s.files, 0),
    parameters: description.parameters,
  };
}

/**
 * The answer, or a timeout error at the deadline. A check past it runs to its end on its thread and
 * its answer is dropped: stopping a thread inside native code (SQLite, tree-sitter) is not safe.
 */
async function withDeadline<T>(run: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(errors.timeout()), timeoutMs);
  });
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(errors.tooLarge("the request body"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(errors.tooLarge("the request body"));
        request.removeAllListeners("data");
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => reject(errors.badRequest("the request body could not be read")));
  });
}

function parseObject(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw errors.badJson();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw errors.badJson();
  return value as Record<string, unknown>;
}

const REQUEST_FIELDS: readonly string[] = ["index", "code", "language", "path", "policy", "whole"];

/**
 * A field a check request does not have is refused: a caller sending `minMatchedChars` would
 * otherwise believe it applied. Named when it is a plain name; the rest of a request is content.
 */
function knownFields(body: Record<string, unknown>): void {
  const unknown = Object.keys(body).find((key) => !REQUEST_FIELDS.includes(key));
  if (unknown === undefined) return;
  const fields = `(its fields: ${REQUEST_FIELDS.join(", ")})`;
  throw errors.badRequest(/^[\w.-]{1,40}$/.test(unknown) ? `"${unknown}" is not a field of a check request ${fields}` : `the request has a field a check request does not ${fields}`);
}

function languageOf(body: Record<string, unknown>): LanguageDefinition {
  if (body.language !== undefined) {
    if (typeof body.language !== "string") throw errors.badRequest(`"language" must be one of ${languageNames.join(", ")}`);
    try {
      return languageByName(body.language);
    } catch {
      throw errors.badRequest(`"language" must be one of ${languageNames.join(", ")} (or py, ts, js)`);
    }
  }
  if (typeof body.path === "string") {
    const language = languageForFile(body.path, () => (typeof body.code === "string" ? body.code : undefined));
    if (language) return language;
    throw errors.badRequest('"path" has no extension reftrack knows, nor the code a #! line naming an interpreter it knows; give "language"');
  }
  throw errors.badRequest('give "language" or "path"');
}

function policyOf(value: unknown): Policy | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw errors.badRequest('"policy" must be an object');
  try {
    compilePolicy(value as Policy);
  } catch {
    // The policy's own words are request content: the message names the rule, not the value.
    throw errors.badRequest('"policy" is not valid: see the policy in README (references, licenses.deny/allow/unknown, ownSources)');
  }
  return value as Policy;
}

/** A body already serialized (by the worker that made it). */
class PreparedJson {
  constructor(readonly text: string) {}
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>, id: string): void {
  if (response.headersSent) return;
  const text = body instanceof PreparedJson ? body.text : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-request-id": id,
    ...headers,
  });
  response.end(text);
}
