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
