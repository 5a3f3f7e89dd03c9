import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { MatchOptions } from "../options.js";
import type { Policy } from "../policy/policy.js";
import type { TokenGrant } from "../service/auth.js";
import type { ServiceLimits } from "../service/limits.js";
import { readJsonFile } from "./json-file.js";
import { validateAgainstSchema } from "./schema-validation.js";

export const CONFIG_FILE_NAME = "reftrack.config.json";

/** reftrack.config.json, as schemas/reftrack.config.schema.json describes it; paths made absolute. */
export interface ReftrackConfig {
  readonly db?: string;
  readonly policy?: Policy;
  readonly match?: Partial<MatchOptions>;
  readonly scan?: {
    readonly format?: "text" | "json";
    readonly failOn?: "references" | "policy" | "never";
    readonly maxFileSize?: string | number;
    readonly minified?: boolean;
    readonly threads?: number;
  };
  readonly log?: { readonly path?: string; readonly includeCode?: boolean };
  readonly serve?: {
    readonly host?: string;
    readonly port?: number;
    readonly indexes?: Readonly<Record<string, string>>;
    readonly tokens?: readonly TokenGrant[];
    readonly tls?: { readonly cert: string; readonly key: string };
    readonly insecure?: boolean;
    readonly workers?: number;
    readonly processes?: number;
    readonly limits?: Partial<ServiceLimits>;
  };
}

export interface LoadedConfig {
  /** The file read, or null when there is none. */
  readonly path: string | null;
  readonly config: ReftrackConfig;
}

/** The nearest reftrack.config.json in `from` or a folder above it. */
export function findConfig(from: string): string | null {
  let folder = resolve(from);
  for (;;) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** The config given (`--config`), else the nearest one, else none; validated against its schema. */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  const path = explicit !== undefined ? resolve(cwd, explicit) : findConfig(cwd);
  if (path === null) return { path: null, config: {} };
  const value = readJsonFile(path, "config");
  validateAgainstSchema(value, "reftrack.config", path);
  const config = value as ReftrackConfig;
  const base = dirname(path);
  return {
    path,
    config: {
      ...config,
      ...(config.db !== undefined ? { db: resolve(base, config.db) } : {}),
      ...(config.log ? { log: { ...config.log, ...(config.log.path !== undefined ? { path: resolve(base, config.log.path) } : {}) } } : {}),
    },
  };
}

/** Where the code reference log is kept unless configured: $XDG_STATE_HOME/reftrack, else ~/.local/state/reftrack. */
export function defaultLogPath(): string {
  const state = process.env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(state, "reftrack", "references.jsonl");
}
