import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import { ReftrackError } from "../errors.js";
import { packageRoot } from "../util/package-root.js";

/** The JSON Schemas shipped in the package's schemas/ folder, for the files users write by hand. */
export type SchemaName = "reftrack.config" | "manifest";

const validators = new Map<SchemaName, ValidateFunction>();

// Loaded on first use: ajv takes a tenth of a second to load, and most commands read no config.
let ajv: typeof AjvClass | undefined;
function loadAjv(): typeof AjvClass {
  ajv ??= (createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass }).Ajv;
  return ajv;
}

function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const path = join(packageRoot(), "schemas", `${name}.schema.json`);
    const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    validate = new (loadAjv())({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    validators.set(name, validate);
  }
  return validate;
}

/** Checks `value` against a shipped schema; the first problem is a one-line ReftrackError naming the key. */
export function validateAgainstSchema(value: unknown, name: SchemaName, file: string): void {
  const validate = validator(name);
  if (validate(value)) return;
  throw new ReftrackError(`${file}: ${describeSchemaError(mostSpecific(validate.errors ?? []))}`);
}

/** The error a person should read first: the deepest, and not the if/then bookkeeping around it. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const meaningful = errors.filter((error) => error.keyword !== "if" && error.keyword !== "then" && error.keyword !== "allOf");
  const pool = meaningful.length > 0 ? meaningful : errors;
  // An unknown key says most (a misspelling); then the deepest path.
  return [...pool].sort((a, b) => rank(b) - rank(a))[0];
}

function rank(error: ErrorObject): number {
  return (error.keyword === "additionalProperties" ? 1000 : 0) + error.instancePath.split("/").length;
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return "does not match its schema";
  const at = keyPath(error.instancePath);
  const where = at === "" ? "" : ` at ${at}`;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${String(error.params.additionalProperty)}"${where}`;
    case "required":
      return `"${String(error.params.missingProperty)}" is required${where}`;
    case "enum":
      return `${at || "value"} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "pattern":
      return `${at || "value"} is not in the expected form (${error.parentSchema?.description ?? `pattern ${String(error.params.pattern)}`})`;
    default:
      return `${at || "value"} ${error.message ?? "is not valid"}`;
  }
}

/** `/sources/0/licence` as `sources[0].licence`. */
function keyPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`), "");
}
