import { ReftrackError, requireKnownKeys } from "../errors.js";
import { type LicenseCategory, LicenseList, type LicenseRules } from "./license-rules.js";

/**
 * What to do with a suggestion that resembles indexed code: `allow` (nothing to show), `annotate`
 * (show it with its references: repository, license, link) or `block` (never show it: the
 * "include suggestions with code references" setting turned off).
 */
export type PolicyAction = "allow" | "annotate" | "block";

/** A suggestion pipeline's policy: a plain object, also the `policy` key of reftrack.config.json. */
export interface Policy {
  /** What a reference leads to when no license rule blocks it (default "annotate"). */
  readonly references?: PolicyAction;
  readonly licenses?: {
    /** SPDX licenses (`GPL-3.0-only`, `GPL-2.0+`, `… WITH …`) or categories whose references block. */
    readonly deny?: readonly (string | LicenseCategory)[];
    /** When given, references under any license outside it block. */
    readonly allow?: readonly (string | LicenseCategory)[];
    /**
     * A license nobody determined (NOASSERTION, or not an SPDX expression): "deny" or "allow".
     * Default: "deny" when a deny or allow list is given, else "allow".
     */
    readonly unknown?: "deny" | "allow";
  };
  /**
   * The person's own code: source names (as in the manifest) or repository URLs whose references
   * never block or annotate: code that resembles your own published code is not a finding.
   */
  readonly ownSources?: readonly string[];
}

/** A policy checked and ready to apply (compilePolicy). */
export interface CompiledPolicy {
  readonly references: PolicyAction;
  readonly licenses: LicenseRules;
  readonly hasLicenseRules: boolean;
  readonly ownSources: ReadonlySet<string>;
}

const ACTIONS: readonly PolicyAction[] = ["allow", "annotate", "block"];

const compiled = new WeakMap<Policy, CompiledPolicy>();

/** Checks a policy once (a bad entry is a ReftrackError naming it) and remembers the result per object. */
export function compilePolicy(policy: Policy = {}): CompiledPolicy {
  const known = compiled.get(policy);
  if (known) return known;
  if (typeof policy !== "object" || policy === null) throw new ReftrackError("policy must be an object");
  // A misspelt rule would otherwise be a rule silently not applied: `{ action: "block" }` blocking nothing.
  requireKnownKeys(policy, POLICY_KEYS, "policy", "key");
  if (policy.licenses !== undefined && (typeof policy.licenses !== "object" || policy.licenses === null)) throw new ReftrackError("policy: licenses must be an object");
  if (policy.licenses) requireKnownKeys(policy.licenses, LICENSE_KEYS, "policy.licenses", "key");
  const references = policy.references ?? "annotate";
  if (!ACTIONS.includes(references)) throw new ReftrackError(`policy: references must be one of ${ACTIONS.join(", ")}, got ${JSON.stringify(references)}`);
  const licenses = policy.licenses ?? {};
  const deny = LicenseList.parse(stringList(licenses.deny, "licenses.deny"), "licenses.deny");
  const allow = LicenseList.parse(stringList(licenses.allow, "licenses.allow"), "licenses.allow");
  const hasLicenseRules = deny.size > 0 || allow.size > 0;
  const unknown = licenses.unknown ?? (hasLicenseRules ? "deny" : "allow");
  if (unknown !== "deny" && unknown !== "allow") throw new ReftrackError(`policy: licenses.unknown must be deny or allow, got ${JSON.stringify(unknown)}`);
  const result: CompiledPolicy = {
    references,
    licenses: { deny, allow, unknown },
    hasLicenseRules,
    ownSources: new Set(stringList(policy.ownSources, "ownSources").map(normalizeRepository)),
  };
  compiled.set(policy, result);
  return result;
}

const POLICY_KEYS: readonly string[] = ["references", "licenses", "ownSources"];
const LICENSE_KEYS: readonly string[] = ["deny", "allow", "unknown"];


function stringList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw new ReftrackError(`policy: ${name} must be a list of strings`);
  return value as string[];
}

/** Repository URLs compare without scheme, `git+`, `.git` and trailing slash; source names as written. */
export function normalizeRepository(value: string): string {
  return value
    .trim()
    .replace(/^git\+/, "")
    .replace(/^[a-z]+:\/\//i, "")
    .replace(/\.git$/, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}
