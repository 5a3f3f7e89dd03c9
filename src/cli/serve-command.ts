import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { ReftrackError } from "../errors.js";
import { newToken } from "../service/auth.js";
import { isServiceProcess, reportListening, superviseProcesses } from "../service/processes.js";
import { type ServiceOptions, checkServiceOptions, startService } from "../service/server.js";
import { parsePositiveInteger, withUsageErrors } from "./args.js";
import { EXIT_NO_MATCH, type Output } from "./output.js";

/** `reftrack serve`: runs until SIGINT or SIGTERM, then finishes in-flight requests and exits. */
export async function serveCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("serve", () =>
    parseArgs({
      args,
      allowPositionals: false,
      options: {
        config: { type: "string" },
        index: { type: "string", multiple: true },
        host: { type: "string" },
        port: { type: "string" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        insecure: { type: "boolean" },
        workers: { type: "string" },
        processes: { type: "string" },
        "new-token": { type: "boolean" },
      },
    }),
  );
  void positionals;
  if (values["new-token"]) {
    const { token, sha256 } = newToken();
    out.stdout(`token:  ${token}\nsha256: ${sha256}\n`);
    out.stderr("Give the token to the caller; put only the sha256 in reftrack.config.json's serve.tokens.\n");
    return EXIT_NO_MATCH;
  }
  const { config, path: configPath } = loadConfig(values.config);
  const serve = config.serve ?? {};
  const base = configPath ? resolve(configPath, "..") : process.cwd();
  const indexes: Record<string, string> = Object.fromEntries(Object.entries(serve.indexes ?? {}).map(([name, path]) => [name, resolve(base, path)]));
  for (const flag of values.index ?? []) {
    const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(flag);
    if (!match) throw new ReftrackError(`serve: --index expects name=path, got "${flag}"`);
    indexes[match[1]!] = resolve(match[2]!);
  }
  if (Object.keys(indexes).length === 0 && config.db) indexes.default = config.db;
  if (Object.keys(indexes).length === 0) throw new ReftrackError("serve: no index: give --index name=path, or serve.indexes (or db) in reftrack.config.json");
  const tlsCert = values["tls-cert"] ?? serve.tls?.cert;
  const tlsKey = values["tls-key"] ?? serve.tls?.key;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) throw new ReftrackError("serve: TLS needs both --tls-cert and --tls-key");
  const port = values.port !== undefined ? parsePort(values.port) : (serve.port ?? 8080);
  const workers = parsePositiveInteger(values.workers, "--workers") ?? serve.workers ?? 1;
  const processes = parsePositiveInteger(values.processes, "--processes") ?? serve.processes ?? availableParallelism();
  const indexCount = `${Object.keys(indexes).length} index${Object.keys(indexes).length === 1 ? "" : "es"}`;
  const options: ServiceOptions = {
    indexes,
    tokens: serve.tokens ?? [],
    host: values.host ?? serve.host ?? "127.0.0.1",
    port,
    ...(tlsCert && tlsKey ? { tls: { cert: resolve(base, tlsCert), key: resolve(base, tlsKey) } } : {}),
    insecure: values.insecure === true || serve.insecure === true,
    workers,
    ...(serve.limits ? { limits: serve.limits } : {}),
  };
  if (processes > 1 && !isServiceProcess()) {
    checkServiceOptions(options);
    return superviseProcesses(processes, {
      listening: (url) => out.stderr(`reftrack serve: listening on ${url} with ${indexCount}, ${processes} processes\n`),
      replaced: ({ code, signal }) => out.stderr(`${JSON.stringify({ time: new Date().toISOString(), event: "process_replaced", code, signal })}\n`),
      stopping: () => out.stderr("reftrack serve: stopping, finishing requests in flight\n"),
    });
  }
  try {
    return await runService(out, indexCount, options);
  } finally {
    // The channel to the supervisor would keep this process alive, after a stop or a failed start.
    if (isServiceProcess()) process.disconnect?.();
  }
}

async function runService(out: Output, indexCount: string, options: ServiceOptions): Promise<number> {
  const service = await startService(options);
  if (isServiceProcess()) reportListening(service.url);
  else out.stderr(`reftrack serve: listening on ${service.url} with ${indexCount}\n`);
  // Handlers stay on: a second signal (the terminal's SIGINT, then the supervisor's SIGTERM) must not cut the drain short.
  await new Promise<void>((resolveStop) => {
    process.on("SIGINT", () => resolveStop());
    process.on("SIGTERM", () => resolveStop());
  });
  if (!isServiceProcess()) out.stderr("reftrack serve: stopping, finishing requests in flight\n");
  await service.close();
  return EXIT_NO_MATCH;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ReftrackError(`serve: --port expects 0-65535, got "${value}"`);
  return port;
}
