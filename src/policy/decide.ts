import type { Origin, Reference } from "../output/reference.js";
import { judgeLicense } from "./license-rules.js";
import { type CompiledPolicy, type PolicyAction, normalizeRepository } from "./policy.js";

/** Why one reference was not simply allowed. */
export interface DecisionReason {
  readonly action: Exclude<PolicyAction, "allow">;
  /** Index of the reference in the result's `references`. */
  readonly reference: number;
  /** The origin that decided (the strictest, when origins' licenses differ). */
  readonly source: string;
  readonly path: string;
  readonly sourceLines: [number, number];
  readonly queryLines: [number, number];
  readonly license: string;
  /** `references` (the policy's setting for any reference), `deny`, `allow` or `unknown` (license rules). */
  readonly rule: "references" | "deny" | "allow" | "unknown";
  /** One line a person reads: what was found, under which license, and which rule fired. */
  readonly message: string;
}

/** The policy's answer for one piece of code: the strictest of its references' actions, and why. */
export interface Decision {
  readonly action: PolicyAction;
  /** One per reference that is annotated or blocks, in the references' order. */
  readonly reasons: readonly DecisionReason[];
}

const SEVERITY: Record<PolicyAction, number> = { allow: 0, annotate: 1, block: 2 };

/**
 * Applies a policy to references. A reference to the person's own sources is allowed. Otherwise
 * each of its origins' licenses is judged, the strictest origin deciding: a license rule that
 * fires blocks; else the policy's `references` setting applies.
 */
export function decide(references: readonly Reference[], policy: CompiledPolicy): Decision {
  const reasons: DecisionReason[] = [];
  let action: PolicyAction = "allow";
  for (const [index, reference] of references.entries()) {
    if (reference.origins.some((origin) => isOwn(origin, policy))) continue;
    const reason = reasonFor(index, reference, policy);
    if (!reason) continue;
    reasons.push(reason);
    if (SEVERITY[reason.action] > SEVERITY[action]) action = reason.action;
  }
  return { action, reasons };
}

function reasonFor(index: number, reference: Reference, policy: CompiledPolicy): DecisionReason | undefined {
  const where = (origin: Origin) => ({
    reference: index,
    source: origin.source,
    path: origin.path,
    sourceLines: reference.sourceLines,
    queryLines: reference.queryLines,
    license: origin.license,
  });
  const lines = `lines ${reference.queryLines[0]}-${reference.queryLines[1]}`;
  for (const origin of reference.origins) {
    const verdict = judgeLicense(origin.license, policy.licenses);
    if (verdict.ok) continue;
    return {
      action: "block",
      ...where(origin),
      rule: verdict.rule,
      message: `${lines} match ${origin.source} ${origin.path}:${reference.sourceLines[0]}-${reference.sourceLines[1]} (${origin.license}): ${verdict.detail}`,
    };
  }
  if (policy.references === "allow") return undefined;
  const first = reference.origins[0] ?? reference;
  const conflict = reference.licenseConflict ? ` (its copies are under ${[...new Set(reference.origins.map((o) => o.license))].join(", ")})` : "";
  return {
    action: policy.references,
    ...where(first),
    rule: "references",
    message: `${lines} match ${first.source} ${first.path}:${reference.sourceLines[0]}-${reference.sourceLines[1]} (${first.license})${conflict}: references are ${policy.references === "block" ? "blocked" : "shown with their attribution"}`,
  };
}

function isOwn(origin: Origin, policy: CompiledPolicy): boolean {
  if (policy.ownSources.size === 0) return false;
  return policy.ownSources.has(normalizeRepository(origin.source)) || (origin.repository !== null && policy.ownSources.has(normalizeRepository(origin.repository)));
}
