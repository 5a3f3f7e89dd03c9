import { extname } from "node:path";
import { ReftrackError } from "../errors.js";
import { javascript } from "./javascript.js";
import type { LanguageDefinition, LanguageName } from "./language.js";
import { python } from "./python.js";
import { tsx, typescript } from "./typescript.js";

const definitions: readonly LanguageDefinition[] = [typescript, tsx, javascript, python];

const byName = new Map<string, LanguageDefinition>(definitions.map((d) => [d.name, d]));
const byExtension = new Map<string, LanguageDefinition>(
  definitions.flatMap((d) => d.extensions.map((ext) => [ext, d] as const)),
);

export const languageNames: readonly LanguageName[] = definitions.map((d) => d.name);

/** The short names people type: `--language py`. */
const ALIASES: Record<string, LanguageName> = { py: "python", python3: "python", ts: "typescript", mts: "typescript", cts: "typescript", js: "javascript", mjs: "javascript", cjs: "javascript", jsx: "javascript", node: "javascript" };

export function languageByName(name: string): LanguageDefinition {
  const lower = typeof name === "string" ? name.toLowerCase() : "";
  const definition = byName.get(lower) ?? byName.get(ALIASES[lower] ?? "");
  if (!definition) {
    throw new ReftrackError(`unknown language "${String(name)}" (known: ${languageNames.join(", ")}, or py, ts, js)`);
  }
  return definition;
}

/** The language for a path by its extension, or undefined when reftrack does not know it. */
export function languageForPath(path: string): LanguageDefinition | undefined {
  return byExtension.get(extname(path).toLowerCase());
}

/**
 * A file's language by its extension or, for a file with none (`bin/deploy`), by the interpreter
 * its `#!` line names, as editors and GitHub tell a script's; `start` gives the file's first
 * characters, asked for only then.
 */
export function languageForFile(path: string, start: () => string | undefined): LanguageDefinition | undefined {
  const byName = languageForPath(path);
  if (byName || extname(path) !== "") return byName;
  const text = start();
  return text === undefined ? undefined : languageForInterpreterLine(text);
}

/** Interpreters by program name; a runtime that runs more than one language (deno, bun) names none. */
const INTERPRETERS: readonly (readonly [RegExp, LanguageName])[] = [
  [/^(?:python|pypy)(?:\d+(?:\.\d+)*)?$/, "python"],
  [/^(?:node|nodejs)$/, "javascript"],
  [/^(?:ts-node|tsx)$/, "typescript"],
];

/** The language of a `#!` line (`#!/usr/bin/env -S node --flag`, `#!/usr/bin/python3.11`), if it names one. */
export function languageForInterpreterLine(text: string): LanguageDefinition | undefined {
  const line = /^#![ \t]*([^\r\n]*)/.exec(text)?.[1];
  if (line === undefined) return undefined;
  const words = line.split(/[ \t]+/).filter((w) => w !== "");
  let program = words[0]?.split("/").pop();
  // `env` runs the first word that is neither an option (`-S`) nor an assignment (`NODE_ENV=x`).
  if (program === "env") program = words.slice(1).find((w) => !w.startsWith("-") && !w.includes("="))?.split("/").pop();
  if (program === undefined) return undefined;
  const known = INTERPRETERS.find(([pattern]) => pattern.test(program));
  return known ? byName.get(known[1]) : undefined;
}
